//! The whole UI state and its one transition function, [`update`].
//!
//! No terminal here: keys arrive as [`keymap::Key`], actions are data, and
//! side effects ([`Effect`]) are returned for the event loop to execute.
//! Each view keeps its state in its own module (`questions`, `reader`); the
//! drawing of a view lives in `tui/views/`.

pub mod action;
pub mod coding;
pub mod compare;
pub mod doc;
pub mod facets;
pub mod families;
pub mod keymap;
pub mod ministries;
pub mod platforms;
pub mod press;
pub mod questions;
pub mod reader;
pub mod reader_lens;
pub mod review;
pub mod search;
pub mod timeline;
pub mod wrap;

use std::collections::HashMap;
use std::sync::Arc;

pub use action::{Action, Effect, Overlay, SortKey, View};
pub use press::press;

use crate::corpus::display::show_labels_in;
use crate::corpus::{Corpus, Lang, QuestionId};
use compare::CompareState;
use jiff::civil::Date;
use keymap::{Key, Scope};
use questions::{QuestionsState, Row};
use reader::ReaderState;
use timeline::TimelineState;

/// Rows the tab bar and the status line take from every screen.
pub const CHROME_ROWS: usize = 2;
/// Rows of the Questions view's column header.
pub const TABLE_HEADER_ROWS: usize = 1;
/// The smallest usable terminal; below it a message asks for more room.
pub const MIN_SIZE: (u16, u16) = (80, 24);
/// Rows and columns between the content area and the load report's box.
pub const REPORT_MARGIN: (u16, u16) = (1, 2);

/// What the review layer knows about one question, filled in by
/// `review::refresh_marks`; `None` is drawn as `-`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionMarks {
    /// The review status as [`crate::notes::ReviewStatus::label`] words it
    /// (`in progress`, `reviewed`); `None` while unreviewed.
    pub review: Option<String>,
    /// Number of notes on the question.
    pub notes: Option<usize>,
    /// The verdict's label (`partial`), once given.
    pub verdict: Option<String>,
    /// The question's tags and its notes' tags, sorted.
    pub tags: std::collections::BTreeSet<String>,
}

/// Progress of the background load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Files read so far out of the total (0 of 0 before the first report).
    InProgress {
        /// Files read.
        done: usize,
        /// Files to read.
        total: usize,
    },
    /// The corpus is in [`App::corpus`].
    Done,
}

/// All UI state.
#[derive(Debug, Clone)]
pub struct App {
    /// The corpus; empty until loading ends. Shared so that the search
    /// indexes are built from it on a worker thread.
    pub corpus: Arc<Corpus>,
    /// Whether loading is still running.
    pub loading: Loading,
    /// The current view.
    pub view: View,
    /// What is drawn over it, if anything.
    pub overlay: Option<Overlay>,
    /// Questions view state.
    pub questions: QuestionsState,
    /// Reader view state.
    pub reader: ReaderState,
    /// Review status and note count per question.
    pub marks: HashMap<QuestionId, QuestionMarks>,
    /// First line of the load report shown.
    pub report_scroll: usize,
    /// First line of the help overlay shown.
    pub help_scroll: usize,
    /// A one-off message for the status line, cleared by the next key.
    pub message: Option<String>,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// Question to open in the Reader once loading ends (`--open`), as
    /// typed; resolved against the corpus when it is loaded.
    pub open_on_load: Option<String>,
    /// Compare view state.
    pub compare: CompareState,
    /// Timeline view state.
    pub timeline: TimelineState,
    /// The date open (unanswered) questions are counted up to: the clock's
    /// date at start; tests set a fixed one so that screens are stable.
    pub today: Date,
    /// Notes store and the state of the notes screens (`app::review`).
    pub review: review::ReviewState,
    /// The language corpus labels are shown in (`--lang`, `D`).
    pub lang: Lang,
    /// Where the display language is remembered across runs; `None`: not
    /// remembered (tests).
    pub lang_file: Option<std::path::PathBuf>,
    /// How families are detected (`--family-window`, `--family-threshold`;
    /// `None` with `--no-detect`).
    pub detection: Option<crate::corpus::Detection>,
    /// The question whose family `J` marked, waiting for a second `J`.
    pub join_from: Option<QuestionId>,
    /// The search prompt, indexes, filter and hits (`app::search`).
    pub search: search::SearchState,
    /// Ministries view state (the league table).
    pub ministries: ministries::MinistriesState,
    /// Coding view state (ministries × tags).
    pub coding: coding::CodingState,
    /// Platforms view state (`app::platforms`).
    pub platforms: platforms::PlatformsState,
}

