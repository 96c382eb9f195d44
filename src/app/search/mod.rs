//! Search in the application: the `/` prompt over every view, the indexes
//! built off the UI thread, the Questions filter kept by `Enter`, and the
//! hits of the committed query in the Reader and Compare views (`n`/`N`).
//!
//! While the prompt is open it takes every key (like the notes editor):
//! [`crate::app::App::key`] looks keys up in the modal [`Scope::Search`]
//! rows of the keymap, and anything else is text for the prompt. The
//! prompt changes nothing outside itself until `Enter`, so `Esc` leaves the
//! view, cursor and scroll exactly as they were.
//!
//! No terminal and no threads here: indexing is requested with
//! [`Effect::IndexSearch`] and arrives as [`SearchAction::Indexed`].

pub mod marks;
pub mod prompt;

mod jump;

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::app::keymap::{Key, Scope};
use crate::app::{Action, App, Effect};
use crate::corpus::{Corpus, QuestionId};
use crate::search::{FuzzyIndex, Query, TextIndex};

use marks::DocMarks;
use prompt::{Mode, Prompt, Sessions};

/// Rows of the search panel that are not results: two borders, the prompt
/// line and the counts line.
pub const PANEL_CHROME_ROWS: usize = 4;

/// Both indexes of one corpus.
#[derive(Debug)]
pub struct SearchIndex {
    /// Normalised question and answer texts.
    pub text: TextIndex,
    /// Metadata lines for fuzzy matching.
    pub fuzzy: FuzzyIndex,
    /// The corpus they were built from (its address), so indexes of a
    /// corpus that has since been replaced are dropped.
    corpus: usize,
}

impl SearchIndex {
    /// Builds both indexes of `corpus` (all cores; call it off the UI thread).
    pub fn build(corpus: &Arc<Corpus>) -> Self {
        // The two indexes are independent: one core each.
        let (text, fuzzy) = std::thread::scope(|scope| {
            let fuzzy = scope.spawn(|| FuzzyIndex::build(corpus));
            let text = TextIndex::build(corpus);
            (
                text,
                fuzzy
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            )
        });
        Self {
            text,
            fuzzy,
            corpus: Arc::as_ptr(corpus) as usize,
        }
    }
}

/// Indexes carried by [`SearchAction::Indexed`]; equal only when the same.
#[derive(Debug, Clone)]
pub struct Indexed(pub Arc<SearchIndex>);

impl PartialEq for Indexed {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What a key or a worker does to the search.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchAction {
    /// `/`: open the prompt.
    Open,
    /// Enter: keep the results as the Questions filter, jump to the selected hit.
    Commit,
    /// Esc: close the prompt, back where it was opened.
    Cancel,
    /// Tab: all → full text → metadata.
    CycleMode,
    /// List or fold the questions sharing the selected passage.
    ToggleGroup,
    /// Select the next result.
    Down,
    /// Select the previous result.
    Up,
    /// One screen of results down.
    PageDown,
    /// One screen of results up.
    PageUp,
    /// `n`: the next hit of the committed query in the Reader or Compare.
    NextHit,
    /// `N`: the previous hit.
    PrevHit,
    /// Forget the filter and the highlights.
    Clear,
    /// A key typed into the prompt.
    Key(Key),
    /// The indexes, built on a worker thread.
    Indexed(Indexed),
}

/// The search kept after `Enter`: it filters the Questions view and is
/// highlighted in the Reader and Compare.
#[derive(Debug, Clone)]
pub struct Committed {
    /// What was typed.
    pub input: String,
    /// The mode it ran in.
    pub mode: Mode,
    /// The full-text query highlighted in the text.
    pub query: Query,
    /// Questions in the filter.
    pub questions: usize,
}

/// All search state of the application.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The indexes; `None` until built.
    pub index: Option<Arc<SearchIndex>>,
    /// The open prompt.
    pub prompt: Option<Box<Prompt>>,
    /// The kept search.
    pub committed: Option<Committed>,
    /// Hits in the Reader's body.
    pub reader: DocMarks,
    /// Hits in each Compare column.
    pub compare: [DocMarks; 2],
    sessions: Sessions,
}

impl SearchState {
    /// True while the indexes are being built.
    pub fn indexing(&self) -> bool {
        self.index.is_none()
    }
}

/// True when keys go to the prompt rather than to the view.
pub fn captures(app: &App) -> bool {
    app.search.prompt.is_some()
}

/// The action for a key while the prompt is open: a [`Scope::Search`] row,
/// else text for the prompt.
pub fn prompt_action(key: Key) -> Action {
    crate::app::keymap::resolve(Scope::Search, key)
        .unwrap_or(Action::Search(SearchAction::Key(key)))
}

/// Builds the indexes now, on this thread (tests and benchmarks; the
/// application builds them on a worker after [`Effect::IndexSearch`]).
pub fn index_now(app: &mut App) {
    let index = SearchIndex::build(&app.corpus);
    update(app, SearchAction::Indexed(Indexed(Arc::new(index))));
}

/// Rows of results the panel shows.
pub fn result_rows(app: &App) -> usize {
    app.content_rows().saturating_sub(PANEL_CHROME_ROWS).max(1)
}

