//! The export dialog: a format (Tab cycles Markdown, CSV, JSON) and a path
//! (default in the current folder, following the format until edited).
//! Enter asks the event loop to write; an existing file is only replaced
//! after a second, explicit confirmation.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::app::keymap::Key;
use crate::export::Format;

use super::text_input;

/// The dialog's state.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// The chosen format.
    pub format: Format,
    /// The path typed.
    pub path: TextArea<'static>,
    /// True once the user typed in the path (it no longer follows the format).
    pub path_edited: bool,
    /// Set when the file exists: the next Enter overwrites it.
    pub confirm_overwrite: Option<PathBuf>,
    /// The last failure, shown in the dialog.
    pub error: Option<String>,
}

/// What a key did in the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogOutcome {
    /// Keep the dialog open.
    Continue,
    /// Write `path` in `format`, replacing it when `force`.
    Write {
        /// The format.
        format: Format,
        /// The file.
        path: PathBuf,
        /// Overwrite (confirmed).
        force: bool,
    },
    /// Closed.
    Close,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            format: Format::Markdown,
            path: text_input::single_line(&Format::Markdown.default_file_name()),
            path_edited: false,
            confirm_overwrite: None,
            error: None,
        }
    }
}

impl ExportDialog {
    /// The path typed.
    pub fn path(&self) -> String {
        text_input::text(&self.path).trim().to_string()
    }

    /// Handles one key.
    pub fn key(&mut self, key: Key) -> DialogOutcome {
        if let Some(path) = self.confirm_overwrite.clone() {
            return match key {
                Key::Char('y') => DialogOutcome::Write {
                    format: self.format,
                    path,
                    force: true,
                },
                Key::Esc | Key::Char('n') => {
                    self.confirm_overwrite = None;
                    DialogOutcome::Continue
                }
                _ => DialogOutcome::Continue,
            };
        }
        match key {
            Key::Esc => DialogOutcome::Close,
            Key::Tab => {
                let i = Format::ALL.iter().position(|f| *f == self.format);
                self.format = Format::ALL[(i.unwrap_or(0) + 1) % Format::ALL.len()];
                if !self.path_edited {
                    self.path = text_input::single_line(&self.format.default_file_name());
                }
                self.error = None;
                DialogOutcome::Continue
            }
            Key::Enter => {
                let path = self.path();
                if path.is_empty() {
                    self.error = Some("type a file name".into());
                    return DialogOutcome::Continue;
                }
                DialogOutcome::Write {
                    format: self.format,
                    path: PathBuf::from(path),
                    force: false,
                }
            }
            k => {
                if text_input::edit_line(&mut self.path, k) {
                    self.path_edited = true;
                    self.error = None;
                }
                DialogOutcome::Continue
            }
        }
    }
}
