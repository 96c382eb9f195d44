//! The terminal front end: set-up and restore ([`terminal`]), the event
//! loop ([`run`]), key translation ([`input`]), one file per view
//! ([`views`]) and all colours ([`theme`]). The only module that uses
//! ratatui and crossterm.
//!
//! Test and measurement hooks, read from the environment (not for users):
//! - `QREVIEW_TEST_PANIC=1` panics right after the first frame, so a test can
//!   check that a panic leaves the terminal restored.
//! - `QREVIEW_BENCH_FIRST_FRAME=1` prints on stderr the time from process
//!   start to the first frame and to the first frame showing the loaded
//!   corpus, then quits (see `BENCHMARKS.md`).

mod event_loop;
mod indexer;
pub mod input;
pub mod lang_state;
mod notes_io;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod views;

use std::path::PathBuf;
use std::time::Instant;

/// What the user asked for on the command line.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files and folders to load; none loads the embedded default corpus.
    pub paths: Vec<PathBuf>,
    /// Question to open in the Reader once loaded (`--open`), as typed:
    /// a bare reference is resolved against the corpus once it is loaded.
    pub open: Option<String>,
    /// When the process started, for the first-frame measurement.
    pub started: Instant,
    /// The notes file (`--notes`, `QREVIEW_NOTES` or the default).
    pub notes: PathBuf,
    /// The display language of corpus labels (`--lang`, else remembered).
    pub lang: crate::corpus::Lang,
    /// Where the display language is remembered (`QREVIEW_STATE`, else
    /// the data directory); `None` when there is no data directory.
    pub lang_file: Option<PathBuf>,
    /// How families are detected (`None`: only listed families).
    pub detection: Option<crate::corpus::Detection>,
}

/// How the session ended; the terminal is restored in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// The session could not go on; the message says why (exit code 2).
    Fail(String),
    /// A SIGTERM or SIGHUP arrived (exit code 128 + the signal number).
    Signal(i32),
}

/// Runs the interactive application until it ends, and restores the terminal.
pub fn run(options: Options) -> std::io::Result<Outcome> {
    let signals = event_loop::watch_signals()?;
    let mut term = terminal::init()?;
    let mut after = Vec::new();
    let result = event_loop::run(&mut term, options, signals, &mut after);
    terminal::restore();
    // A quit whose last save failed is not a success: the message becomes
    // the failure (exit 2) rather than a line after a zero exit.
    if matches!(result, Ok(Outcome::Quit)) && !after.is_empty() {
        return Ok(Outcome::Fail(after.join("; ")));
    }
    for line in after {
        eprintln!("qreview: {}", crate::sanitize::sanitize(&line));
    }
    result
}
