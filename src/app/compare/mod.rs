//! State and actions of the Compare view: which two siblings stand side by
//! side, which part is shown (or all of them), how far each column is
//! scrolled, which column has the focus, and the matrix mode (siblings ×
//! parts). The text is laid out here ([`layout`]) so that scrolling is
//! clamped exactly and tested without a terminal; drawing is in
//! `tui/views/compare.rs` and `tui/views/matrix.rs`.
//!
//! Alignment, shared passages and the matrix come from `analysis`; this
//! module only chooses what to show.

pub mod layout;

use crate::analysis::matrix::{self, Matrix};
use crate::analysis::shared::{SharedPassages, shared_passages};
use crate::corpus::{Corpus, QuestionId};

use super::{App, View};
use layout::CompareLayout;

/// What a key does in the Compare view (and `c` in the Reader).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompareAction {
    /// Compare the Reader's question with the next sibling of its family.
    WithNext,
    /// Scroll down one line; in the matrix, the next sibling.
    Down,
    /// Scroll up one line; in the matrix, the previous sibling.
    Up,
    /// Scroll to the top; in the matrix, the first sibling.
    Top,
    /// Scroll to the end; in the matrix, the last sibling.
    Bottom,
    /// Down one screen.
    PageDown,
    /// Up one screen.
    PageUp,
    /// The next question part (matrix: next column).
    NextPart,
    /// The previous question part (matrix: previous column).
    PrevPart,
    /// Show all parts at once, or one part at a time.
    AllParts,
    /// Right-hand column: the next sibling of the family (wraps).
    NextRight,
    /// Right-hand column: the previous sibling (wraps).
    PrevRight,
    /// Left-hand column: the next sibling (wraps).
    NextLeft,
    /// Left-hand column: the previous sibling (wraps).
    PrevLeft,
    /// Synced scrolling of both columns on or off.
    ToggleSync,
    /// Move the focus to the other column.
    SwitchColumn,
    /// Matrix mode on or off.
    ToggleMatrix,
    /// The focused column's answer in French and Dutch side by side, or
    /// back to the two siblings.
    Languages,
    /// Matrix: compare at the cell's sibling and part. Columns: open the
    /// focused column's question in the Reader.
    Open,
    /// `]`/`[`/`}`/`{` step through siblings not in the corpus too, or skip them.
    ToggleUnloaded,
}

/// The matrix of one family, kept until the left column's family changes
/// (a new corpus resets the whole state).
#[derive(Debug, Clone)]
struct MatrixCache {
    family: QuestionId,
    matrix: Matrix,
}

/// The shared passages of one pair of answers, kept until the pair changes.
#[derive(Debug, Clone)]
struct SharedCache {
    ids: [QuestionId; 2],
    passages: SharedPassages,
}

/// The Compare view's state.
#[derive(Debug, Clone)]
pub struct CompareState {
    /// The sibling in each column, left then right; `None` until opened.
    pub ids: [Option<QuestionId>; 2],
    /// Index of the part shown, into [`CompareLayout::parts`].
    pub part: usize,
    /// True: every part one below the other; false: one part at a time.
    pub all_parts: bool,
    /// True: both columns scroll together.
    pub sync: bool,
    /// The focused column: 0 left, 1 right.
    pub focus: usize,
    /// First body line shown in each column.
    pub scroll: [usize; 2],
    /// True: the matrix is shown instead of the columns.
    pub matrix: bool,
    /// The matrix cursor: row (sibling, by id) and column (part).
    pub matrix_cell: (usize, usize),
    /// True: both columns show one question's answer, French left and
    /// Dutch right (`ids` then holds that question twice).
    pub languages: bool,
    /// The siblings shown before the languages were, to go back to.
    before_languages: [Option<QuestionId>; 2],
    /// True: stepping through siblings stops at those not in the corpus too.
    pub unloaded: bool,
    /// The laid-out text for the current size.
    pub layout: CompareLayout,
    shared: Option<SharedCache>,
    family_matrix: Option<MatrixCache>,
}

impl Default for CompareState {
    fn default() -> Self {
        Self {
            ids: [None, None],
            part: 0,
            all_parts: false,
            sync: true,
            focus: 0,
            scroll: [0, 0],
            matrix: false,
            matrix_cell: (0, 0),
            languages: false,
            before_languages: [None, None],
            unloaded: false,
            layout: CompareLayout::default(),
            shared: None,
            family_matrix: None,
        }
    }
}

