//! `qreview export`: renders the notes over the corpus in a format and puts
//! the result on stdout or, atomically and never over an existing file
//! without `--force`, into a file; never over a device, FIFO, folder or
//! the notes file's own files, even with it.

use std::path::{Path, PathBuf};

use crate::corpus::Corpus;
use crate::export::{self, ExportError, Filter, Format};
use crate::notes::NotesFile;

/// Where the export went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// The text, for stdout.
    Stdout(String),
    /// A message saying which file was written.
    File(String),
}

/// Renders `notes` and writes them to `output` (or returns the text).
pub fn run(
    format: Format,
    corpus: &Corpus,
    notes: &NotesFile,
    filter: &Filter,
    output: Option<&Path>,
    force: bool,
    protected: &[PathBuf],
) -> Result<Written, ExportError> {
    match output {
        None => Ok(Written::Stdout(export::render(
            format, corpus, notes, filter,
        )?)),
        Some(path) => {
            let bytes = export::render_bytes(format, corpus, notes, filter)?;
            export::write_file(path, &bytes, force, protected)?;
            Ok(Written::File(format!(
                "wrote {} export of {} note(s) to {}",
                format.name(),
                export::select(corpus, notes, filter)?.notes().count(),
                path.display()
            )))
        }
    }
}
