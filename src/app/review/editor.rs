//! The note editor: a multi-line text area for a new note (with the anchor
//! chosen when it opened) or an existing one. `Ctrl-s` saves, `Esc` closes,
//! asking first when the text was changed.

use ratatui_textarea::TextArea;

use crate::app::keymap::Key;
use crate::corpus::QuestionId;
use crate::notes::{Anchor, NoteId};

use super::text_input;

/// What the editor's text will become.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A new note on `question`, anchored to `anchor` when given.
    New {
        /// The question.
        question: QuestionId,
        /// The passage, if any.
        anchor: Option<Anchor>,
    },
    /// The text of an existing note.
    Existing(NoteId),
}

/// The editor's state.
#[derive(Debug, Clone)]
pub struct Editor {
    /// What saving changes.
    pub target: EditTarget,
    /// A line describing the target (`5-8902 · answer part 2.`), sanitised when drawn.
    pub title: String,
    /// The text being typed.
    pub area: TextArea<'static>,
    /// The text when the editor opened (as stored), to tell whether
    /// anything was typed.
    pub original: String,
    /// The characters shown as marks in [`Self::area`], restored on save.
    pub marks: text_input::Marks,
    /// True while asking whether to throw the typed text away.
    pub confirm_discard: bool,
}

/// What a key did in the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorOutcome {
    /// Keep editing.
    Continue,
    /// Save this text and close.
    Save(String),
    /// Ctrl-s with nothing changed: close without saving.
    Unchanged,
    /// Close without saving.
    Close,
}

impl Editor {
    /// An editor for `target` starting with `text`. Characters of `text`
    /// the terminal must not receive are shown as marks (the title says so)
    /// and kept as they are on save.
    pub fn new(target: EditTarget, title: String, text: &str) -> Self {
        let (area, marks) = text_input::multi_line(text);
        let title = if marks.is_empty() {
            title
        } else {
            format!("{title} · {} = hidden characters, kept", marks.shown())
        };
        Self {
            target,
            title,
            area,
            original: text.to_string(),
            marks,
            confirm_discard: false,
        }
    }

    /// The text typed so far, hidden characters restored.
    pub fn text(&self) -> String {
        self.marks.restore(&text_input::text(&self.area))
    }

    /// True when the text differs from what the editor opened with.
    pub fn changed(&self) -> bool {
        self.text() != self.original
    }

    /// Handles one key.
    pub fn key(&mut self, key: Key) -> EditorOutcome {
        if self.confirm_discard {
            return match key {
                Key::Char('y') => EditorOutcome::Close,
                Key::Char('n') | Key::Esc => {
                    self.confirm_discard = false;
                    EditorOutcome::Continue
                }
                _ => EditorOutcome::Continue,
            };
        }
        match key {
            Key::Ctrl('s') => {
                let text = self.text();
                // Only what the user could see and type is trimmed: a hidden
                // character the note held (`\r`, U+2028) is kept.
                let trimmed = text.trim_end_matches(|c: char| {
                    c.is_whitespace()
                        && (c == '\n' || c == '\t' || super::text_input::shows_as_is(c))
                });
                let existing = matches!(self.target, EditTarget::Existing(_));
                if existing && (text == self.original || trimmed == self.original) {
                    EditorOutcome::Unchanged
                } else {
                    EditorOutcome::Save(trimmed.to_string())
                }
            }
            // A typed mark would come back as the hidden character it stands for.
            Key::Char(c) if self.marks.is_mark(c) => EditorOutcome::Continue,
            Key::Esc if self.changed() => {
                self.confirm_discard = true;
                EditorOutcome::Continue
            }
            Key::Esc => EditorOutcome::Close,
            k => {
                text_input::edit(&mut self.area, k);
                EditorOutcome::Continue
            }
        }
    }
}
