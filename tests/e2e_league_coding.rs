//! End-to-end journey in the real binary, in a pseudo-terminal: open the
//! ministry league table (`6`), sort it by on-time % (descending), list a
//! ministry's questions; then tag two passages of 5-8902's answer and open
//! the coding matrix (`7`), whose cell counts them, and drill down to them.
//! The notes file lives in a temporary folder (`QREVIEW_NOTES`).

mod common;

use common::Session;

/// Adds a note on the part the cursor is on, then tags it in the Notes view.
fn note_and_tag(s: &mut Session, text: &str, tag: &str, notes_after: usize) {
    s.send("a");
    s.wait_for(&["New note on 5-8902", "Ctrl-s save"]);
    s.send(text);
    s.send("\x13"); // Ctrl-s
    s.wait_for(&["note added to 5-8902"]);
    s.send("5");
    s.wait_for(&[&format!("of {notes_after} notes")]);
    s.send("G");
    s.send("t");
    s.wait_for(&["Tag the note", "Search or new tag:"]);
    s.send(tag);
    s.wait_for(&[tag]);
    s.send("\r");
    s.wait_for(&[&format!("tagged the note with {tag}")]);
}

#[test]
fn league_table_sorted_by_on_time_then_the_coding_matrix_of_two_tagged_passages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.json");
    let env = [("QREVIEW_NOTES", notes.to_str().expect("utf-8 path"))];

    let mut s = Session::start(&["--open", "5-8902"], &env);
    s.wait_for(&["= 293 days"]);
    s.send("6");
    s.wait_for(&[
        "Ministries · all questions · sorted by ministry ▲",
        "Affaires étrangères",
    ]);
    s.send("sss");
    s.wait_for(&["ministries sorted by on-time (ascending)"]);
    s.send("o");
    let screen = s.wait_for(&["ministries sorted by on-time (descending)", "ONTIME%▼"]);
    let rows: Vec<&str> = screen.lines().collect();
    let first = rows.iter().position(|l| l.starts_with("MINISTRY")).unwrap() + 1;
    for row in &rows[first..first + 4] {
        assert!(row.contains(" 100 "), "{screen}");
    }
    assert!(rows[first + 4].contains(" 0 "), "{screen}");
    s.send("g\r");
    s.wait_for(&["Défense · 1 question(s)", "5-8901", "on time"]);
    s.send("\x1b");
    s.wait_for(&["sorted by on-time ▼"]);

    // Two passages of 5-8902's answer, tagged "evasive".
    s.send("2");
    s.wait_for(&["= 293 days"]);
    s.send("ppppp");
    s.wait_for(&["at answer part 1."]);
    note_and_tag(&mut s, "Says nothing about reach.", "evasive", 1);
    s.send("2");
    s.wait_for(&["= 293 days"]);
    s.send("p");
    s.wait_for(&["at answer part 2."]);
    note_and_tag(&mut s, "Likes only.", "evasive", 2);

    s.send("7");
    let screen = s.wait_for(&["Coding", "MINISTRY", "evasive", "1 ministry × 1 tag"]);
    let row = screen
        .lines()
        .find(|l| l.starts_with("Affaires étrangères"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("2/1"), "{screen}");
    s.send("\r");
    s.wait_for(&[
        "Affaires étrangères · evasive · 2 passage(s)",
        "Says nothing about reach.",
        "Likes only.",
    ]);
    s.send("\r");
    s.wait_for(&["note on answer part"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
