//! A fetched UK corpus in the app: the detected family marked in the
//! Questions view (rendered at 80×24 and 200×60), split and joined by key
//! with the corrections kept in the notes file, the answer's PQ reference
//! followed from the Reader; and the journey in a real pty: open the
//! corpus, find the detected family, compare two departments' answers.

mod common;
mod render_support;

use std::path::{Path, PathBuf};

use common::Session;
use qreview::app::{App, press};
use qreview::corpus::load::load_paths;
use qreview::corpus::{FamilyEdit, QuestionId, Source};
use qreview::tui::theme::Theme;
use render_support::{draw, screen};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/uk/family")
}

fn uk(id: u32) -> QuestionId {
    QuestionId::new(Source::UkParliament, &id.to_string())
}

fn app(size: (u16, u16)) -> App {
    App::with_corpus(load_paths(&[fixture()], &|_, _| {}), size)
}

#[test]
fn the_detected_family_is_marked_at_80x24_and_200x60() {
    for size in [(80, 24), (200, 60)] {
        let app = app(size);
        let text = screen(draw(&app, Theme::monochrome()).backend().buffer());
        let heading = text
            .lines()
            .find(|l| l.starts_with("Commons UIN 9401 "))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(heading.contains("★ Social Media"), "{heading}");
        assert!(heading.contains("detected · 5 siblings"), "{heading}");
        assert!(text.contains("  Commons UIN 9404"), "{text}");
        assert!(text.contains("withdrawn"), "{text}");
        // The decoys are families of one, unmarked.
        let decoy = text
            .lines()
            .find(|l| l.starts_with("Commons UIN 9406 "))
            .unwrap();
        assert!(!decoy.contains('★'), "{decoy}");
    }
}

#[test]
fn split_and_join_by_key_are_kept_in_the_notes() {
    let mut app = app((80, 24));
    press(&mut app, "j X");
    assert_eq!(
        app.review.store.notes().families,
        [FamilyEdit::Split(uk(1702002))]
    );
    assert_eq!(app.corpus.family_of(uk(1702001)).unwrap().members.len(), 4);
    assert_eq!(app.corpus.family_of(uk(1702002)).unwrap().members.len(), 1);
    // Join it back: J on it, J on a member of the family.
    app.questions.select(uk(1702002));
    press(&mut app, "J");
    app.questions.select(uk(1702003));
    press(&mut app, "J");
    assert_eq!(app.corpus.family_of(uk(1702002)).unwrap().members.len(), 5);
    assert_eq!(app.review.store.notes().families.len(), 2);
    // A family of one is not a detected family: nothing to split.
    app.questions.select(uk(1702006));
    press(&mut app, "X");
    assert_eq!(app.review.store.notes().families.len(), 2);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("not in a detected family")
    );
}

#[test]
fn the_reader_follows_the_pq_reference() {
    let mut app = app((80, 24));
    app.questions.select(uk(1702005));
    // The whole header (`i`): the references are below the first two lines.
    press(&mut app, "<enter> i");
    let header = screen(draw(&app, Theme::monochrome()).backend().buffer());
    assert!(
        header.contains("Refers to: the answer to PQ 9401 (f follows it)"),
        "{header}"
    );
    press(&mut app, "f");
    assert_eq!(app.reader.id, Some(uk(1702001)));
    press(&mut app, "f");
    assert_eq!(app.reader.id, Some(uk(1702001)), "no reference: stays");
    assert_eq!(
        app.message.as_deref(),
        Some("this answer refers to no other question")
    );
}

#[test]
fn journey_open_a_fetched_corpus_find_the_family_compare_two_departments() {
    let notes = tempfile::tempdir().unwrap();
    let notes_path = notes.path().join("notes.json");
    let dir = fixture();
    let mut s = Session::start(
        &[dir.to_str().unwrap()],
        &[("QREVIEW_NOTES", notes_path.to_str().unwrap())],
    );
    s.wait_for(&[
        "★ Social Media",
        "detected · 5 siblings",
        "Commons UIN 9405",
    ]);
    s.send("\r");
    s.wait_for(&[
        "Commons UIN 9401, tabled 2024-01-15",
        "Family Commons UIN 9401",
    ]);
    s.send("c");
    // Compare opens on the next sibling with an answer: the Cabinet Office,
    // whose answer refers to Defence's.
    s.wait_for(&[
        "Ministry of Defence",
        "Cabinet Office",
        "PQ 9401",
        "£41,200",
    ]);
    s.send("\x1b");
    s.send("\x1b");
    s.send("jjjX");
    s.wait_for(&["taken out of its detected family", "detected · 4 siblings"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let saved = std::fs::read_to_string(&notes_path).unwrap();
    assert!(
        saved.contains("\"split\": \"uk-parliament:1702004\""),
        "{saved}"
    );
}
