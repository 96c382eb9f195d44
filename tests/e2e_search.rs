//! End-to-end search journey: the real binary in a pty, the screen parsed by
//! vt100. Types `/medias` on the default corpus, checks that 5-8902 is
//! listed with its hit drawn highlighted (cell attributes, not only text),
//! keeps the search with Enter, and steps to the next hit with `n`.

mod common;

use common::Session;

/// Row and column of the first cell where `needle` starts on screen.
fn find(parser: &vt100::Parser, needle: &str) -> Option<(u16, u16)> {
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    (0..rows.get()).find_map(|r| {
        let text: String = (0..cols.get())
            .map(|c| {
                let s = screen
                    .cell(r, c)
                    .map_or(String::new(), |x| x.contents().to_string());
                if s.is_empty() { " ".to_string() } else { s }
            })
            .collect();
        let at = text.find(needle)?;
        Some((r, text[..at].chars().count() as u16))
    })
}

/// The text of screen row `row`.
fn row_text(parser: &vt100::Parser, row: u16) -> String {
    let (_, cols) = parser.screen().size();
    parser.screen().contents_between(row, 0, row, cols.get())
}

/// True when the `len` cells from (`row`, `col`) are drawn as a search hit:
/// bold on a yellow background.
fn highlighted(parser: &vt100::Parser, row: u16, col: u16, len: u16) -> bool {
    (col..col + len).all(|c| {
        parser
            .screen()
            .cell(row, c)
            .is_some_and(|cell| cell.bold() && cell.bgcolor() == vt100::Color::Idx(3))
    })
}

#[test]
fn typing_medias_lists_5_8902_highlighted_then_enter_and_n_step_through_hits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.json");
    let env = [("QREVIEW_NOTES", notes.to_str().expect("utf-8 path"))];
    let mut s = Session::start(&[], &env);
    s.wait_for(&["5-8902", "Affaires étrangères"]);
    s.send("/medias");
    // The results follow the typing; the best hit is 5-8902's answer.
    let screen = s.wait_for(&["/ medias", "full text:", "answer 1.", "Bien utilisés, les"]);
    let parser = s.parsed();
    let (row, _) = find(&parser, "answer 1.").expect("the answer hit is listed");
    assert!(row_text(&parser, row).contains("5-8902"), "{screen}");
    let (r, c) = find(&parser, "les médias sociaux permettent").expect("snippet");
    assert_eq!(r, row);
    assert!(
        highlighted(&parser, r, c + 4, 6),
        "the hit is highlighted in the snippet:\n{screen}"
    );
    assert!(!highlighted(&parser, r, c, 3), "only the hit is");

    // Enter: the Reader at the hit, the filter announced.
    s.send("\r");
    let screen = s.wait_for(&["hit 6 of 15 in 5-8902", "filter: 11 question(s)"]);
    assert!(
        screen.contains("Bien utilisés, les médias sociaux"),
        "{screen}"
    );
    let parser = s.parsed();
    let (r, c) = find(&parser, "médias sociaux permettent").expect("hit on screen");
    assert!(highlighted(&parser, r, c, 6), "{screen}");
    assert!(
        parser.screen().cell(r, c).is_some_and(|x| x.underline()),
        "the current hit is underlined"
    );

    // n: the next hit, further down.
    s.send("n");
    s.wait_for(&["hit 7 of 15"]);
    let parser = s.parsed();
    let (r2, c2) = find(&parser, "médias sociaux est complémentaire").expect("next hit");
    assert!(r2 > r, "the next hit is below the first");
    assert!(parser.screen().cell(r2, c2).is_some_and(|x| x.underline()));
    assert!(!parser.screen().cell(r, c).is_some_and(|x| x.underline()));

    // The Questions view is filtered; x clears it.
    s.send("1");
    s.wait_for(&["filter: medias · 11 of 11 questions"]);
    s.send("x");
    s.wait_for(&["search filter cleared"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
