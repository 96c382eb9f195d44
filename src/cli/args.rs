//! The command line: every flag and subcommand of `qreview`, as clap derive
//! definitions. Nothing here runs anything; [`super::run`] dispatches.

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

use crate::corpus::Detection;
use crate::corpus::detect::DEFAULT_THRESHOLD;

/// Review parliamentary written questions and the ministers' answers.
#[derive(Parser, Debug)]
#[command(
    name = "qreview",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// A shell command; without one the terminal app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The corpus the app opens.
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Start in the Reader on this question, e.g. 5-8902.
    #[arg(long, value_name = "ID")]
    pub open: Option<String>,
    /// Where the notes live.
    #[command(flatten)]
    pub notes: NotesArgs,
}

/// The files a command reads its corpus from.
#[derive(ClapArgs, Debug, Clone)]
pub struct CorpusArgs {
    /// Files or folders (Senate pages, Chamber, UK Parliament and Assemblée nationale JSON, .json.zip dumps, qreview JSON corpora); none uses the built-in corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Detected families: the days after a question's tabling in which its
    /// copies to other ministers may be tabled (0: the same day).
    #[arg(long = "family-window", value_name = "DAYS", default_value_t = 0)]
    pub family_window: u32,
    /// Detected families: the least text similarity of two copies, from 0 to 1.
    #[arg(
        long = "family-threshold",
        value_name = "SIMILARITY",
        default_value_t = DEFAULT_THRESHOLD,
        value_parser = parse_threshold
    )]
    pub family_threshold: f64,
    /// Detect no families; keep only those the sources list.
    #[arg(long = "no-detect")]
    pub no_detect: bool,
}

impl Default for CorpusArgs {
    fn default() -> Self {
        Self {
            paths: Vec::new(),
            family_window: 0,
            family_threshold: DEFAULT_THRESHOLD,
            no_detect: false,
        }
    }
}

impl CorpusArgs {
    /// How families are to be detected; `None` with `--no-detect`.
    pub fn detection(&self) -> Option<Detection> {
        (!self.no_detect).then_some(Detection {
            window_days: self.family_window,
            threshold: self.family_threshold,
        })
    }
}

/// A similarity between 0 and 1.
fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("`{s}` is not a similarity between 0 and 1 (e.g. 0.55)")),
    }
}

/// The notes file a command reads and writes.
#[derive(ClapArgs, Debug, Clone, Default)]
pub struct NotesArgs {
    /// The notes file (default: $QREVIEW_NOTES, else the data directory).
    #[arg(long = "notes", value_name = "PATH")]
    pub path: Option<PathBuf>,
}

/// The shell commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Load a corpus and print its diagnostics and a summary (exit 1 on errors).
    Check {
        /// The corpus to check.
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// One line per question: id, ministry, sent, answered, days, reminders.
    List {
        /// The corpus to list.
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// One question in full.
    Show {
        /// The question's id, e.g. 5-8902.
        id: String,
        /// The corpus the question is in.
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Per family and sibling: ministry, sent, reminders, answered, days; median, fastest, slowest.
    Stats {
        /// The corpus to count.
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print a JSON array of families.
        #[arg(long)]
        json: bool,
        /// Instead, one row per ministry across all families.
        #[arg(long)]
        ministries: bool,
        /// Row order inside a family: days, ministry or id.
        #[arg(long, default_value = "id")]
        sort: crate::analysis::timeline::SortKey,
        /// Date open questions are counted up to (YYYY-MM-DD); default: today.
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
    /// Search question and answer texts (accents and case ignored), or metadata with --fuzzy.
    Search {
        /// Words (all must match) and "quoted phrases"; with --fuzzy, fuzzy words.
        query: String,
        /// The corpus to search.
        #[command(flatten)]
        corpus: CorpusArgs,
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
        /// What to do with the notes.
        #[command(subcommand)]
        action: NotesCommand,
    },
    /// Write the notes with the questions' figures as Markdown, CSV or JSON.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
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
        /// The notes to export.
        #[command(flatten)]
        notes: NotesArgs,
        /// The corpus the notes are about.
        #[command(flatten)]
        corpus: CorpusArgs,
    },
}

/// `qreview notes …`.
#[derive(Subcommand, Debug)]
pub enum NotesCommand {
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
        #[arg(long, value_enum, default_value_t = FieldArg::Answer)]
        field: FieldArg,
        /// The notes file to add to.
        #[command(flatten)]
        notes: NotesArgs,
        /// The corpus the question is in.
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// One line per note: id, question, ministry, part, tags, first line.
    List {
        /// Print a JSON array instead.
        #[arg(long)]
        json: bool,
        /// The notes file to list.
        #[command(flatten)]
        notes: NotesArgs,
        /// The corpus that gives each note its ministry.
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// Merge a colleague's notes file into ours (union by id, conflicts kept).
    Merge {
        /// The colleague's notes file.
        other: PathBuf,
        /// Our notes file.
        #[command(flatten)]
        notes: NotesArgs,
    },
}

/// The formats of `qreview export`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Per family: a table of ministries, then each question's notes.
    Markdown,
    /// One row per note (RFC 4180).
    Csv,
    /// The notes with their questions' metadata.
    Json,
}

impl From<ExportFormat> for crate::export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Markdown => Self::Markdown,
            ExportFormat::Csv => Self::Csv,
            ExportFormat::Json => Self::Json,
        }
    }
}

/// The text of a question a note's part is in.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldArg {
    /// The minister's answer.
    Answer,
    /// The question.
    Question,
}

impl From<FieldArg> for crate::notes::Field {
    fn from(f: FieldArg) -> Self {
        match f {
            FieldArg::Answer => Self::Answer,
            FieldArg::Question => Self::Question,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definitions_are_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn every_command_takes_its_corpus_the_same_way() {
        let a = Args::try_parse_from(["qreview", "list", "a", "b", "--json"]).unwrap();
        match a.command {
            Some(Command::List { corpus, json }) => {
                assert!(json);
                assert_eq!(corpus.paths, [PathBuf::from("a"), PathBuf::from("b")]);
            }
            other => panic!("{other:?}"),
        }
        let e = Args::try_parse_from(["qreview", "export", "--format", "pdf"]).unwrap_err();
        assert!(e.to_string().contains("markdown"), "{e}");
    }
}
