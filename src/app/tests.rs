//! Key-sequence tests of the application state on the embedded corpus.

use super::doc::text_of;
use super::test_support::{body_text, default_app, header_text, id, synthetic_corpus};
use super::*;
use crate::corpus::embedded;

fn app() -> App {
    default_app((80, 24))
}

#[test]
fn starts_on_the_first_member_of_the_first_family() {
    let app = app();
    assert_eq!(app.view, View::Questions);
    assert!(matches!(app.questions.rows[0], Row::Family { .. }));
    assert_eq!(app.questions.selected_id(), Some(id("5-8900")));
}

#[test]
fn moves_over_members_including_placeholders() {
    let mut app = app();
    press(&mut app, "j j");
    assert_eq!(app.questions.selected_id(), Some(id("5-8902")));
    press(&mut app, "G");
    assert_eq!(app.questions.selected_id(), Some(id("5-8918")));
    press(&mut app, "k g");
    assert_eq!(app.questions.selected_id(), Some(id("5-8900")));
    press(&mut app, "k");
    assert_eq!(
        app.questions.selected_id(),
        Some(id("5-8900")),
        "stops at the top"
    );
}

#[test]
fn page_down_scrolls_the_list_to_keep_the_cursor_visible() {
    // A short window (below the drawable minimum, but the state must cope).
    let mut app = App::with_corpus(embedded::load(), (80, 12));
    press(&mut app, "<pgdn> <pgdn>");
    let rows = app.content_rows() - TABLE_HEADER_ROWS;
    assert!(app.questions.cursor >= app.questions.offset);
    assert!(app.questions.cursor < app.questions.offset + rows);
    assert!(app.questions.offset > 0);
}

#[test]
fn enter_opens_the_reader_with_timeline_and_answer() {
    let mut app = app();
    press(&mut app, "j j <enter>");
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.reader.id, Some(id("5-8902")));
    let header = header_text(&app);
    assert!(header.contains("sent 2013-04-30"), "{header}");
    assert!(
        header.contains("─232d→ reminder 2013-12-18 ─61d→ answer 2014-02-17"),
        "{header}"
    );
    assert!(header.contains("= 293 days"), "{header}");
    let body = body_text(&app);
    assert!(body.contains("start inferred from the numbering"), "{body}");
    assert!(body.contains("Le Service public fédéral (SPF)"), "{body}");
}

#[test]
fn brackets_move_between_loaded_siblings() {
    let mut app = app();
    press(&mut app, "j j <enter> ]");
    assert_eq!(app.reader.id, Some(id("5-8903")));
    assert!(body_text(&app).contains("Answered on 2013-05-29, text not in this corpus."));
    press(&mut app, "[ [ [ [");
    assert_eq!(app.reader.id, Some(id("5-8900")));
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("first sibling")
    );
    press(&mut app, "G ]");
    assert_eq!(app.reader.scroll, 0, "a new sibling opens at the top");
}

#[test]
fn placeholders_do_not_open() {
    let mut app = app();
    let placeholder = app
        .questions
        .rows
        .iter()
        .position(|r| matches!(r, Row::Member { question: None, .. }))
        .expect("the default corpus has placeholders");
    app.questions.cursor = placeholder;
    press(&mut app, "<enter>");
    assert_eq!(app.view, View::Questions);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("not in this corpus")
    );
}

#[test]
fn reader_scrolls_within_its_text() {
    let mut app = app();
    press(&mut app, "j j <enter> j j");
    assert_eq!(app.reader.scroll, 2);
    press(&mut app, "G");
    let max = app.reader.body.len() - app.reader.body_height(app.content_rows());
    assert_eq!(app.reader.scroll, max);
    press(&mut app, "j <pgup> g");
    assert_eq!(app.reader.scroll, 0);
}

#[test]
fn sort_cycles_through_four_orders() {
    let mut app = app();
    press(&mut app, "s s");
    assert_eq!(app.questions.sort, SortKey::Days);
    let first = app.questions.rows.iter().find_map(|r| match r {
        Row::Member { id, .. } => Some(*id),
        Row::Family { .. } => None,
    });
    assert_eq!(first, Some(id("5-8904")), "8 days is the fastest answer");
    assert_eq!(
        app.questions.selected_id(),
        Some(id("5-8900")),
        "cursor stays on its question"
    );
    press(&mut app, "s s");
    assert_eq!(app.questions.sort, SortKey::Id);
}

#[test]
fn help_and_report_overlays_toggle_and_esc_goes_back() {
    let mut app = app();
    press(&mut app, "?");
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, "?");
    assert_eq!(app.overlay, None);
    press(&mut app, "w");
    assert_eq!(app.overlay, Some(Overlay::LoadReport));
    press(&mut app, "<esc> <enter>");
    assert_eq!((app.overlay, app.view), (None, View::Reader));
    press(&mut app, "<esc>");
    assert_eq!(app.view, View::Questions);
    press(&mut app, "2");
    assert_eq!(app.view, View::Reader);
}

