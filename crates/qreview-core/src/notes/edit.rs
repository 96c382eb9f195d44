//! Changes to the notes held in memory: add, edit, delete and tag notes; set
//! a question's review status, verdict and tags; define tags.
//!
//! Every change stamps `updated` so that a merge can tell which side changed
//! a note. Nothing here touches the disk: the caller saves afterwards
//! ([`super::store::Store::save`]).

use std::collections::BTreeSet;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::{Timestamp, Unit};

use super::model::{
    Anchor, Note, NoteId, NotesFile, QuestionReview, ReviewStatus, TagInfo, Verdict,
};
use crate::corpus::QuestionId;

/// Why a change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No note has this id.
    #[error("no note with id {0}")]
    NoSuchNote(NoteId),
    /// A tag name was empty or held a control character.
    #[error("`{0}` is not a usable tag name: it must be non-empty and on one line")]
    BadTag(String),
}

/// The current time, to the second (notes files stay short and stable).
pub fn now() -> Timestamp {
    let t = Timestamp::now();
    t.round(Unit::Second).unwrap_or(t)
}

/// A fresh note id: milliseconds since 1970 (12 hex digits, so ids sort by
/// creation) and 32 bits from a per-process random key mixed with the process
/// id, the time in nanoseconds and a counter, so that two processes (or two
/// calls in the same millisecond) do not collide.
pub fn new_id() -> NoteId {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = Timestamp::now();
    let millis = now.as_millisecond().max(0) as u64;
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_i128(now.as_nanosecond());
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    NoteId(format!("{millis:012x}-{:08x}", h.finish() as u32))
}

/// Checks and trims a tag name. Invisible characters are dropped (the
/// sanitiser's rules), so that `=z` and `=z` behind a zero-width space are
/// one tag, not two that look the same.
pub fn tag_name(name: &str) -> Result<String, EditError> {
    if name.chars().any(char::is_control) {
        return Err(EditError::BadTag(
            crate::sanitize::sanitize(name).into_owned(),
        ));
    }
    let cleaned = crate::sanitize::sanitize(name);
    let t = cleaned.trim();
    if t.is_empty() {
        return Err(EditError::BadTag(name.to_string()));
    }
    Ok(t.to_string())
}

impl NotesFile {
    /// Adds a note and returns its id. Tags are registered in `tags`.
    pub fn add_note(
        &mut self,
        question: QuestionId,
        text: &str,
        tags: &[String],
        anchor: Option<Anchor>,
    ) -> Result<NoteId, EditError> {
        let tags = tags
            .iter()
            .map(|t| tag_name(t))
            .collect::<Result<BTreeSet<_>, _>>()?;
        let mut id = new_id();
        while self.position(&id).is_some() {
            id = new_id();
        }
        for t in &tags {
            self.tags.entry(t.clone()).or_default();
        }
        let t = now();
        let note = Note {
            id: id.clone(),
            question,
            anchor,
            text: text.to_string(),
            tags,
            created: t,
            updated: t,
            conflict_of: None,
            extra: Default::default(),
        };
        let at = self.notes.partition_point(|n| n.id < id);
        self.notes.insert(at, note);
        Ok(id)
    }

    fn note_mut(&mut self, id: &NoteId) -> Result<&mut Note, EditError> {
        let i = self
            .position(id)
            .ok_or_else(|| EditError::NoSuchNote(id.clone()))?;
        Ok(&mut self.notes[i])
    }

    /// Replaces a note's text.
    pub fn edit_note(&mut self, id: &NoteId, text: &str) -> Result<(), EditError> {
        let n = self.note_mut(id)?;
        if n.text != text {
            n.text = text.to_string();
            n.updated = now();
        }
        Ok(())
    }

    /// Replaces a note's anchor (or removes it with `None`).
    pub fn set_anchor(&mut self, id: &NoteId, anchor: Option<Anchor>) -> Result<(), EditError> {
        let n = self.note_mut(id)?;
        if n.anchor != anchor {
            n.anchor = anchor;
            n.updated = now();
        }
        Ok(())
    }

    /// Adds a tag to a note (registering the tag); true if it was new.
    pub fn tag_note(&mut self, id: &NoteId, tag: &str) -> Result<bool, EditError> {
        let tag = tag_name(tag)?;
        self.tags.entry(tag.clone()).or_default();
        let n = self.note_mut(id)?;
        let added = n.tags.insert(tag);
        if added {
            n.updated = now();
        }
        Ok(added)
    }

    /// Removes a tag from a note; true if it was there.
    pub fn untag_note(&mut self, id: &NoteId, tag: &str) -> Result<bool, EditError> {
        let n = self.note_mut(id)?;
        let removed = n.tags.remove(tag.trim());
        if removed {
            n.updated = now();
        }
        Ok(removed)
    }

