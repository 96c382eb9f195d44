//! The corpus: questions read from Senate text pages and JSON files, their
//! families, and the diagnostics of loading them.
//!
//! No terminal and no writing here; only reading input files.

pub mod dates;
mod decode;
pub mod diagnostic;
pub mod embedded;
pub mod family;
mod html_sniff;
pub mod html_text;
pub mod id;
pub mod json;
pub mod labels;
pub mod load;
mod merge;
pub mod ministry;
pub mod model;
pub mod mojibake;
pub mod parts;
pub mod senate_html;
pub mod senate_text;
pub mod text;

use std::collections::HashMap;

pub use diagnostic::{Diagnostic, Severity};
pub use family::{Family, Member};
pub use id::QuestionId;
pub use model::{
    Answer, Boundary, Event, EventKind, Field, Lang, Link, Part, Question, QuestionText, Source,
    Translation,
};
pub use text::Text;

/// Everything loaded: questions sorted by id, families, and the load report.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// All questions, sorted by id.
    pub questions: Vec<Question>,
    /// Families, sorted by their smallest id.
    pub families: Vec<Family>,
    /// What loading reported, in input order.
    pub diagnostics: Vec<Diagnostic>,
    index: HashMap<QuestionId, usize>,
    family_index: HashMap<QuestionId, usize>,
}

impl Corpus {
    /// Indexes `questions` (sorted by id) and builds their families.
    pub fn new(questions: Vec<Question>, diagnostics: Vec<Diagnostic>) -> Self {
        let index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id, i))
            .collect();
        let families = family::build(&questions);
        let family_index = families
            .iter()
            .enumerate()
            .flat_map(|(f, fam)| fam.members.iter().map(move |m| (m.id, f)))
            .collect();
        Self {
            questions,
            families,
            diagnostics,
            index,
            family_index,
        }
    }

    /// The question with this id, if loaded.
    pub fn get(&self, id: QuestionId) -> Option<&Question> {
        self.index.get(&id).map(|&i| &self.questions[i])
    }

    /// Position of a question in `questions`.
    pub fn position(&self, id: QuestionId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// The family a question (or placeholder) belongs to.
    pub fn family_of(&self, id: QuestionId) -> Option<&Family> {
        self.family_index.get(&id).map(|&f| &self.families[f])
    }

    /// Number of error diagnostics.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warning diagnostics.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// Members of `family` loaded with an answer date (text or not).
    pub fn answered_in(&self, family: &Family) -> usize {
        family
            .members
            .iter()
            .filter_map(|m| m.question)
            .filter(|&i| self.questions[i].answered().is_some())
            .count()
    }

    /// Number of questions whose answer text is in the corpus.
    pub fn answer_count(&self) -> usize {
        self.questions.iter().filter(|q| q.answer.is_some()).count()
    }
}
