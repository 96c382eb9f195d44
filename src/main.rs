//! The `qreview` binary: parses the command line and calls the library.
//! Errors end here as `anyhow` messages; exit codes: 0 ok, 1 errors in the
//! input, 2 bad usage (unknown id, refused overwrite).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use qreview::corpus::{Corpus, QuestionId};
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
    /// Search question and answer texts (accents and case ignored), or metadata with --fuzzy.
    Search {
        /// Words (all must match) and "quoted phrases"; with --fuzzy, fuzzy words.
        query: String,
        /// Files or folders; none uses the built-in corpus.
        paths: Vec<PathBuf>,
        /// Fuzzy match over id, title, ministry, addressee, author, party, descriptors.
        #[arg(long, conflicts_with = "text")]
        fuzzy: bool,
        /// Full-text search over question and answer texts (the default).
        #[arg(long)]
        text: bool,
        /// Print a JSON array of {id, ministry, score, field, part, snippet}.
        #[arg(long)]
        json: bool,
        /// Print at most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
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
    match run(Args::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("qreview: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<ExitCode> {
    let command = args.command.unwrap_or(Command::List {
        paths: args.paths,
        json: false,
    });
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
        Command::Search {
            query,
            paths,
            fuzzy,
            text: _,
            json,
            limit,
        } => {
            let corpus = load(&paths);
            report(&corpus);
            let mode = if fuzzy {
                cli::search::Mode::Fuzzy
            } else {
                cli::search::Mode::Text
            };
            let rows = cli::search::run(&corpus, &query, mode, limit);
            print(&if json {
                cli::search::render_json(&rows)
            } else {
                cli::search::render(&rows)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            files,
            output,
            force,
        } => {
            let corpus = load(&files);
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

/// Loads the corpus for a command, with a progress bar on stderr when it is a terminal.
fn load(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() || !std::io::stderr().is_terminal() {
        return cli::load_corpus(paths, &|_, _| {});
    }
    let bar = indicatif::ProgressBar::new(0).with_style(
        indicatif::ProgressStyle::with_template("loading {bar:30} {pos}/{len} files")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let corpus = cli::load_corpus(paths, &|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    corpus
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
