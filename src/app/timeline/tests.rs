//! Key-sequence tests of the Timeline view.

use super::*;
use crate::app::press;
use crate::app::test_support::{default_app, id, synthetic_app};
use crate::corpus::EventKind;

fn app() -> App {
    let mut app = default_app((80, 24));
    app.today = jiff::civil::date(2024, 1, 1);
    app
}

#[test]
fn four_charts_the_family_of_the_selected_question_sorted_by_days() {
    let mut app = app();
    press(&mut app, "j j 4");
    assert_eq!(app.view, View::Timeline);
    assert_eq!(app.timeline.family, Some(0));
    let rows = rows(&app);
    assert_eq!(rows.len(), 19);
    assert_eq!(rows[0].member.id, id("5-8904"));
    assert_eq!(
        row_id(&app),
        Some(id("5-8902")),
        "cursor on the selected question"
    );
    let r = &rows[app.timeline.row];
    assert_eq!(r.bar.map(|b| (b.days, b.open)), Some((293, false)));
}

#[test]
fn events_step_in_date_order_and_the_row_follows() {
    let mut app = app();
    press(&mut app, "4 l");
    assert_eq!(app.timeline.event, Some(0));
    let e = events(&app);
    assert_eq!(e[0].kind, EventKind::Sent);
    press(&mut app, "l l l l l l l l l l l");
    assert_eq!(app.timeline.event, Some(11));
    assert_eq!(e[11].id, id("5-8904"));
    assert_eq!(row_id(&app), Some(id("5-8904")));
    press(&mut app, "h");
    assert_eq!(app.timeline.event, Some(10));
    // From no event, left goes to the last one.
    let mut other = self::app();
    press(&mut other, "4 <left>");
    assert_eq!(other.timeline.event, Some(e.len() - 1));
    assert_eq!(row_id(&other), Some(id("5-8902")));
    press(&mut other, "<right>");
    assert!(
        other
            .message
            .as_deref()
            .unwrap_or("")
            .contains("last event")
    );
}

#[test]
fn rows_move_scroll_and_sort_keeps_the_cursor_on_its_question() {
    let mut app = app();
    press(&mut app, "4 G");
    assert_eq!(app.timeline.row, 18);
    let visible = visible_rows(&app);
    assert_eq!(app.timeline.offset, 19 - visible);
    press(&mut app, "g j");
    assert_eq!(row_id(&app), Some(id("5-8903")));
    press(&mut app, "s");
    assert_eq!(
        app.timeline.sort,
        crate::analysis::timeline::SortKey::Ministry
    );
    assert_eq!(row_id(&app), Some(id("5-8903")));
    press(&mut app, "s");
    assert_eq!(app.timeline.row, 3, "by id, 5-8903 is the fourth row");
    press(&mut app, "s");
    assert_eq!(app.timeline.sort, crate::analysis::timeline::SortKey::Days);
}

#[test]
fn enter_opens_the_row_in_the_reader_and_placeholders_say_why_not() {
    let mut app = app();
    press(&mut app, "4 g <enter>");
    assert_eq!(
        (app.view, app.reader.id),
        (View::Reader, Some(id("5-8904")))
    );
    press(&mut app, "4 G <enter>");
    assert_eq!(app.view, View::Timeline);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("not in this corpus")
    );
}

#[test]
fn families_list_charts_a_family_and_esc_goes_back() {
    let mut app = app();
    press(&mut app, "4 f");
    assert!(app.timeline.families);
    press(&mut app, "j <enter>");
    assert!(!app.timeline.families);
    assert_eq!(app.timeline.family, Some(0));
    press(&mut app, "f <esc>");
    assert!(!app.timeline.families);
    press(&mut app, "<esc>");
    assert_eq!(app.view, View::Questions);
}

#[test]
fn open_bars_run_up_to_the_injected_today() {
    let mut app = synthetic_app((80, 24));
    app.today = jiff::civil::date(2021, 7, 1);
    press(&mut app, "4");
    let rows = rows(&app);
    let open = rows.last().expect("rows");
    assert_eq!(open.member.id, id("9-104"));
    assert_eq!(open.bar.map(|b| (b.days, b.open)), Some((178, true)));
}

#[test]
fn o_turns_the_timeline_rows_around_keeping_open_and_unknown_rows_last() {
    let mut app = crate::app::App::with_corpus(crate::corpus::embedded::load(), (100, 30));
    crate::app::press(&mut app, "4");
    let ids = |app: &crate::app::App| {
        rows(app)
            .iter()
            .map(|r| r.member.id.to_string())
            .collect::<Vec<_>>()
    };
    let up = ids(&app);
    assert_eq!(up[0], "5-8904");
    crate::app::press(&mut app, "o");
    let down = ids(&app);
    assert_eq!(down[0], "5-8902", "slowest first: {down:?}");
    let last = rows(&app).last().map(|r| r.member.loaded);
    assert_eq!(last, Some(false), "siblings not in the corpus stay last");
    assert_eq!(down.len(), up.len());
}
