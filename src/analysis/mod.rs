//! Analysis: pure functions over the corpus, no I/O and no terminal. Family
//! figures and per-ministry tables, the family timeline, part alignment of
//! answers, and passages that answers share.

pub mod align;
pub mod figures;
mod fold;
pub mod shared;
