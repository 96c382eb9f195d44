//! Notes and review in the application: the notes store held in memory, the
//! note editor, the tag picker, the export dialog, confirmations, the
//! Reader's part cursor and line selection, the Notes view's state, and the
//! review marks of the Questions view.
//!
//! No I/O here: a change returns [`Effect::SaveNotes`], an export
//! [`Effect::Export`]; the event loop performs them and sends the outcome
//! back as [`ReviewAction::Saved`] / [`ReviewAction::Exported`]. The store is
//! kept here (its `save` is only ever called by the event loop).

pub mod editor;
pub mod export;
pub mod list;
pub mod picker;
pub mod target;
pub mod text_input;

pub(crate) mod change;
pub(crate) use change::selected_question;
pub use change::{MenuChoice, REVIEW_MENU};

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::app::keymap::Key;
use crate::app::{App, Effect, View};
use crate::notes::{NoteId, ReviewStatus, SaveOutcome, Store};

use editor::Editor;
use export::ExportDialog;
use list::NotesList;
use picker::Picker;

/// Rows of the Notes view above its list: the filter line and the column header.
pub const NOTES_HEADER_ROWS: usize = 2;
/// Rows of the Notes view's detail pane (quote and text of the selected note).
pub const NOTES_DETAIL_ROWS: usize = 8;

/// The actions of notes and review, carried by [`crate::app::Action::Review`].
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewAction {
    /// Open the editor for a new note on the current question and part.
    AddNote,
    /// Start selecting whole lines in the Reader.
    StartSelection,
    /// Move the Reader's part cursor to the next part.
    NextPart,
    /// Move the Reader's part cursor to the previous part.
    PrevPart,
    /// Tag the current question, or the selected note in the Notes view.
    Tag,
    /// Cycle the current question's review status.
    CycleStatus,
    /// Open the review menu: status and verdict chosen directly.
    ReviewMenu,
    /// Cycle the current question's verdict (none, complete, partial, evasive, no answer).
    CycleVerdict,
    /// Open the export dialog.
    Export,
    /// Edit the selected note's text (Notes view).
    EditNote,
    /// Delete the selected note, after a confirmation (Notes view).
    DeleteNote,
    /// Open the selected note's question at its anchor (Notes view).
    JumpToNote,
    /// Type a text filter (Notes view).
    FilterText,
    /// Pick a tag to filter by (Notes view).
    FilterTag,
    /// Cycle the review-status filter (Notes view).
    FilterStatus,
    /// Clear every filter (Notes view).
    ClearFilters,
    /// A key for the open editor, picker, dialog, confirmation or selection.
    Key(Key),
    /// The outcome of [`Effect::SaveNotes`] (an error as its message).
    Saved(Result<SaveOutcome, String>),
    /// The outcome of [`Effect::Export`]: what was written where, or why not.
    Exported(Result<String, ExportFailure>),
    /// Another qreview held the notes lock at the last save: try again
    /// (sent by a timer, so the application keeps working meanwhile).
    RetrySave,
}

/// Why an export was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFailure {
    /// The file exists; the user must confirm to replace it.
    Exists(PathBuf),
    /// Anything else, as a message.
    Other(String),
}

/// A confirmation question and what `y` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    /// The question shown.
    pub question: String,
    /// What happens on `y`.
    pub on_yes: OnYes,
}

/// What a confirmation confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnYes {
    /// Delete this note.
    DeleteNote(NoteId),
    /// Quit although the notes could not be saved.
    Quit,
}

/// A box over the view that takes every key while open.
#[derive(Debug, Clone)]
pub enum Modal {
    /// The note editor.
    Editor(Box<Editor>),
    /// The tag picker.
    Picker(Box<Picker>),
    /// The export dialog.
    Export(Box<ExportDialog>),
    /// A yes/no question.
    Confirm(Confirm),
    /// The Notes view's text filter being typed (applied live).
    FilterText(Box<TextArea<'static>>),
    /// The review menu of a question: its status and verdict set directly.
    ReviewMenu(crate::corpus::QuestionId),
}

/// A selection of whole body lines in the Reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where it started.
    pub anchor: usize,
    /// Where it ends now (moved by j/k).
    pub cursor: usize,
}

impl Selection {
    /// The selected body lines, first to last.
    pub fn range(self) -> std::ops::RangeInclusive<usize> {
        self.anchor.min(self.cursor)..=self.anchor.max(self.cursor)
    }
}