/// Columns inside the panel's borders.
pub fn panel_width(app: &App) -> usize {
    usize::from(app.size.0).saturating_sub(2)
}

/// Applies a search action.
pub fn update(app: &mut App, action: SearchAction) -> Vec<Effect> {
    use SearchAction as S;
    match action {
        S::Indexed(Indexed(index)) => {
            if index.corpus == Arc::as_ptr(&app.corpus) as usize {
                app.search.index = Some(index);
                rerun(app);
            }
        }
        S::Open => {
            let overlay = app.overlay.take();
            app.search.prompt = Some(Box::new(Prompt::new(overlay)));
        }
        S::Cancel => {
            if let Some(p) = app.search.prompt.take() {
                app.overlay = p.overlay;
            }
        }
        S::Key(key) => {
            let Some(p) = app.search.prompt.as_mut() else {
                return Vec::new();
            };
            if crate::app::review::text_input::edit_line(&mut p.input, key) {
                rerun(app);
            }
        }
        S::CycleMode => {
            if let Some(p) = app.search.prompt.as_mut() {
                p.mode = p.mode.next();
                rerun(app);
            }
        }
        S::ToggleGroup => {
            let (rows, width) = (result_rows(app), panel_width(app));
            let s = &mut app.search;
            if let (Some(p), Some(index)) = (s.prompt.as_mut(), s.index.as_ref())
                && p.toggle_group(rows)
            {
                p.prepare(&app.corpus, index, width, rows);
            }
        }
        S::Down => select(app, 1),
        S::Up => select(app, -1),
        S::PageDown => select(app, result_rows(app) as isize),
        S::PageUp => select(app, -(result_rows(app) as isize)),
        S::Commit => jump::commit(app),
        S::NextHit => jump::step(app, true),
        S::PrevHit => jump::step(app, false),
        S::Clear => clear(app),
    }
    Vec::new()
}

/// Searches the prompt's text again (after typing, a mode change, indexing).
fn rerun(app: &mut App) {
    let (rows, width) = (result_rows(app), panel_width(app));
    let s = &mut app.search;
    let (Some(p), Some(index)) = (s.prompt.as_mut(), s.index.as_ref()) else {
        return;
    };
    p.search(&app.corpus, index, &mut s.sessions);
    p.prepare(&app.corpus, index, width, rows);
}

fn select(app: &mut App, delta: isize) {
    let (rows, width) = (result_rows(app), panel_width(app));
    let s = &mut app.search;
    let (Some(p), Some(index)) = (s.prompt.as_mut(), s.index.as_ref()) else {
        return;
    };
    p.select(delta, rows);
    p.prepare(&app.corpus, index, width, rows);
}

/// `x` in the Questions view: drops the filter and the highlights.
fn clear(app: &mut App) {
    let facets = !app.questions.facets.is_empty();
    if facets {
        app.questions.facets = crate::app::facets::Facets::default();
        app.questions.admitted = None;
    }
    if app.search.committed.take().is_none() {
        if facets {
            app.questions.rebuild(&app.corpus);
            app.message = Some("filters cleared".into());
        } else {
            app.message = Some("no filter to clear (/ searches, m f F filter)".into());
        }
        return;
    }
    app.questions.filter = None;
    app.questions.rebuild(&app.corpus);
    let rows = app
        .content_rows()
        .saturating_sub(crate::app::TABLE_HEADER_ROWS);
    app.questions.scroll_into_view(rows);
    app.message = Some("search filter cleared".into());
}

/// The filter of the Questions view for a set of question indices.
fn filter_of(corpus: &Corpus, questions: impl Iterator<Item = usize>) -> HashSet<QuestionId> {
    questions.map(|i| corpus.questions[i].id).collect()
}

/// After every action: recomputes the hits in the Reader and the Compare
/// columns when the text shown or the committed query changed, and the
/// prompt's rows when the terminal was resized.
pub fn after_update(app: &mut App) {
    let query = app.search.committed.as_ref().map(|c| &c.query);
    let empty = Query::default();
    let query = query.unwrap_or(&empty);
    let input = app.search.committed.as_ref().map(|c| c.input.as_str());
    let key = fingerprint(&(input, app.reader.id, app.reader.body.len(), app.size.0));
    if app.search.reader.key != key {
        app.search.reader = DocMarks::find(&app.reader.body, query, key);
    }
    let c = &app.compare;
    for col in 0..2 {
        let key = fingerprint(&(
            input,
            c.ids,
            c.part,
            c.all_parts,
            app.size,
            col,
            c.layout.columns[col].len(),
        ));
        if app.search.compare[col].key != key {
            app.search.compare[col] = DocMarks::find(&c.layout.columns[col], query, key);
        }
    }
    let (rows, width) = (result_rows(app), panel_width(app));
    let s = &mut app.search;
    if let (Some(p), Some(index)) = (s.prompt.as_mut(), s.index.as_ref())
        && p.searched
        && p.prepared != (width, rows)
    {
        p.select(0, rows);
        p.prepare(&app.corpus, index, width, rows);
    }
}

fn fingerprint(value: &impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    // 0 is the key of marks never computed.
    h.finish().max(1)
}

#[cfg(test)]
mod tests;
