//! Analysis: pure functions over the corpus, no I/O and no terminal. Family
//! figures and per-ministry tables, working-day calendars, answer deadlines
//! and the ministry league table, the family timeline and its date axis,
//! part alignment of answers, and passages that answers share.

pub mod align;
pub mod axis;
pub mod calendar;
pub mod deadline;
pub mod figures;
pub mod filter;
mod fold;
pub mod league;
pub mod matrix;
pub mod ministries;
pub mod shared;
pub mod timeline;
