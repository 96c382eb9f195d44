//! The notes data model: notes, their anchors, per-question review records,
//! tag definitions, and the whole notes file as held in memory.
//!
//! The serde form of [`NotesFile`] *is* the `qreview-notes` file format, so
//! field names here must not change casually. Every collection is ordered
//! (notes by id, maps as `BTreeMap`, tags as `BTreeSet`) so that the file is
//! written in a stable order and diffs and merges well under version control.
//! No I/O here: reading and writing live in [`super::store`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::corpus::{FamilyEdit, QuestionId};

/// The `format` value of a notes file.
pub const FORMAT: &str = "qreview-notes";
/// The newest file version this build reads and the one it writes.
pub const VERSION: u32 = 1;

/// A note's identifier, unique across processes and machines: the creation
/// time in milliseconds (hex, fixed width, so ids sort by creation) and 32
/// random bits. Conflict copies append `~` and a content hash.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(pub String);

impl fmt::Display for NoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for NoteId {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(NoteId(s.to_string()))
    }
}

pub use crate::corpus::Field;

/// Where a note points: a quoted passage of a question or answer.
///
/// The quote is the source of truth; the offsets are a cache that
/// [`super::anchor::refresh`] updates when the corpus text moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Question text or answer text.
    pub field: Field,
    /// Label of the part the passage belongs to (`2.`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The quoted passage, exactly as it stood in the corpus.
    pub quote: String,
    /// Byte offset of the passage's start in the field's whole text.
    pub start: usize,
    /// Byte offset just past the passage's end in the field's whole text.
    pub end: usize,
}

/// One reviewer note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Unique id.
    pub id: NoteId,
    /// The question the note is about; written as `source:reference`
    /// (`be-senate:5-8902`), read also as a bare Senate `5-8902`.
    #[serde(with = "crate::corpus::id::qualified")]
    pub question: QuestionId,
    /// The passage it is anchored to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    /// Free text; may hold several lines (`\n`).
    pub text: String,
    /// Tag names, sorted.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub tags: BTreeSet<String>,
    /// Creation time (UTC, RFC 3339).
    pub created: Timestamp,
    /// Last change (UTC, RFC 3339).
    pub updated: Timestamp,
    /// Set on the copy a merge keeps when the same note was edited on both
    /// sides: the id of the note it conflicts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<NoteId>,
    /// Fields this build does not know (written by a newer qreview), kept as
    /// they were so that saving never drops them.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Unknown fields of a notes file or a note, kept through load, merge and
/// save.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// How far the review of one question has gone.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Not looked at yet.
    #[default]
    Unreviewed,
    /// Started.
    InProgress,
    /// Done.
    Reviewed,
}

impl ReviewStatus {
    /// All statuses, in cycling order.
    pub const ALL: [ReviewStatus; 3] = [
        ReviewStatus::Unreviewed,
        ReviewStatus::InProgress,
        ReviewStatus::Reviewed,
    ];

    /// The next status in the cycle (`r` in the TUI).
    pub fn next(self) -> Self {
        match self {
            ReviewStatus::Unreviewed => ReviewStatus::InProgress,
            ReviewStatus::InProgress => ReviewStatus::Reviewed,
            ReviewStatus::Reviewed => ReviewStatus::Unreviewed,
        }
    }

    /// Human label (`in progress`).
    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Unreviewed => "unreviewed",
            ReviewStatus::InProgress => "in progress",
            ReviewStatus::Reviewed => "reviewed",
        }
    }
}

/// The reviewer's judgement of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every part answered.
    Complete,
    /// Some parts answered.
    Partial,
    /// Words without an answer.
    Evasive,
    /// No answer at all.
    NoAnswer,
}

impl Verdict {
    /// All verdicts, in display order.
    pub const ALL: [Verdict; 4] = [
        Verdict::Complete,
        Verdict::Partial,
        Verdict::Evasive,
        Verdict::NoAnswer,
    ];

    /// Human label (`no answer`).
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Complete => "complete",
            Verdict::Partial => "partial",
            Verdict::Evasive => "evasive",
            Verdict::NoAnswer => "no answer",
        }
    }
}

impl std::str::FromStr for Verdict {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_lowercase().replace(['_', '-'], " ");
        Verdict::ALL
            .into_iter()
            .find(|v| v.label() == key)
            .ok_or_else(|| {
                format!("`{s}` is not a verdict (complete, partial, evasive, no answer)")
            })
    }
}

/// What the reviewer recorded about one question as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionReview {
    /// Review status.
    #[serde(default)]
    pub status: ReviewStatus,
    /// Verdict on the answer, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Tags of the question itself, sorted.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub tags: BTreeSet<String>,
    /// Last change (UTC, RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
}

impl QuestionReview {
    /// True when the record says nothing (and need not be stored).
    pub fn is_blank(&self) -> bool {
        self.status == ReviewStatus::Unreviewed && self.verdict.is_none() && self.tags.is_empty()
    }
}

