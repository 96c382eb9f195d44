//! Analysis: pure functions over the corpus, no I/O and no terminal. Family
//! figures and per-ministry tables, the family timeline and its date axis,
//! part alignment of answers, and passages that answers share.

pub mod align;
pub mod axis;
pub mod figures;
mod fold;
pub mod matrix;
pub mod ministries;
pub mod shared;
pub mod timeline;
