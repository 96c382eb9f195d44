//! Search: fuzzy matching over question metadata and accent- and
//! case-insensitive full-text search over question and answer texts.
//!
//! No terminal here. The TUI and `qreview search` call the same functions:
//! build a [`TextIndex`] and a [`FuzzyIndex`] once after loading, then query
//! them on every keystroke.

pub mod fulltext;
pub mod fuzzy;
pub mod matcher;
pub mod normalize;
pub mod passages;
pub mod query;
pub mod segments;
pub mod snippet;
pub mod text_session;

pub use fulltext::{Postings, TextHit, TextIndex};
pub use fuzzy::{FuzzyHit, FuzzyIndex, FuzzySession, MetaField};
pub use matcher::{Matcher, Nucleo, Skim};
pub use normalize::{Normalized, normalize};
pub use passages::identical_passages;
pub use query::Query;
pub use segments::{Field, part_label};
pub use snippet::Snippet;
pub use text_session::TextSession;