/// The notes store and the state of the notes screens.
#[derive(Debug, Clone)]
pub struct ReviewState {
    /// The notes in memory, bound to their file.
    pub store: Store,
    /// Why the notes file could not be used, while that lasts.
    pub problem: Option<String>,
    /// True when a change has not been saved yet (or its save failed).
    pub unsaved: bool,
    /// True when quitting waits for a save.
    pub quitting: bool,
    /// The open editor, picker, dialog or question.
    pub modal: Option<Modal>,
    /// The Reader's line selection.
    pub selection: Option<Selection>,
    /// The Reader's part cursor (a body line where a part starts).
    pub part_cursor: Option<usize>,
    /// The Notes view's state.
    pub list: NotesList,
    /// For each Reader body line, how many notes are anchored on it
    /// (gutter marks): computed when the Reader is laid out or the notes
    /// change, never per frame.
    pub noted: Vec<usize>,
}

impl Default for ReviewState {
    fn default() -> Self {
        Self {
            store: Store::empty(PathBuf::new()),
            problem: None,
            unsaved: false,
            quitting: false,
            modal: None,
            selection: None,
            part_cursor: None,
            list: NotesList::default(),
            noted: Vec::new(),
        }
    }
}

impl App {
    /// Binds the application to its notes store (opened by the caller);
    /// `problem` says why the file could not be used, if so: it is shown,
    /// and the notes are kept in memory only. Returns the effects to
    /// execute: with the corpus already loaded, anchors that moved are
    /// saved ([`Effect::SaveNotes`]).
    #[must_use = "the effects (saving moved anchors) must be executed"]
    pub fn attach_notes(&mut self, store: Store, problem: Option<String>) -> Vec<Effect> {
        self.review.store = store;
        if let Some(p) = &problem {
            self.message = Some(p.clone());
        }
        self.review.problem = problem;
        // Notes read after the corpus bring the analyst's family corrections.
        if !self.is_loading() && !self.review.store.notes().families.is_empty() {
            crate::app::families::regroup(self);
        }
        let effects = if self.is_loading() {
            Vec::new()
        } else {
            on_loaded(self)
        };
        refresh_marks(self);
        clamp_list(self);
        refresh_reader(self);
        effects
    }
}

/// True when `key` belongs to an open modal or the Reader's selection,
/// rather than to the keymap.
pub fn captures(app: &mut App, key: Key) -> bool {
    if app.review.modal.is_some() {
        return true;
    }
    if app.review.selection.is_some() {
        if app.view == View::Reader && selection_key(key) {
            return true;
        }
        app.review.selection = None;
    }
    false
}

fn selection_key(key: Key) -> bool {
    matches!(
        key,
        Key::Char('j' | 'k' | 'g' | 'G' | 'a' | 'v')
            | Key::Up
            | Key::Down
            | Key::Enter
            | Key::Esc
            | Key::WheelUp
            | Key::WheelDown
    )
}

/// Applies one review action.
pub fn update(app: &mut App, action: ReviewAction) -> Vec<Effect> {
    use ReviewAction as R;
    match action {
        R::Saved(outcome) => return change::saved(app, outcome),
        R::Exported(outcome) => change::exported(app, outcome),
        R::RetrySave if app.review.unsaved => return vec![Effect::SaveNotes],
        R::RetrySave => {}
        _ if app.is_loading() => {}
        R::Key(key) => return change::modal_key(app, key),
        R::AddNote => change::add_note(app),
        R::StartSelection => change::start_selection(app),
        R::NextPart => change::step_part(app, true),
        R::PrevPart => change::step_part(app, false),
        R::Tag => change::open_tag_picker(app),
        R::CycleStatus => return change::cycle_status(app),
        R::ReviewMenu => change::open_review_menu(app),
        R::CycleVerdict => return change::cycle_verdict(app),
        R::Export => app.review.modal = Some(Modal::Export(Box::default())),
        R::EditNote => change::edit_selected(app),
        R::DeleteNote => change::ask_delete(app),
        R::JumpToNote => change::jump_to_selected(app),
        R::FilterText => {
            let area = text_input::single_line(&app.review.list.text);
            app.review.modal = Some(Modal::FilterText(Box::new(area)));
        }
        R::FilterTag => change::open_filter_picker(app),
        R::FilterStatus => {
            app.review.list.cycle_status();
            clamp_list(app);
        }
        R::ClearFilters => {
            app.review.list = NotesList::default();
            clamp_list(app);
        }
    }
    Vec::new()
}

