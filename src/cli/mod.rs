//! Output of the shell commands (`check`, `list`, `show`, `stats`, `import`),
//! built as strings so that it is tested without a process. Every corpus
//! string goes through [`crate::sanitize::sanitize`] before it is printed.

pub mod args;
pub mod check;
pub mod export;
pub mod fetch;
pub mod list;
pub mod notes;
pub mod run;
pub mod search;
pub mod show;
pub mod stats;

use std::path::PathBuf;

use crate::corpus::{Corpus, embedded, load};

/// Loads `paths`, or the embedded default corpus when there are none.
pub fn load_corpus(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync)) -> Corpus {
    if paths.is_empty() {
        embedded::load()
    } else {
        load::load_paths(paths, progress)
    }
}

pub use crate::format::{date, fit, num, text, to_json};
