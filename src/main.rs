//! The `qreview` binary: parses the command line and calls the library.
//! Errors end here as `anyhow` messages; exit codes: 0 ok, 1 errors in the
//! input, 2 bad usage (unknown id, refused overwrite).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use qreview::corpus::{Corpus, QuestionId};
use qreview::notes::{self, Store};
use qreview::sanitize::sanitize;
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
    /// The notes file (default: $QREVIEW_NOTES, else the data directory).
    #[arg(long, value_name = "PATH")]
    notes: Option<PathBuf>,
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
        /// Instead, one row per ministry across all families.
        #[arg(long)]
        ministries: bool,
        /// Row order inside a family: days, ministry or id.
        #[arg(long, default_value = "id")]
        sort: qreview::analysis::timeline::SortKey,
        /// Date open questions are counted up to (YYYY-MM-DD); default: today.
        #[arg(long)]
        today: Option<jiff::civil::Date>,
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
    /// Reviewer notes: add one, list them, merge a colleague's file.
    Notes {
        #[command(subcommand)]
        action: NotesCommand,
    },
    /// Write the notes with the questions' figures as Markdown, CSV or JSON.
    Export {
        /// markdown, csv or json.
        #[arg(long, value_parser = ["markdown", "csv", "json"])]
        format: String,
        /// The file to write; without it the export goes to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Only the family of this question.
        #[arg(long, value_name = "ID")]
        family: Option<String>,
        /// Only this question.
        #[arg(long, value_name = "ID")]
        question: Option<String>,
        /// Only notes with this tag (on the note or its question).
        #[arg(long)]
        tag: Option<String>,
        /// The notes file (default: $QREVIEW_NOTES, else the data directory).
        #[arg(long, value_name = "PATH")]
        notes: Option<PathBuf>,
        /// Files or folders; none uses the built-in corpus.
        paths: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum NotesCommand {
    /// Add a note to a question and save; prints the new note's id.
    Add {
        /// The question's id, e.g. 5-8902.
        id: String,
        /// The note's text.
        text: String,
        /// A tag (repeatable).
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
        /// Anchor to this part (`2` or `2.`), quoting its text or first sentence.
        #[arg(long, value_name = "P")]
        part: Option<String>,
        /// The text the part is in.
        #[arg(long, value_parser = ["answer", "question"], default_value = "answer")]
        field: String,
        /// The notes file (default: $QREVIEW_NOTES, else the data directory).
        #[arg(long, value_name = "PATH")]
        notes: Option<PathBuf>,
        /// Files or folders; none uses the built-in corpus.
        paths: Vec<PathBuf>,
    },
    /// One line per note: id, question, ministry, part, tags, first line.
    List {
        /// Print a JSON array instead.
        #[arg(long)]
        json: bool,
        /// The notes file (default: $QREVIEW_NOTES, else the data directory).
        #[arg(long, value_name = "PATH")]
        notes: Option<PathBuf>,
        /// Files or folders; none uses the built-in corpus.
        paths: Vec<PathBuf>,
    },
    /// Merge a colleague's notes file into ours (union by id, conflicts kept).
    Merge {
        /// The colleague's notes file.
        other: PathBuf,
        /// The notes file (default: $QREVIEW_NOTES, else the data directory).
        #[arg(long, value_name = "PATH")]
        notes: Option<PathBuf>,
    },
}

/// `eprintln!` through the sanitiser: error messages quote file names, ids
/// and values read from input files.
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", sanitize(&format!($($arg)*)))
    };
}

