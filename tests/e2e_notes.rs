//! End-to-end journey of notes in the real binary, in a pseudo-terminal:
//! open 5-8902, move to answer part 2, add a note and tag it, quit; start
//! again and find it in the Notes view; then `qreview export --format
//! markdown` shows it with its quoted passage. The notes file lives in a
//! temporary folder (`QREVIEW_NOTES`).

mod common;

use common::Session;

#[test]
fn a_tagged_note_on_answer_part_2_survives_a_restart_and_is_exported_with_its_quote() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.json");
    let env = [("QREVIEW_NOTES", notes.to_str().expect("utf-8 path"))];

    let mut s = Session::start(&["--open", "5-8902"], &env);
    s.wait_for(&["= 293 days", "Review: unreviewed · no notes"]);
    // The part cursor: question parts 1) to 4), then answer parts 1. and 2.
    s.send("pppppp");
    s.wait_for(&["at answer part 2."]);
    s.send("a");
    s.wait_for(&["New note on 5-8902 · answer part 2.", "Ctrl-s save"]);
    s.send("Reach is not measured, only likes.");
    s.send("\r");
    s.send("Ask for reach.");
    s.send("\x13"); // Ctrl-s
    s.wait_for(&["note added to 5-8902", "1 note (●)"]);
    s.send("5");
    s.wait_for(&["1 of 1 notes", "answer 2."]);
    s.send("t");
    s.wait_for(&["Tag the note", "Search or new tag:"]);
    s.send("evasive");
    s.wait_for(&["+ create evasive"]);
    s.send("\r");
    s.wait_for(&["tagged the note with evasive"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let saved = std::fs::read_to_string(&notes).expect("the notes file was written");
    assert!(saved.contains("\"evasive\""), "{saved}");

    let mut s = Session::start(&[], &env);
    s.wait_for(&["5-8902"]);
    s.send("5");
    s.wait_for(&[
        "1 of 1 notes",
        "5-8902",
        "answer 2.",
        "evasive",
        "Reach is not measured, only likes.",
        "> a. Depuis le lancement officiel",
    ]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(["export", "--format", "markdown"])
        .env("QREVIEW_NOTES", &notes)
        .output()
        .expect("run qreview export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).expect("utf-8");
    assert!(md.contains("tags: evasive"), "{md}");
    assert!(
        md.contains("> a. Depuis le lancement officiel de notre page Facebook"),
        "{md}"
    );
    assert!(md.contains("Reach is not measured, only likes."), "{md}");
}
