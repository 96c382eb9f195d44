//! Reviewer notes: the model ([`model`]), changes to it ([`edit`]), anchors
//! that survive a changed corpus ([`anchor`]), the file format ([`file`]),
//! merging ([`merge`]) and the file on disk ([`store`]).
//!
//! No terminal here; the TUI and the shell commands call the same functions.

pub mod anchor;
pub mod edit;
pub mod facts;
pub mod file;
pub mod merge;
pub mod model;
pub mod store;

pub use anchor::{AnchorReport, Located};
pub use edit::EditError;
pub use facts::{FactCorrection, FactVerdict};
pub use merge::{MergeReport, NoteConflict};
pub use model::{
    Anchor, Field, Note, NoteId, NotesFile, QuestionReview, ReviewStatus, TagInfo, Verdict,
};
pub use store::{SaveOutcome, Store, StoreError, resolve_path};
