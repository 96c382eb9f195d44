//! Rendered screens of the Platforms view at 80×24 and 200×60 (insta
//! snapshots) on the embedded corpus: the table with the question asked
//! above it, the cell cursor and its detail; then after a rejection.

mod render_support;

use qreview::app::{App, Effect, View, press};
use qreview::corpus::embedded;
use qreview::notes::Store;
use qreview::tui::theme::Theme;
use render_support::{draw, screen};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn app_after(size: (u16, u16), keys: &str) -> (App, Vec<Effect>) {
    let mut app = App::with_corpus(embedded::load(), size);
    let effects = app.attach_notes(Store::empty("notes.json"), None);
    assert!(effects.is_empty());
    let effects = press(&mut app, keys);
    (app, effects)
}

#[test]
fn the_table_with_its_question_and_cursor() {
    for size in SIZES {
        let (app, _) = app_after(size, "8 j j l");
        assert_eq!(app.view, View::Platforms);
        let text = screen(draw(&app, Theme::monochrome()).backend().buffer());
        assert!(text.contains("Asked: Ces dernières années"), "{text}");
        assert!(text.contains("QUESTION · MINISTRY"));
        assert!(
            text.contains("5-8902 · Twitter: used · Belgium MFA · 648 tweets · 2,085 followers"),
            "{text}"
        );
        assert!(text.contains("policy: charter, moderation"));
        insta::assert_snapshot!(format!("platforms_{}x{}", size.0, size.1), text);
    }
}

#[test]
fn a_rejected_fact_is_marked_and_saved() {
    for size in SIZES {
        let (app, effects) = app_after(size, "8 j j l l l l x");
        assert_eq!(effects.last(), Some(&Effect::SaveNotes));
        let facts = &app.review.store.notes().facts;
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].platform, "googleplus");
        let text = screen(draw(&app, Theme::monochrome()).backend().buffer());
        assert!(text.contains("· rejected"), "{text}");
        assert!(text.contains("Google+: — [rejected]"), "{text}");
        insta::assert_snapshot!(format!("platforms_rejected_{}x{}", size.0, size.1), text);
    }
}

#[test]
fn enter_opens_the_passage_and_confirmed_facts_become_tags() {
    let (mut app, _) = app_after((80, 24), "8 j j c T");
    let tags = app
        .review
        .store
        .notes()
        .review("5-8902".parse().unwrap())
        .tags;
    assert!(tags.contains("platform:facebook"), "{tags:?}");
    press(&mut app, "<enter>");
    assert_eq!(app.view, View::Reader);
    let text = screen(draw(&app, Theme::monochrome()).backend().buffer());
    assert!(text.contains("page Facebook"), "{text}");
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .starts_with("Facebook: used")
    );
    // F in the Reader: back to the table, on the first fact on screen.
    press(&mut app, "F");
    assert_eq!(app.view, View::Platforms);
    assert_eq!(app.platforms.platform(), Some("facebook"));
    assert_eq!(app.platforms.question(), Some("5-8902".parse().unwrap()));
}