/// Sanitises one line, keeping its line ending (LF, or CRLF as CSV uses).
fn sanitize_line(line: &str) -> std::borrow::Cow<'_, str> {
    let ending = if line.ends_with("\r\n") {
        "\r\n"
    } else if line.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    let body = &line[..line.len() - ending.len()];
    match sanitize(body) {
        std::borrow::Cow::Borrowed(_) => std::borrow::Cow::Borrowed(line),
        std::borrow::Cow::Owned(b) => std::borrow::Cow::Owned(b + ending),
    }
}

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
        None => interactive(args.paths, args.open.as_deref(), args.notes, started),
        Some(command) => run(command),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            say!("qreview: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `qreview [--open ID] [PATHS...]`: the interactive application.
fn interactive(
    paths: Vec<PathBuf>,
    open: Option<&str>,
    notes: Option<PathBuf>,
    started: std::time::Instant,
) -> Result<ExitCode> {
    let open: Option<QuestionId> = open.map(str::parse).transpose()?;
    let outcome = qreview::tui::run(qreview::tui::Options {
        paths,
        open,
        started,
        notes: notes::resolve_path(notes),
    })
    .context("the terminal failed; it has been restored")?;
    Ok(match outcome {
        qreview::tui::Outcome::Quit => ExitCode::SUCCESS,
        qreview::tui::Outcome::Fail(message) => {
            say!("qreview: {message}");
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
                cli::show::render(q)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats {
            paths,
            json,
            ministries,
            sort,
            today,
        } => {
            let corpus = load(&paths);
            report(&corpus);
            let today = today.unwrap_or_else(|| jiff::ZonedDateTime::now().date());
            let options = cli::stats::Options { today, sort };
            print(&match (ministries, json) {
                (true, true) => cli::stats::render_ministries_json(&corpus),
                (true, false) => cli::stats::render_ministries(&corpus),
                (false, true) => cli::stats::render_json(&corpus),
                (false, false) => cli::stats::render(&corpus, options),
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
            say!(
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
        Command::Notes { action } => notes_command(action),
        Command::Export {
            format,
            output,
            force,
            family,
            question,
            tag,
            notes,
            paths,
        } => {
            let parse = |s: Option<String>| s.map(|s| s.parse::<QuestionId>()).transpose();
            let filter = qreview::export::Filter {
                family: parse(family)?,
                question: parse(question)?,
                tag,
            };
            let format: qreview::export::Format = format.parse().map_err(anyhow::Error::msg)?;
            let store = match Store::open(notes::resolve_path(notes)) {
                Ok(s) => s,
                Err(e) => return fail(&e, 1),
            };
            let corpus = load(&paths);
            report(&corpus);
            match cli::export::run(
                format,
                &corpus,
                store.notes(),
                &filter,
                output.as_deref(),
                force,
            )? {
                cli::export::Written::Stdout(text) => print(&text)?,
                cli::export::Written::File(message) => say!("{message}"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Runs `qreview notes …`.
fn notes_command(action: NotesCommand) -> Result<ExitCode> {
    let open = |path: Option<PathBuf>| Store::open(notes::resolve_path(path));
    let result = match action {
        NotesCommand::Add {
            id,
            text,
            tags,
            part,
            field,
            notes,
            paths,
        } => {
            let request = cli::notes::AddRequest {
                id: id.parse()?,
                text,
                tags,
                part,
                field: if field == "question" {
                    notes::Field::Question
                } else {
                    notes::Field::Answer
                },
            };
            let corpus = load(&paths);
            report(&corpus);
            open(notes)
                .map_err(Into::into)
                .and_then(|mut store| cli::notes::add(&mut store, &corpus, &request))
        }
        NotesCommand::List { json, notes, paths } => {
            let corpus = load(&paths);
            report(&corpus);
            open(notes)
                .map_err(Into::into)
                .map(|store| cli::notes::list(&store, &corpus, json))
        }
        NotesCommand::Merge { other, notes } => open(notes)
            .map_err(Into::into)
            .and_then(|mut store| cli::notes::merge(&mut store, &other)),
    };
    match result {
        Ok(out) => {
            for line in &out.stderr {
                say!("{line}");
            }
            print(&out.stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let code = e.exit_code();
            fail(&e, code)
        }
    }
}

/// Reports a library error and ends with `code`.
fn fail(e: &dyn std::error::Error, code: u8) -> Result<ExitCode> {
    say!("qreview: {e}");
    Ok(ExitCode::from(code))
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
        say!(
            "qreview: {} error(s), {} warning(s) while loading; `qreview check` lists them",
            corpus.error_count(),
            corpus.warning_count()
        );
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error. Every line
/// passes the sanitiser: the renderers already clean what they print, this is
/// the one gate at the edge for anything that slipped through.
fn print(s: &str) -> Result<()> {
    let clean: String = s.split_inclusive('\n').map(sanitize_line).collect();
    let mut out = std::io::stdout().lock();
    match out.write_all(clean.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}
