//! qreview: review parliamentary written questions and the ministers' answers.
//!
//! The library holds all logic; the `qreview` binary is a thin command line
//! over it. Layers, from the bottom: [`corpus`] (reading documents),
//! [`analysis`] (figures, timeline, part alignment, shared passages),
//! [`notes`] (reviewer notes and their file),
//! [`export`] (Markdown, CSV, JSON), [`sanitize`] (the one gate for text
//! shown to a terminal), [`cli`] (the shell commands' output), [`app`] (UI
//! state and actions, no terminal) and [`tui`] (the terminal: lifecycle,
//! event loop, views).

pub mod analysis;
pub mod app;
pub mod atomic_file;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod format;
pub mod notes;
pub mod sanitize;
pub mod search;
pub mod tui;
