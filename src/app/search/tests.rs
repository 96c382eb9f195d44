//! Key-sequence tests of search on the embedded corpus: typing narrows the
//! results, Enter filters the Questions view and jumps, Esc restores, n/N
//! step across parts, the prompt swallows keys.

use super::prompt::{Entry, Mode};
use super::*;
use crate::app::questions::Row;
use crate::app::test_support::{default_app, id};
use crate::app::{Action, Overlay, View, press, update};
use crate::corpus::embedded;
use crate::search::Field;

fn app() -> App {
    default_app((100, 30))
}

/// Presses `/` then types `text` character by character.
fn search(app: &mut App, text: &str) {
    press(app, "/");
    for c in text.chars() {
        app.key(Key::Char(c));
    }
}

fn prompt(app: &App) -> &Prompt {
    app.search.prompt.as_deref().expect("prompt open")
}

fn listed(app: &App) -> Vec<QuestionId> {
    app.questions
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Member { id, .. } => Some(*id),
            Row::Family { .. } => None,
        })
        .collect()
}

#[test]
fn typing_narrows_the_results_on_every_keystroke() {
    let mut app = app();
    search(&mut app, "m");
    let one = prompt(&app).len();
    assert!(one > 0);
    for c in "edias".chars() {
        app.key(Key::Char(c));
    }
    let p = prompt(&app);
    assert!(p.len() < one, "{} !< {one}", p.len());
    assert!(p.text_hits.len() > 1 && !p.meta_hits.is_empty());
    // Ranked as the library ranks: 5-8902's answer part 1 holds two hits.
    match p.entry(0) {
        Some(Entry::Text(h)) => {
            assert_eq!(app.corpus.questions[h.question].id, id("5-8902"));
            assert_eq!((h.field, h.part), (Field::Answer, Some(0)));
        }
        other => panic!("first result {other:?}"),
    }
    // The rows on screen are prepared with the hit marked in the snippet.
    let row = &p.rows[0];
    assert_eq!(row.id, "5-8902");
    assert_eq!(row.place, "answer 1.");
    assert!(row.hits.iter().all(|r| row.text[r.clone()] == *"médias"));
    assert!(!row.hits.is_empty());
    // Backspace widens again.
    press(&mut app, "<bs> <bs> <bs> <bs> <bs>");
    assert_eq!(prompt(&app).len(), one);
}

#[test]
fn tab_cycles_the_modes_and_metadata_hits_mark_their_characters() {
    let mut app = app();
    search(&mut app, "8905");
    press(&mut app, "<tab>");
    assert_eq!(prompt(&app).mode, Mode::Text);
    assert!(prompt(&app).meta_hits.is_empty());
    press(&mut app, "<tab>");
    let p = prompt(&app);
    assert_eq!(p.mode, Mode::Metadata);
    assert!(p.text_hits.is_empty());
    let row = &p.rows[0];
    assert_eq!(row.id, "5-8905");
    assert_eq!(row.id_hits, vec![2..6], "the id's digits are marked");
    press(&mut app, "<tab>");
    assert_eq!(prompt(&app).mode, Mode::All);
}

#[test]
fn the_prompt_swallows_view_and_global_keys() {
    let mut app = app();
    let effects = {
        press(&mut app, "/");
        press(&mut app, "q j 2 ? <space> x")
    };
    assert!(effects.is_empty(), "q must not quit: {effects:?}");
    assert_eq!(prompt(&app).text(), "qj2? x");
    assert_eq!(app.view, View::Questions);
    assert_eq!(app.overlay, None);
    assert_eq!(app.questions.selected_id(), Some(id("5-8900")));
    assert_eq!(app.scope(), Scope::Search);
}

#[test]
fn esc_restores_view_cursor_scroll_and_overlay_exactly() {
    let mut app = app();
    press(&mut app, "j j <enter> j j j ?");
    let (view, cursor, offset, scroll) = (
        app.view,
        app.questions.cursor,
        app.questions.offset,
        app.reader.scroll,
    );
    search(&mut app, "reseaux");
    press(&mut app, "<down> <down> <tab>");
    press(&mut app, "<esc>");
    assert!(app.search.prompt.is_none());
    assert_eq!(
        (
            app.view,
            app.questions.cursor,
            app.questions.offset,
            app.reader.scroll
        ),
        (view, cursor, offset, scroll)
    );
    assert_eq!(app.overlay, Some(Overlay::Help));
    assert!(app.search.committed.is_none() && app.questions.filter.is_none());
}

