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
    /// The configuration file (default: $QREVIEW_CONFIG, else config.toml in
    /// the configuration directory).
    #[arg(long = "config", value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,
}

/// The files a command reads its corpus from.
#[derive(ClapArgs, Debug, Clone)]
pub struct CorpusArgs {
    /// Files or folders (Senate pages, Chamber, UK Parliament and Assemblée nationale JSON, .json.zip dumps, qreview JSON corpora); none uses the built-in corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Language of titles, ministries and descriptors (commands: default fr;
    /// the app: the one last chosen with D).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
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
            lang: None,
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
        _ => Err(format!(
            "`{s}` is not a similarity between 0 and 1 (e.g. 0.55)"
        )),
    }
}

/// The notes file a command reads and writes.
#[derive(ClapArgs, Debug, Clone, Default)]
pub struct NotesArgs {
    /// The notes file (default: $QREVIEW_NOTES, else the data directory).
    #[arg(long = "notes", value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Seconds to wait for another qreview's lock on the notes file
    /// (default: $QREVIEW_LOCK_TIMEOUT, else 10).
    #[arg(long = "lock-timeout", value_name = "SECONDS", value_parser = parse_seconds)]
    pub lock_timeout: Option<f64>,
}

/// A number of seconds: finite and not negative.
fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(format!("`{s}` is not a number of seconds (e.g. 10 or 0.5)")),
    }
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
        /// The notes whose corrections the `platforms` field uses.
        #[command(flatten)]
        notes: NotesArgs,
    },
    /// The social-media table: per question, each platform used or not, with account and figures.
    Platforms {
        /// The corpus to read.
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print a JSON array of {question, ministry, platforms, signals}.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV: one row per question and platform mentioned.
        #[arg(long)]
        csv: bool,
        /// The notes whose corrections apply.
        #[command(flatten)]
        notes: NotesArgs,
    },
    /// Per family and sibling: ministry, sent, reminders, answered, days; median, fastest, slowest.
    Stats {
        /// The corpus to count.
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print JSON (families, or with --ministries the league table).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// With --ministries: print the league table as CSV.
        #[arg(long, requires = "ministries")]
        csv: bool,
        /// Instead, the ministry league table across the corpus (timeliness per ministry).
        #[arg(long)]
        ministries: bool,
        /// Row order inside a family: days, ministry or id.
        #[arg(long, default_value = "id")]
        sort: crate::analysis::timeline::SortKey,
        /// With --ministries: the column to rank by.
        #[arg(long, value_enum, value_name = "COLUMN", requires = "ministries")]
        rank: Option<RankColumn>,
        /// With --rank: highest first.
        #[arg(long, requires = "rank")]
        desc: bool,
        /// Which questions the league table counts.
        #[command(flatten)]
        filter: FilterArgs,
        /// Date open questions are counted up to (YYYY-MM-DD); default: today.
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
    /// The coding matrix: ministries × tags, counting notes and questions per cell.
    Matrix {
        /// The corpus the notes are about.
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The notes whose tags are counted.
        #[command(flatten)]
        notes: NotesArgs,
        /// Print JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV (one row per ministry and tag).
        #[arg(long)]
        csv: bool,
        /// Which questions are counted.
        #[command(flatten)]
        filter: FilterArgs,
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
    /// Write the notes with the questions' figures as Markdown, CSV, JSON, a
    /// REFI-QDA project (.qdpx, for NVivo, ATLAS.ti, MAXQDA, QualCoder) or a
    /// self-contained HTML report.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write; without it the export goes to standard output
        /// (not for qdpx, which is a zip).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
        /// The analyst the REFI-QDA project names as its user (default: $USER).
        #[arg(long, value_name = "NAME")]
        analyst: Option<String>,
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
    /// Download written questions from a parliament's public site into a folder.
    Fetch {
        /// The source to download from.
        #[command(subcommand)]
        source: FetchCommand,
    },
    /// Print a completion script for a shell (see the README for where it goes).
    Completions {
        /// The shell to write the script for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The configuration file: print a commented default, check one, or say where it is.
    Config {
        /// Print a commented default config.toml.
        #[arg(long, conflicts_with_all = ["check", "path"])]
        default: bool,
        /// Check the configuration file (--config, $QREVIEW_CONFIG or the default place).
        #[arg(long, conflicts_with = "path")]
        check: bool,
        /// Print the path of the configuration file that would be read.
        #[arg(long)]
        path: bool,
    },
    /// Print the manual page (roff) on standard output, e.g. `qreview man > qreview.1`.
    Man,
}

/// `qreview fetch …`.
#[derive(Subcommand, Debug)]
pub enum FetchCommand {
    /// UK Parliament written questions: one JSON record per question (`ID.json`).
    Uk(FetchUkArgs),
    /// Belgian Senate written-question pages: the HTML as served (`5-8902.fr.html`).
    Senate(FetchSenateArgs),
}

/// `qreview fetch uk`.
#[derive(ClapArgs, Debug, Clone)]
pub struct FetchUkArgs {
    /// Only questions containing these words.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Tabled on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub tabled_from: Option<jiff::civil::Date>,
    /// Tabled on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub tabled_to: Option<jiff::civil::Date>,
    /// Answered questions, unanswered ones, or both.
    #[arg(long, value_enum, default_value_t = AnsweredArg::Any)]
    pub answered: AnsweredArg,
    /// Only one House (default: both).
    #[arg(long, value_enum)]
    pub house: Option<HouseArg>,
    /// Only questions to this answering body id (repeatable).
    #[arg(long = "answering-body", value_name = "ID")]
    pub answering_bodies: Vec<u32>,
    /// Questions per list page.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page_size: u32,
    /// Output folder, rate, retries.
    #[command(flatten)]
    pub common: FetchArgs,
}

/// `qreview fetch senate`.
#[derive(ClapArgs, Debug, Clone)]
pub struct FetchSenateArgs {
    /// References: 5-8902, a range 5-8900..5-8918, or a comma list.
    #[arg(required = true, value_name = "REFS")]
    pub refs: Vec<String>,
    /// Page languages, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "fr")]
    pub lang: Vec<LangArg>,
    /// Output folder, rate, retries.
    #[command(flatten)]
    pub common: FetchArgs,
}

/// What every `qreview fetch` source takes.
#[derive(ClapArgs, Debug, Clone)]
pub struct FetchArgs {
    /// The folder to write into (created if needed).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// The endpoint to use instead of the public one (a mirror or a test server).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// At most this many requests per second.
    #[arg(long, default_value_t = 2.0, value_parser = positive_rate)]
    pub rate: f64,
    /// Time allowed for one request (e.g. 30, 30s, 500ms).
    #[arg(long, default_value = "30s", value_parser = duration)]
    pub timeout: std::time::Duration,
    /// Tries after the first one for a failed request.
    #[arg(long, default_value_t = 4)]
    pub retries: u32,
    /// The wait before the first retry, doubling at each further one.
    #[arg(long, default_value = "1s", value_parser = duration)]
    pub backoff: std::time::Duration,
    /// The longest pause accepted from the backoff or a server's Retry-After.
    #[arg(long, default_value = "5m", value_parser = duration)]
    pub max_wait: std::time::Duration,
    /// Fetch again the questions already in the folder.
    #[arg(long)]
    pub refresh: bool,
}

/// `--answered`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnsweredArg {
    /// Answered or not.
    Any,
    /// Only answered questions.
    Answered,
    /// Only unanswered questions.
    Unanswered,
}

/// `--house`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum HouseArg {
    /// The House of Commons.
    Commons,
    /// The House of Lords.
    Lords,
}

