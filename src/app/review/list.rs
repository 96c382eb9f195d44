//! State of the Notes view: the filters (tag, review status, text), the
//! cursor over the notes that pass them, and the rows as they are shown
//! (question, ministry, part, tags, first line).

use crate::corpus::{Corpus, QuestionId};
use crate::notes::{Note, NoteId, NotesFile, ReviewStatus};

use super::target::is_detached;

/// The Notes view's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesList {
    /// Only notes with this tag (on the note or on its question).
    pub tag: Option<String>,
    /// Only notes on questions with this review status.
    pub status: Option<ReviewStatus>,
    /// Only notes whose text, quote, question or ministry contain this
    /// (case and accents ignored).
    pub text: String,
    /// Index of the selected row among the filtered notes.
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    /// The rows that pass the filters, as drawn: computed by [`Self::refresh`]
    /// in `update` (after a change to the notes, the filters, the corpus or
    /// the size), never per frame (each row locates its note's anchor).
    pub shown: Vec<NoteRow>,
}

/// One row of the Notes view, every string as stored (drawing sanitises).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRow {
    /// The note's id.
    pub id: NoteId,
    /// Its question.
    pub question: QuestionId,
    /// The question's ministry (`-` when unknown or not loaded).
    pub ministry: String,
    /// `answer 2.`, `question`, `-` (no anchor), followed by ` detached`
    /// when the quote is gone.
    pub part: String,
    /// Note tags, comma-separated.
    pub tags: String,
    /// The first line of the text.
    pub first_line: String,
    /// True when the anchor's quote is gone from the text.
    pub detached: bool,
}

/// Lower case without accents, for matching.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

impl NotesList {
    /// True when a filter is set.
    pub fn filtered(&self) -> bool {
        self.tag.is_some() || self.status.is_some() || !self.text.is_empty()
    }

    /// Does `note` pass the filters?
    fn passes(&self, note: &Note, notes: &NotesFile, corpus: &Corpus) -> bool {
        let review = notes.review(note.question);
        if let Some(t) = &self.tag
            && !note.tags.contains(t)
            && !review.tags.contains(t)
        {
            return false;
        }
        if let Some(s) = self.status
            && review.status != s
        {
            return false;
        }
        if !self.text.is_empty() {
            let want = fold(&self.text);
            let q = corpus.get(note.question);
            let hay = [
                note.text.as_str(),
                note.anchor.as_ref().map_or("", |a| a.quote.as_str()),
                &note.question.to_string(),
                q.and_then(|q| q.ministry.as_deref()).unwrap_or(""),
            ];
            if !hay.iter().any(|h| fold(h).contains(&want)) {
                return false;
            }
        }
        true
    }

    /// The notes that pass the filters, by question, then by place in
    /// its text (question before answer, unanchored first), then by creation.
    pub fn notes<'a>(&self, notes: &'a NotesFile, corpus: &Corpus) -> Vec<&'a Note> {
        let mut shown: Vec<&Note> = notes
            .notes
            .iter()
            .filter(|n| self.passes(n, notes, corpus))
            .collect();
        // The key borrows the id: cloning it per comparison made 100,000
        // notes take seconds.
        let key = |n: &&'a Note| {
            let place = n.anchor.as_ref().map(|a| (a.field, a.start));
            (n.question, place, n.created, &n.id)
        };
        shown.sort_by(|a, b| key(a).cmp(&key(b)));
        shown
    }

    /// The rows shown.
    pub fn rows(&self, notes: &NotesFile, corpus: &Corpus) -> Vec<NoteRow> {
        self.notes(notes, corpus)
            .into_iter()
            .map(|n| row(n, corpus))
            .collect()
    }

    /// Computes [`Self::shown`] again.
    pub fn refresh(&mut self, notes: &NotesFile, corpus: &Corpus) {
        self.shown = self.rows(notes, corpus);
    }

    /// The selected note's id (from the rows last computed).
    pub fn selected(&self) -> Option<&NoteId> {
        self.shown.get(self.cursor).map(|r| &r.id)
    }

    /// Keeps the cursor on a row and inside a window of `height` rows.
    pub fn clamp(&mut self, count: usize, height: usize) {
        self.cursor = self.cursor.min(count.saturating_sub(1));
        let height = height.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(count.saturating_sub(1));
    }

    /// The next status filter in the cycle any → unreviewed → in progress → reviewed → any.
    pub fn cycle_status(&mut self) {
        self.status = match self.status {
            None => Some(ReviewStatus::Unreviewed),
            Some(ReviewStatus::Reviewed) => None,
            Some(s) => Some(s.next()),
        };
        self.cursor = 0;
    }

    /// The filters in words, for the view's top line.
    pub fn describe(&self) -> String {
        format!(
            "tag: {} · status: {} · text: {}",
            self.tag.as_deref().unwrap_or("any"),
            self.status.map_or("any", ReviewStatus::label),
            if self.text.is_empty() {
                "-"
            } else {
                &self.text
            }
        )
    }
}

fn row(n: &Note, corpus: &Corpus) -> NoteRow {
    let q = corpus.get(n.question);
    let detached = is_detached(n, q);
    let mut part = match &n.anchor {
        Some(a) => match &a.part {
            Some(p) => format!("{} {p}", a.field.name()),
            None => a.field.name().to_string(),
        },
        None => "-".to_string(),
    };
    if detached {
        part.push_str(" detached");
    }
    NoteRow {
        id: n.id.clone(),
        question: n.question,
        ministry: q
            .map(|q| crate::corpus::display::ministry_label(q.ministry.as_deref()).to_string())
            .unwrap_or_else(|| "-".into()),
        part,
        tags: n.tags.iter().cloned().collect::<Vec<_>>().join(", "),
        first_line: n.text.lines().next().unwrap_or("").to_string(),
        detached,
    }
}
