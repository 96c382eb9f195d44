//! The `qreview` binary: parses the command line, runs the app or a shell
//! command, and turns the outcome into an exit code (0 ok, 1 errors in the
//! input, 2 bad usage such as an unknown id or a refused overwrite).

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use qreview::cli::args::{Args, Command};
use qreview::cli::run::say_line;
use qreview::config;

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
    let config_problem = install_config(&args);
    let result = match args.command {
        None => interactive(args, started, config_problem),
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

/// Reads the configuration file and makes it the process's; a bad file
/// leaves the defaults in place and is reported (never fatal). Returns the
/// message for the app's status line. `qreview config` reports on its own.
fn install_config(args: &Args) -> Option<String> {
    let explicit =
        args.config.is_some() || std::env::var_os(config::ENV).is_some_and(|v| !v.is_empty());
    let path = config::path(args.config.clone());
    let loaded = match &path {
        Some(p) => config::load(p, explicit),
        None => Ok(config::Config::default()),
    };
    let (config, problem) = match loaded {
        Ok(c) => (c, None),
        Err(e) => (
            config::Config::default(),
            Some(format!("defaults used, config ignored: {e}")),
        ),
    };
    let keys = config::install(path, config).err();
    let problem = problem.or(keys.map(|p| format!("keys: {} (default keys used)", p.join("; "))));
    let is_config_command = matches!(args.command, Some(Command::Config { .. }));
    if let Some(p) = &problem
        && args.command.is_some()
        && !is_config_command
    {
        say_line(&format!("qreview: {p}"));
    }
    problem
}

/// `qreview [--open ID] [PATHS...]`: the interactive application.
fn interactive(
    args: Args,
    started: std::time::Instant,
    config_problem: Option<String>,
) -> Result<ExitCode> {
    let settings = config::active();
    let detection = args.corpus.detection();
    let paths = settings.corpus_paths(args.corpus.paths);
    qreview::cli::require_existing(&paths)?;
    let lang_file = qreview::tui::lang_state::default_path();
    let outcome = qreview::tui::run(qreview::tui::Options {
        detection,
        paths,
        open: args.open,
        started,
        notes: settings.notes_path(args.notes.path),
        theme: settings.theme(),
        message: config_problem,
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