    /// Deletes a note and returns it.
    pub fn delete_note(&mut self, id: &NoteId) -> Result<Note, EditError> {
        let i = self
            .position(id)
            .ok_or_else(|| EditError::NoSuchNote(id.clone()))?;
        Ok(self.notes.remove(i))
    }

    /// Changes a question's review record through `f`, stamping and dropping
    /// blank records.
    fn with_review(&mut self, q: QuestionId, f: impl FnOnce(&mut QuestionReview)) {
        let mut r = self.review(q);
        let before = r.clone();
        f(&mut r);
        if r == before {
            return;
        }
        r.updated = Some(now());
        if r.is_blank() {
            self.questions.remove(&q);
        } else {
            self.questions.insert(q, r);
        }
    }

    /// Sets a question's review status.
    pub fn set_status(&mut self, q: QuestionId, status: ReviewStatus) {
        self.with_review(q, |r| r.status = status);
    }

    /// Moves a question's status to the next one and returns it (`r`).
    pub fn cycle_status(&mut self, q: QuestionId) -> ReviewStatus {
        let next = self.review(q).status.next();
        self.set_status(q, next);
        next
    }

    /// Sets or clears a question's verdict.
    pub fn set_verdict(&mut self, q: QuestionId, verdict: Option<Verdict>) {
        self.with_review(q, |r| r.verdict = verdict);
    }

    /// Adds a tag to a question (registering the tag); true if it was new.
    pub fn tag_question(&mut self, q: QuestionId, tag: &str) -> Result<bool, EditError> {
        let tag = tag_name(tag)?;
        self.tags.entry(tag.clone()).or_default();
        let mut added = false;
        self.with_review(q, |r| added = r.tags.insert(tag));
        Ok(added)
    }

    /// Removes a tag from a question; true if it was there.
    pub fn untag_question(&mut self, q: QuestionId, tag: &str) -> bool {
        let mut removed = false;
        self.with_review(q, |r| removed = r.tags.remove(tag.trim()));
        removed
    }

    /// Creates or redefines a tag's colour and description.
    pub fn define_tag(&mut self, name: &str, info: TagInfo) -> Result<(), EditError> {
        self.tags.insert(tag_name(name)?, info);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> QuestionId {
        QuestionId::senate(5, 8902)
    }

    #[test]
    fn ids_are_unique_and_sorted_by_creation() {
        let ids: Vec<NoteId> = (0..2000).map(|_| new_id()).collect();
        let set: BTreeSet<_> = ids.iter().collect();
        assert_eq!(set.len(), ids.len());
        assert!(ids.windows(2).all(|w| w[0].0[..12] <= w[1].0[..12]));
    }

    #[test]
    fn notes_stay_sorted_and_tags_register() {
        let mut f = NotesFile::default();
        let a = f.add_note(q(), "one", &["evasive".into()], None).unwrap();
        let b = f.add_note(q(), "two", &[], None).unwrap();
        assert!(f.notes.windows(2).all(|w| w[0].id < w[1].id));
        assert!(f.tags.contains_key("evasive"));
        f.edit_note(&b, "two, edited").unwrap();
        assert_eq!(f.note(&b).unwrap().text, "two, edited");
        assert!(f.tag_note(&a, "follow-up").unwrap());
        assert!(!f.tag_note(&a, "follow-up").unwrap());
        assert_eq!(f.delete_note(&a).unwrap().text, "one");
        assert_eq!(f.delete_note(&a), Err(EditError::NoSuchNote(a)));
        assert!(f.add_note(q(), "x", &[" ".into()], None).is_err());
    }

    #[test]
    fn tag_names_lose_invisible_characters() {
        assert_eq!(tag_name("\u{200b}=z").unwrap(), "=z");
        assert_eq!(tag_name("fol\u{ad}low\u{e0041}-up ").unwrap(), "follow-up");
        assert!(tag_name("\u{3164}\u{115f}").is_err());
        assert!(tag_name("a\u{1b}b").is_err());
        let mut f = NotesFile::default();
        f.add_note(q(), "x", &["=z".into(), "\u{200b}=z".into()], None)
            .unwrap();
        assert_eq!(f.tag_names().len(), 1);
    }

    #[test]
    fn review_records_cycle_and_blank_ones_vanish() {
        let mut f = NotesFile::default();
        assert_eq!(f.cycle_status(q()), ReviewStatus::InProgress);
        assert_eq!(f.cycle_status(q()), ReviewStatus::Reviewed);
        f.set_verdict(q(), Some(Verdict::Evasive));
        assert_eq!(f.review(q()).verdict, Some(Verdict::Evasive));
        f.set_verdict(q(), None);
        assert_eq!(f.cycle_status(q()), ReviewStatus::Unreviewed);
        assert!(f.questions.is_empty());
        f.tag_question(q(), "x").unwrap();
        assert!(f.review(q()).tags.contains("x"));
        assert_eq!("No-Answer".parse::<Verdict>(), Ok(Verdict::NoAnswer));
    }
}
