//! `qreview stats` (the real binary) agrees with `analysis::figures` and
//! `analysis::timeline`: what the shell prints is what the Timeline view shows.

use std::path::PathBuf;
use std::process::Command;

use qreview::analysis::deadline::DeadlineRules;
use qreview::analysis::filter::QuestionFilter;
use qreview::analysis::{figures, league};
use qreview::corpus::{embedded, load};

fn qreview(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .output()
        .expect("run qreview");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn synthetic() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/synthetic-family")
        .display()
        .to_string()
}

#[test]
fn stats_json_agrees_with_figures_on_the_default_corpus() {
    let printed: serde_json::Value = serde_json::from_str(&qreview(&["stats", "--json"])).unwrap();
    // The command shows labels in French unless told otherwise.
    let mut corpus = embedded::load();
    qreview::corpus::display::show_labels_in(&mut corpus, qreview::corpus::Lang::Fr);
    let expected = serde_json::to_value(figures::all(&corpus)).unwrap();
    assert_eq!(printed, expected);
    let family = &printed[0];
    assert_eq!(family["members"].as_array().unwrap().len(), 19);
    assert_eq!(family["slowest"]["id"], "5-8902");
    assert_eq!(family["slowest"]["days"], 293);
    assert_eq!(family["fastest"]["id"], "5-8904");
    assert_eq!(family["fastest"]["days"], 8);
    assert_eq!(family["reminded"], 2);
}

#[test]
fn stats_json_agrees_with_figures_on_the_synthetic_family() {
    let dir = synthetic();
    let printed: serde_json::Value =
        serde_json::from_str(&qreview(&["stats", "--json", &dir])).unwrap();
    let corpus = load::load_paths(&[PathBuf::from(&dir)], &|_, _| {});
    assert_eq!(
        printed,
        serde_json::to_value(figures::all(&corpus)).unwrap()
    );
    let printed: serde_json::Value = serde_json::from_str(&qreview(&[
        "stats",
        "--ministries",
        "--json",
        "--today",
        "2021-07-01",
        &dir,
    ]))
    .unwrap();
    let rows = league::league(
        &corpus,
        &DeadlineRules::default(),
        jiff::civil::date(2021, 7, 1),
        &QuestionFilter::default(),
    );
    assert_eq!(printed, serde_json::to_value(&rows).unwrap());
    assert_eq!(printed.as_array().unwrap().len(), rows.len());
}

#[test]
fn stats_table_shows_the_timeline_rows() {
    let out = qreview(&[
        "stats",
        "--sort",
        "days",
        "--today",
        "2021-07-01",
        &synthetic(),
    ]);
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("  9-")).collect();
    let ids: Vec<&str> = rows.iter().map(|l| &l[2..7]).collect();
    assert_eq!(ids, ["9-102", "9-100", "9-101", "9-103", "9-104"]);
    assert!(rows[4].ends_with("unanswered 178"), "{}", rows[4]);
    assert!(out.contains("reminder to answer, median 56 days"));
}
