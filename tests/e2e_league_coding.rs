//! End-to-end journey in the real binary, in a pseudo-terminal: open the
//! ministry league table (`6`), sort it by on-time % (descending), list a
//! ministry's questions; then tag two passages of 5-8902's answer and open
//! the coding matrix (`7`), whose cell counts them, and drill down to them;
//! last, export a REFI-QDA project and the HTML report from the app's export
//! dialog (`e`) and check both files. The notes file and the exports live in
//! a temporary folder (`QREVIEW_NOTES`, the working folder).

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

    // Started in the temporary folder: the exports' default files land there.
    let cd = format!("cd '{}' && exec \"$0\" \"$@\"", dir.path().display());
    let mut s = Session::start_shell(&cd, &["--open", "5-8902"], &env);
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

    // Export both as a REFI-QDA project and as the HTML report.
    s.send("5");
    s.wait_for(&["of 2 notes"]);
    s.send("e");
    s.wait_for(&["Export the notes", "qdpx", "html", "qreview-notes.md"]);
    s.send("\t\t\t");
    s.wait_for(&["qreview-notes.qdpx"]);
    s.send("\r");
    s.wait_for(&["exported all 2 notes as qdpx to"]);
    s.send("e");
    s.wait_for(&["Export the notes", "qreview-notes.md"]);
    s.send("\t\t\t\t");
    s.wait_for(&["qreview-notes.html"]);
    s.send("\r");
    s.wait_for(&["exported all 2 notes as html to"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let zip = std::fs::read(dir.path().join("qreview-notes.qdpx")).expect("the qdpx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    let mut project = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("project.qde").expect("project.qde"),
        &mut project,
    )
    .expect("UTF-8");
    assert!(
        project.contains("xmlns=\"urn:QDA-XML:project:1.0\""),
        "{project}"
    );
    assert_eq!(
        project.matches("<PlainTextSelection ").count(),
        2,
        "{project}"
    );
    assert!(project.contains("name=\"evasive\""), "{project}");
    // One plain-text source per question of the family in the corpus,
    // 5-8902's among them with its header.
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("sources/"))
        .map(String::from)
        .collect();
    assert!(names.len() > 1, "{names:?}");
    let headers: Vec<String> = names
        .iter()
        .map(|n| {
            let mut t = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(n).expect("source"), &mut t)
                .expect("UTF-8 source");
            t.lines().next().unwrap_or_default().to_string()
        })
        .collect();
    assert!(
        headers.iter().any(|h| h == "5-8902 · Affaires étrangères"),
        "{headers:?}"
    );
    let html = std::fs::read_to_string(dir.path().join("qreview-notes.html")).expect("the html");
    assert_eq!(html.matches("<mark ").count(), 2, "{html}");
    assert!(html.contains("Says nothing about reach.") && html.contains("<svg class=\"gantt\""));
}
