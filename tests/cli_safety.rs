//! What the shell commands print never carries a byte a terminal would act
//! on, whatever the input files hold.

use std::process::{Command, Output};

fn qreview(args: &[&str], notes: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .env("QREVIEW_NOTES", notes)
        .output()
        .expect("binary runs")
}

/// ESC, BEL, a C1 CSI, a right-to-left override: none may be printed raw.
fn assert_clean(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(bad), "{bad:?} printed raw in:\n{text}");
    }
}

#[test]
fn a_hostile_notes_file_is_reported_without_its_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let hostile = r#"{"format": "qreview-notes", "version": 1, "questions": {"5-8902": {"status": "\u001b]52;c;SGVsbG8=\u0007\u009b2J\u202e"}}}"#;
    std::fs::write(&notes, hostile).unwrap();
    let o = qreview(&["notes", "list"], &notes);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_clean(&o.stdout);
    assert_clean(&o.stderr);
    assert!(String::from_utf8_lossy(&o.stderr).contains(&*notes.display().to_string()));
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        hostile,
        "left untouched"
    );
}

#[test]
fn corpus_text_with_escapes_is_printed_safely_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let corpus = dir.path().join("c.json");
    std::fs::write(
        &corpus,
        r#"{"format": "qreview-corpus", "version": 1, "questions": [{"id": "5-1", "title": "T\u009b2J \u202eevil", "question": {"text": "1) a\u001b]0;title\u0007 ?"}}]}"#,
    )
    .unwrap();
    let path = corpus.to_str().unwrap();
    for args in [
        vec!["show", "5-1", path],
        vec!["show", "5-1", path, "--json"],
        vec!["list", path],
        vec!["list", path, "--json"],
        vec!["search", "evil", path],
        vec!["search", "evil", path, "--json"],
    ] {
        let o = qreview(&args, &notes);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_clean(&o.stdout);
        assert_clean(&o.stderr);
    }
    let json = qreview(&["show", "5-1", path, "--json"], &notes);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["title"], "T\u{9b}2J \u{202e}evil", "escaped, not changed");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let o = qreview(
        &["check", fifo.to_str().unwrap()],
        &dir.path().join("n.json"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn a_fifo_inside_a_folder_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let status = Command::new("mkfifo")
        .arg(corpus.join("z.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/layouts/fr-web-5-8916.txt"
        ),
        corpus.join("5-8916.txt"),
    )
    .unwrap();
    let o = qreview(
        &["check", corpus.to_str().unwrap()],
        &dir.path().join("n.json"),
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("z.txt: error:") && out.contains("not a regular file"),
        "{out}"
    );
    assert!(out.contains("1 question"), "{out}");
}
