//! The `qreview` binary: parses the command line and calls the library.
//! Errors end here as `anyhow` messages; exit codes: 0 ok, 1 errors in the
//! input, 2 bad usage (unknown id, refused overwrite).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use qreview::corpus::{Corpus, QuestionId, load};
use qreview::{atomic_file, cli};

/// Review parliamentary written questions and the ministers' answers.
#[derive(Parser)]
#[command(
    name = "qreview",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders (.txt Senate pages, .json corpora) to open; none opens the built-in corpus.
    paths: Vec<PathBuf>,
    /// Start in the Reader on this question, e.g. 5-8902.
    #[arg(long, value_name = "ID")]
    open: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Load a corpus and print its diagnostics and a summary (exit 1 on errors).
    Check {
        /// Files or folders; none checks the built-in corpus.
        paths: Vec<PathBuf>,
    },
    /// One line per question: id, ministry, sent, answered, days, reminders.
    List {
        /// Files or folders; none lists the built-in corpus.
        paths: Vec<PathBuf>,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// One question in full.
    Show {
        /// The question's id, e.g. 5-8902.
        id: String,
        /// Files or folders; none uses the built-in corpus.
        paths: Vec<PathBuf>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Per family and sibling: ministry, sent, reminders, answered, days; median, fastest, slowest.
    Stats {
        /// Files or folders; none uses the built-in corpus.
        paths: Vec<PathBuf>,
        /// Print a JSON array of families.
        #[arg(long)]
        json: bool,
    },
    /// Read files and write them as one qreview-corpus JSON file.
    Import {
        /// Files or folders to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The JSON file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Args::parse();
    let result = match args.command {
        None => interactive(args.paths, args.open.as_deref(), started),
        Some(command) => run(command),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("qreview: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `qreview [--open ID] [PATHS...]`: the interactive application.
fn interactive(
    paths: Vec<PathBuf>,
    open: Option<&str>,
    started: std::time::Instant,
) -> Result<ExitCode> {
    let open: Option<QuestionId> = open.map(str::parse).transpose()?;
    let outcome = qreview::tui::run(qreview::tui::Options {
        paths,
        open,
        started,
    })
    .context("the terminal failed; it has been restored")?;
    Ok(match outcome {
        qreview::tui::Outcome::Quit => ExitCode::SUCCESS,
        qreview::tui::Outcome::Fail(message) => {
            eprintln!("qreview: {message}");
            ExitCode::from(2)
        }
        qreview::tui::Outcome::Signal(sig) => ExitCode::from(128 + sig as u8),
    })
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Check { paths } => {
            let corpus = load(&paths);
            print(&cli::check::render(&corpus))?;
            Ok(if corpus.error_count() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::List { paths, json } => {
            let corpus = load(&paths);
            report(&corpus);
            print(&if json {
                cli::list::render_json(&corpus)
            } else {
                cli::list::render(&corpus)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, paths, json } => {
            let id: QuestionId = id.parse()?;
            let corpus = load(&paths);
            report(&corpus);
            let q = corpus.get(id).with_context(|| {
                format!("question {id} is not in this corpus; `qreview list` shows the ids")
            })?;
            print(&if json {
                cli::show::render_json(q)
            } else {
                cli::show::render(q, &corpus)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { paths, json } => {
            let corpus = load(&paths);
            report(&corpus);
            print(&if json {
                cli::stats::render_json(&corpus)
            } else {
                cli::stats::render(&corpus)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            files,
            output,
            force,
        } => {
            let corpus = load::load_paths(&files, &|_, _| {});
            report(&corpus);
            let json = qreview::corpus::json::write(&corpus.questions);
            atomic_file::write(&output, json.as_bytes(), force)?;
            eprintln!(
                "wrote {} questions to {}",
                corpus.questions.len(),
                output.display()
            );
            Ok(if corpus.error_count() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// Loads the corpus for a command.
fn load(paths: &[PathBuf]) -> Corpus {
    cli::load_corpus(paths, &|_, _| {})
}

/// Prints a one-line load summary on stderr when anything was reported.
fn report(corpus: &Corpus) {
    if corpus.error_count() > 0 {
        eprintln!(
            "qreview: {} error(s), {} warning(s) while loading; `qreview check` lists them",
            corpus.error_count(),
            corpus.warning_count()
        );
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn print(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}
