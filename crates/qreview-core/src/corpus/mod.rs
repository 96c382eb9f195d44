//! The corpus: questions read from Senate text pages and JSON files, their
//! families, and the diagnostics of loading them.
//!
//! No terminal and no writing here; only reading input files.

pub mod dates;
pub(crate) mod decode;
pub mod detect;
pub mod diagnostic;
pub mod display;
pub mod embedded;
pub mod family;
pub mod family_edit;
pub(crate) mod html_sniff;
pub mod html_text;
pub mod id;
pub mod labels;
pub mod load;
mod merge;
pub mod ministries;
pub mod ministry;
pub mod model;
pub mod mojibake;
pub mod parts;
pub mod source;
pub mod text;

use std::collections::HashMap;

pub use crate::formats::{qreview_json as json, senate_text};
pub use detect::Detection;
pub use diagnostic::{Diagnostic, Severity};
pub use family::{Family, FamilyKind, Member};
pub use family_edit::FamilyEdit;
pub use id::QuestionId;
pub use model::{
    Answer, Attachment, Boundary, Event, EventKind, Field, Lang, Link, Origin, Part, Publication,
    Question, QuestionText, Status, Translation,
};
pub use source::Source;
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
    /// Each file read, with the format that read it, in input order.
    pub files: Vec<FileRead>,
    index: HashMap<QuestionId, usize>,
    family_index: HashMap<QuestionId, usize>,
    /// Every known id (loaded or only named by a sibling list) by its
    /// reference and its label, normalised, for [`Corpus::resolve`].
    by_reference: HashMap<String, Vec<QuestionId>>,
}

/// One input file and what read it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileRead {
    /// The path as shown in diagnostics.
    pub path: String,
    /// The format that read it (`senate-text`); `None` when none could.
    pub format: Option<&'static str>,
    /// Questions and records it yielded.
    pub questions: usize,
}

/// Why a typed id names no single question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// Neither an id of this corpus nor the form of one.
    #[error(transparent)]
    Bad(#[from] id::BadId),
    /// A bare reference that several sources use.
    #[error("`{typed}` is ambiguous in this corpus: it could be {}; type one of them in full", .candidates.join(" or "))]
    Ambiguous {
        /// What was typed.
        typed: String,
        /// The matching ids, as `source:reference`.
        candidates: Vec<String>,
    },
}

/// The form [`Corpus::resolve`] compares references in: trimmed, lower case,
/// runs of spaces as one (`55 b012  q0042`).
fn normalise_reference(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Corpus {
    /// Indexes `questions` (sorted by id) and builds their families: listed
    /// by the sources, else detected with the default [`Detection`].
    pub fn new(questions: Vec<Question>, diagnostics: Vec<Diagnostic>) -> Self {
        let index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id, i))
            .collect();
        let mut corpus = Self {
            questions,
            families: Vec::new(),
            diagnostics,
            index,
            family_index: HashMap::new(),
            by_reference: HashMap::new(),
            files: Vec::new(),
        };
        corpus.regroup(Some(&Detection::default()), &[]);
        corpus
    }

    /// Builds the families again: the sources' lists, families detected
    /// with `detection` (none when `None`), then the analyst's `edits` in
    /// order. The questions do not change.
    pub fn regroup(&mut self, detection: Option<&Detection>, edits: &[FamilyEdit]) {
        let families = family::build_detected(&self.questions, detection);
        self.families = family_edit::apply(families, edits, &self.questions);
        self.family_index = self
            .families
            .iter()
            .enumerate()
            .flat_map(|(f, fam)| fam.members.iter().map(move |m| (m.id, f)))
            .collect();
        let mut by_reference: HashMap<String, Vec<QuestionId>> = HashMap::new();
        for id in self
            .families
            .iter()
            .flat_map(|f| f.members.iter().map(|m| m.id))
        {
            for key in [id.reference(), id.label()] {
                let ids = by_reference.entry(normalise_reference(key)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        for q in &self.questions {
            for alias in &q.aliases {
                let ids = by_reference.entry(normalise_reference(alias)).or_default();
                if !ids.contains(&q.id) {
                    ids.push(q.id);
                }
            }
        }
        self.by_reference = by_reference;
    }

    /// The id a user typed: `source:reference` as is; a bare reference (or
    /// the label shown for it, e.g. `55 B012 Q0042`) when one source of this
    /// corpus has it, else an error listing the candidates. A Senate
    /// `L-N` that the corpus does not hold still resolves, so callers can
    /// say "not in this corpus".
    pub fn resolve(&self, typed: &str) -> Result<QuestionId, ResolveError> {
        if typed.contains(':') {
            return Ok(typed.parse()?);
        }
        match self
            .by_reference
            .get(&normalise_reference(typed))
            .map(Vec::as_slice)
        {
            Some([one]) => Ok(*one),
            Some(many) if !many.is_empty() => {
                let mut candidates: Vec<String> = many.iter().map(|id| id.qualified()).collect();
                candidates.sort();
                Err(ResolveError::Ambiguous {
                    typed: typed.trim().to_string(),
                    candidates,
                })
            }
            _ => Ok(typed.parse()?),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(ids: &[QuestionId]) -> Corpus {
        let questions = ids.iter().map(|id| Question::new(*id)).collect();
        Corpus::new(questions, Vec::new())
    }

    #[test]
    fn a_bare_reference_resolves_when_one_source_has_it() {
        let chamber = QuestionId::new(Source::BeChamber, "55-B012-3-0042-0000201400004");
        let c = corpus(&[QuestionId::senate(5, 8902), chamber]);
        assert_eq!(c.resolve("5-8902"), Ok(QuestionId::senate(5, 8902)));
        assert_eq!(c.resolve("55-B012-3-0042-0000201400004"), Ok(chamber));
        assert_eq!(c.resolve(" 55 b012  Q0042 "), Ok(chamber), "the label");
        assert_eq!(
            c.resolve("be-chamber:55-B012-3-0042-0000201400004"),
            Ok(chamber)
        );
        // Not in the corpus but of the Senate's form: resolves, so callers
        // can say "not in this corpus".
        assert_eq!(c.resolve("5-1"), Ok(QuestionId::senate(5, 1)));
        assert!(matches!(c.resolve("nothing"), Err(ResolveError::Bad(_))));
    }

    #[test]
    fn a_reference_two_sources_share_is_ambiguous() {
        let senate = QuestionId::senate(5, 8902);
        let chamber = QuestionId::new(Source::BeChamber, "5-8902");
        let c = corpus(&[senate, chamber]);
        let err = c.resolve("5-8902").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`5-8902` is ambiguous in this corpus: it could be be-chamber:5-8902 or be-senate:5-8902; type one of them in full"
        );
        assert_eq!(c.resolve("be-senate:5-8902"), Ok(senate));
        assert_eq!(c.resolve("be-chamber:5-8902"), Ok(chamber));
    }
}