impl CompareState {
    /// The focused column's question and the label of the answer part shown
    /// there (`2.`, `1°`), for anchoring a note; the label is `None` when
    /// that answer has no such part (not numbered, no text, part missing).
    pub fn focused(&self) -> Option<(QuestionId, Option<&str>)> {
        let id = self.ids[self.focus]?;
        let part = self.current_part();
        let label = self
            .layout
            .parts
            .get(part)
            .and_then(|p| p.answers[self.focus].as_deref());
        Some((id, label))
    }

    /// The part at the top of the focused column: [`Self::part`] for one
    /// part at a time; with all parts shown, the last part starting at or
    /// above the first visible line.
    pub fn current_part(&self) -> usize {
        if !self.all_parts {
            return self.part;
        }
        let starts = &self.layout.part_starts[self.focus];
        let top = self.scroll[self.focus];
        starts
            .iter()
            .rposition(|&s| s <= top)
            .unwrap_or(self.part.min(starts.len().saturating_sub(1)))
    }

    /// The shared passages of the two columns' answers (empty when either
    /// has no text, or both columns show the same question).
    pub fn shared(&self) -> Option<&SharedPassages> {
        self.shared.as_ref().map(|s| &s.passages)
    }

    /// True when only one answer is shown, beside its family's timeline
    /// (both columns hold the same question because no other sibling has
    /// answer text).
    pub fn solo(&self) -> bool {
        !self.languages && self.ids[0].is_some() && self.ids[0] == self.ids[1]
    }

    fn max_scroll(&self, column: usize) -> usize {
        self.layout.columns[column]
            .len()
            .saturating_sub(self.layout.body_rows)
    }

    /// Scrolls the focused column (both when synced) by `delta` lines.
    fn scroll_by(&mut self, delta: isize) {
        for c in 0..2 {
            if self.sync || c == self.focus {
                self.scroll[c] = self.scroll[c]
                    .saturating_add_signed(delta)
                    .min(self.max_scroll(c));
            }
        }
    }

    fn clamp_scroll(&mut self) {
        for c in 0..2 {
            self.scroll[c] = self.scroll[c].min(self.max_scroll(c));
        }
    }
}

/// The question the user is looking at in the current view, to start
/// Compare or Timeline from.
pub fn current_question(app: &App) -> Option<QuestionId> {
    app.current_question()
        .or_else(|| {
            (app.view == View::Reader)
                .then(|| app.questions.selected_id())
                .flatten()
        })
        .or_else(|| app.corpus.families.first()?.members.first().map(|m| m.id))
}

/// The member of `id`'s family `step` places after it (before when
/// negative), wrapping; placeholders and unanswered siblings included.
pub fn neighbour(corpus: &Corpus, id: QuestionId, step: isize) -> Option<QuestionId> {
    let members = &corpus.family_of(id)?.members;
    let at = members.iter().position(|m| m.id == id)?;
    let n = members.len() as isize;
    let to = (at as isize + step).rem_euclid(n) as usize;
    Some(members[to].id)
}

/// True when the corpus holds `id`'s answer text.
pub fn has_answer_text(corpus: &Corpus, id: QuestionId) -> bool {
    corpus
        .get(id)
        .and_then(|q| q.answer.as_ref())
        .is_some_and(|a| !a.text.trim().is_empty())
}

/// The sibling to put beside `id`: the nearest one (after it first, then
/// before it, one step further each time) whose answer text is in the
/// corpus; when `id` has no answer text itself, the family's first sibling
/// that has. `None` when no other sibling has answer text.
pub fn partner(corpus: &Corpus, id: QuestionId) -> Option<QuestionId> {
    let members = &corpus.family_of(id)?.members;
    let with_text = |m: &&crate::corpus::Member| m.id != id && has_answer_text(corpus, m.id);
    if !has_answer_text(corpus, id) {
        return members.iter().find(with_text).map(|m| m.id);
    }
    let at = members.iter().position(|m| m.id == id)?;
    let n = members.len() as isize;
    (1..n)
        .flat_map(|d| [d, -d])
        .map(|d| &members[(at as isize + d).rem_euclid(n) as usize])
        .find(with_text)
        .map(|m| m.id)
}

