//! Rendered screens of the Ministries view (league table, a ministry's
//! questions, the bar chart when wide) and of the Coding view (ministries ×
//! tags, a cell's passages) at 80×24 and 200×60 on the embedded corpus,
//! "today" fixed (insta snapshots), plus checks that do not depend on the
//! snapshot: the figures drawn are the league table's, the chart shows only
//! when wide, and NO_COLOR keeps the selection.

mod render_support;

use jiff::civil::{Date, date};
use qreview::app::{App, press};
use qreview::corpus::{QuestionId, embedded};
use qreview::notes::{Anchor, Field, Store};
use qreview::tui::theme::Theme;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];
const TODAY: Date = date(2024, 1, 1);

fn id(s: &str) -> QuestionId {
    s.parse().unwrap()
}

/// Anchors a note on line `line` of the answer of `q`.
fn anchor_on(app: &App, q: &str, line: usize) -> Anchor {
    let question = app.corpus.get(id(q)).unwrap();
    let text = question.answer.as_ref().unwrap().text.to_string();
    let quote = text.lines().nth(line).unwrap().to_string();
    let start = text.find(&quote).unwrap();
    Anchor {
        field: Field::Answer,
        part: None,
        quote: quote.clone(),
        start,
        end: start + quote.len(),
    }
}

/// The default corpus with two tagged passages on 5-8902 and a
/// whole-question tag on 5-8904.
fn app_with_notes(size: (u16, u16), dir: &std::path::Path) -> App {
    let mut app = App::with_corpus(embedded::load(), size);
    app.today = TODAY;
    let mut store = Store::open(dir.join("notes.json")).unwrap();
    let a = anchor_on(&app, "5-8902", 2);
    let b = anchor_on(&app, "5-8902", 6);
    let n = store.notes_mut();
    n.add_note(
        id("5-8902"),
        "Counts likes only",
        &["evasive".into()],
        Some(a),
    )
    .unwrap();
    n.add_note(
        id("5-8902"),
        "Gives figures",
        &["evasive".into(), "figures".into()],
        Some(b),
    )
    .unwrap();
    n.questions
        .entry(id("5-8904"))
        .or_default()
        .tags
        .insert("figures".into());
    let _ = app.attach_notes(store, None);
    app
}

fn app_after(size: (u16, u16), keys: &str) -> App {
    let mut app = App::with_corpus(embedded::load(), size);
    app.today = TODAY;
    press(&mut app, keys);
    app
}

fn text(app: &App, theme: Theme) -> String {
    let term = render_support::draw(app, theme);
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| render_support::screen_row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn ministries_sorted_by_on_time_descending() {
    for (w, h) in SIZES {
        // s s s: ministry → received → answered → on-time; o: descending.
        let app = app_after((w, h), "6 s s s o");
        let screen = text(&app, Theme::colored());
        insta::assert_snapshot!(format!("ministries_on_time_{w}x{h}"), screen);
        let rows: Vec<&str> = screen.lines().collect();
        assert!(rows[2].contains("MINISTRY") && rows[2].contains("▼"));
        // The four ministries answering on time come first, 100 %.
        for row in &rows[3..7] {
            assert!(row.contains(" 100 "), "{row}");
        }
        assert!(rows[7].contains("Affaires étrangères") && rows[7].contains(" 181 "));
        let chart = screen.contains("median days to answer");
        assert_eq!(chart, w >= 150, "bar chart only when wide ({w})");
    }
}

#[test]
fn a_ministry_and_its_questions() {
    for (w, h) in SIZES {
        let app = app_after((w, h), "6 j <enter>");
        let screen = text(&app, Theme::colored());
        insta::assert_snapshot!(format!("ministries_drill_{w}x{h}"), screen);
        assert!(screen.contains("Affaires sociales · 1 question(s)"));
        assert!(
            screen.contains(
                "5-8906    2013-04-30  2014-01-30  275   2013-05-31 computed  late 169 wd"
            )
        );
    }
}

#[test]
fn coding_matrix_and_passages() {
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_notes((w, h), dir.path());
        press(&mut app, "7");
        // The notes file's temporary folder shows in the status line when wide.
        let tmp = dir.path().to_str().unwrap().to_string();
        let screen = text(&app, Theme::colored()).replace(&tmp, "TMP");
        insta::assert_snapshot!(format!("coding_matrix_{w}x{h}"), screen);
        let row = screen
            .lines()
            .find(|l| l.starts_with("Affaires étrangères"))
            .unwrap();
        assert_eq!(
            row.split_whitespace().collect::<Vec<_>>(),
            ["Affaires", "étrangères", "2/1", "1/1"]
        );
        let pensions = screen.lines().find(|l| l.starts_with("Pensions")).unwrap();
        assert!(pensions.ends_with("+1") || pensions.trim_end().ends_with("+1"));
        press(&mut app, "<enter>");
        let screen = text(&app, Theme::colored()).replace(&tmp, "TMP");
        insta::assert_snapshot!(format!("coding_passages_{w}x{h}"), screen);
        assert!(screen.contains("Affaires étrangères · evasive · 2 passage(s)"));
        assert!(screen.contains("5-8902 · answer · Counts likes only"));
    }
}

#[test]
fn coding_without_tags_says_how_to_tag() {
    let app = app_after((80, 24), "7");
    let screen = text(&app, Theme::colored());
    assert!(screen.contains("No tagged notes yet"), "{screen}");
}

#[test]
fn no_color_keeps_the_selected_row_visible() {
    let app = app_after((80, 24), "6 j");
    let term = render_support::draw(&app, Theme::monochrome());
    let buf = term.backend().buffer();
    // Row 4 (second ministry) is selected.
    let cell = &buf[(0, 4)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert_eq!(cell.fg, ratatui::style::Color::Reset);
}
