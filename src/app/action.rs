//! The one message type of the application: every change of UI state is an
//! [`Action`], whether it comes from a key, the mouse, a resize or a worker
//! thread. Actions are plain data so that key sequences are tested without a
//! terminal.

use std::path::PathBuf;

use crate::corpus::Corpus;
use crate::export::Format;

pub use super::review::ReviewAction;

pub use super::coding::CodingAction;
pub use super::compare::CompareAction;
pub use super::ministries::MinistriesAction;
pub use super::platforms::PlatformsAction;
pub use super::search::SearchAction;
pub use super::timeline::TimelineAction;

/// A screen of the application, chosen with the number keys.
///
/// Adding a view: a variant here (with its [`View::title`]), its state in
/// `app/`, one file in `tui/views/`, and its rows in the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Families and their members, the start screen.
    Questions,
    /// One question in full: header, timeline, parts, answer, siblings.
    Reader,
    /// Two siblings' answers side by side, aligned by part.
    Compare,
    /// The family as a Gantt chart, with its figures.
    Timeline,
    /// Every reviewer note, filtered by tag, status and text.
    Notes,
    /// The ministry league table across the corpus.
    Ministries,
    /// Ministries × tags: the coding matrix.
    Coding,
    /// The social-media table: questions × platforms, facts and corrections.
    Platforms,
}

impl View {
    /// Every view, in the order of its number key.
    pub const ALL: [View; 8] = [
        View::Questions,
        View::Reader,
        View::Compare,
        View::Timeline,
        View::Notes,
        View::Ministries,
        View::Coding,
        View::Platforms,
    ];

    /// The name shown in the tab bar and the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            View::Questions => "Questions",
            View::Reader => "Reader",
            View::Compare => "Compare",
            View::Timeline => "Timeline",
            View::Notes => "Notes",
            View::Ministries => "Ministries",
            View::Coding => "Coding",
            View::Platforms => "Platforms",
        }
    }
}

/// Something drawn over the current view until it is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Overlay {
    /// The key bindings of the current view and the global ones.
    Help,
    /// The diagnostics of loading the corpus (`path:line: message`).
    LoadReport,
}

/// How the questions of a family are ordered in the Questions view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// By question id.
    #[default]
    Id,
    /// By ministry label (unknown last).
    Ministry,
    /// By days from sending to answer (unanswered last).
    Days,
    /// By answer date (unanswered last).
    Answered,
}

impl SortKey {
    /// The next key in the cycle `id → ministry → days → answer date → id`.
    pub fn next(self) -> Self {
        match self {
            SortKey::Id => SortKey::Ministry,
            SortKey::Ministry => SortKey::Days,
            SortKey::Days => SortKey::Answered,
            SortKey::Answered => SortKey::Id,
        }
    }

    /// Its name in the tab bar.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Ministry => "ministry",
            SortKey::Days => "days to answer",
            SortKey::Answered => "answer date",
        }
    }
}

/// Every state change of the application.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the application.
    Quit,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Show or hide the load report.
    ToggleLoadReport,
    /// Switch to a view.
    ShowView(View),
    /// Close the overlay, else go back from the Reader to the Questions view.
    Back,
    /// Move the cursor up one row, or scroll up one line.
    Up,
    /// Move the cursor down one row, or scroll down one line.
    Down,
    /// Go to the first row or the top of the text.
    Top,
    /// Go to the last row or the end of the text.
    Bottom,
    /// Up one screen.
    PageUp,
    /// Down one screen.
    PageDown,
    /// Open the question under the cursor in the Reader.
    Open,
    /// Cycle the sort order of the Questions view.
    CycleSort,
    /// Open the next loaded sibling in the Reader.
    NextSibling,
    /// Open the previous loaded sibling in the Reader.
    PrevSibling,
    /// Questions: the sort order ascending or descending.
    ReverseSort,
    /// Reader: the whole header, or two lines.
    ToggleHeader,
    /// Reader: show or hide the family bar.
    ToggleFamilyBar,
    /// Questions: change one of the filters by reminder, review status
    /// and verdict.
    Facet(super::facets::Facet),
    /// Corpus labels (titles, ministries, descriptors) in the other
    /// display language.
    SwitchLang,
    /// Take the selected question out of its detected family (stored in
    /// the notes file).
    SplitFamily,
    /// Mark the selected question's family, or join it to the marked one.
    JoinFamily,
    /// Open the question the Reader's answer refers to ("… PQ 12345").
    FollowLink,
    /// An action of the Compare view (and `c` in the Reader).
    Compare(CompareAction),
    /// An action of the Timeline view.
    Timeline(TimelineAction),
    /// An action of the Ministries view.
    Ministries(MinistriesAction),
    /// An action of the Coding view.
    Coding(CodingAction),
    /// An action of the Platforms view.
    Platforms(PlatformsAction),
    /// The terminal has this many columns and rows (sent by the event loop).
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Loading has read `done` of `total` files (sent by the loader thread).
    Progress {
        /// Files read so far.
        done: usize,
        /// Files to read.
        total: usize,
    },
    /// Loading finished (sent by the loader thread).
    Loaded(Loaded),
    /// Notes, review status, tags, exports (handled in `app::review`).
    Review(ReviewAction),
    /// The search prompt, filter and hits (handled in `app::search`).
    Search(SearchAction),
}

/// The corpus carried by [`Action::Loaded`]. Actions are compared (keymap
/// lookups, tests) but corpora never need to be: two are equal only when
/// they are the same allocation.
#[derive(Debug, Clone)]
pub struct Loaded(pub Box<Corpus>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(&*self.0, &*other.0)
    }
}

impl From<Corpus> for Action {
    fn from(corpus: Corpus) -> Self {
        Action::Loaded(Loaded(Box::new(corpus)))
    }
}

/// A side effect requested by [`crate::app::update`], executed by the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Restore the terminal and exit with code 0.
    Quit,
    /// Restore the terminal, print the message on stderr, exit with code 2
    /// (e.g. `--open` named a question the corpus does not hold).
    Fail(String),
    /// Save the notes store; the outcome comes back as
    /// [`ReviewAction::Saved`].
    SaveNotes,
    /// Write an export of all notes; the outcome comes back as
    /// [`ReviewAction::Exported`].
    Export {
        /// The format.
        format: Format,
        /// The file to write.
        path: PathBuf,
        /// Overwrite an existing file (the user confirmed).
        force: bool,
        /// The notes the Notes view's filter shows; `None`: all notes.
        shown: Option<std::collections::BTreeSet<crate::notes::NoteId>>,
    },
    /// Build the search indexes of the corpus on a worker thread; they
    /// come back as [`SearchAction::Indexed`].
    IndexSearch,
    /// Remember the display language for the next run: write it to the
    /// state file at `path`.
    SaveLang {
        /// The language shown now.
        lang: crate::corpus::Lang,
        /// The state file.
        path: PathBuf,
    },
}