/// A tag's optional presentation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagInfo {
    /// A colour name or `#rrggbb`, as the user gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// What the tag means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Everything in a notes file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotesFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] when written by this build.
    pub version: u32,
    /// Tag definitions by name.
    #[serde(default)]
    pub tags: BTreeMap<String, TagInfo>,
    /// Review records by question (keys written as `source:reference`);
    /// blank records are not kept.
    #[serde(default, with = "crate::corpus::id::qualified::keys")]
    pub questions: BTreeMap<QuestionId, QuestionReview>,
    /// All notes, sorted by id.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The analyst's corrections of detected families, in the order made
    /// (absent from files that have none, so older readers are unaffected).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<FamilyEdit>,
    /// Corrections of the social-media lens's facts, sorted by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<super::facts::FactCorrection>,
    /// Top-level fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for NotesFile {
    fn default() -> Self {
        Self {
            format: FORMAT.to_string(),
            version: VERSION,
            tags: BTreeMap::new(),
            questions: BTreeMap::new(),
            notes: Vec::new(),
            families: Vec::new(),
            facts: Vec::new(),
            extra: Extra::new(),
        }
    }
}

impl NotesFile {
    /// The note with this id.
    pub fn note(&self, id: &NoteId) -> Option<&Note> {
        self.position(id).map(|i| &self.notes[i])
    }

    /// Position of a note in `notes` (sorted by id, so a binary search).
    pub fn position(&self, id: &NoteId) -> Option<usize> {
        self.notes.binary_search_by(|n| n.id.cmp(id)).ok()
    }

    /// Notes about one question, in id (creation) order.
    pub fn notes_for(&self, question: QuestionId) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(move |n| n.question == question)
    }

    /// The review record of a question (a blank one when none is stored).
    pub fn review(&self, question: QuestionId) -> QuestionReview {
        self.questions.get(&question).cloned().unwrap_or_default()
    }

    /// Every tag name in use or defined, sorted.
    pub fn tag_names(&self) -> BTreeSet<String> {
        let mut names: BTreeSet<String> = self.tags.keys().cloned().collect();
        for n in &self.notes {
            names.extend(n.tags.iter().cloned());
        }
        for r in self.questions.values() {
            names.extend(r.tags.iter().cloned());
        }
        names
    }

    /// Restores the file's invariants after outside edits or a merge:
    /// notes sorted by id, blank review records dropped. Two notes under one
    /// id (a hand-resolved git conflict) are both kept when they differ: the
    /// later one becomes a conflict copy, as a merge would make it.
    pub fn normalise(&mut self) {
        self.questions.retain(|_, r| !r.is_blank());
        super::facts::normalise(&mut self.facts);
        // The common case (a file this build wrote) is already in order with
        // unique ids: one linear check, nothing moved.
        if self.notes.windows(2).all(|w| w[0].id < w[1].id) {
            return;
        }
        // Stable, so that of two notes under one id the one written later in
        // the file becomes the copy.
        self.notes.sort_by(|a, b| a.id.cmp(&b.id));
        let mut kept: Vec<Note> = Vec::with_capacity(self.notes.len());
        let mut copies = Vec::new();
        let mut group_start = 0;
        for n in std::mem::take(&mut self.notes) {
            if kept.last().is_some_and(|last| last.id != n.id) {
                group_start = kept.len();
            }
            // `kept[group_start]` is the first note kept under this id.
            match kept.get(group_start) {
                None => kept.push(n),
                Some(first) if first.id != n.id => kept.push(n),
                // An identical twin collapses.
                Some(first) if *first == n => {}
                // A differing twin becomes a conflict copy, as a merge would
                // make it; copies of identical twins share an id (it holds a
                // hash of the content) and collapse below.
                Some(_) => copies.push(n),
            }
        }
        let mut ids: std::collections::HashSet<NoteId> =
            kept.iter().map(|n| n.id.clone()).collect();
        for n in copies {
            let copy = crate::notes::merge::conflict_copy(&n);
            if ids.insert(copy.id.clone()) {
                kept.push(copy);
            }
        }
        kept.sort_by(|a, b| a.id.cmp(&b.id));
        self.notes = kept;
    }

    /// The correction of `platform` in `question`, when there is one.
    pub fn fact(
        &self,
        question: QuestionId,
        platform: &str,
    ) -> Option<&super::facts::FactCorrection> {
        let id = super::facts::FactCorrection::id_for(question, platform);
        self.facts.iter().find(|f| f.id == id)
    }

    /// Records a correction, replacing any earlier one of the same fact.
    pub fn set_fact(&mut self, correction: super::facts::FactCorrection) {
        self.facts.retain(|f| f.id != correction.id);
        self.facts.push(correction);
        super::facts::normalise(&mut self.facts);
    }

    /// Removes the correction of `platform` in `question`; true when there was one.
    pub fn clear_fact(&mut self, question: QuestionId, platform: &str) -> bool {
        let id = super::facts::FactCorrection::id_for(question, platform);
        let before = self.facts.len();
        self.facts.retain(|f| f.id != id);
        before != self.facts.len()
    }
}