/// `--lang`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangArg {
    /// French.
    Fr,
    /// Dutch.
    Nl,
}

impl From<LangArg> for crate::corpus::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Fr => Self::Fr,
            LangArg::Nl => Self::Nl,
        }
    }
}

/// A rate above zero.
fn positive_rate(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 => Ok(r),
        _ => Err(format!(
            "`{s}` is not a number of requests per second above 0"
        )),
    }
}

/// Seconds (`30`, `0.5`) or a duration with units (`500ms`, `2m`, `1h 30m`).
fn duration(s: &str) -> Result<std::time::Duration, String> {
    if let Ok(secs) = s.trim().parse::<f64>() {
        return std::time::Duration::try_from_secs_f64(secs).map_err(|e| format!("`{s}`: {e}"));
    }
    let d: jiff::SignedDuration = s
        .parse()
        .map_err(|_| format!("`{s}` is not a duration such as 30, 30s or 500ms"))?;
    std::time::Duration::try_from(d).map_err(|_| format!("`{s}` is negative"))
}

/// Which questions a corpus-wide table counts (`stats --ministries`, `matrix`).
#[derive(ClapArgs, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Only the family of this question, e.g. 5-8902.
    #[arg(long, value_name = "ID")]
    pub family: Option<String>,
    /// Only this legislature, e.g. 5.
    #[arg(long, value_name = "N")]
    pub legislature: Option<u16>,
    /// Only this source, e.g. be-senate.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Only questions sent on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<jiff::civil::Date>,
    /// Only questions sent on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<jiff::civil::Date>,
}