#[test]
fn enter_filters_the_questions_and_opens_the_reader_at_the_first_hit() {
    let mut app = app();
    search(&mut app, "medias");
    press(&mut app, "<enter>");
    assert!(app.search.prompt.is_none());
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.reader.id, Some(id("5-8902")));
    // The hit is on screen and current: the first hit in answer part 1.
    let marks = &app.search.reader;
    let current = marks.current.expect("a current hit");
    let line = marks.hits[current];
    let o = app.reader.origins[line].as_ref().expect("a text line");
    assert_eq!(o.part.as_deref(), Some("1."));
    let rows = app.reader.body_height(app.content_rows());
    assert!(line >= app.reader.scroll && line < app.reader.scroll + rows);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with(&format!("hit {} of ", current + 1)),
        "{message}"
    );
    // The Questions view lists only the questions that matched.
    press(&mut app, "1");
    let listed = listed(&app);
    let filter = app.questions.filter.as_ref().expect("filter");
    assert_eq!(listed.len(), filter.len());
    assert!(listed.contains(&id("5-8902")));
    assert_eq!(app.questions.selected_id(), Some(id("5-8902")));
    // x clears it.
    let before = listed.len();
    press(&mut app, "x");
    assert!(app.questions.filter.is_none() && app.search.committed.is_none());
    assert!(
        crate::app::questions::QuestionsState::default()
            .rows
            .is_empty()
    );
    assert!(self::listed(&app).len() >= before);
}

#[test]
fn a_filter_narrower_than_the_corpus_hides_the_other_questions() {
    let mut app = app();
    // 5-8905 by its number: a metadata hit only.
    search(&mut app, "8905");
    press(&mut app, "<tab> <tab> <enter>");
    assert_eq!(app.view, View::Questions);
    assert_eq!(listed(&app), vec![id("5-8905")]);
    assert_eq!(app.questions.selected_id(), Some(id("5-8905")));
}

#[test]
fn n_and_shift_n_step_through_hits_across_parts() {
    let mut app = app();
    search(&mut app, "medias");
    press(&mut app, "<enter>");
    let marks = app.search.reader.clone();
    assert!(marks.hits.len() >= 3, "{:?}", marks.hits);
    let first = marks.current.unwrap();
    let parts: Vec<Option<String>> = marks
        .hits
        .iter()
        .map(|&l| app.reader.origins[l].as_ref().and_then(|o| o.part.clone()))
        .collect();
    // Hits sit in more than one part (and the intro).
    let mut distinct = parts.clone();
    distinct.dedup();
    assert!(distinct.len() >= 2, "{parts:?}");
    press(&mut app, "n");
    assert_eq!(app.search.reader.current, Some(first + 1));
    let total = marks.hits.len();
    assert_eq!(
        app.message.as_deref(),
        Some(format!("hit {} of {total}", first + 2).as_str())
    );
    let line = marks.hits[first + 1];
    let rows = app.reader.body_height(app.content_rows());
    assert!(line >= app.reader.scroll && line < app.reader.scroll + rows);
    press(&mut app, "N N");
    assert_eq!(app.search.reader.current, Some(first.saturating_sub(1)));
    // Past the last hit the search wraps to the first.
    while app.search.reader.current != Some(total - 1) {
        press(&mut app, "n");
    }
    press(&mut app, "n");
    assert_eq!(app.search.reader.current, Some(0));
    assert!(
        app.message.as_deref().unwrap_or("").contains("wrapped"),
        "{:?}",
        app.message
    );
}

