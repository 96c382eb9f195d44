//! An analyst's first hour, in the real binary in a pseudo-terminal: open
//! the default corpus; `3` shows 5-8902's answer beside a sibling's
//! timeline (no pair of empty columns); `D` switches the labels to Dutch
//! and back (remembered in the state file); search `/Landsverdediging`; select
//! three lines and add a note; export CSV from the app and find the
//! figures and exactly the selected lines in it.

mod common;

use common::Session;

/// The words of `s`, whitespace folded.
fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

#[test]
fn compare_search_select_note_and_export_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.json");
    let state = dir.path().join("state.json");
    let env = [
        ("QREVIEW_NOTES", notes.to_str().expect("utf-8 path")),
        ("QREVIEW_STATE", state.to_str().expect("utf-8 path")),
    ];
    // Started in the temporary folder: the export's default file lands there.
    let cd = format!("cd '{}' && exec \"$0\" \"$@\"", dir.path().display());
    let mut s = Session::start_shell(&cd, &[], &env);
    s.wait_for(&["5-8900", "Premier ministre"]);

    // Compare: the only answer text beside a sibling's timeline.
    s.send("3");
    let screen = s.wait_for(&[
        "5-8902 · Affaires étrangères",
        "1. Le Service public fédéral (SPF)",
        "answered on 2013-05-30, text not in this corpus",
    ]);
    assert!(screen.contains("Timeline"), "{screen}");

    // The labels in Dutch, never mixed, then back to French; remembered.
    s.send("D");
    let screen = s.wait_for(&["5-8902 · Buitenlandse Zaken", "Dutch (Nederlands)"]);
    assert!(!screen.contains("Affaires étrangères"), "{screen}");
    s.send("1");
    let screen = s.wait_for(&["Landsverdediging", "Eerste minister"]);
    assert!(!screen.contains("Défense"), "{screen}");
    assert!(
        std::fs::read_to_string(&state)
            .expect("the language is remembered")
            .contains("\"nl\""),
    );
    s.send("D");
    let screen = s.wait_for(&["Défense", "Premier ministre", "French (français)"]);
    assert!(!screen.contains("Landsverdediging"), "{screen}");
    s.send("3");
    s.wait_for(&["5-8902 · Affaires étrangères"]);

    // Search across languages: the Dutch ministry name finds 5-8901.
    s.send("/");
    s.wait_for(&["Search"]);
    s.send("Landsverdediging");
    s.wait_for(&["5-8901", "metadata: 1 question"]);
    s.send("\r");
    // A metadata hit: the Questions view, filtered, on 5-8901; Enter reads it.
    s.wait_for(&["  5-8901 Défense"]);
    s.send("\r");
    s.wait_for(&["5-8901", "QUESTION"]);

    // Three lines selected, a note on exactly them.
    s.send("v");
    s.wait_for(&["SELECT 1 line"]);
    s.send("jj");
    let screen = s.wait_for(&["SELECT 3 lines"]);
    let selected: Vec<String> = screen
        .lines()
        .filter(|l| l.starts_with('┃'))
        .map(|l| l.trim_start_matches('┃').to_string())
        .collect();
    assert_eq!(selected.len(), 3, "{screen}");
    s.send("a");
    s.wait_for(&["New note on 5-8901", "3 lines"]);
    s.send("Generic wording, no figures.");
    s.send("\x13"); // Ctrl-s
    s.wait_for(&["note added to 5-8901"]);

    // Export CSV from the app.
    s.send("e");
    s.wait_for(&["Export the notes", "qreview-notes.md"]);
    s.send("\t");
    s.wait_for(&["qreview-notes.csv"]);
    s.send("\r");
    s.wait_for(&["exported all 1 note as csv to"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let csv_text =
        std::fs::read_to_string(dir.path().join("qreview-notes.csv")).expect("the export");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().expect("header").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "{csv_text}");
    let cell = |name: &str| {
        let i = header.iter().position(|h| h == name).expect(name);
        rows[0][i].to_string()
    };
    assert_eq!(cell("question"), "5-8901");
    assert_eq!(
        (
            cell("sent"),
            cell("answered"),
            cell("days"),
            cell("reminders")
        ),
        (
            "2013-04-30".into(),
            "2013-05-31".into(),
            "31".into(),
            "0".into()
        )
    );
    assert_eq!(cell("note"), "Generic wording, no figures.");
    let quote = cell("quote");
    // The screen shows the part's label (`1)`) before its text; the quote
    // is the text.
    let shown = selected.join(" ");
    let mut shown = words(&shown);
    if shown
        .first()
        .is_some_and(|w| w.ends_with(')') && w[..w.len() - 1].parse::<u32>().is_ok())
    {
        shown.remove(0);
    }
    assert_eq!(
        words(&quote),
        shown,
        "the quote is exactly the three lines selected"
    );
}