/// Key `3`: shows Compare; starts it on the current question and its
/// partner unless that question is already in a column.
pub fn show(app: &mut App) {
    let from_reader = app.view == View::Reader;
    let current = current_question(app);
    let fresh = app.compare.ids[0].is_none() || !app.compare.ids.contains(&current);
    if let Some(id) = current.filter(|_| fresh) {
        start(app, id);
    }
    app.view = View::Compare;
    app.overlay = None;
    relayout(app);
    if fresh && from_reader {
        from_reader_part(app);
    }
}

/// Puts `id` on the left and its [`partner`] on the right, at part 1; with
/// no partner, `id` alone beside its family's timeline (said in one line).
fn start(app: &mut App, id: QuestionId) {
    let right = partner(&app.corpus, id);
    let c = &mut app.compare;
    c.ids = [Some(id), Some(right.unwrap_or(id))];
    c.part = 0;
    c.focus = 0;
    c.scroll = [0, 0];
    c.matrix = false;
    c.languages = false;
    if right.is_none() {
        app.message = Some(format!(
            "only {id} has answer text here; its family's timeline is beside it"
        ));
    }
}

/// Started from the Reader: show the part the Reader was at (its part
/// cursor, else the first part in view) when the left answer has it.
fn from_reader_part(app: &mut App) {
    if app.reader.id != app.compare.ids[0] {
        return;
    }
    let Some(number) = reader_part_number(app) else {
        return;
    };
    if let Some(i) = app
        .compare
        .layout
        .parts
        .iter()
        .position(|p| p.number == number)
    {
        app.compare.part = i;
        relayout(app);
        go_to_part(app);
    }
}

/// The number of the part the Reader shows (`2.` → 2).
fn reader_part_number(app: &App) -> Option<u32> {
    let line = super::review::target::current_line(app)?;
    let label = app.reader.origins.get(line)?.as_ref()?.part.as_deref()?;
    crate::corpus::parts::numbered_label(label).map(|(n, _, _)| n)
}

/// Esc: leaves the matrix, else goes back to the Questions view.
pub fn back(app: &mut App) {
    if app.compare.matrix {
        app.compare.matrix = false;
    } else {
        app.view = View::Questions;
    }
}

/// Lays the columns out again for the current corpus, size and choices,
/// recomputing shared passages only when the pair of answers changed, and
/// the family matrix only when the left column's family changed.
pub fn relayout(app: &mut App) {
    let [Some(left), Some(right)] = app.compare.ids else {
        return;
    };
    let fresh = app
        .compare
        .shared
        .as_ref()
        .is_none_or(|s| s.ids != [left, right]);
    if fresh {
        let text = |id| {
            app.corpus
                .get(id)
                .and_then(|q| q.answer.as_ref())
                .map_or("", |a| a.text.as_str())
        };
        let passages = if left == right || app.compare.languages {
            SharedPassages::default()
        } else {
            shared_passages(text(left), text(right))
        };
        app.compare.shared = Some(SharedCache {
            ids: [left, right],
            passages,
        });
    }
    let view = layout::View {
        ids: [left, right],
        part: app.compare.part,
        all_parts: app.compare.all_parts,
        languages: app.compare.languages,
        focus: app.compare.focus,
        width: usize::from(app.size.0),
        rows: app.content_rows(),
        today: app.today,
        corrections: &app.review.store.notes().facts,
    };
    let family = app.corpus.family_of(left);
    let cached = app.compare.family_matrix.as_ref().map(|m| m.family);
    if family.map(|f| f.id) != cached {
        app.compare.family_matrix = family.map(|f| MatrixCache {
            family: f.id,
            matrix: matrix::matrix(&app.corpus, f),
        });
    }
    let empty = SharedPassages::default();
    let shared = app.compare.shared().unwrap_or(&empty);
    app.compare.layout = layout::build(&app.corpus, &view, shared);
    let parts = app.compare.layout.parts.len();
    app.compare.part = app.compare.part.min(parts.saturating_sub(1));
    app.compare.clamp_scroll();
}

/// The matrix of the compared family (computed by [`relayout`], not per
/// frame or key).
pub fn family_matrix(app: &App) -> Option<&Matrix> {
    app.compare.family_matrix.as_ref().map(|m| &m.matrix)
}