#[test]
fn n_in_compare_steps_in_the_focused_column_and_moves_between_parts() {
    let mut app = app();
    search(&mut app, "medias");
    press(&mut app, "<enter>");
    // 5-8902 on the left, its next sibling on the right.
    press(&mut app, "c");
    assert_eq!(app.view, View::Compare);
    assert_eq!(app.compare.ids[0], Some(id("5-8902")));
    let start = app.compare.part;
    let mut parts_seen = vec![start];
    for _ in 0..12 {
        press(&mut app, "n");
        let m = app.message.clone().unwrap_or_default();
        assert!(m.starts_with("hit "), "{m}");
        assert!(m.contains("left column"), "{m}");
        parts_seen.push(app.compare.part);
    }
    parts_seen.dedup();
    assert!(
        parts_seen.len() > 1,
        "n moved through the parts: {parts_seen:?}"
    );
    // The hit is highlighted and on screen in the left column.
    let marks = &app.search.compare[0];
    let line = marks.hits[marks.current.unwrap()];
    let scroll = app.compare.scroll[0];
    assert!(line >= scroll && line < scroll + app.compare.layout.body_rows);
}

#[test]
fn n_without_a_search_says_how_to_search() {
    let mut app = app();
    press(&mut app, "j j <enter> n");
    assert!(app.message.as_deref().unwrap().contains("/ searches"));
}

#[test]
fn prompt_waits_for_the_indexes_and_searches_when_they_arrive() {
    let mut app = App::new((100, 30), None);
    let effects = update(&mut app, Action::from(embedded::load()));
    assert!(effects.contains(&Effect::IndexSearch));
    assert!(app.search.indexing());
    search(&mut app, "medias");
    assert!(!prompt(&app).searched);
    press(&mut app, "<enter>");
    assert!(app.search.prompt.is_some(), "Enter waits for the index");
    assert!(app.message.as_deref().unwrap().contains("indexing"));
    index_now(&mut app);
    assert!(prompt(&app).searched);
    assert!(prompt(&app).text_hits.len() > 1);
}

#[test]
fn indexes_of_a_replaced_corpus_are_dropped() {
    let mut app = app();
    let other = Arc::new(embedded::load());
    let stale = SearchIndex::build(&other);
    app.search.index = None;
    update(
        &mut app,
        Action::Search(SearchAction::Indexed(Indexed(Arc::new(stale)))),
    );
    assert!(app.search.indexing());
}

#[test]
fn results_scroll_with_the_selection() {
    let mut app = App::with_corpus(embedded::load(), (80, 24));
    search(&mut app, "e");
    let rows = result_rows(&app);
    assert!(prompt(&app).len() > rows + 1);
    for _ in 0..rows + 1 {
        press(&mut app, "<down>");
    }
    let p = prompt(&app);
    assert_eq!(p.selected, rows + 1);
    assert_eq!(p.offset, 2);
    assert_eq!(p.rows.len(), rows);
}

#[test]
fn a_passage_the_siblings_share_is_one_result_that_expands() {
    let mut app = app();
    search(&mut app, "compétence");
    press(&mut app, "<tab>");
    let p = prompt(&app);
    assert_eq!(p.mode, Mode::Text);
    // Eleven questions carry the same question text: each of its parts
    // holding the word is one group of eleven, not eleven results.
    let head = &p.groups[0];
    assert_eq!(head.hits.len(), 11, "{:?}", p.groups);
    assert!(p.len() < p.text_hits.len());
    assert_eq!(p.rows[0].shared, Some((11, false)));
    let before = p.len();
    press(&mut app, "<c-e>");
    let p = prompt(&app);
    assert_eq!(p.len(), before + 10);
    assert_eq!(p.rows[0].shared, Some((11, true)));
    assert!(p.rows[1].member && p.rows[10].member && !p.rows[11].member);
    assert_eq!(p.selected, 0);
    press(&mut app, "<c-e>");
    assert_eq!(prompt(&app).len(), before);
}

#[test]
fn the_prompt_counts_hits_in_the_unit_the_reader_steps_through() {
    let mut app = app();
    // A word only 5-8902's answer holds.
    search(&mut app, "Facebook");
    let p = prompt(&app);
    assert_eq!(p.text_questions, 1);
    let counted = p.text_matches;
    assert!(counted >= 2, "{counted}");
    press(&mut app, "<enter>");
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.search.reader.hits.len(), counted);
    let m = app.message.clone().unwrap_or_default();
    assert!(m.contains(&format!(" of {counted} ")), "{m}");
}
