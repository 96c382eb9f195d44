//! The tag picker: fuzzy search (skim algorithm, `fuzzy-matcher`) over the
//! tags in use or defined, and a "create" row when the query names a new
//! tag. Enter toggles the chosen tag on the question or note; as a filter it
//! picks the tag the Notes view shows.

use std::collections::BTreeSet;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui_textarea::TextArea;

use crate::app::keymap::Key;
use crate::corpus::QuestionId;
use crate::notes::NoteId;

use super::text_input;

/// What the picked tag is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagTarget {
    /// Toggle it on a question.
    Question(QuestionId),
    /// Toggle it on a note.
    Note(NoteId),
    /// Filter the Notes view by it.
    Filter,
}

/// One row of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// An existing tag; `on` when the target carries it already.
    Tag {
        /// Its name.
        name: String,
        /// Whether the target has it.
        on: bool,
        /// Char positions matched by the query, for highlighting.
        matched: Vec<usize>,
    },
    /// A tag that does not exist yet: the query.
    Create(String),
    /// The filter row "any tag".
    Any,
}

/// The picker's state.
#[derive(Debug, Clone)]
pub struct Picker {
    /// What the tag is for.
    pub target: TagTarget,
    /// The query typed.
    pub query: TextArea<'static>,
    /// All tag names, and those the target carries.
    pub tags: BTreeSet<String>,
    /// The target's tags.
    pub on: BTreeSet<String>,
    /// The rows for the current query, best first.
    pub choices: Vec<Choice>,
    /// The highlighted row.
    pub cursor: usize,
}

/// What a key did in the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerOutcome {
    /// Keep picking.
    Continue,
    /// This row was chosen.
    Chose(Choice),
    /// Closed without a choice.
    Close,
}

impl Picker {
    /// A picker for `target` over `tags`, `on` being the target's own tags.
    pub fn new(target: TagTarget, tags: BTreeSet<String>, on: BTreeSet<String>) -> Self {
        let mut p = Self {
            target,
            query: text_input::single_line(""),
            tags,
            on,
            choices: Vec::new(),
            cursor: 0,
        };
        p.refresh();
        p
    }

    /// The query typed so far.
    pub fn query(&self) -> String {
        text_input::text(&self.query)
    }

    /// Recomputes the rows for the query: fuzzy matches by score (ties by
    /// name), then "create" when the query is not a tag already.
    fn refresh(&mut self) {
        let query = self.query();
        let q = query.trim();
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(i64, &String, Vec<usize>)> = self
            .tags
            .iter()
            .filter_map(|t| {
                if q.is_empty() {
                    return Some((0, t, Vec::new()));
                }
                matcher
                    .fuzzy_indices(t, q)
                    .map(|(score, idx)| (score, t, idx))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let mut choices: Vec<Choice> = Vec::new();
        if self.target == TagTarget::Filter && q.is_empty() {
            choices.push(Choice::Any);
        }
        choices.extend(scored.into_iter().map(|(_, name, matched)| Choice::Tag {
            on: self.on.contains(name),
            name: name.clone(),
            matched,
        }));
        let exists = self.tags.iter().any(|t| t == q);
        if !q.is_empty() && !exists && self.target != TagTarget::Filter {
            // After the matches: the only row when nothing matches.
            choices.push(Choice::Create(q.to_string()));
        }
        self.choices = choices;
        self.cursor = self.cursor.min(self.choices.len().saturating_sub(1));
        if !q.is_empty() {
            self.cursor = 0;
        }
    }

    /// Handles one key.
    pub fn key(&mut self, key: Key) -> PickerOutcome {
        match key {
            Key::Esc => PickerOutcome::Close,
            Key::Enter => match self.choices.get(self.cursor) {
                Some(c) => PickerOutcome::Chose(c.clone()),
                None => PickerOutcome::Continue,
            },
            Key::Down | Key::Tab | Key::Ctrl('n') => {
                self.cursor = (self.cursor + 1).min(self.choices.len().saturating_sub(1));
                PickerOutcome::Continue
            }
            Key::Up | Key::Ctrl('p') => {
                self.cursor = self.cursor.saturating_sub(1);
                PickerOutcome::Continue
            }
            k => {
                if text_input::edit_line(&mut self.query, k) {
                    self.refresh();
                }
                PickerOutcome::Continue
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn typed(p: &mut Picker, s: &str) {
        for c in s.chars() {
            p.key(Key::Char(c));
        }
    }

    #[test]
    fn fuzzy_query_ranks_matches_and_offers_to_create() {
        let tags = set(&["evasive", "follow-up", "figures", "vague"]);
        let p = Picker::new(TagTarget::Filter, tags.clone(), BTreeSet::new());
        assert_eq!(p.choices[0], Choice::Any);
        assert_eq!(p.choices.len(), 5);

        let mut p = Picker::new(
            TagTarget::Question(QuestionId::senate(5, 8902)),
            tags,
            set(&["vague"]),
        );
        typed(&mut p, "fu");
        let names: Vec<&Choice> = p.choices.iter().collect();
        assert!(
            matches!(names[0], Choice::Tag { name, .. } if name == "follow-up"),
            "{names:?}"
        );
        assert!(
            p.choices
                .iter()
                .any(|c| matches!(c, Choice::Create(q) if q == "fu"))
        );
        for _ in 0..2 {
            p.key(Key::Backspace);
        }
        typed(&mut p, "zzz");
        assert_eq!(p.choices, vec![Choice::Create("zzz".into())]);
        assert_eq!(
            p.key(Key::Enter),
            PickerOutcome::Chose(Choice::Create("zzz".into()))
        );
    }
}
