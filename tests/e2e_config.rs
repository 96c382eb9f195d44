//! End-to-end: the real binary with a `config.toml` that swaps `j`/`k` in
//! the Questions view and picks the light theme; a bad file starts the app
//! with the defaults and says so; `qreview config` checks and prints files.

mod common;

use std::process::Command;

use common::Session;

const CONFIG: &str = r#"theme = "light"

[keys.questions]
down = ["k", "<down>"]
up = ["j", "<up>"]
"#;

#[test]
fn rebound_keys_and_the_light_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, CONFIG).unwrap();
    let notes = dir.path().join("notes.json");
    let mut s = Session::start(
        &["--config", config.to_str().unwrap()],
        &[("QREVIEW_NOTES", notes.to_str().unwrap())],
    );
    s.wait_for(&["5-8902", "Affaires étrangères"]);
    // `k` now moves down: two steps from the family row reach 5-8902.
    s.send("kk\r");
    s.wait_for(&["= 293 days", "QUESTION"]);
    s.send("1");
    s.wait_for(&["5-8900", "Premier ministre"]);
    // The help is built from the merged table: the rebind shows there.
    s.send("?");
    let help = s.wait_for(&["Help: Questions"]);
    let down_row = help
        .lines()
        .find(|l| l.contains("next question"))
        .unwrap_or_else(|| panic!("{help}"));
    assert!(down_row.contains(" k "), "{down_row}");
    assert!(!down_row.contains(" j "), "{down_row}");
    s.send("\x1b");
    // The light theme's tab bar: a pale grey background (index 252).
    let parsed = s.parsed();
    let cell = parsed.screen().cell(0, 1).expect("a cell");
    assert_eq!(cell.bgcolor(), vt100::Color::Idx(252), "{:?}", cell);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_bad_config_starts_with_the_defaults_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"light\"\nnotes = 3\n").unwrap();
    let notes = dir.path().join("notes.json");
    let mut s = Session::start(
        &[],
        &[
            ("QREVIEW_CONFIG", config.to_str().unwrap()),
            ("QREVIEW_NOTES", notes.to_str().unwrap()),
        ],
    );
    s.wait_for(&["config.toml:2:9", "defaults used", "Affaires étrangères"]);
    // The default keys apply: `j` moves down.
    s.send("jj\r");
    s.wait_for(&["= 293 days"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn config_command_prints_the_default_and_checks_a_file() {
    let qreview = env!("CARGO_BIN_EXE_qreview");
    let out = Command::new(qreview)
        .args(["config", "--default"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let default = String::from_utf8(out.stdout).unwrap();
    assert!(default.contains("# [keys.questions]"), "{default}");

    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.toml");
    std::fs::write(&good, &default).unwrap();
    let out = Command::new(qreview)
        .args(["config", "--check", "--config", good.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[keys.reader]\ndown = \"q\"\n").unwrap();
    let out = Command::new(qreview)
        .args(["config", "--check"])
        .env("QREVIEW_CONFIG", &bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("bad.toml") && err.contains("also a key in [keys.global]"),
        "{err}"
    );
}
