//! Runs one shell command: loads what it needs, calls the library, prints
//! through the sanitiser and picks the exit code (0 ok, 1 errors in the
//! input, 2 bad usage). `main.rs` only parses and hands over.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::args::{Command, CorpusArgs, FilterArgs, NotesArgs, NotesCommand};
use crate::analysis::deadline::DeadlineRules;
use crate::analysis::filter::QuestionFilter;
use crate::analysis::league;
use crate::corpus::{Corpus, QuestionId};
use crate::notes::{self, Store};
use crate::sanitize::sanitize;
use crate::{atomic_file, cli};

/// `eprintln!` through the sanitiser: error messages quote file names, ids
/// and values read from input files.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::run::say_line(&format!($($arg)*))
    };
}

/// Prints one message on stderr through the sanitiser.
pub fn say_line(message: &str) {
    eprintln!("{}", sanitize(message));
}

/// Runs `command`; an `Err` is a usage error the caller reports with exit 2.
pub fn command(command: Command) -> Result<ExitCode> {
    match command {
        Command::Check { corpus: args } => {
            let corpus = load(&args)?;
            print(&cli::check::render(&corpus))?;
            if corpus.questions.is_empty() && !args.paths.is_empty() {
                say!("qreview: {}", cli::check::nothing_found(&args.paths));
                return Ok(ExitCode::from(1));
            }
            Ok(exit_for(&corpus))
        }
        Command::List { corpus, json } => {
            let corpus = load_reported(&corpus)?;
            print(&if json {
                cli::list::render_json(&corpus)
            } else {
                cli::list::render(&corpus)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show {
            id,
            corpus,
            json,
            notes,
        } => {
            // The JSON is the data as read; the text shows the labels.
            let corpus = if json {
                let corpus = load(&corpus)?;
                report_errors(&corpus);
                corpus
            } else {
                load_reported(&corpus)?
            };
            let id = corpus.resolve(&id)?;
            let q = corpus.get(id).with_context(|| {
                format!("question {id} is not in this corpus; `qreview list` shows the ids")
            })?;
            print(&if json {
                cli::show::render_json_with_lens(q, corpus.family_of(id), &corrections(&notes))
            } else {
                cli::show::render(q, corpus.family_of(id))
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats {
            corpus,
            json,
            csv,
            ministries,
            sort,
            rank,
            desc,
            filter,
            today,
        } => {
            let corpus = load_reported(&corpus)?;
            let today = today.unwrap_or_else(|| jiff::ZonedDateTime::now().date());
            if ministries {
                let filter = question_filter(filter)?;
                let mut rows = league::league(&corpus, &DeadlineRules::default(), today, &filter);
                if let Some(column) = rank {
                    league::sort(&mut rows, column.into(), desc);
                }
                print(&if json {
                    cli::league::render_json(&rows)
                } else if csv {
                    cli::league::render_csv(&rows)
                } else {
                    cli::league::render(&rows, &league_note(&filter, today))
                })?;
                return Ok(ExitCode::SUCCESS);
            }
            let options = cli::stats::Options { today, sort };
            print(&if json {
                cli::stats::render_json(&corpus)
            } else {
                cli::stats::render(&corpus, options)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Matrix {
            corpus,
            notes,
            json,
            csv,
            filter,
        } => {
            let filter = question_filter(filter)?;
            let store = match open_notes(&notes) {
                Ok(s) => s,
                Err(e) => return fail(&e, 1),
            };
            let corpus = load_reported(&corpus)?;
            let m = crate::review::coding_matrix(&corpus, store.notes(), &filter);
            print(&if json {
                cli::matrix::render_json(&m)
            } else if csv {
                cli::matrix::render_csv(&m)
            } else {
                cli::matrix::render(&m)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            corpus,
            fuzzy,
            text: _,
            json,
            limit,
        } => {
            let corpus = load_reported(&corpus)?;
            let mode = if fuzzy {
                cli::search::Mode::Fuzzy
            } else {
                cli::search::Mode::Text
            };
            let found = cli::search::run(&corpus, &query, mode, limit);
            if json {
                print(&cli::search::render_json(&found.rows))?;
            } else if found.total > 0 {
                print(&cli::search::render(&found.rows))?;
            }
            if let Some(note) = found.note() {
                say!("{note}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            files,
            output,
            force,
        } => {
            // The corpus file keeps every label as read.
            let corpus = load(&CorpusArgs {
                paths: files,
                ..CorpusArgs::default()
            })?;
            report_errors(&corpus);
            let json = crate::corpus::json::write(&corpus.questions);
            let protected = notes::store::own_files(&notes::resolve_path(None));
            if let Err(e) = atomic_file::write_output(&output, json.as_bytes(), force, &protected) {
                return fail(&e, 2);
            }
            say!(
                "wrote {} questions to {}",
                corpus.questions.len(),
                output.display()
            );
            Ok(exit_for(&corpus))
        }
        Command::Platforms {
            corpus,
            json,
            csv,
            notes,
        } => {
            let corpus = load_reported(&corpus)?;
            let table = crate::lens::Table::build(
                &corpus,
                &[],
                &corrections(&notes),
                crate::lens::Catalog::builtin(),
            );
            print(&if json {
                cli::platforms::render_json(&table)
            } else if csv {
                crate::export::platforms::csv(&table)
            } else {
                cli::platforms::render(&table)
            })?;
            Ok(exit_for(&corpus))
        }
        Command::Notes { action } => notes_command(action),
        Command::Fetch { source } => cli::fetch::run(source),
        Command::Completions { shell } => {
            write_out(&cli::docs::completions(shell))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config {
            default,
            check,
            path,
        } => cli::config::run(default, check, path),
        Command::Man => {
            let page = cli::docs::man_page().context("could not render the manual page")?;
            write_out(&page)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            output,
            force,
            analyst,
            family,
            question,
            tag,
            notes,
            corpus,
        } => {
            let store = match open_notes(&notes) {
                Ok(s) => s,
                Err(e) => return fail(&e, 1),
            };
            let corpus = load_reported(&corpus)?;
            let resolve = |s: Option<String>| -> Result<Option<QuestionId>> {
                Ok(s.map(|s| corpus.resolve(&s)).transpose()?)
            };
            let filter = crate::export::Filter {
                family: resolve(family)?,
                question: resolve(question)?,
                tag,
                today: None,
                notes: None,
                analyst: analyst.or_else(default_analyst),
            };
            match cli::export::run(
                format.into(),
                &corpus,
                store.notes(),
                &filter,
                output.as_deref(),
                force,
                &notes::store::own_files(store.path()),
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
    let result = match action {
        NotesCommand::Add {
            id,
            text,
            tags,
            part,
            field,
            notes,
            corpus,
        } => {
            let corpus = load_reported(&corpus)?;
            let request = cli::notes::AddRequest {
                id: corpus.resolve(&id)?,
                text,
                tags,
                part,
                field: field.into(),
            };
            open_notes(&notes)
                .map_err(Into::into)
                .and_then(|mut store| cli::notes::add(&mut store, &corpus, &request))
        }
        NotesCommand::List {
            json,
            notes,
            corpus,
        } => {
            let corpus = load_reported(&corpus)?;
            open_notes(&notes)
                .map_err(Into::into)
                .map(|store| cli::notes::list(&store, &corpus, json))
        }
        NotesCommand::Merge { other, notes } => open_notes(&notes)
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

/// The filter of `stats --ministries` and `matrix` from their flags.
fn question_filter(args: FilterArgs) -> Result<QuestionFilter> {
    Ok(QuestionFilter {
        family: args.family.map(|f| f.parse()).transpose()?,
        legislature: args.legislature,
        source: args.source,
        from: args.from,
        to: args.to,
    })
}

/// The line above the league table: what was counted and by which rule.
fn league_note(filter: &QuestionFilter, today: jiff::civil::Date) -> String {
    let scope = if filter.is_empty() {
        "all questions".to_string()
    } else {
        filter.describe()
    };
    format!(
        "Ministries over {scope}; deadlines stated, else 20 working days (Senate art. 70-2); open counted to {today}"
    )
}

/// Opens the notes file a command was pointed at, with its lock wait.
fn open_notes(notes: &NotesArgs) -> Result<Store, notes::StoreError> {
    let mut store = Store::open(crate::config::active().notes_path(notes.path.clone()))?;
    store.set_lock_timeout(notes::store::resolve_lock_timeout(notes.lock_timeout));
    Ok(store)
}

/// The lens corrections in the notes file a command was pointed at; an
/// unreadable file is reported and no correction applies.
fn corrections(notes: &NotesArgs) -> Vec<notes::FactCorrection> {
    match open_notes(notes) {
        Ok(store) => store.notes().facts.clone(),
        Err(e) => {
            say!("qreview: {e}; facts are shown without corrections");
            Vec::new()
        }
    }
}

/// Exit 1 when loading reported an error, else 0.
fn exit_for(corpus: &Corpus) -> ExitCode {
    if corpus.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reports a library error and ends with `code`.
fn fail(e: &dyn std::error::Error, code: u8) -> Result<ExitCode> {
    say!("qreview: {e}");
    Ok(ExitCode::from(code))
}

/// Loads the corpus and reports a one-line summary of its errors on stderr.
/// Its labels are in `--lang`, else French.
fn load_reported(args: &CorpusArgs) -> Result<Corpus> {
    let mut corpus = load(args)?;
    report_errors(&corpus);
    let lang = args.lang.map_or(crate::corpus::Lang::Fr, Into::into);
    crate::corpus::display::show_labels_in(&mut corpus, lang);
    Ok(corpus)
}

/// A one-line summary of the corpus's errors on stderr, if it has any.
fn report_errors(corpus: &Corpus) {
    if corpus.error_count() > 0 {
        say!(
            "qreview: {}, {} while loading; `qreview check` lists them",
            cli::plural(corpus.error_count(), "error", "errors"),
            cli::plural(corpus.warning_count(), "warning", "warnings")
        );
    }
}

/// Loads the corpus for a command, with its families detected as the flags say.
fn load(args: &CorpusArgs) -> Result<Corpus> {
    let mut corpus = load_files(args)?;
    let detection = args.detection();
    if detection != Some(crate::corpus::Detection::default()) {
        corpus.regroup(detection.as_ref(), &[]);
    }
    Ok(corpus)
}

/// Reads the files (those named, else the config's `corpus`), with a
/// progress bar on stderr when it is a terminal; a path that does not exist
/// is a usage error (exit 2).
fn load_files(args: &CorpusArgs) -> Result<Corpus> {
    let paths: &[PathBuf] = &crate::config::active().corpus_paths(args.paths.clone());
    cli::require_existing(paths)?;
    if paths.is_empty() || !std::io::stderr().is_terminal() {
        return Ok(cli::load_corpus(paths, &|_, _| {}));
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
    Ok(corpus)
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

/// Writes to stdout; a closed pipe (`| head`) is not an error. Every line
/// passes the sanitiser: the renderers already clean what they print, this is
/// the one gate at the edge for anything that slipped through.
pub fn print(s: &str) -> Result<()> {
    let clean: String = s.split_inclusive('\n').map(sanitize_line).collect();
    let mut out = std::io::stdout().lock();
    match out.write_all(clean.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}

/// Writes generated bytes (a completion script, the man page) unchanged:
/// they come from the flag definitions, not from input files, and the
/// sanitiser would replace the tabs and escapes the shells need.
fn write_out(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}

/// The analyst a REFI-QDA export names when `--analyst` is not given: the
/// login name from the environment, if any.
fn default_analyst() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok())
        .filter(|s| !s.trim().is_empty())
}
