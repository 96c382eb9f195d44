//! The `qreview` binary: parses the command line, runs the app or a shell
//! command, and turns the outcome into an exit code (0 ok, 1 errors in the
//! input, 2 bad usage such as an unknown id or a refused overwrite).

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use qreview::cli::args::Args;
use qreview::cli::run::say_line;
use qreview::notes;

fn main() -> ExitCode {
    // A parser panic inside the loader's guard becomes a diagnostic; its raw
    // message (which may quote input bytes) must not reach the terminal.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !qreview::corpus::load::in_guarded_parse() {
            previous(info);
        }
    }));
    let started = std::time::Instant::now();
    let args = Args::parse();
    let result = match args.command {
        None => interactive(args, started),
        Some(command) => qreview::cli::run::command(command),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            say_line(&format!("qreview: {}", without_repeats(&e)));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each cause left out when the message already
/// says it (many errors quote their cause in their own text).
fn without_repeats(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
}

/// `qreview [--open ID] [PATHS...]`: the interactive application.
fn interactive(args: Args, started: std::time::Instant) -> Result<ExitCode> {
    qreview::cli::require_existing(&args.corpus.paths)?;
    let lang_file = qreview::tui::lang_state::default_path();
    let outcome = qreview::tui::run(qreview::tui::Options {
        detection: args.corpus.detection(),
        paths: args.corpus.paths,
        open: args.open,
        started,
        notes: notes::resolve_path(args.notes.path),
        lang: args
            .corpus
            .lang
            .map(Into::into)
            .or_else(|| {
                lang_file
                    .as_deref()
                    .and_then(qreview::tui::lang_state::load)
            })
            .unwrap_or(qreview::corpus::Lang::Fr),
        lang_file,
    })
    .context("the terminal failed; it has been restored")?;
    Ok(match outcome {
        qreview::tui::Outcome::Quit => ExitCode::SUCCESS,
        qreview::tui::Outcome::Fail(message) => {
            say_line(&format!("qreview: {message}"));
            ExitCode::from(2)
        }
        qreview::tui::Outcome::Signal(sig) => ExitCode::from(128 + sig as u8),
    })
}
