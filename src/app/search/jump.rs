//! `Enter` in the prompt (keep the results as the Questions filter, go to
//! the selected hit) and `n`/`N` in the Reader and Compare views (the next
//! or previous hit, across parts, scrolling to it).

use crate::app::compare::relayout;
use crate::app::{App, TABLE_HEADER_ROWS, View};
use crate::search::{Query, TextHit, part_label};

use super::marks::scroll_to;
use super::prompt::Entry;
use super::{Committed, after_update, filter_of};

/// Enter: keeps the results as the filter, jumps to the selected result
/// (the first one unless another was selected).
pub fn commit(app: &mut App) {
    let Some(p) = app.search.prompt.as_ref() else {
        return;
    };
    let input = p.text();
    if input.trim().is_empty() {
        super::update(app, super::SearchAction::Cancel);
        return;
    }
    if app.search.indexing() {
        app.message = Some("still indexing: Enter works once the results show".into());
        return;
    }
    if p.is_empty() {
        app.message = Some(format!("nothing matches “{input}”: change it, or Esc"));
        return;
    }
    let Some(p) = app.search.prompt.take() else {
        return;
    };
    let entry = p.entry(p.selected).or_else(|| p.entry(0));
    let questions = p.text_hits.iter().map(|h| h.question);
    let filter = filter_of(
        &app.corpus,
        questions.chain(p.meta_hits.iter().map(|h| h.question)),
    );
    app.search.committed = Some(Committed {
        query: Query::parse(&input),
        input,
        mode: p.mode,
        questions: filter.len(),
    });
    app.questions.filter = Some(filter);
    app.questions.rebuild(&app.corpus);
    app.overlay = None;
    match entry {
        Some(Entry::Text(hit)) => open_at(app, &hit),
        Some(Entry::Meta(hit)) => {
            let id = app.corpus.questions[hit.question].id;
            app.view = View::Questions;
            app.questions.select(id);
            filter_message(app, None);
        }
        None => {}
    }
    let rows = app.content_rows().saturating_sub(TABLE_HEADER_ROWS);
    app.questions.scroll_into_view(rows);
}

/// `filter: 12 questions · x in Questions clears` with the hit count first.
fn filter_message(app: &mut App, hit: Option<String>) {
    let n = app.search.committed.as_ref().map_or(0, |c| c.questions);
    let filter = format!("filter: {n} question(s) · x in Questions clears");
    app.message = Some(match hit {
        Some(h) => format!("{h} · {filter}"),
        None => filter,
    });
}

/// Opens the hit's question in the Reader with the first hit of its piece
/// on screen.
fn open_at(app: &mut App, hit: &TextHit) {
    let q = &app.corpus.questions[hit.question];
    let id = q.id;
    let label = part_label(q, hit.field, hit.part).map(str::to_string);
    let field = hit.field;
    app.open(id);
    after_update(app);
    let origins = &app.reader.origins;
    let in_piece = |line: usize| {
        origins
            .get(line)
            .and_then(|o| o.as_ref())
            .is_some_and(|o| o.field == field && o.part == label)
    };
    let marks = &mut app.search.reader;
    let found = marks.hits.iter().position(|&l| in_piece(l));
    let line = match found {
        Some(i) => {
            marks.current = Some(i);
            marks.hits[i]
        }
        None => (0..origins.len()).find(|&l| in_piece(l)).unwrap_or(0),
    };
    let rows = app.content_rows();
    let height = app.reader.body_height(rows);
    app.reader.scroll = scroll_to(line, app.reader.scroll, height);
    app.reader.scroll_by(0, rows);
    let total = app.search.reader.hits.len();
    let hit = found.map(|i| format!("hit {} of {total} in {id}", i + 1));
    filter_message(app, hit);
}

