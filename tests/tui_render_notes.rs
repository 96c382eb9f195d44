//! Rendered screens of the notes screens at 80×24 and 160×48 (insta
//! snapshots): the note editor, the tag picker, the Notes view and the
//! export dialog, on the embedded corpus with notes whose times are fixed.
//! Also: hostile note text never reaches a cell raw.

mod render_support;

use qreview::app::{App, press};
use qreview::corpus::{QuestionId, embedded};
use qreview::notes::{Field, Store, anchor};
use qreview::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn id(s: &str) -> QuestionId {
    s.parse().expect("valid id")
}

/// A store (never saved) with two notes on 5-8902 and one on 5-8900.
fn store(hostile: bool) -> Store {
    let corpus = embedded::load();
    let q = corpus.get(id("5-8902")).expect("loaded");
    let mut store = Store::empty("notes.json");
    let notes = store.notes_mut();
    let part2 = anchor::for_part(q, Field::Answer, "2").expect("part 2");
    let text = if hostile {
        "Title \u{1b}]0;PWNED\u{7} here\nsecond line"
    } else {
        "Counts likes, not reach.\nAsk for the reach figures."
    };
    notes
        .add_note(id("5-8902"), text, &["figures".into()], Some(part2))
        .expect("add");
    let part1 = anchor::for_part(q, Field::Question, "1").expect("part 1");
    notes
        .add_note(id("5-8902"), "Clear question.", &[], Some(part1))
        .expect("add");
    notes
        .add_note(
            id("5-8900"),
            "Premier ministre: answer in time.",
            &["on-time".into()],
            None,
        )
        .expect("add");
    notes.tag_question(id("5-8902"), "evasive").expect("tag");
    let fixed: jiff::Timestamp = "2024-05-06T07:08:09Z".parse().expect("time");
    for n in &mut notes.notes {
        n.created = fixed;
        n.updated = fixed;
    }
    store
}

fn app_after(size: (u16, u16), keys: &str, hostile: bool) -> App {
    let mut app = App::with_corpus(embedded::load(), size);
    let effects = app.attach_notes(store(hostile), None);
    assert!(effects.is_empty(), "nothing moved: nothing to save");
    press(&mut app, keys);
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    render_support::draw(app, Theme::colored())
}

fn snapshot(name: &str, keys: &str, typed: &str) {
    for (w, h) in SIZES {
        let mut app = app_after((w, h), keys, false);
        for c in typed.chars() {
            app.key(qreview::app::keymap::Key::Char(c));
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn note_editor_over_the_reader() {
    snapshot(
        "note_editor",
        "j j <enter> p p p p p p a",
        "Only counts likes.",
    );
}

#[test]
fn tag_picker_with_a_fuzzy_query() {
    snapshot("tag_picker", "j j <enter> t", "fi");
}

#[test]
fn notes_view() {
    snapshot("notes_view", "5 G", "");
}

#[test]
fn export_dialog() {
    snapshot("export_dialog", "e <tab>", "");
}

#[test]
fn reader_gutter_marks_noted_lines() {
    snapshot("reader_gutter", "j j <enter> p p p p p p", "");
}

#[test]
fn hostile_note_text_is_sanitised_in_the_notes_view() {
    let app = app_after((160, 48), "5 G", true);
    let term = draw(&app);
    let buf = term.backend().buffer();
    let mut screen = String::new();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "a control character reached a cell: {:?}",
            cell.symbol()
        );
        screen.push_str(cell.symbol());
    }
    assert!(screen.contains("Title ␛]0;PWNED␇ here"), "{screen}");
}

fn text_of(term: &Terminal<TestBackend>) -> String {
    render_support::screen(term.backend().buffer())
}

#[test]
fn review_status_reads_the_same_in_the_questions_view_and_the_reader() {
    let mut app = app_after((80, 24), "j j r", false);
    let questions = text_of(&draw(&app));
    let row = questions
        .lines()
        .find(|l| l.trim_start_matches(['"', ' ']).starts_with("5-8902 "))
        .expect("5-8902 row");
    assert!(row.contains(" in progress "), "{row}");
    press(&mut app, "<enter>");
    let reader = text_of(&draw(&app));
    assert!(reader.contains("Review: in progress"), "{reader}");
}

#[test]
fn notes_view_columns_stay_aligned_with_hostile_part_labels() {
    let mut store = store(false);
    for n in &mut store.notes_mut().notes {
        if let Some(a) = n.anchor.as_mut() {
            a.part = Some(format!("2.\t\t\t{}x", "\u{1b}".repeat(3)));
        }
    }
    let mut app = App::with_corpus(embedded::load(), (80, 24));
    let effects = app.attach_notes(store, None);
    assert!(effects.is_empty());
    press(&mut app, "5");
    let screen = text_of(&draw(&app));
    let lines: Vec<&str> = screen.lines().collect();
    let col = |line: &str, what: &str| line.find(what).map(|b| line[..b].chars().count());
    let header = col(lines[2], "TAGS").expect("header");
    let row = lines
        .iter()
        .find(|l| l.contains("figures"))
        .expect("the tagged note");
    assert_eq!(col(row, "figures"), Some(header), "{screen}");
}

#[test]
fn line_selection_is_shown_in_the_status_line_while_it_lasts() {
    for (w, h) in SIZES {
        let app = app_after((w, h), "j j <enter> p p p p p p v j j", false);
        let term = draw(&app);
        let status = render_support::screen_row(term.backend().buffer(), h - 1);
        assert!(
            status.starts_with(" SELECT 3 lines · j/k extend · a note · Esc cancel"),
            "{w}x{h}: {status}"
        );
    }
}

#[test]
fn reader_with_the_header_expanded_and_the_family_bar_hidden() {
    snapshot("reader_header_expanded", "j j <enter> i b", "");
}

#[test]
fn review_menu_over_the_questions() {
    snapshot("review_menu", "j j R", "");
}