/// Applies a Compare action.
pub fn update(app: &mut App, action: CompareAction) {
    use CompareAction as A;
    if action == A::WithNext {
        let Some(id) = app.reader.id else { return };
        start(app, id);
        app.view = View::Compare;
        app.overlay = None;
        relayout(app);
        from_reader_part(app);
        return;
    }
    if action == A::ToggleUnloaded {
        let c = &mut app.compare;
        c.unloaded = !c.unloaded;
        app.message = Some(if c.unloaded {
            "] and [ stop at siblings absent from the corpus too (u: skip them)".into()
        } else {
            "] and [ skip siblings absent from the corpus (u: show them)".into()
        });
        return;
    }
    if app.compare.ids[0].is_none() {
        return;
    }
    if app.compare.matrix {
        matrix_update(app, action);
        return;
    }
    let page = app.compare.layout.body_rows.saturating_sub(1).max(1) as isize;
    let c = &mut app.compare;
    match action {
        A::Down => c.scroll_by(1),
        A::Up => c.scroll_by(-1),
        A::Top => c.scroll_by(isize::MIN / 2),
        A::Bottom => c.scroll_by(isize::MAX / 2),
        A::PageDown => c.scroll_by(page),
        A::PageUp => c.scroll_by(-page),
        A::NextPart | A::PrevPart => step_part(app, action == A::NextPart),
        A::AllParts => {
            c.all_parts = !c.all_parts;
            relayout(app);
            go_to_part(app);
        }
        A::NextRight | A::PrevRight | A::NextLeft | A::PrevLeft if c.languages => {
            app.message = Some("showing one answer in two languages; L goes back".into());
        }
        A::NextRight => change(app, 1, 1),
        A::PrevRight => change(app, 1, -1),
        A::NextLeft => change(app, 0, 1),
        A::PrevLeft => change(app, 0, -1),
        A::ToggleSync => {
            c.sync = !c.sync;
            if c.sync {
                let top = c.scroll[c.focus];
                c.scroll = [top, top];
                c.clamp_scroll();
            }
            let state = if c.sync { "on" } else { "off" };
            app.message = Some(format!("synced scrolling {state}"));
        }
        A::SwitchColumn => {
            c.focus = 1 - c.focus;
            relayout(app);
        }
        A::ToggleMatrix => {
            c.matrix = true;
            let part = c.current_part();
            let number = c.layout.parts.get(part).map(|p| p.number);
            let id = c.ids[c.focus];
            if let Some(m) = family_matrix(app) {
                let row = m.rows.iter().position(|r| Some(r.id) == id).unwrap_or(0);
                let col = m
                    .parts
                    .iter()
                    .position(|(n, _)| Some(*n) == number)
                    .unwrap_or(0);
                app.compare.matrix_cell = (row, col);
            }
        }
        A::Open => {
            if let Some(id) = c.ids[c.focus] {
                app.open(id);
            }
        }
        A::Languages => toggle_languages(app),
        A::WithNext | A::ToggleUnloaded => {}
    }
}

/// `L`: the focused question's answer in French and Dutch side by side
/// (when the corpus has both), or back to the siblings shown before.
fn toggle_languages(app: &mut App) {
    let c = &mut app.compare;
    if c.languages {
        c.languages = false;
        c.ids = c.before_languages;
        app.message = Some("siblings side by side".into());
    } else {
        let Some(id) = c.ids[c.focus] else { return };
        if crate::analysis::align::align_languages(&app.corpus, id).is_none() {
            app.message = Some(format!(
                "{id}: the corpus has its answer in one language only"
            ));
            return;
        }
        c.before_languages = c.ids;
        c.ids = [Some(id), Some(id)];
        c.languages = true;
        app.message = Some(format!("{id}: French left, Dutch right (L: back)"));
    }
    c.scroll = [0, 0];
    relayout(app);
}

/// Moves to the next or previous part (stopping at the ends).
fn step_part(app: &mut App, forward: bool) {
    let c = &mut app.compare;
    let parts = c.layout.parts.len();
    if parts == 0 {
        app.message = Some("these answers have no numbered parts".into());
        return;
    }
    let here = c.current_part();
    let to = if forward {
        (here + 1).min(parts - 1)
    } else {
        here.saturating_sub(1)
    };
    if to == here && c.part == here {
        let end = if forward { "last" } else { "first" };
        app.message = Some(format!("this is the {end} part"));
    }
    c.part = to;
    if c.all_parts {
        go_to_part(app);
    } else {
        c.scroll = [0, 0];
        relayout(app);
    }
}

