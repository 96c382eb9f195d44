//! qreview: the terminal application over [`qreview_core`].
//!
//! This crate holds what needs a terminal or a command line: [`cli`] (the
//! shell commands' arguments and output), [`app`] (UI state and actions, no
//! terminal) and [`tui`] (the terminal: lifecycle, event loop, views). The
//! core's modules are re-exported under their own names so that the whole
//! program speaks of `qreview::corpus`, `qreview::notes`, … as one library.

pub use qreview_core::{
    analysis, atomic_file, corpus, export, format, formats, input_file, lens, notes, review,
    sanitize, search,
};

pub mod app;
pub mod cli;
pub mod fetch;
pub mod tui;
