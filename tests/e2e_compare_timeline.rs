//! End-to-end journeys of the Compare and Timeline views: the real binary
//! in a pty, the screen parsed by vt100, cell attributes checked (a shared
//! passage must be drawn underlined, not only present as text).

mod common;

use std::path::PathBuf;

use common::Session;

/// Row and column of the first cell where `needle` starts on screen.
fn find(parser: &vt100::Parser, needle: &str) -> Option<(u16, u16)> {
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    (0..rows).find_map(|r| {
        let line: Vec<String> = (0..cols)
            .map(|c| {
                screen
                    .cell(r, c)
                    .map_or(String::new(), |x| x.contents().to_string())
            })
            .collect();
        let text: String = line
            .iter()
            .map(|s| if s.is_empty() { " " } else { s })
            .collect();
        let at = text.find(needle)?;
        Some((r, text[..at].chars().count() as u16))
    })
}

/// True when every cell of `needle` at its first occurrence is underlined.
fn underlined(parser: &vt100::Parser, needle: &str) -> bool {
    let Some((r, c)) = find(parser, needle) else {
        return false;
    };
    (0..needle.chars().count() as u16).all(|i| {
        parser
            .screen()
            .cell(r, c + i)
            .is_some_and(|cell| cell.underline())
    })
}

#[test]
fn timeline_of_the_default_corpus_shows_all_siblings_and_figures() {
    let mut s = Session::start(&[], &[]);
    s.wait_for(&["5-8902", "Affaires étrangères"]);
    s.send("4");
    // Wait for the whole frame (every id), not just its first lines: the
    // screen is read while the program may still be writing it.
    let ids: Vec<String> = (8900..=8918).map(|n| format!("5-{n}")).collect();
    let mut needles = vec![
        "19 siblings",
        // At this width the figures name the ministries beside the ids.
        "fastest: 5-8904 Pensions, 8 days",
        "slowest: 5-8902 Affaires étrangères, 293 days",
    ];
    needles.extend(ids.iter().map(String::as_str));
    let screen = s.wait_for(&needles);
    for n in 8900..=8918 {
        assert!(
            screen.contains(&format!("5-{n}")),
            "5-{n} missing:\n{screen}"
        );
    }
    let row = screen
        .lines()
        .find(|l| l.contains("5-8902  "))
        .expect("a row for 5-8902");
    assert!(row.contains("293 days"), "{row}");
    let fastest = screen
        .lines()
        .find(|l| l.contains("5-8904  "))
        .expect("a row for 5-8904");
    assert!(fastest.contains("8 days"), "{fastest}");
    assert_eq!(screen.matches("not in corpus").count(), 8 + 1, "{screen}");
    // Step to the first answer (event 12) and open it in the Reader.
    s.send("llllllllllll");
    s.wait_for(&["Event 12 of 24 · 2013-05-08 · answer · 5-8904 (Pensions)"]);
    s.send("\r");
    s.wait_for(&["5-8904 · ", "= 8 days"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn compare_on_the_synthetic_family_highlights_the_shared_passage() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/synthetic-family");
    let mut s = Session::start(&[dir.to_str().expect("utf-8 path")], &[]);
    s.wait_for(&["9-100", "SYNTHETIC Archivage"]);
    s.send("3");
    s.wait_for(&[
        "9-100 · SYNTHETIC Archivage",
        "9-101 · SYNTHETIC Phares et Balises",
        "1. Le Service public fictif",
        "1) a) Le service fictif des Phares",
        "34 words shared",
    ]);
    let p = s.parsed();
    let (_, left_col) = find(&p, "Chaque registre").expect("copied paragraph on screen");
    let (_, right_col) = find(&p, "1) a) Le service").expect("right column");
    assert!(left_col < right_col, "the two answers stand side by side");
    assert!(
        underlined(&p, "Chaque registre"),
        "shared passage not highlighted"
    );
    assert!(
        !underlined(&p, "1. Le Service"),
        "ordinary text highlighted"
    );
    // Part 2: the right-hand answer's copy of the paragraph is highlighted too.
    s.send("p");
    s.wait_for(&["QUESTION · part 2 of 3", "CHAQUE", "inventorie dans"]);
    let p = s.parsed();
    let (_, col) = find(&p, "CHAQUE").expect("copy on screen");
    assert!(col > 40, "the copy is in the right-hand column");
    assert!(underlined(&p, "CHAQUE"));
    assert!(underlined(&p, "inventorie dans"));
    assert!(!underlined(&p, "Aucun budget propre"));
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