/// `n` (forward) or `N`.
pub fn step(app: &mut App, forward: bool) {
    let Some(input) = app.search.committed.as_ref().map(|c| c.input.clone()) else {
        app.message = Some("no search to step through: / searches".into());
        return;
    };
    match app.view {
        View::Reader => reader_step(app, forward, &input),
        View::Compare if app.compare.matrix => {
            app.message = Some("n/N step through the columns: m closes the matrix".into());
        }
        View::Compare => compare_step(app, forward, &input),
        _ => {}
    }
}

fn reader_step(app: &mut App, forward: bool, input: &str) {
    let rows = app.content_rows();
    let height = app.reader.body_height(rows);
    let marks = &mut app.search.reader;
    let Some((i, wrapped)) = marks.step(forward, app.reader.scroll) else {
        let id = app.reader.id.map(|i| i.to_string()).unwrap_or_default();
        app.message = Some(format!("no hit of “{input}” in {id}"));
        return;
    };
    let line = marks.hits[i];
    app.reader.scroll = scroll_to(line, app.reader.scroll, height);
    app.reader.scroll_by(0, rows);
    app.message = Some(hit_message(i, marks.hits.len(), wrapped, forward, ""));
}

/// `hit 2 of 7`, saying when the search wrapped.
fn hit_message(i: usize, total: usize, wrapped: bool, forward: bool, place: &str) -> String {
    let wrap = match (wrapped, forward) {
        (false, _) => "",
        (true, true) => " · wrapped to the top",
        (true, false) => " · wrapped to the bottom",
    };
    format!("hit {} of {total}{place}{wrap}", i + 1)
}

/// In the focused column; with one part shown, past the part's last hit
/// the next part holding a hit is shown.
fn compare_step(app: &mut App, forward: bool, input: &str) {
    let col = app.compare.focus;
    let parts = app.compare.layout.parts.len();
    let top = app.compare.scroll[col];
    let marks = &app.search.compare[col];
    let n = marks.hits.len();
    let inside = match (marks.current, forward) {
        (Some(i), true) => i + 1 < n,
        (Some(i), false) => i > 0,
        (None, true) => marks.hits.iter().any(|&l| l >= top),
        (None, false) => marks.hits.iter().any(|&l| l < top),
    };
    let mut wrapped_parts = false;
    if !inside && !app.compare.all_parts && parts > 1 {
        let start = app.compare.part;
        for k in 1..=parts {
            let p = if forward {
                (start + k) % parts
            } else {
                (start + parts - k) % parts
            };
            app.compare.part = p;
            app.compare.scroll = [0, 0];
            relayout(app);
            after_update(app);
            if !app.search.compare[col].hits.is_empty() {
                wrapped_parts = if forward { p <= start } else { p >= start };
                let last = app.search.compare[col].hits.len() - 1;
                // Entering a part: its first hit going forward, its last going back.
                app.search.compare[col].current = Some(if forward { 0 } else { last });
                break;
            }
        }
    }
    let marks = &mut app.search.compare[col];
    let (i, wrapped) = if !inside && !app.compare.all_parts && parts > 1 {
        match marks.current {
            Some(i) if !marks.hits.is_empty() => (i, wrapped_parts),
            _ => (usize::MAX, false),
        }
    } else {
        marks.step(forward, top).unwrap_or((usize::MAX, false))
    };
    if i == usize::MAX {
        let side = if col == 0 { "left" } else { "right" };
        app.message = Some(format!("no hit of “{input}” in the {side} column"));
        return;
    }
    let total = marks.hits.len();
    let line = marks.hits[i];
    let c = &mut app.compare;
    let rows = c.layout.body_rows;
    let target = scroll_to(line, c.scroll[col], rows);
    for k in 0..2 {
        if k == col || c.sync {
            let max = c.layout.columns[k].len().saturating_sub(rows);
            c.scroll[k] = target.min(max);
        }
    }
    let side = if col == 0 { "left" } else { "right" };
    let place = if c.all_parts || parts == 0 {
        format!(" · {side} column")
    } else {
        format!(" · {side} column, part {} of {parts}", c.part + 1)
    };
    app.message = Some(hit_message(i, total, wrapped, forward, &place));
}