/// With all parts shown, scrolls each column to where the current part starts.
fn go_to_part(app: &mut App) {
    let c = &mut app.compare;
    if !c.all_parts {
        c.scroll = [0, 0];
        return;
    }
    for col in 0..2 {
        if let Some(&start) = c.layout.part_starts[col].get(c.part) {
            c.scroll[col] = start;
        }
    }
    c.clamp_scroll();
}

/// The sibling after (`step` 1) or before (-1) `id` in its family,
/// wrapping, skipping `other` (the question in the other column) and,
/// unless `unloaded`, siblings not in the corpus.
fn next_sibling(
    corpus: &Corpus,
    id: QuestionId,
    step: isize,
    other: Option<QuestionId>,
    unloaded: bool,
) -> Option<QuestionId> {
    let n = corpus.family_of(id)?.members.len();
    let mut at = id;
    for _ in 0..n {
        at = neighbour(corpus, at, step)?;
        if at == id {
            return None;
        }
        if Some(at) != other && (unloaded || corpus.get(at).is_some()) {
            return Some(at);
        }
    }
    None
}

/// Puts the sibling `step` places away into `column`, keeping the part.
fn change(app: &mut App, column: usize, step: isize) {
    let Some(id) = app.compare.ids[column] else {
        return;
    };
    let c = &app.compare;
    // Beside its family's timeline the answer is alone: stepping brings a
    // sibling into the right column whichever column has the focus.
    let (column, other) = if c.solo() {
        (1, c.ids[0])
    } else {
        (column, c.ids[1 - column])
    };
    let next = next_sibling(&app.corpus, id, step, other, c.unloaded);
    if next.is_none() {
        app.message = Some(format!("{id} has no other sibling to show here"));
    }
    if let Some(next) = next {
        app.compare.ids[column] = Some(next);
        app.compare.scroll[column] = 0;
        if app.compare.sync {
            app.compare.scroll = [0, 0];
        }
        relayout(app);
        go_to_part(app);
    }
}

/// Keys while the matrix is shown.
fn matrix_update(app: &mut App, action: CompareAction) {
    use CompareAction as A;
    let Some(m) = family_matrix(app) else { return };
    let (rows, cols) = (m.rows.len(), m.parts.len());
    let cell = |(row, col): (usize, usize)| {
        let id = m.rows.get(row).map(|r| r.id);
        (id, m.parts.get(col).map(|(n, _)| *n))
    };
    let target = cell(app.compare.matrix_cell);
    let (row, col) = &mut app.compare.matrix_cell;
    let last_row = rows.saturating_sub(1);
    match action {
        A::Down => *row = (*row + 1).min(last_row),
        A::Up => *row = row.saturating_sub(1),
        A::Top | A::PageUp => *row = 0,
        A::Bottom | A::PageDown => *row = last_row,
        A::NextPart => *col = (*col + 1).min(cols.saturating_sub(1)),
        A::PrevPart => *col = col.saturating_sub(1),
        A::ToggleMatrix => app.compare.matrix = false,
        A::Open => open_cell(app, target),
        // Sibling and layout keys wait until the matrix is closed.
        _ => app.message = Some("in the matrix: Enter opens a cell, m closes it".into()),
    }
}

/// Enter on a matrix cell (its sibling and part number): that sibling in
/// the focused column, at that part.
fn open_cell(app: &mut App, (id, number): (Option<QuestionId>, Option<u32>)) {
    let Some(id) = id else { return };
    let (focus, other) = (app.compare.focus, 1 - app.compare.focus);
    // The row of the question in the other column: the two columns swap
    // rather than show one question twice (alone, it gets its partner).
    if app.compare.ids[other] == Some(id) {
        let mate = app.compare.ids[focus]
            .filter(|&m| m != id)
            .or_else(|| partner(&app.corpus, id))
            .unwrap_or(id);
        app.compare.ids[other] = Some(mate);
    }
    let c = &mut app.compare;
    c.ids[c.focus] = Some(id);
    c.matrix = false;
    c.scroll = [0, 0];
    relayout(app);
    if let Some(number) = number {
        let c = &mut app.compare;
        if let Some(i) = c.layout.parts.iter().position(|p| p.number == number) {
            c.part = i;
            relayout(app);
            go_to_part(app);
        }
    }
}

#[cfg(test)]
mod tests;
