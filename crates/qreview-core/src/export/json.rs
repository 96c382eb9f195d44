//! The JSON export: the selected notes grouped under their questions, each
//! question with its metadata, timeline figures and review record.
//!
//! JSON escapes control characters itself, so text is exported as stored
//! (no sanitising), and a consumer gets exactly what the reviewer wrote.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use super::select::{Selection, part_label};
use crate::corpus::QuestionId;
use crate::format::to_json;
use crate::notes::{Located, Note, ReviewStatus, TagInfo, Verdict};

/// The `format` of a JSON export.
pub const FORMAT: &str = "qreview-export";

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    tags: BTreeMap<&'a str, &'a TagInfo>,
    questions: Vec<QuestionOut<'a>>,
    /// The social-media table: per question its facts, corrections applied.
    platforms: Vec<super::platforms::RowJson<'a>>,
}

#[derive(Serialize)]
struct QuestionOut<'a> {
    id: QuestionId,
    source: crate::corpus::Source,
    family: Option<QuestionId>,
    loaded: bool,
    title: Option<&'a str>,
    ministry: Option<&'a str>,
    addressee: Option<&'a str>,
    author: Option<&'a str>,
    sent: Option<Date>,
    reminders: &'a [Date],
    answered: Option<Date>,
    days_to_answer: Option<i64>,
    deadline: Option<Date>,
    deadline_source: Option<&'static str>,
    timeliness: &'static str,
    late_working_days: Option<i64>,
    status: ReviewStatus,
    verdict: Option<Verdict>,
    tags: Vec<&'a str>,
    notes: Vec<NoteOut<'a>>,
}

#[derive(Serialize)]
struct NoteOut<'a> {
    #[serde(flatten)]
    note: &'a Note,
    /// `exact`, `moved`, `detached`, or absent (no anchor / question not loaded).
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor_state: Option<&'static str>,
    /// `answer, part 2.` as in the other exports.
    #[serde(skip_serializing_if = "String::is_empty")]
    part_label: String,
}

/// The export as pretty JSON (without the social-media table).
pub fn render(sel: &Selection<'_>) -> String {
    render_with(sel, &crate::lens::Table::default())
}

/// The export as pretty JSON, with the social-media table's rows under
/// `platforms`.
pub fn render_with(sel: &Selection<'_>, table: &crate::lens::Table) -> String {
    let mut questions = Vec::new();
    let mut used_tags = std::collections::BTreeSet::new();
    for g in &sel.groups {
        for r in &g.rows {
            let q = r.question;
            used_tags.extend(r.review.tags.iter().map(String::as_str));
            let notes = r
                .notes
                .iter()
                .map(|v| {
                    used_tags.extend(v.note.tags.iter().map(String::as_str));
                    NoteOut {
                        note: v.note,
                        anchor_state: v.located.as_ref().map(|l| match l {
                            Located::Exact(_) => "exact",
                            Located::Moved(_) => "moved",
                            Located::Detached => "detached",
                        }),
                        part_label: part_label(v),
                    }
                })
                .collect();
            questions.push(QuestionOut {
                id: r.id,
                source: r.id.source(),
                family: g.family.map(|f| f.id),
                loaded: q.is_some(),
                title: q.and_then(|q| q.title.as_deref()),
                ministry: r.figures.ministry.as_deref(),
                addressee: q.and_then(|q| q.addressee.as_deref()),
                author: q.and_then(|q| q.author.as_deref()),
                sent: r.figures.sent,
                reminders: &r.figures.reminders,
                answered: r.figures.answered,
                days_to_answer: r.figures.days_to_answer,
                deadline: r.deadline.deadline.map(|d| d.date),
                deadline_source: r.deadline.deadline.map(|d| d.source.name()),
                timeliness: r.deadline.timeliness.name(),
                late_working_days: r.deadline.timeliness.late_working_days(),
                status: r.review.status,
                verdict: r.review.verdict,
                tags: r.review.tags.iter().map(String::as_str).collect(),
                notes,
            });
        }
    }
    let tags = used_tags
        .into_iter()
        .filter_map(|t| {
            sel.notes
                .tags
                .get_key_value(t)
                .map(|(k, v)| (k.as_str(), v))
        })
        .collect();
    to_json(&Export {
        format: FORMAT,
        version: 1,
        tags,
        questions,
        platforms: super::platforms::json_rows(table),
    })
}
