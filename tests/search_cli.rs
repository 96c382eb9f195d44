//! `qreview search` as a process, on the built-in corpus.

use std::process::Command;

fn qreview(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .output()
        .expect("qreview runs");
    (
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn search_medias_finds_5_8902_without_the_accent() {
    let (stdout, _, code) = qreview(&["search", "medias"]);
    assert_eq!(code, 0);
    let first = stdout.lines().nth(1).expect("a result line");
    assert!(first.starts_with("5-8902"), "{stdout}");
    assert!(first.contains("médias"), "{stdout}");
}

#[test]
fn search_json_has_the_documented_fields_and_honours_limit() {
    let (stdout, _, code) = qreview(&["search", "\"réseaux sociaux\"", "--json", "--limit", "2"]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 1, "{stdout}");
    assert_eq!(rows[0]["id"], "5-8902");
    assert_eq!(rows[0]["field"], "answer");
    assert_eq!(rows[0]["part"], "1.");
    assert!(
        rows[0]["snippet"]
            .as_str()
            .unwrap()
            .contains("réseaux sociaux")
    );
    assert!(rows[0]["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn fuzzy_search_reads_metadata_only() {
    let (stdout, _, code) = qreview(&["search", "--fuzzy", "taelman 8916", "--limit", "1"]);
    assert_eq!(code, 0);
    assert!(
        stdout.lines().nth(1).unwrap().starts_with("5-8916"),
        "{stdout}"
    );
    // Words found only in answer bodies are never fuzzy-matched.
    let (stdout, stderr, _) = qreview(&["search", "--fuzzy", "Typhon Hayan"]);
    assert_eq!(stdout, "", "{stdout}");
    assert_eq!(stderr.trim(), "no match");
}

#[test]
fn fuzzy_and_text_conflict() {
    let (_, stderr, code) = qreview(&["search", "x", "--fuzzy", "--text"]);
    assert_eq!(code, 2, "{stderr}");
}