impl App {
    /// A fresh application waiting for its corpus, for a terminal of `size`.
    pub fn new(size: (u16, u16), open_on_load: Option<String>) -> Self {
        Self {
            corpus: Arc::default(),
            loading: Loading::InProgress { done: 0, total: 0 },
            view: View::Questions,
            overlay: None,
            questions: QuestionsState::default(),
            reader: ReaderState::default(),
            marks: HashMap::new(),
            report_scroll: 0,
            help_scroll: 0,
            message: None,
            size,
            open_on_load,
            compare: CompareState::default(),
            timeline: TimelineState::default(),
            today: jiff::ZonedDateTime::now().date(),
            review: review::ReviewState::default(),
            search: search::SearchState::default(),
            lang: Lang::Fr,
            lang_file: None,
            detection: Some(crate::corpus::Detection::default()),
            join_from: None,
            ministries: ministries::MinistriesState::default(),
            coding: coding::CodingState::default(),
            platforms: platforms::PlatformsState::default(),
        }
    }

    /// An application with `corpus` already loaded and indexed (tests, benchmarks).
    pub fn with_corpus(corpus: Corpus, size: (u16, u16)) -> Self {
        let mut app = Self::new(size, None);
        for effect in update(&mut app, Action::from(corpus)) {
            if effect == Effect::IndexSearch {
                search::index_now(&mut app);
            }
        }
        app
    }

    /// The keymap scope keys are looked up in now.
    pub fn scope(&self) -> Scope {
        if search::captures(self) {
            return Scope::Search;
        }
        match self.overlay {
            Some(Overlay::LoadReport) => Scope::LoadReport,
            Some(Overlay::Help) => Scope::Help,
            None => Scope::View(self.view),
        }
    }

    /// Handles a key: looks it up in the keymap and applies its action.
    pub fn key(&mut self, key: Key) -> Vec<Effect> {
        self.message = None;
        if search::captures(self) {
            return update(self, search::prompt_action(key));
        }
        if review::captures(self, key) {
            return update(self, Action::Review(review::ReviewAction::Key(key)));
        }
        match keymap::resolve(self.scope(), key) {
            Some(action) => update(self, action),
            None => Vec::new(),
        }
    }

    /// Rows available below the tab bar and above the status line.
    pub fn content_rows(&self) -> usize {
        usize::from(self.size.1).saturating_sub(CHROME_ROWS)
    }

    /// Diagnostics the load report shows at once: the content area less
    /// the box's margins and borders (the drawing uses the same box).
    pub fn report_rows(&self) -> usize {
        self.content_rows()
            .saturating_sub(2 * usize::from(REPORT_MARGIN.0) + 2)
    }

    /// Rows of the Questions list.
    fn list_rows(&self) -> usize {
        self.content_rows().saturating_sub(TABLE_HEADER_ROWS)
    }

    /// Review marks of a question (empty when none are known).
    pub fn marks_of(&self, id: QuestionId) -> QuestionMarks {
        self.marks.get(&id).cloned().unwrap_or_default()
    }

