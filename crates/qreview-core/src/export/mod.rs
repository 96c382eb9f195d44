//! Exports of the review for people who do not run qreview: Markdown
//! ([`markdown`]), CSV ([`csv`]) and JSON ([`json`]).
//!
//! [`select`] decides what goes in (families, questions, notes after the
//! `--family`, `--question` and `--tag` filters); each writer only formats
//! that selection. Writers return strings; [`write_file`] puts one on disk
//! atomically and never over an existing file without `force`.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod platforms;
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
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Csv, Format::Json];

    /// The name on the command line (`markdown`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The usual file extension (`md`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
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
            _ => Err(format!(
                "`{s}` is not an export format (markdown, csv, json)"
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
    /// The output file could not be written (or exists, without `force`).
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The export of `notes` over `corpus` in `format`, as text.
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
    })
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
    text: &str,
    force: bool,
    protected: &[std::path::PathBuf],
) -> Result<(), ExportError> {
    atomic_file::write_output(path, text.as_bytes(), force, protected)?;
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
    let text = render(format, corpus, notes, filter)?;
    write_file(path, &text, force, protected)
}