/// The columns of the league table, by their command-line names.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankColumn {
    /// Ministry label.
    Ministry,
    /// Questions received.
    Received,
    /// Questions answered.
    Answered,
    /// Answered on time, %.
    OnTime,
    /// Median days to answer.
    MedianDays,
    /// 90th percentile of days to answer.
    P90Days,
    /// Median working days late.
    Late,
    /// Reminders per question.
    Reminders,
    /// Unanswered now.
    Unanswered,
    /// Overdue now.
    Overdue,
}

impl From<RankColumn> for crate::analysis::league::LeagueColumn {
    fn from(c: RankColumn) -> Self {
        use crate::analysis::league::LeagueColumn as L;
        match c {
            RankColumn::Ministry => L::Ministry,
            RankColumn::Received => L::Received,
            RankColumn::Answered => L::Answered,
            RankColumn::OnTime => L::OnTimePct,
            RankColumn::MedianDays => L::MedianDays,
            RankColumn::P90Days => L::P90Days,
            RankColumn::Late => L::MedianLate,
            RankColumn::Reminders => L::RemindersPerQuestion,
            RankColumn::Unanswered => L::Unanswered,
            RankColumn::Overdue => L::Overdue,
        }
    }
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
    /// A REFI-QDA project (zip) for qualitative-analysis software.
    Qdpx,
    /// One self-contained HTML report with charts, tables and the notes.
    Html,
}

impl From<ExportFormat> for crate::export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Markdown => Self::Markdown,
            ExportFormat::Csv => Self::Csv,
            ExportFormat::Json => Self::Json,
            ExportFormat::Qdpx => Self::Qdpx,
            ExportFormat::Html => Self::Html,
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

    #[test]
    fn fetch_flags_parse_into_their_types() {
        let a = Args::try_parse_from([
            "qreview",
            "fetch",
            "uk",
            "--search",
            "social media",
            "--tabled-from",
            "2024-01-01",
            "--answered",
            "answered",
            "--house",
            "lords",
            "--answering-body",
            "17",
            "--answering-body",
            "29",
            "-o",
            "out",
            "--timeout",
            "500ms",
            "--backoff",
            "0.01",
        ])
        .unwrap();
        let Some(Command::Fetch {
            source: FetchCommand::Uk(uk),
        }) = a.command
        else {
            panic!("{:?}", a.command);
        };
        assert_eq!(uk.answering_bodies, [17, 29]);
        assert_eq!(uk.tabled_from, Some(jiff::civil::date(2024, 1, 1)));
        assert_eq!(uk.house, Some(HouseArg::Lords));
        assert_eq!(uk.common.timeout, std::time::Duration::from_millis(500));
        assert_eq!(uk.common.backoff, std::time::Duration::from_millis(10));
        assert_eq!(uk.common.max_wait, std::time::Duration::from_secs(300));
        assert!((uk.common.rate - 2.0).abs() < f64::EPSILON);

        let a = Args::try_parse_from([
            "qreview",
            "fetch",
            "senate",
            "5-8900..5-8902",
            "--lang",
            "fr,nl",
            "-o",
            "d",
        ])
        .unwrap();
        let Some(Command::Fetch {
            source: FetchCommand::Senate(s),
        }) = a.command
        else {
            panic!("{:?}", a.command);
        };
        assert_eq!(s.lang, [LangArg::Fr, LangArg::Nl]);
        assert_eq!(s.refs, ["5-8900..5-8902"]);

        for bad in [["--rate", "0"], ["--timeout", "soon"]] {
            let mut argv = vec!["qreview", "fetch", "senate", "5-1", "-o", "d"];
            argv.extend(bad);
            assert!(Args::try_parse_from(argv).is_err(), "{bad:?}");
        }
        assert!(
            Args::try_parse_from(["qreview", "fetch", "uk"]).is_err(),
            "-o is required"
        );
    }
}
