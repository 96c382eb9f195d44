//! The Platforms view's state and update: the social-media table
//! (questions × platforms, corrections applied) as computed by
//! [`crate::lens::Table::build`], a cell cursor, and the analyst's
//! corrections (confirm, reject, flip used/not used, clear, confirmed facts
//! to tags), which are saved in the notes file like any change.
//!
//! The table is rebuilt here (on show and after each correction), never
//! while drawing.

use crate::app::{App, Effect, View};
use crate::corpus::QuestionId;
use crate::lens::{Catalog, CellState, Table, correct};
use crate::notes::{FactCorrection, FactVerdict, Field};

/// The Platforms view's own actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlatformsAction {
    /// Cursor to the previous platform column.
    Left,
    /// Cursor to the next platform column.
    Right,
    /// Open the cell's passage in the Reader.
    Open,
    /// Confirm the cell's fact.
    Confirm,
    /// Reject the cell's fact (it is then "not mentioned").
    Reject,
    /// Correct the cell: used becomes not used, anything else used.
    FlipUsed,
    /// Remove the analyst's verdict on the cell.
    Clear,
    /// Tag the row's question with its confirmed facts (`platform:facebook`).
    ToTags,
    /// From the Reader: the view on the open question, the cursor on the
    /// first fact at or below the top of the Reader's screen.
    FromReader,
}

/// The Platforms view's state.
#[derive(Debug, Clone, Default)]
pub struct PlatformsState {
    /// The table as last built.
    pub table: Table,
    /// Row of the cursor.
    pub row: usize,
    /// Column of the cursor.
    pub col: usize,
    /// First row shown.
    pub scroll: usize,
}

impl PlatformsState {
    /// The question of the cursor's row.
    pub fn question(&self) -> Option<QuestionId> {
        self.table.rows.get(self.row).map(|r| r.question)
    }

    /// The platform id of the cursor's column.
    pub fn platform(&self) -> Option<&str> {
        self.table.columns.get(self.col).map(|c| c.id.as_str())
    }
}

/// Rows of the view above the table: the question asked (two lines), a
/// blank line and the column header.
pub const HEADER_ROWS: usize = 4;
/// Rows below the table: the selected cell in full and its passage.
pub const DETAIL_ROWS: usize = 3;

/// Rows of the table shown at once.
pub fn table_rows(app: &App) -> usize {
    app.content_rows()
        .saturating_sub(HEADER_ROWS + DETAIL_ROWS)
        .max(1)
}

/// `8`: builds the table and shows it, the cursor on the current question.
pub fn show(app: &mut App) {
    let here = app.current_question();
    app.view = View::Platforms;
    app.overlay = None;
    refresh(app);
    if let Some(i) = here.and_then(|q| {
        app.platforms
            .table
            .rows
            .iter()
            .position(|r| r.question == q)
    }) {
        app.platforms.row = i;
    }
    scroll_into_view(app);
}

/// Builds the table again from the corpus and the notes' corrections.
pub fn refresh(app: &mut App) {
    let facts = &app.review.store.notes().facts;
    app.platforms.table = Table::build(&app.corpus, &[], facts, Catalog::builtin());
    let s = &mut app.platforms;
    s.row = s.row.min(s.table.rows.len().saturating_sub(1));
    s.col = s.col.min(s.table.columns.len().saturating_sub(1));
}

/// Moves the row cursor by `delta` (`isize::MIN`/`MAX` for the ends).
pub fn movement(app: &mut App, delta: isize) {
    let last = app.platforms.table.rows.len().saturating_sub(1);
    app.platforms.row = match delta {
        isize::MIN => 0,
        isize::MAX => last,
        d => app.platforms.row.saturating_add_signed(d).min(last),
    };
    scroll_into_view(app);
}

fn scroll_into_view(app: &mut App) {
    let rows = table_rows(app);
    let s = &mut app.platforms;
    if s.row < s.scroll {
        s.scroll = s.row;
    } else if s.row >= s.scroll + rows {
        s.scroll = s.row + 1 - rows;
    }
}

/// Applies one action of the view.
pub fn update(app: &mut App, action: PlatformsAction) -> Vec<Effect> {
    let last_col = app.platforms.table.columns.len().saturating_sub(1);
    match action {
        PlatformsAction::Left => app.platforms.col = app.platforms.col.saturating_sub(1),
        PlatformsAction::Right => app.platforms.col = (app.platforms.col + 1).min(last_col),
        PlatformsAction::Open => open(app),
        PlatformsAction::Confirm => return verdict(app, FactVerdict::Confirmed),
        PlatformsAction::Reject => return verdict(app, FactVerdict::Rejected),
        PlatformsAction::FlipUsed => return flip(app),
        PlatformsAction::Clear => return clear(app),
        PlatformsAction::ToTags => return to_tags(app),
        PlatformsAction::FromReader => from_reader(app),
    }
    Vec::new()
}

/// The cursor's question and platform, or a message saying why there is none.
fn target(app: &mut App) -> Option<(QuestionId, String)> {
    let (Some(q), Some(p)) = (app.platforms.question(), app.platforms.platform()) else {
        app.message = Some("no platform here: no answer names one".into());
        return None;
    };
    Some((q, p.to_string()))
}

/// After a correction: rebuild, mark the notes unsaved, ask for a save.
fn changed(app: &mut App) -> Vec<Effect> {
    refresh(app);
    crate::app::review::refresh_marks(app);
    app.review.unsaved = true;
    vec![Effect::SaveNotes]
}

