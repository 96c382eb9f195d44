//! qreview-core: the parliament-agnostic heart of qreview.
//!
//! Everything here works without a terminal or a command line: this crate's
//! `Cargo.toml` has no ratatui, crossterm or clap, so the compiler keeps the
//! layering. Layers, from the bottom: [`corpus`] (the question model and
//! reading documents), [`analysis`] (figures, timeline, part alignment,
//! shared passages), [`search`] (fuzzy metadata and full-text search),
//! [`notes`] (reviewer notes and their file), [`review`] (joins of notes
//! and corpus: the coding matrix), [`export`] (Markdown, CSV,
//! JSON), [`formats`] (one module per input format, registered in one
//! list), [`sanitize`] (the one gate for text shown to a terminal),
//! [`atomic_file`] (safe writes of user data, and which paths may be
//! replaced), [`input_file`] (capped reads of regular files only) and [`format`] (small text
//! helpers shared by the renderers).

pub mod analysis;
pub mod atomic_file;
pub mod corpus;
pub mod export;
pub mod format;
pub mod formats;
pub mod input_file;
pub mod lens;
pub mod notes;
pub mod review;
pub mod sanitize;
pub mod search;