    /// The question the user is looking at in the current view: the row
    /// under the cursor, the open question, the focused Compare column, the
    /// Timeline row or the selected note's question.
    pub fn current_question(&self) -> Option<QuestionId> {
        match self.view {
            View::Questions => self.questions.selected_id(),
            View::Reader => self.reader.id,
            View::Compare => self.compare.ids[self.compare.focus],
            View::Timeline => timeline::row_id(self),
            View::Notes => review::selected_question(self),
            View::Ministries => self
                .ministries
                .drill
                .as_ref()
                .and_then(|(_, list)| list.get(self.ministries.drill_cursor).map(|l| l.id)),
            View::Coding => None,
            View::Platforms => self.platforms.question(),
        }
    }

    /// True while the corpus is still being read.
    pub fn is_loading(&self) -> bool {
        self.loading != Loading::Done
    }

    fn open(&mut self, id: QuestionId) {
        if self.corpus.get(id).is_none() {
            self.message = Some(format!(
                "{id} is not in this corpus (known only from a sibling list)"
            ));
            return;
        }
        self.reader.today = Some(self.today);
        self.reader.open(&self.corpus, id, self.size);
        review::on_layout(self);
        self.questions.select(id);
        self.view = View::Reader;
        self.overlay = None;
    }

    fn open_selected(&mut self) {
        match self.questions.selected() {
            Some(Row::Member { id, .. }) => self.open(id),
            _ => self.message = Some("no question under the cursor".into()),
        }
    }

    /// Moves in the current view or overlay by `delta` rows (`isize::MIN`/`MAX` for the ends).
    fn movement(&mut self, delta: isize) {
        let rows = self.content_rows();
        match (self.overlay, self.view) {
            (Some(Overlay::LoadReport), _) => {
                let max = self
                    .corpus
                    .diagnostics
                    .len()
                    .saturating_sub(self.report_rows());
                self.report_scroll = self.report_scroll.saturating_add_signed(delta).min(max);
            }
            (Some(Overlay::Help), _) => {
                // The box fills the content area less its two borders.
                let shown = rows.saturating_sub(2);
                let max = keymap::help_len(self.view).saturating_sub(shown);
                self.help_scroll = self.help_scroll.saturating_add_signed(delta).min(max);
            }
            (None, View::Questions) => {
                match delta {
                    isize::MIN => self.questions.jump(false),
                    isize::MAX => self.questions.jump(true),
                    d => self.questions.step(d),
                }
                self.questions.scroll_into_view(self.list_rows());
            }
            (None, View::Reader) => self.reader.scroll_by(delta, rows),
            // These views move through their own actions.
            (None, View::Compare | View::Timeline | View::Ministries | View::Coding) => {}
            (None, View::Notes) => review::movement(self, delta),
            (None, View::Platforms) => platforms::movement(self, delta),
        }
    }

    fn page(&self) -> isize {
        let rows = match (self.overlay, self.view) {
            (Some(Overlay::LoadReport), _) => self.report_rows(),
            (Some(Overlay::Help), _) => self.content_rows().saturating_sub(2),
            (None, view) => self.view_page(view),
        };
        rows.saturating_sub(1).max(1) as isize
    }

    fn view_page(&self, view: View) -> usize {
        match view {
            View::Questions => self.list_rows(),
            View::Reader => self.reader.body_height(self.content_rows()),
            View::Compare | View::Timeline | View::Ministries | View::Coding => self.content_rows(),
            View::Notes => review::list_rows(self),
            View::Platforms => platforms::table_rows(self),
        }
    }