#[test]
fn quit_is_an_effect() {
    let mut app = app();
    assert_eq!(press(&mut app, "j q"), vec![Effect::Quit]);
    assert_eq!(press(&mut app, "<c-c>"), vec![Effect::Quit]);
}

#[test]
fn keys_wait_for_the_corpus_but_quit_does_not() {
    let mut app = App::new((80, 24), None);
    update(&mut app, Action::Progress { done: 1, total: 2 });
    assert_eq!(app.loading, Loading::InProgress { done: 1, total: 2 });
    assert!(press(&mut app, "j <enter>").is_empty());
    assert_eq!(app.view, View::Questions);
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
}

#[test]
fn open_on_load_opens_the_reader_or_fails() {
    let mut app = App::new((80, 24), Some("5-8910".into()));
    assert_eq!(
        update(&mut app, Action::from(embedded::load())),
        vec![Effect::IndexSearch]
    );
    assert_eq!(
        (app.view, app.reader.id),
        (View::Reader, Some(id("5-8910")))
    );

    let mut app = App::new((80, 24), Some("5-8907".into()));
    let effects = update(&mut app, Action::from(embedded::load()));
    assert!(matches!(&effects[..], [Effect::Fail(m)] if m.contains("5-8907")));

    // `--open` takes `source:reference` and, once loaded, a shown label.
    let mut app = App::new((80, 24), Some("be-senate:5-8910".into()));
    update(&mut app, Action::from(embedded::load()));
    assert_eq!(app.reader.id, Some(id("5-8910")));
    let chamber = crate::app::test_support::chamber_corpus();
    let mut app = App::new((80, 24), Some("55 B014 Q0007".into()));
    update(&mut app, Action::from(chamber));
    assert_eq!(
        app.reader.id.map(|id| id.qualified()),
        Some("be-chamber:55-B014-9-0007-0000202100522".into())
    );
    let mut app = App::new((80, 24), Some("nonsense".into()));
    let effects = update(&mut app, Action::from(embedded::load()));
    assert!(matches!(&effects[..], [Effect::Fail(m)] if m.contains("not a question id")));
}

#[test]
fn resize_lays_the_reader_out_again() {
    let mut app = app();
    press(&mut app, "j j <enter>");
    let narrow = app.reader.body.len();
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 48,
        },
    );
    assert!(app.reader.body.len() < narrow);
    assert!(
        app.reader
            .body
            .iter()
            .all(|l| wrap::width(&text_of(l)) <= reader::TEXT_MAX)
    );
}

#[test]
fn help_scrolls_when_the_terminal_is_short() {
    let mut app = App::with_corpus(crate::corpus::embedded::load(), (80, 24));
    press(&mut app, "j j <enter> ?");
    assert_eq!(app.scope(), crate::app::keymap::Scope::Help);
    let before = app.reader.scroll;
    press(&mut app, "j j j");
    assert_eq!(app.help_scroll, 3, "j scrolls the help, not the Reader");
    assert_eq!(app.reader.scroll, before);
    press(&mut app, "G");
    let last = app.help_scroll;
    // Four headed sections (Reader, Everywhere, Search prompt, This help),
    // each closed by a blank line, then the closing hint; 20 lines fit.
    let rows = |scope| {
        crate::app::keymap::bindings()
            .iter()
            .filter(|b| b.scope == scope)
            .count()
    };
    use crate::app::keymap::Scope;
    let lines = rows(Scope::View(View::Reader))
        + rows(Scope::Global)
        + rows(Scope::Search)
        + rows(Scope::Help)
        + 4 * 2
        + 1;
    assert_eq!(last, lines - 20);
    press(&mut app, "j");
    assert_eq!(app.help_scroll, last, "stops at the end");
    press(&mut app, "? ?");
    assert_eq!(app.help_scroll, 0, "opens at the top");
}

#[test]
fn a_new_corpus_leaves_nothing_of_the_old_one_on_screen() {
    let mut app = app();
    press(&mut app, "j j <enter> j j 3");
    assert!(app.compare.shared().is_some());
    press(&mut app, "4 l 5");
    assert!(app.timeline.family.is_some());
    press(&mut app, "4");
    update(&mut app, Action::from(synthetic_corpus()));
    assert_eq!(app.view, View::Questions);
    assert_eq!(app.reader.id, None);
    assert!(app.reader.body.is_empty());
    assert_eq!(app.compare.ids, [None, None]);
    assert!(app.compare.shared().is_none(), "no stale shared passages");
    assert_eq!(app.timeline.family, None);
    assert_eq!(app.review.list.cursor, 0);
    // Compare starts again from the new corpus.
    press(&mut app, "3");
    let left = app.compare.ids[0].expect("a question");
    assert!(app.corpus.get(left).is_some());
}