/// `q`: quits, unless a change could not be saved: then it tries once more,
/// and asks before quitting if that fails too.
pub fn quit(app: &mut App) -> Vec<Effect> {
    if app.review.unsaved {
        app.review.quitting = true;
        return vec![Effect::SaveNotes];
    }
    vec![Effect::Quit]
}

/// After the corpus is loaded: finds every anchor again (saving moved ones)
/// and fills the review marks.
pub fn on_loaded(app: &mut App) -> Vec<Effect> {
    let report = crate::notes::anchor::refresh(app.review.store.notes_mut(), &app.corpus);
    refresh_marks(app);
    clamp_list(app);
    if !report.detached.is_empty() && app.review.problem.is_none() {
        app.message = Some(format!(
            "{} note(s) detached: their quoted passage is no longer in the text (Notes view: 5)",
            report.detached.len()
        ));
    }
    if report.moved.is_empty() {
        Vec::new()
    } else {
        app.review.unsaved = true;
        vec![Effect::SaveNotes]
    }
}

/// After the Reader was laid out (a question opened, a resize): adds the
/// notes line to its header and forgets line positions that changed.
pub fn on_layout(app: &mut App) {
    app.review.selection = None;
    app.review.part_cursor = None;
    decorate_header(app);
}

/// Inserts the notes line before the header's closing rule, and counts
/// the notes on each body line.
fn decorate_header(app: &mut App) {
    app.review.noted = target::noted_lines(app);
    let Some(q) = target::current_question(app) else {
        return;
    };
    let line = target::header_line(app, q, usize::from(app.size.0).max(20));
    let at = app.reader.header.len().saturating_sub(1);
    app.reader.header.splice(at..at, line);
}

/// Lays the Reader's header out again after the notes changed (the body,
/// and so the line positions, stay the same).
fn refresh_reader(app: &mut App) {
    if app.reader.id.is_some() {
        app.reader.layout(&app.corpus, app.size);
        decorate_header(app);
        app.reader.scroll_by(0, app.content_rows());
    }
}

/// Review status and note count of every question, for the Questions view.
pub fn refresh_marks(app: &mut App) {
    let notes = app.review.store.notes();
    app.marks.clear();
    for n in &notes.notes {
        let m = app.marks.entry(n.question).or_default();
        m.notes = Some(m.notes.unwrap_or(0) + 1);
    }
    for (id, r) in &notes.questions {
        // One wording everywhere: the status's own label; unreviewed is `-`.
        if r.status != ReviewStatus::Unreviewed {
            app.marks.entry(*id).or_default().review = Some(r.status.label().into());
        }
        if let Some(v) = r.verdict {
            app.marks.entry(*id).or_default().verdict = Some(v.label().into());
        }
        if !r.tags.is_empty() {
            app.marks
                .entry(*id)
                .or_default()
                .tags
                .extend(r.tags.iter().cloned());
        }
    }
    for n in &notes.notes {
        if !n.tags.is_empty() {
            let m = app.marks.entry(n.question).or_default();
            m.tags.extend(n.tags.iter().cloned());
        }
    }
    // A review or verdict filter follows the notes it filters on.
    super::facets::apply(app);
}

/// Rows of the Notes view's list on this screen.
pub fn list_rows(app: &App) -> usize {
    let rows = app.content_rows().saturating_sub(NOTES_HEADER_ROWS);
    rows.saturating_sub(NOTES_DETAIL_ROWS).max(1)
}

/// Moves the Notes view's cursor by `delta` (`isize::MIN`/`MAX` for the ends).
pub fn movement(app: &mut App, delta: isize) {
    let list = &mut app.review.list;
    list.cursor = match delta {
        isize::MIN => 0,
        isize::MAX => usize::MAX,
        d => list.cursor.saturating_add_signed(d),
    };
    clamp_list(app);
}

/// Computes the Notes view's rows again and keeps its cursor on a note
/// and in view: after any change to the notes, the filters, the corpus or
/// the size.
pub(crate) fn clamp_list(app: &mut App) {
    app.review
        .list
        .refresh(app.review.store.notes(), &app.corpus);
    let count = app.review.list.shown.len();
    let rows = list_rows(app);
    app.review.list.clamp(count, rows);
}

#[cfg(test)]
mod tests;