    /// `D`: the labels in the other language; every view that laid them
    /// out lays them out again, the search indexes are rebuilt.
    fn switch_lang(&mut self) -> Vec<Effect> {
        self.lang = self.lang.other();
        show_labels_in(Arc::make_mut(&mut self.corpus), self.lang);
        self.timeline.figures = None;
        if self.view == View::Timeline {
            timeline::show(self);
        }
        self.questions.rebuild(&self.corpus);
        self.questions.scroll_into_view(self.list_rows());
        relayout_reader(self);
        compare::relayout(self);
        review::clamp_list(self);
        // The league table and the coding matrix name their rows by label.
        if self.ministries.rows.is_some() {
            ministries::recompute(self);
        }
        if !self.platforms.table.rows.is_empty() {
            platforms::refresh(self);
        }
        if self.coding.matrix.is_some() {
            let (view, overlay) = (self.view, self.overlay);
            coding::show(self);
            (self.view, self.overlay) = (view, overlay);
        }
        self.message = Some(format!("corpus labels in {}", lang_name(self.lang)));
        let mut effects = vec![Effect::IndexSearch];
        if let Some(path) = &self.lang_file {
            effects.push(Effect::SaveLang {
                lang: self.lang,
                path: path.clone(),
            });
        }
        effects
    }

    fn sibling(&mut self, forward: bool) {
        let Some(id) = self.reader.id else { return };
        match reader::sibling(&self.corpus, id, forward) {
            Some(next) => self.open(next),
            None => {
                let end = if forward { "last" } else { "first" };
                self.message = Some(format!("{id} is the {end} sibling in this corpus"));
            }
        }
    }

    fn loaded(&mut self, mut corpus: Corpus) -> Vec<Effect> {
        // The analyst's family corrections and the detection options (the
        // loader already grouped with the defaults and no corrections).
        let edits = &self.review.store.notes().families;
        if !edits.is_empty() || self.detection != Some(crate::corpus::Detection::default()) {
            corpus.regroup(self.detection.as_ref(), edits);
        }
        show_labels_in(&mut corpus, self.lang);
        self.corpus = Arc::new(corpus);
        self.loading = Loading::Done;
        // Nothing laid out, cached or pointed at from a previous corpus
        // survives: a view that showed one starts again from the list.
        self.reader = ReaderState::default();
        self.compare = CompareState::default();
        self.timeline = TimelineState::default();
        self.ministries = ministries::MinistriesState::default();
        self.coding = coding::CodingState::default();
        self.platforms = platforms::PlatformsState::default();
        self.review.list = review::list::NotesList::default();
        self.review.selection = None;
        self.review.part_cursor = None;
        self.review.noted.clear();
        self.report_scroll = 0;
        if matches!(
            self.view,
            View::Reader | View::Compare | View::Timeline | View::Ministries | View::Coding
        ) {
            self.view = View::Questions;
        }
        self.questions.rebuild(&self.corpus);
        self.questions.scroll_into_view(self.list_rows());
        let mut effects = review::on_loaded(self);
        if self.view == View::Platforms {
            platforms::refresh(self);
        }
        effects.push(Effect::IndexSearch);
        if let Some(typed) = self.open_on_load.take() {
            let id = match self.corpus.resolve(&typed) {
                Ok(id) => id,
                Err(e) => return vec![Effect::Fail(e.to_string())],
            };
            if self.corpus.get(id).is_none() {
                return vec![Effect::Fail(format!(
                    "question {id} is not in this corpus; `qreview list` shows the ids"
                ))];
            }
            self.open(id);
        }
        effects
    }
}