#[test]
fn at_80x24_the_reader_shows_14_lines_of_text_and_i_b_give_more_or_less() {
    let mut app = app();
    press(&mut app, "j j <enter>");
    let rows = app.content_rows();
    assert_eq!(app.reader.header.len(), 4, "{}", header_text(&app));
    assert!(
        app.reader.body_height(rows) >= 14,
        "{}",
        app.reader.body_height(rows)
    );
    let head = header_text(&app);
    assert!(head.starts_with("5-8902 (id inferred) · Affaires étrangères · Martine Taelman"));
    assert!(head.contains("= 293 days"));
    // `i`: every field in full, wrapped rather than cut.
    press(&mut app, "i");
    let head = header_text(&app);
    assert!(head.contains("Recours aux\n"), "{head}");
    assert!(head.contains("médias sociaux"), "{head}");
    assert!(
        head.contains("extérieur et des Affaires européennes"),
        "{head}"
    );
    assert!(!head.contains('…'), "{head}");
    press(&mut app, "i");
    assert_eq!(app.reader.header.len(), 4);
    // `b`: the family bar hides and the text gets its rows.
    let with_bar = app.reader.body_height(rows);
    press(&mut app, "b");
    assert!(app.reader.siblings.is_empty());
    assert_eq!(app.reader.body_height(rows), with_bar + 4);
    press(&mut app, "b");
    assert_eq!(app.reader.siblings.len(), 4);
}

#[test]
fn a_tall_screen_shows_the_whole_header_and_the_answer_heading_wraps() {
    let mut app = default_app((200, 60));
    press(&mut app, "j j <enter>");
    assert!(header_text(&app).contains("Title: Services publics fédéraux"));
    let mut narrow = App::with_corpus(embedded::load(), (80, 24));
    press(&mut narrow, "j j <enter>");
    let body = body_text(&narrow);
    let heading = body
        .lines()
        .skip_while(|l| !l.starts_with("ANSWER"))
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        heading.contains("[start inferred from the numbering: no answer marker]"),
        "{heading}"
    );
    assert!(body.lines().all(|l| crate::app::wrap::width(l) <= 80));
}

#[test]
fn o_turns_the_questions_order_around_keeping_unknown_days_last() {
    let mut app = app();
    press(&mut app, "s s");
    assert_eq!(app.questions.sort, SortKey::Days);
    let days = |app: &App| {
        app.questions
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Member { id, .. } => Some(*id),
                Row::Family { .. } => None,
            })
            .map(|id| app.corpus.get(id).and_then(|q| q.days_to_answer))
            .collect::<Vec<_>>()
    };
    let up = days(&app);
    assert_eq!(up[0], Some(8));
    press(&mut app, "o");
    assert!(app.questions.descending);
    let down = days(&app);
    assert_eq!(down[0], Some(293));
    assert_eq!(down.last(), Some(&None), "placeholders stay last");
    let known: Vec<_> = down.iter().flatten().collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{down:?}");
    assert_eq!(
        app.message.as_deref(),
        Some("sorted by days to answer, descending")
    );
}

#[test]
fn d_switches_every_label_to_dutch_and_back() {
    let mut app = app();
    app.lang_file = Some(std::path::PathBuf::from("/state.json"));
    press(&mut app, "<enter>");
    assert!(header_text(&app).contains("Premier ministre"));
    let effects = update(&mut app, Action::SwitchLang);
    assert_eq!(app.lang, Lang::Nl);
    assert!(effects.contains(&Effect::SaveLang {
        lang: Lang::Nl,
        path: "/state.json".into()
    }));
    assert!(effects.contains(&Effect::IndexSearch));
    assert!(app.message.as_deref().unwrap().contains("Dutch"));
    let header = header_text(&app);
    assert!(header.contains("Eerste minister"), "{header}");
    assert!(!header.contains("Premier ministre"), "{header}");
    assert_eq!(
        app.corpus.get(id("5-8901")).unwrap().ministry.as_deref(),
        Some("Landsverdediging")
    );
    let family = &app.corpus.families[0];
    assert!(
        family.title.as_deref().unwrap().contains("sociale media"),
        "{:?}",
        family.title
    );
    press(&mut app, "D");
    assert_eq!(app.lang, Lang::Fr);
    assert_eq!(
        app.corpus.get(id("5-8901")).unwrap().ministry.as_deref(),
        Some("Défense")
    );
    assert!(header_text(&app).contains("Premier ministre"));
}

#[test]
fn the_display_language_applies_to_a_corpus_loaded_later() {
    let mut app = App::new((80, 24), None);
    app.lang = Lang::Nl;
    update(&mut app, Action::from(embedded::load()));
    assert_eq!(
        app.corpus.get(id("5-8902")).unwrap().ministry.as_deref(),
        Some("Buitenlandse Zaken")
    );
    assert!(
        update(&mut app, Action::SwitchLang)
            .iter()
            .all(|e| !matches!(e, Effect::SaveLang { .. })),
        "not remembered without a state file"
    );
}
