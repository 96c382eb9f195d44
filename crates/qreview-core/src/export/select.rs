//! What an export holds: the families, questions and notes that pass the
//! filters, with each question's timeline figures and review record and each
//! note's anchor located in the current corpus.

use jiff::civil::Date;

use crate::analysis::deadline::{self, DeadlineRules, DeadlineStatus};
use crate::analysis::figures::{self, FamilyFigures, MemberFigures};
use crate::corpus::{Corpus, Family, Question, QuestionId};
use crate::notes::anchor::{self, Located};
use crate::notes::{Note, NotesFile, QuestionReview};

use super::ExportError;

/// The export filters (`--family`, `--question`, `--tag`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only the family holding this question.
    pub family: Option<QuestionId>,
    /// Only this question.
    pub question: Option<QuestionId>,
    /// Only notes carrying this tag, and only the questions that have such
    /// notes or carry the tag themselves (a question-level tag selects the
    /// question's review record, not all its notes).
    pub tag: Option<String>,
    /// The date overdue questions are counted up to; `None`: the clock's date.
    pub today: Option<Date>,
    /// Only these notes (what the app's Notes view shows), and only the
    /// questions holding one of them.
    pub notes: Option<std::collections::BTreeSet<crate::notes::NoteId>>,
    /// Who the REFI-QDA export names as its user; `None`: a generic analyst.
    pub analyst: Option<String>,
}

/// A note and where its anchor stands now.
#[derive(Debug, Clone)]
pub struct NoteView<'a> {
    /// The note.
    pub note: &'a Note,
    /// Its anchor's state (`None`: no anchor, or question not loaded).
    pub located: Option<Located>,
}

/// One question of an export.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// Its id.
    pub id: QuestionId,
    /// The question, when the corpus holds it.
    pub question: Option<&'a Question>,
    /// Its timeline figures.
    pub figures: MemberFigures,
    /// Its review record.
    pub review: QuestionReview,
    /// Its answer deadline and timeliness (unknown when not loaded).
    pub deadline: DeadlineStatus,
    /// Its notes that pass the filter, in id order.
    pub notes: Vec<NoteView<'a>>,
}

/// One family of an export (or the notes on questions outside the corpus).
#[derive(Debug, Clone)]
pub struct Group<'a> {
    /// The family, or `None` for notes on questions not in the corpus.
    pub family: Option<&'a Family>,
    /// Its figures (over all its members, whatever the filter).
    pub figures: Option<FamilyFigures>,
    /// Its selected questions, by id.
    pub rows: Vec<Row<'a>>,
}

/// Everything an export shows.
#[derive(Debug, Clone)]
pub struct Selection<'a> {
    /// The groups, families first (by id).
    pub groups: Vec<Group<'a>>,
    /// The notes file (for tag definitions).
    pub notes: &'a NotesFile,
}

impl Selection<'_> {
    /// Every selected note with its row, in export order.
    pub fn notes(&self) -> impl Iterator<Item = (&Row<'_>, &NoteView<'_>)> {
        self.groups
            .iter()
            .flat_map(|g| g.rows.iter())
            .flat_map(|r| r.notes.iter().map(move |n| (r, n)))
    }
}

/// Applies `filter`; an id in `--family` or `--question` must be in the corpus.
pub fn select<'a>(
    corpus: &'a Corpus,
    notes: &'a NotesFile,
    filter: &Filter,
) -> Result<Selection<'a>, ExportError> {
    let only_family = match filter.family.or(filter.question) {
        Some(id) => Some(
            corpus
                .family_of(id)
                .ok_or(ExportError::UnknownQuestion(id))?,
        ),
        None => None,
    };
    if let Some(q) = filter.question
        && corpus.get(q).is_none()
    {
        return Err(ExportError::UnknownQuestion(q));
    }
    let tag = filter.tag.as_deref().map(str::trim);
    let rules = DeadlineRules::default();
    let today = filter
        .today
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let row = |id: QuestionId| -> Option<Row<'a>> {
        let question = corpus.get(id);
        let review = notes.review(id);
        let question_tagged = tag.is_some_and(|t| review.tags.contains(t));
        let views: Vec<NoteView<'a>> = notes
            .notes_for(id)
            .filter(|n| tag.is_none_or(|t| n.tags.contains(t)))
            .filter(|n| {
                filter
                    .notes
                    .as_ref()
                    .is_none_or(|only| only.contains(&n.id))
            })
            .map(|note| NoteView {
                note,
                located: match (&note.anchor, question) {
                    (Some(a), Some(q)) => Some(anchor::locate(a, q)),
                    _ => None,
                },
            })
            .collect();
        if tag.is_some() && views.is_empty() && !question_tagged {
            return None;
        }
        if filter.notes.is_some() && views.is_empty() {
            return None;
        }
        Some(Row {
            id,
            question,
            figures: figures::member(corpus, id),
            review,
            deadline: match question {
                Some(q) => deadline::status(q, &rules, today),
                None => DeadlineStatus {
                    deadline: None,
                    timeliness: deadline::Timeliness::Unknown,
                },
            },
            notes: views,
        })
    };

    let mut groups = Vec::new();
    for family in &corpus.families {
        if only_family.is_some_and(|f| f.id != family.id) {
            continue;
        }
        let rows: Vec<Row<'a>> = family
            .members
            .iter()
            .map(|m| m.id)
            .filter(|id| filter.question.is_none_or(|q| q == *id))
            .filter_map(row)
            .collect();
        if !rows.is_empty() {
            groups.push(Group {
                family: Some(family),
                figures: Some(figures::family(corpus, family)),
                rows,
            });
        }
    }
    if only_family.is_none() {
        let mut outside: Vec<QuestionId> = notes
            .notes
            .iter()
            .map(|n| n.question)
            .filter(|id| corpus.family_of(*id).is_none())
            .collect();
        outside.sort();
        outside.dedup();
        let rows: Vec<Row<'a>> = outside
            .into_iter()
            .filter_map(row)
            .filter(|r| !r.notes.is_empty())
            .collect();
        if !rows.is_empty() {
            groups.push(Group {
                family: None,
                figures: None,
                rows,
            });
        }
    }
    Ok(Selection { groups, notes })
}

/// `answer, part 2.` / `question` / empty, with `(detached)` when the quote
/// is gone from the corpus.
pub fn part_label(view: &NoteView<'_>) -> String {
    let Some(a) = &view.note.anchor else {
        return String::new();
    };
    let mut s = a.field.name().to_string();
    if let Some(p) = &a.part {
        s.push_str(", part ");
        s.push_str(p);
    }
    if view.located == Some(Located::Detached) {
        s.push_str(" (detached)");
    }
    s
}

/// A note's tags joined by `; `.
pub fn tags(note: &Note) -> String {
    note.tags.iter().cloned().collect::<Vec<_>>().join("; ")
}
