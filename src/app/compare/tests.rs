//! Key-sequence tests of the Compare view on the synthetic family and the
//! embedded corpus.

use super::*;
use crate::analysis::align::AnswerStatus;
use crate::app::doc::{Tone, text_of};
use crate::app::press;
use crate::app::test_support::{id, lines_text, synthetic_app};
use crate::corpus::embedded;

fn synthetic() -> App {
    let mut app = synthetic_app((80, 24));
    app.today = jiff::civil::date(2024, 1, 1);
    app
}

/// A column's text with line breaks and indents folded to single spaces.
fn column(app: &App, c: usize) -> String {
    let lines: Vec<String> = app.compare.layout.columns[c].iter().map(text_of).collect();
    lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn shared_text(app: &App, c: usize) -> String {
    app.compare.layout.columns[c]
        .iter()
        .flatten()
        .filter(|s| s.tone == Tone::Shared)
        .map(|s| s.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn three_compares_the_selected_question_with_its_next_sibling() {
    let mut app = synthetic();
    press(&mut app, "3");
    assert_eq!(app.view, View::Compare);
    assert_eq!(app.compare.ids, [Some(id("9-100")), Some(id("9-101"))]);
    assert_eq!(app.compare.layout.parts.len(), 3);
    assert!(column(&app, 0).starts_with("1. Le Service public fictif"));
    assert!(column(&app, 1).starts_with("1) a) Le service fictif"));
    // Part 1 of 9-100 holds the paragraph 9-101 copied into its part 2.
    assert!(shared_text(&app, 0).contains("Chaque registre est inventorié"));
    assert_eq!(shared_text(&app, 1), "");
    press(&mut app, "p");
    assert!(
        shared_text(&app, 1).contains("CHAQUE REGISTRE est inventorie"),
        "{}",
        column(&app, 1)
    );
    assert!(!shared_text(&app, 1).contains("Aucun budget propre"));
    assert!(!shared_text(&app, 0).contains("Quel budget"));
}

#[test]
fn parts_step_and_stop_at_the_ends_and_all_parts_line_up() {
    let mut app = synthetic();
    press(&mut app, "3 p p p");
    assert_eq!(app.compare.part, 2);
    assert!(app.message.as_deref().unwrap_or("").contains("last part"));
    press(&mut app, "P P P");
    assert_eq!(app.compare.part, 0);
    press(&mut app, "v");
    let starts = app.compare.layout.part_starts.clone();
    assert_eq!(starts[0].len(), 3);
    assert_eq!(
        starts[0], starts[1],
        "parts start on the same line in both columns"
    );
    assert_eq!(
        app.compare.layout.columns[0].len(),
        app.compare.layout.columns[1].len()
    );
    // Both passages are visible in all-parts mode.
    assert!(!shared_text(&app, 0).is_empty() && !shared_text(&app, 1).is_empty());
    press(&mut app, "p");
    assert_eq!(app.compare.scroll, [starts[0][1], starts[1][1]]);
    assert_eq!(app.compare.current_part(), 1);
}

#[test]
fn brackets_change_either_column_skipping_the_other_column_and_wrapping() {
    let mut app = synthetic();
    press(&mut app, "3 ]");
    assert_eq!(app.compare.ids[1], Some(id("9-102")));
    assert!(column(&app, 1).starts_with("not aligned: this answer is not numbered"));
    assert!(column(&app, 1).contains("Le service fictif de la Météorologie"));
    press(&mut app, "] ]");
    assert_eq!(app.compare.ids[1], Some(id("9-104")));
    assert!(column(&app, 1).contains("no answer yet (1092 days on 2024-01-01)"));
    press(&mut app, "]");
    assert_eq!(
        app.compare.ids[1],
        Some(id("9-101")),
        "wraps, past 9-100 which is in the left column"
    );
    press(&mut app, "[ [");
    assert_eq!(app.compare.ids[1], Some(id("9-103")));
    press(&mut app, "{");
    assert_eq!(
        app.compare.ids[0],
        Some(id("9-104")),
        "left wraps backwards"
    );
    press(&mut app, "} }");
    assert_eq!(app.compare.ids[0], Some(id("9-101")));
    assert_ne!(app.compare.ids[0], app.compare.ids[1]);
}

#[test]
fn tab_moves_the_focus_and_the_anchor_follows() {
    let mut app = synthetic();
    press(&mut app, "3 p");
    assert_eq!(app.compare.focused(), Some((id("9-100"), Some("2."))));
    press(&mut app, "<tab>");
    assert_eq!(app.compare.focus, 1);
    assert_eq!(app.compare.focused(), Some((id("9-101"), Some("2)"))));
    press(&mut app, "]");
    assert_eq!(app.compare.focused(), Some((id("9-102"), None)));
}

#[test]
fn synced_scrolling_moves_both_columns_and_can_be_turned_off() {
    let mut app = synthetic();
    press(&mut app, "3 v j j");
    assert_eq!(app.compare.scroll, [2, 2]);
    press(&mut app, "S j");
    assert!(!app.compare.sync);
    assert_eq!(app.compare.scroll, [3, 2]);
    press(&mut app, "<tab> k k");
    assert_eq!(app.compare.scroll, [3, 0]);
    press(&mut app, "S");
    assert_eq!(
        app.compare.scroll,
        [0, 0],
        "syncing aligns on the focused column"
    );
    press(&mut app, "G");
    let max = app.compare.layout.columns[0].len() - app.compare.layout.body_rows;
    assert_eq!(app.compare.scroll, [max, max]);
}

#[test]
fn matrix_enter_opens_compare_at_the_cell() {
    let mut app = synthetic();
    press(&mut app, "3 m");
    assert!(app.compare.matrix);
    assert_eq!(app.compare.matrix_cell, (0, 0));
    let m = family_matrix(&app).expect("a family");
    assert_eq!(m.rows[2].status, AnswerStatus::NotAligned);
    press(&mut app, "j j j l <enter>");
    assert!(!app.compare.matrix);
    assert_eq!(app.compare.ids, [Some(id("9-103")), Some(id("9-101"))]);
    assert_eq!(app.compare.part, 1);
    assert!(column(&app, 0).starts_with("2° Dans le cadre de ses missions"));
    press(&mut app, "m <esc>");
    assert!(!app.compare.matrix);
    assert_eq!(app.view, View::Compare);
    press(&mut app, "<esc>");
    assert_eq!(app.view, View::Questions);
}

#[test]
fn the_only_answer_stands_beside_its_family_timeline_and_brackets_skip_placeholders() {
    let mut app = App::with_corpus(embedded::load(), (80, 24));
    press(&mut app, "j j <enter> c");
    assert_eq!(app.view, View::Compare);
    assert_eq!(app.compare.ids, [Some(id("5-8902")), Some(id("5-8902"))]);
    assert!(app.compare.solo());
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .starts_with("only 5-8902 has answer text here"),
        "{:?}",
        app.message
    );
    assert!(column(&app, 0).contains("Le Service public fédéral (SPF)"));
    let timeline = column(&app, 1);
    assert!(timeline.starts_with("Timeline · 19 siblings"), "{timeline}");
    assert!(timeline.contains("5-8904 Pensions"), "{timeline}");
    assert!(timeline.contains("5-8907 not in corpus"), "{timeline}");
    assert!(!timeline.contains("text not in this corpus"), "{timeline}");
    let head = lines_text(&app.compare.layout.heads[1]);
    assert!(head.contains("family of 5-8902"), "{head}");
    // `]` brings a sibling in beside the answer, skipping placeholders.
    press(&mut app, "]");
    assert_eq!(app.compare.ids, [Some(id("5-8902")), Some(id("5-8903"))]);
    assert!(column(&app, 1).contains("answered on 2013-05-29, text not in this corpus"));
    press(&mut app, "] ] ]");
    assert_eq!(app.compare.ids[1], Some(id("5-8906")));
    press(&mut app, "]");
    assert_eq!(
        app.compare.ids[1],
        Some(id("5-8910")),
        "5-8907 … 5-8909 are not in the corpus"
    );
    // `u` lets them in again.
    press(&mut app, "u [");
    assert!(app.compare.unloaded);
    assert_eq!(app.compare.ids[1], Some(id("5-8909")));
    assert!(column(&app, 1).contains("5-8909 is not in this corpus"));
    press(&mut app, "<enter>");
    assert_eq!(
        (app.view, app.reader.id),
        (View::Reader, Some(id("5-8902")))
    );
}

#[test]
fn three_on_a_sibling_without_text_puts_the_first_answer_with_text_beside_it() {
    let mut app = App::with_corpus(embedded::load(), (80, 24));
    press(&mut app, "3");
    assert_eq!(app.compare.ids, [Some(id("5-8900")), Some(id("5-8902"))]);
    assert!(column(&app, 1).contains("Le Service public fédéral (SPF)"));
    assert_eq!(partner(&app.corpus, id("5-8910")), Some(id("5-8902")));
}

#[test]
fn partner_is_the_nearest_sibling_with_text() {
    let app = synthetic();
    // 9-100 … 9-103 have answer text, 9-104 has none.
    assert_eq!(partner(&app.corpus, id("9-100")), Some(id("9-101")));
    assert_eq!(partner(&app.corpus, id("9-103")), Some(id("9-102")));
    assert_eq!(
        partner(&app.corpus, id("9-104")),
        Some(id("9-100")),
        "without text: the family's first answer"
    );
}

#[test]
fn compare_from_the_reader_starts_at_the_readers_part() {
    let mut app = App::with_corpus(embedded::load(), (80, 24));
    press(&mut app, "j j <enter>");
    // The part cursor to the answer's part 3.
    let target = app
        .reader
        .origins
        .iter()
        .position(|o| {
            o.as_ref().is_some_and(|o| {
                o.field == crate::notes::Field::Answer && o.part.as_deref() == Some("3.")
            })
        })
        .expect("answer part 3");
    while app.review.part_cursor.is_none_or(|c| c < target) {
        press(&mut app, "p");
    }
    press(&mut app, "3");
    let c = &app.compare;
    assert_eq!(c.layout.parts[c.part].number, 3, "{:?}", c.layout.parts);
    press(&mut app, "2 c");
    let c = &app.compare;
    assert_eq!(c.layout.parts[c.part].number, 3);
}

#[test]
fn matrix_enter_on_the_other_columns_row_swaps_instead_of_comparing_with_itself() {
    let mut app = synthetic();
    press(&mut app, "3 m j <enter>");
    assert_eq!(app.compare.ids, [Some(id("9-101")), Some(id("9-100"))]);
}

#[test]
fn resize_lays_the_columns_out_again() {
    let mut app = synthetic();
    press(&mut app, "3");
    let narrow = app.compare.layout.columns[0].len();
    crate::app::update(
        &mut app,
        crate::app::Action::Resize {
            width: 160,
            height: 48,
        },
    );
    assert_eq!(app.compare.layout.column_width, (160 - 3) / 2);
    assert!(app.compare.layout.columns[0].len() < narrow);
}

#[test]
fn the_family_matrix_is_computed_with_the_layout_and_follows_the_corpus() {
    let mut app = synthetic();
    assert!(family_matrix(&app).is_none(), "nothing compared yet");
    press(&mut app, "3");
    let fresh = |app: &App| {
        let family = app.corpus.family_of(app.compare.ids[0].expect("a column"));
        family.map(|f| matrix::matrix(&app.corpus, f))
    };
    assert_eq!(family_matrix(&app), fresh(&app).as_ref());
    // A new corpus: the matrix is that of its family, not the old one.
    crate::app::update(&mut app, crate::app::Action::from(embedded::load()));
    press(&mut app, "3 m");
    assert_eq!(family_matrix(&app), fresh(&app).as_ref());
    assert!(family_matrix(&app).is_some_and(|m| m.rows.iter().any(|r| r.id == id("5-8902"))));
}

#[test]
fn l_shows_one_answer_in_french_and_dutch_and_goes_back() {
    let corpus = crate::app::test_support::chamber_corpus();
    let mut app = App::with_corpus(corpus, (100, 30));
    press(&mut app, "3");
    let first = app.compare.ids;
    let left = first[0].unwrap();
    assert_eq!(left.to_string(), "55 B012 Q0042");
    press(&mut app, "L");
    assert!(app.compare.languages);
    assert_eq!(app.compare.ids, [Some(left), Some(left)]);
    assert!(column(&app, 0).contains("La Défense est présente sur Facebook"));
    assert!(column(&app, 1).contains("Defensie is aanwezig op Facebook"));
    press(&mut app, "p");
    assert!(column(&app, 0).contains("Cinq personnes gèrent ces comptes"));
    assert!(column(&app, 1).contains("Vijf personen beheren die accounts"));
    assert_eq!(app.compare.layout.parts.len(), 3, "aligned part by part");
    let heads = crate::app::test_support::lines_text(&app.compare.layout.heads[1]);
    assert!(heads.contains("Nederlands"), "{heads}");
    // Sibling keys wait; L goes back to the siblings shown before.
    press(&mut app, "]");
    assert_eq!(app.compare.ids, [Some(left), Some(left)]);
    press(&mut app, "L");
    assert!(!app.compare.languages);
    assert_eq!(app.compare.ids, first);
}

#[test]
fn l_on_an_answer_in_one_language_says_so() {
    let mut app = synthetic();
    press(&mut app, "3 L");
    assert!(!app.compare.languages);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("one language only")
    );
}
