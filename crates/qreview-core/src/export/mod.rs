//! Exports of the review for people who do not run qreview: Markdown
//! ([`markdown`]), CSV ([`csv`]), JSON ([`json`]), a REFI-QDA project for
//! qualitative-analysis software ([`qdpx`]) and a self-contained HTML
//! report ([`html`]).
//!
//! [`select`] decides what goes in (families, questions, notes after the
//! `--family`, `--question` and `--tag` filters); each writer only formats
//! that selection. Writers return strings (the `.qdpx` zip: bytes); [`write_file`] puts one on disk
//! atomically and never over an existing file without `force`.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod platforms;
pub mod qdpx;
pub mod select;

use std::path::Path;

pub use select::{Filter, Selection, select};

use crate::atomic_file::{self, WriteError};
use crate::corpus::{Corpus, QuestionId};
use crate::notes::NotesFile;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Per family: a table of ministries, then each question's notes.
    Markdown,
    /// One row per note (RFC 4180).
    Csv,
    /// The notes with their questions' metadata.
    Json,
    /// A REFI-QDA project (a zip) for NVivo, ATLAS.ti, MAXQDA, QualCoder.
    Qdpx,
    /// One self-contained HTML page with charts, tables and the notes.
    Html,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Csv,
        Format::Json,
        Format::Qdpx,
        Format::Html,
    ];

    /// The name on the command line (`markdown`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Qdpx => "qdpx",
            Format::Html => "html",
        }
    }

    /// True for a format whose output is not text (never printed to stdout).
    pub fn is_binary(self) -> bool {
        self == Format::Qdpx
    }

    /// The usual file extension (`md`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Qdpx => "qdpx",
            Format::Html => "html",
        }
    }

    /// A default file name in the current folder (`qreview-notes.md`).
    pub fn default_file_name(self) -> String {
        format!("qreview-notes.{}", self.extension())
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "markdown" | "md" => Ok(Format::Markdown),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "qdpx" | "refi-qda" => Ok(Format::Qdpx),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(format!(
                "`{s}` is not an export format (markdown, csv, json, qdpx, html)"
            )),
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A `--family` or `--question` id that the corpus does not hold.
    #[error("question {0} is not in this corpus; `qreview list` shows the ids")]
    UnknownQuestion(QuestionId),
    /// A binary format (the `.qdpx` zip) asked for as text.
    #[error("the {0} export is a zip file, not text; give an output file with -o FILE")]
    Binary(&'static str),
    /// The REFI-QDA zip could not be assembled.
    #[error("could not assemble the REFI-QDA package: {0}")]
    Package(String),
    /// The output file could not be written (or exists, without `force`).
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The export of `notes` over `corpus` in a text `format`; a binary
/// format ([`Format::is_binary`]) is refused with [`ExportError::Binary`].
pub fn render(
    format: Format,
    corpus: &Corpus,
    notes: &NotesFile,
    filter: &Filter,
) -> Result<String, ExportError> {
    let selection = select(corpus, notes, filter)?;
    let table = lens_table(corpus, notes, &selection);
    Ok(match format {
        Format::Markdown => markdown::render(&selection) + &platforms::markdown(&table),
        Format::Csv => csv::render_with(&selection, &table),
        Format::Json => json::render_with(&selection, &table),
        Format::Html => html::render(&selection, corpus, today(filter), &table),
        Format::Qdpx => return Err(ExportError::Binary(format.name())),
    })
}

/// The export in any `format`, as the bytes of the file.
pub fn render_bytes(
    format: Format,
    corpus: &Corpus,
    notes: &NotesFile,
    filter: &Filter,
) -> Result<Vec<u8>, ExportError> {
    if format == Format::Qdpx {
        let selection = select(corpus, notes, filter)?;
        let table = lens_table(corpus, notes, &selection);
        let analyst = filter.analyst.as_deref().unwrap_or(qdpx::DEFAULT_ANALYST);
        return qdpx::render(&selection, analyst, &table);
    }
    render(format, corpus, notes, filter).map(String::into_bytes)
}

/// The date figures are counted up to: the filter's, else the clock's.
fn today(filter: &Filter) -> jiff::civil::Date {
    filter
        .today
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
}

/// Corpus or note text made safe for a file others open: each line through
/// [`crate::sanitize::sanitize`], line breaks kept (CR dropped).
pub(crate) fn clean(s: &str) -> String {
    s.split('\n')
        .map(|l| crate::sanitize::sanitize(l.trim_end_matches('\r')).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The social-media table of the selection's questions, corrections applied.
pub fn lens_table(
    corpus: &Corpus,
    notes: &NotesFile,
    selection: &Selection<'_>,
) -> crate::lens::Table {
    let ids: Vec<QuestionId> = selection
        .groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|r| r.id))
        .collect();
    if ids.is_empty() {
        return crate::lens::Table::default();
    }
    crate::lens::Table::build(corpus, &ids, &notes.facts, crate::lens::Catalog::builtin())
}

/// Writes an export to `path` atomically; an existing file is kept unless
/// `force`, and only a regular file that is none of `protected` (the notes
/// file's own files) is ever replaced ([`atomic_file::check_output`]).
pub fn write_file(
    path: &Path,
    text: &[u8],
    force: bool,
    protected: &[std::path::PathBuf],
) -> Result<(), ExportError> {
    atomic_file::write_output(path, text, force, protected)?;
    Ok(())
}

/// Renders and writes in one step (the TUI's export dialog).
pub fn export_to(
    path: &Path,
    format: Format,
    corpus: &Corpus,
    notes: &NotesFile,
    filter: &Filter,
    force: bool,
    protected: &[std::path::PathBuf],
) -> Result<(), ExportError> {
    let bytes = render_bytes(format, corpus, notes, filter)?;
    write_file(path, &bytes, force, protected)
}
