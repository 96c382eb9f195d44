//! `qreview notes add|list|merge`: the notes from the shell, through the same
//! library calls as the TUI ([`crate::notes`]).
//!
//! Each command returns an [`Output`] (what goes to stdout and to stderr) or
//! a [`NotesCliError`] that knows its exit code; `main.rs` only prints.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{fit, to_json};
use crate::corpus::{Corpus, QuestionId};
use crate::notes::anchor::{self, AnchorError, Located};
use crate::notes::file::{self, ParseError};
use crate::notes::{EditError, Field, Note, SaveOutcome, Store, StoreError};
use crate::sanitize::sanitize;

/// What a command prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// For standard output.
    pub stdout: String,
    /// Lines for standard error (merge reports, warnings).
    pub stderr: Vec<String>,
}

/// Why a notes command failed.
#[derive(Debug, thiserror::Error)]
pub enum NotesCliError {
    /// The notes file could not be read or saved.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The question is not in the corpus.
    #[error("question {0} is not in this corpus; `qreview list` shows the ids")]
    UnknownQuestion(QuestionId),
    /// `--part` names no part.
    #[error(transparent)]
    Anchor(#[from] AnchorError),
    /// A tag or id was refused.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The colleague's file could not be read.
    #[error("cannot read {path}: {source}")]
    ReadOther {
        /// The file given to `notes merge`.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The change could not be saved; the process ends, so it is lost
    /// unless the user repeats it.
    #[error("{source}; the {what} was NOT saved{again}")]
    NotSaved {
        /// Why.
        source: StoreError,
        /// `note` or `merge`.
        what: &'static str,
        /// What to run again, or nothing.
        again: String,
    },
    /// The colleague's file is not a notes file this build reads.
    #[error("cannot merge {path}: {reason}")]
    OtherUnreadable {
        /// The file given to `notes merge`.
        path: PathBuf,
        /// What is wrong with it.
        reason: ParseError,
    },
}

impl NotesCliError {
    /// 1 for unusable input files, 2 for bad usage (unknown id or part).
    pub fn exit_code(&self) -> u8 {
        match self {
            NotesCliError::UnknownQuestion(_)
            | NotesCliError::Anchor(_)
            | NotesCliError::Edit(_) => 2,
            _ => 1,
        }
    }
}

/// What `notes add` was asked.
#[derive(Debug, Clone)]
pub struct AddRequest {
    /// The question.
    pub id: QuestionId,
    /// The note's text.
    pub text: String,
    /// Tags to give it.
    pub tags: Vec<String>,
    /// Part to anchor to (label `2.` or number `2`).
    pub part: Option<String>,
    /// The text the part is in (the answer by default).
    pub field: Field,
}

/// Saves, saying on stderr when another qreview holds the lock.
fn save(store: &mut Store) -> Result<SaveOutcome, StoreError> {
    let wait = store.lock_timeout().as_secs_f64();
    store.save_with(&mut || {
        super::run::say_line(&format!(
            "waiting for the notes lock held by another qreview… (giving up after {wait:.0} s)"
        ));
    })
}

/// Lines describing a save for stderr.
fn save_lines(outcome: &SaveOutcome, path: &Path) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(report) = &outcome.merged
        && !report.is_empty()
    {
        lines.push(format!(
            "{} had changed on disk; {}",
            path.display(),
            report
        ));
    }
    lines
}

/// `qreview notes add`: adds the note, saves, prints its id.
pub fn add(store: &mut Store, corpus: &Corpus, req: &AddRequest) -> Result<Output, NotesCliError> {
    let q = corpus
        .get(req.id)
        .ok_or(NotesCliError::UnknownQuestion(req.id))?;
    let anchor = match &req.part {
        Some(p) => Some(anchor::for_part(q, req.field, p)?),
        None => None,
    };
    let id = store
        .notes_mut()
        .add_note(req.id, &req.text, &req.tags, anchor)?;
    let outcome = save(store).map_err(|source| NotesCliError::NotSaved {
        source,
        what: "note",
        again: format!(
            "; its text was: {}",
            serde_json::to_string(&req.text).unwrap_or_default()
        ),
    })?;
    let mut stderr = save_lines(&outcome, store.path());
    stderr.push(format!("note added to {}", store.path().display()));
    Ok(Output {
        stdout: format!("{id}\n"),
        stderr,
    })
}

/// One note as `notes list --json` prints it.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    note: &'a Note,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor_state: Option<&'static str>,
}

fn state(note: &Note, corpus: &Corpus) -> Option<Located> {
    match (&note.anchor, corpus.get(note.question)) {
        (Some(a), Some(q)) => Some(anchor::locate(a, q)),
        _ => None,
    }
}

/// `qreview notes list`: one line per note (id, question, ministry, part,
/// tags, first line), or a JSON array with `--json`.
pub fn list(store: &Store, corpus: &Corpus, json: bool) -> Output {
    let notes = &store.notes().notes;
    if json {
        let listed: Vec<Listed<'_>> = notes
            .iter()
            .map(|n| Listed {
                note: n,
                anchor_state: state(n, corpus).map(|l| match l {
                    Located::Exact(_) => "exact",
                    Located::Moved(_) => "moved",
                    Located::Detached => "detached",
                }),
            })
            .collect();
        return Output {
            stdout: to_json(&listed),
            stderr: Vec::new(),
        };
    }
    let mut out = String::new();
    for n in notes {
        let ministry = corpus
            .get(n.question)
            .and_then(|q| q.ministry.as_deref())
            .unwrap_or("-");
        let mut part = n.anchor.as_ref().map_or(String::new(), |a| {
            format!("{} {}", a.field.name(), a.part.as_deref().unwrap_or(""))
        });
        if state(n, corpus) == Some(Located::Detached) {
            part.push_str(" detached");
        }
        let tags: Vec<&str> = n.tags.iter().map(String::as_str).collect();
        let first = n.text.lines().next().unwrap_or("");
        out.push_str(&format!(
            "{}  {:<7} {} {} {} {}\n",
            n.id,
            n.question,
            fit(&sanitize(ministry), 20),
            fit(&sanitize(part.trim()), 18),
            fit(&sanitize(&tags.join(",")), 16),
            sanitize(first)
        ));
    }
    let count = notes.len();
    Output {
        stdout: out,
        stderr: vec![format!("{count} note(s) in {}", store.path().display())],
    }
}

/// `qreview notes merge OTHER.json`: unites a colleague's notes with ours
/// and saves; conflicts are kept and reported.
pub fn merge(store: &mut Store, other: &Path) -> Result<Output, NotesCliError> {
    let bytes = crate::input_file::read_regular(other, crate::notes::store::MAX_NOTES_BYTES)
        .map_err(|source| NotesCliError::ReadOther {
            path: other.to_path_buf(),
            source,
        })?;
    let theirs = file::parse(&bytes).map_err(|reason| NotesCliError::OtherUnreadable {
        path: other.to_path_buf(),
        reason,
    })?;
    let report = store.merge_from(&theirs);
    let outcome = save(store).map_err(|source| NotesCliError::NotSaved {
        source,
        what: "merge",
        again: String::new(),
    })?;
    let mut stderr = save_lines(&outcome, store.path());
    stderr.push(format!(
        "saved {} note(s) to {}",
        store.notes().notes.len(),
        store.path().display()
    ));
    Ok(Output {
        stdout: format!("{} from {}\n", report, other.display()),
        stderr,
    })
}