fn verdict(app: &mut App, v: FactVerdict) -> Vec<Effect> {
    let Some((q, p)) = target(app) else {
        return Vec::new();
    };
    let s = &app.platforms;
    let cell = &s.table.rows[s.row].cells[s.col];
    let Some(fact) = cell.fact.as_ref() else {
        app.message = Some(format!(
            "{q}: nothing was extracted for {p}; u sets it by hand"
        ));
        return Vec::new();
    };
    let mut c = FactCorrection::new(q, &p, v);
    c.quote = quote(app, q, fact.span.start, fact.span.end);
    app.review.store.notes_mut().set_fact(c);
    app.message = Some(format!(
        "{q} · {}: {} (saved in the notes)",
        fact.name,
        v.label()
    ));
    changed(app)
}

fn flip(app: &mut App) -> Vec<Effect> {
    let Some((q, p)) = target(app) else {
        return Vec::new();
    };
    let s = &app.platforms;
    let cell = &s.table.rows[s.row].cells[s.col];
    let used = cell.state != CellState::Used;
    let mut c = FactCorrection::new(q, &p, FactVerdict::Corrected);
    c.used = Some(used);
    if let Some(f) = &cell.fact {
        c.quote = quote(app, q, f.span.start, f.span.end);
    }
    app.review.store.notes_mut().set_fact(c);
    app.message = Some(format!(
        "{q} · {p}: corrected to {}",
        if used { "used" } else { "not used" }
    ));
    changed(app)
}

fn clear(app: &mut App) -> Vec<Effect> {
    let Some((q, p)) = target(app) else {
        return Vec::new();
    };
    if !app.review.store.notes_mut().clear_fact(q, &p) {
        app.message = Some(format!("{q} · {p}: no correction to clear"));
        return Vec::new();
    }
    app.message = Some(format!("{q} · {p}: back to what was extracted"));
    changed(app)
}

fn to_tags(app: &mut App) -> Vec<Effect> {
    let Some(row) = app.platforms.table.rows.get(app.platforms.row) else {
        return Vec::new();
    };
    let q = row.question;
    let tags = correct::tags_of(&row.lens);
    if tags.is_empty() {
        app.message = Some(format!("{q}: no confirmed fact yet (c confirms one)"));
        return Vec::new();
    }
    let notes = app.review.store.notes_mut();
    let added = tags
        .iter()
        .filter(|t| notes.tag_question(q, t).unwrap_or(false))
        .count();
    app.message = Some(format!("{q}: tagged {} ({added} new)", tags.join(", ")));
    changed(app)
}

/// The answer's text at `start..end` (the fact's passage, for the record).
fn quote(app: &App, q: QuestionId, start: usize, end: usize) -> Option<String> {
    let text = &app.corpus.get(q)?.answer.as_ref()?.text;
    text.get(start..end).map(str::to_string)
}

/// `F` in the Reader: the table at the open question, on the first fact
/// shown (else the first fact of the answer).
fn from_reader(app: &mut App) {
    let Some(q) = app.reader.id else { return };
    // The first answer line on screen.
    let top = app
        .reader
        .origins
        .iter()
        .skip(app.reader.scroll)
        .flatten()
        .find(|o| o.field == Field::Answer)
        .map_or(0, |o| o.line);
    let text = app
        .corpus
        .get(q)
        .and_then(|x| x.answer.as_ref())
        .map(|a| a.text.clone())
        .unwrap_or_default();
    show(app);
    let s = &app.platforms;
    let Some(row) = s.table.rows.get(s.row).filter(|r| r.question == q) else {
        app.message = Some(format!("{q} is not in the table"));
        return;
    };
    let line_of = |start: usize| text.get(..start).map_or(0, |t| t.matches('\n').count());
    let with_fact: Vec<(usize, usize)> = row
        .cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.span.as_ref().map(|s| (i, line_of(s.start))))
        .collect();
    let pick = with_fact
        .iter()
        .filter(|&&(_, l)| l >= top)
        .min_by_key(|&&(_, l)| l)
        .or(with_fact.first());
    match pick {
        Some(&(col, _)) => {
            app.platforms.col = col;
            app.message = Some(
                "c confirms, x rejects, u corrects used, Enter goes back to the passage".into(),
            );
        }
        None => app.message = Some(format!("{q}: the answer names no platform")),
    }
}

/// Enter: the Reader at the line of the cell's passage.
fn open(app: &mut App) {
    let Some(q) = app.platforms.question() else {
        return;
    };
    let s = &app.platforms;
    let cell = s.table.rows[s.row].cells.get(s.col).cloned();
    let name = s.table.columns.get(s.col).map(|c| c.name.clone());
    if app.corpus.get(q).is_none() {
        app.message = Some(format!("{q} is not in this corpus"));
        return;
    }
    app.open(q);
    let (Some(cell), Some(name)) = (cell, name) else {
        return;
    };
    let Some(span) = cell.span.as_ref().filter(|s| s.end > s.start) else {
        app.message = Some(format!("{q}: the answer does not name {name}"));
        return;
    };
    let Some(text) = app
        .corpus
        .get(q)
        .and_then(|x| x.answer.as_ref())
        .map(|a| a.text.clone())
    else {
        return;
    };
    let line = text[..span.start.min(text.len())].matches('\n').count();
    let body = app
        .reader
        .origins
        .iter()
        .position(|o| matches!(o, Some(o) if o.field == Field::Answer && o.line >= line));
    if let Some(b) = body {
        let rows = app.content_rows();
        let delta = b.saturating_sub(1) as isize - app.reader.scroll as isize;
        app.reader.scroll_by(delta, rows);
    }
    app.message = Some(format!(
        "{name}: {} · “{}”",
        cell.summary(),
        text.get(span.start..span.end).unwrap_or("")
    ));
}