/// Applies one action to the state; returns the side effects to execute.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = apply(app, action);
    search::after_update(app);
    effects
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => return review::quit(app),
        Action::Search(action) => return search::update(app, action),
        Action::Review(action) => return review::update(app, action),
        Action::Progress { done, total } => {
            if app.is_loading() {
                app.loading = Loading::InProgress { done, total };
            }
        }
        Action::Loaded(corpus) => return app.loaded(*corpus.0),
        Action::Resize { width, height } => {
            app.size = (width, height);
            app.reader.layout(&app.corpus, app.size);
            review::on_layout(app);
            app.reader.scroll_by(0, app.content_rows());
            app.questions.scroll_into_view(app.list_rows());
            compare::relayout(app);
            timeline::clamp(app);
            ministries::clamp(app);
            review::clamp_list(app);
        }
        Action::ToggleHeader => {
            let expanded = app.reader.expanded(app.size.1);
            app.reader.expand = Some(!expanded);
            relayout_reader(app);
        }
        Action::ToggleFamilyBar => {
            app.reader.hide_family = !app.reader.hide_family;
            relayout_reader(app);
        }
        Action::ToggleHelp => {
            app.overlay = toggle(app.overlay, Overlay::Help);
            app.help_scroll = 0;
        }
        Action::ToggleLoadReport => {
            app.overlay = toggle(app.overlay, Overlay::LoadReport);
            app.report_scroll = 0;
        }
        Action::Back => {
            if app.join_from.take().is_some() {
                app.message = Some("join cancelled".into());
            } else if app.overlay.take().is_none() {
                match app.view {
                    View::Reader => {
                        app.view = View::Questions;
                        app.questions.scroll_into_view(app.list_rows());
                    }
                    View::Compare => compare::back(app),
                    View::Timeline => timeline::back(app),
                    View::Ministries => ministries::back(app),
                    View::Coding => coding::back(app),
                    View::Questions | View::Notes | View::Platforms => {}
                }
            }
        }
        // Nothing below acts on a corpus that is not there yet.
        _ if app.is_loading() => {}
        Action::ShowView(View::Reader) if app.reader.id.is_none() => app.open_selected(),
        Action::ShowView(View::Compare) => compare::show(app),
        Action::ShowView(View::Timeline) => timeline::show(app),
        Action::Compare(a) => compare::update(app, a),
        Action::Timeline(a) => timeline::update(app, a),
        Action::ShowView(View::Ministries) => ministries::show(app),
        Action::ShowView(View::Coding) => coding::show(app),
        Action::Ministries(a) => ministries::update(app, a),
        Action::Coding(a) => coding::update(app, a),
        Action::ShowView(View::Platforms) => platforms::show(app),
        Action::Platforms(a) => return platforms::update(app, a),
        Action::ShowView(view) => {
            app.view = view;
            app.overlay = None;
        }
        Action::Up => app.movement(-1),
        Action::Down => app.movement(1),
        Action::Top => app.movement(isize::MIN),
        Action::Bottom => app.movement(isize::MAX),
        Action::PageUp => app.movement(-app.page()),
        Action::PageDown => app.movement(app.page()),
        Action::Open => app.open_selected(),
        Action::CycleSort => {
            app.questions.sort = app.questions.sort.next();
            app.questions.rebuild(&app.corpus);
            app.questions.scroll_into_view(app.list_rows());
        }
        Action::ReverseSort => {
            let rows = app.list_rows();
            let q = &mut app.questions;
            q.descending = !q.descending;
            q.rebuild(&app.corpus);
            q.scroll_into_view(rows);
            let way = if app.questions.descending {
                "descending"
            } else {
                "ascending"
            };
            app.message = Some(format!("sorted by {}, {way}", app.questions.sort.label()));
        }
        Action::SwitchLang => return app.switch_lang(),
        Action::Facet(facet) => facets::toggle(app, facet),
        Action::NextSibling => app.sibling(true),
        Action::PrevSibling => app.sibling(false),
        Action::SplitFamily => return families::split(app),
        Action::JoinFamily => return families::join(app),
        Action::FollowLink => families::follow_link(app),
    }
    Vec::new()
}

/// The language's own name, as the status line says it.
pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "French (français)",
        Lang::Nl => "Dutch (Nederlands)",
    }
}

fn toggle(current: Option<Overlay>, which: Overlay) -> Option<Overlay> {
    if current == Some(which) {
        None
    } else {
        Some(which)
    }
}

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;

/// Lays the Reader out again after a display choice changed, keeping the
/// scroll position in range.
fn relayout_reader(app: &mut App) {
    app.reader.layout(&app.corpus, app.size);
    review::on_layout(app);
    app.reader.scroll_by(0, app.content_rows());
}
