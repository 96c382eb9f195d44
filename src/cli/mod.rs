//! Output of the shell commands (`check`, `list`, `show`, `stats`, `matrix`, `import`),
//! built as strings so that it is tested without a process. Every corpus
//! string goes through [`crate::sanitize::sanitize`] before it is printed.

pub mod args;
pub mod check;
pub mod export;
pub mod fetch;
pub mod league;
pub mod list;
pub mod matrix;
pub mod notes;
pub mod platforms;
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

/// Refuses paths that do not exist before anything is loaded: a typo such as
/// `qreview stat` is a path to clap, and must not open an empty app or print
/// an empty list.
pub fn require_existing(paths: &[PathBuf]) -> anyhow::Result<()> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .map(|p| p.display().to_string())
        .collect();
    match missing.as_slice() {
        [] => Ok(()),
        [one] => anyhow::bail!(
            "{one}: no such file or folder (commands are check, list, show, stats, search, import, notes, export; `qreview --help` lists them)"
        ),
        many => anyhow::bail!(
            "no such files or folders: {} (`qreview --help` lists the commands)",
            many.join(", ")
        ),
    }
}

/// `1 error`, `2 errors`: a count and its noun in the right number.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub use crate::format::{date, fit, num, text, to_json};
