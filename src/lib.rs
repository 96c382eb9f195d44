//! qreview: review parliamentary written questions and the ministers' answers.
//!
//! The library holds all logic; the `qreview` binary is a thin command line
//! over it. Layers, from the bottom: [`corpus`] (reading documents),
//! [`analysis`] (figures), [`sanitize`] (the one gate for text shown to a
//! terminal), [`cli`] (the shell commands' output).

pub mod analysis;
pub mod atomic_file;
pub mod cli;
pub mod corpus;
pub mod sanitize;
pub mod search;
