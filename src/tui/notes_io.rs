//! The notes effects, executed at the edge: saving the store and writing an
//! export. Each outcome goes back to the application as an action, so the
//! status line can say "saved", "merged N changes from disk", or the error.

use crate::app::review::{ExportFailure, ReviewAction};
use crate::app::{Action, App, Effect};
use crate::atomic_file::WriteError;
use crate::export::{self, ExportError, Filter};

/// Performs a notes effect; returns the action reporting its outcome
/// (`None` for effects that are not about notes).
pub fn execute(app: &mut App, effect: &Effect) -> Option<Action> {
    let outcome = match effect {
        Effect::SaveNotes => {
            ReviewAction::Saved(app.review.store.save().map_err(|e| e.to_string()))
        }
        Effect::Export {
            format,
            path,
            force,
            shown,
        } => {
            let notes = app.review.store.notes();
            let filter = Filter {
                notes: shown.clone(),
                ..Filter::default()
            };
            let written = export::export_to(path, *format, &app.corpus, notes, &filter, *force);
            ReviewAction::Exported(match written {
                Ok(()) => {
                    let at = std::path::absolute(path).unwrap_or_else(|_| path.clone());
                    let which = match shown {
                        Some(only) => format!(
                            "the {} the Notes filter shows ({})",
                            crate::cli::plural(only.len(), "note", "notes"),
                            app.review.list.describe()
                        ),
                        None => format!(
                            "all {}",
                            crate::cli::plural(notes.notes.len(), "note", "notes")
                        ),
                    };
                    Ok(format!(
                        "exported {which} as {} to {}",
                        format.name(),
                        at.display()
                    ))
                }
                Err(ExportError::Write(WriteError::Exists(p))) => Err(ExportFailure::Exists(p)),
                Err(e) => Err(ExportFailure::Other(e.to_string())),
            })
        }
        Effect::Quit | Effect::Fail(_) | Effect::IndexSearch => return None,
    };
    Some(Action::Review(outcome))
}

/// On quit and on SIGTERM/SIGHUP, before the terminal is restored: saves a
/// change whose save has not succeeded. Returns what to tell the user.
pub fn save_on_exit(app: &mut App) -> Option<String> {
    if !app.review.unsaved {
        return None;
    }
    match app.review.store.save() {
        Ok(_) => None,
        Err(e) => Some(format!("the last changes to the notes were NOT saved: {e}")),
    }
}
