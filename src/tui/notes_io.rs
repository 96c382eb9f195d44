//! The notes effects, executed at the edge: saving the store and writing an
//! export. Each outcome goes back to the application as an action, so the
//! status line can say "saved", "merged N changes from disk", or the error.

use crate::app::review::{ExportFailure, ReviewAction};
use crate::app::{Action, App, Effect};
use crate::atomic_file::WriteError;
use crate::export::{self, ExportError, Filter};
use crate::notes::StoreError;

/// How often the TUI tries again to save while another qreview holds the
/// notes lock. The TUI never waits for the lock itself: it tries once, and
/// retries on a timer so that keys keep working.
pub const LOCK_RETRY: std::time::Duration = std::time::Duration::from_secs(1);

/// Performs a notes effect; returns the action reporting its outcome
/// (`None` for effects that are not about notes). `retry_later` is called
/// when a save found the lock held by another qreview.
pub fn execute(app: &mut App, effect: &Effect, retry_later: &dyn Fn()) -> Option<Action> {
    let outcome = match effect {
        Effect::SaveNotes => {
            app.review.store.set_lock_timeout(std::time::Duration::ZERO);
            ReviewAction::Saved(app.review.store.save().map_err(|e| {
                if matches!(e, StoreError::Locked { .. }) {
                    retry_later();
                    format!(
                        "waiting for the notes lock held by another qreview; retrying every {} s — notes are kept in memory",
                        LOCK_RETRY.as_secs()
                    )
                } else {
                    kept_in_memory(&e)
                }
            }))
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
            let written = export::export_to(
                path,
                *format,
                &app.corpus,
                notes,
                &filter,
                *force,
                &crate::notes::store::own_files(app.review.store.path()),
            );
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
        Effect::Quit | Effect::Fail(_) | Effect::IndexSearch | Effect::SaveLang { .. } => {
            return None;
        }
    };
    Some(Action::Review(outcome))
}

/// A store error as the TUI shows it: the application keeps running, so
/// the notes are still in memory and the next change retries the save.
pub fn kept_in_memory(e: &StoreError) -> String {
    format!("{e}; notes are kept in memory only")
}

/// On quit and on SIGTERM/SIGHUP, before the terminal is restored: saves a
/// change whose save has not succeeded. Returns what to tell the user.
pub fn save_on_exit(app: &mut App) -> Option<String> {
    if !app.review.unsaved {
        return None;
    }
    // On the way out a held lock is waited for (the default wait).
    app.review
        .store
        .set_lock_timeout(crate::notes::store::resolve_lock_timeout(None));
    match app.review.store.save() {
        Ok(_) => None,
        Err(e) => Some(format!("the last changes to the notes were NOT saved: {e}")),
    }
}
