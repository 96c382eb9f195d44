//! Merging two versions of the notes: a three-way merge by note id between
//! the version last read from disk (the base), the one in memory (ours) and
//! the one now on disk or in a colleague's file (theirs).
//!
//! Nothing is dropped silently: notes new on either side are kept; a note
//! edited on both sides is kept twice, the other side's version as a copy
//! marked `conflict_of`; a note deleted on one side but edited on the other
//! is kept. A merge with an empty base is a plain union by id, which is what
//! `qreview notes merge OTHER.json` does.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::model::{Note, NoteId, NotesFile};
use crate::corpus::{FamilyEdit, QuestionId};

/// A note edited on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteConflict {
    /// The note as kept from our side.
    pub id: NoteId,
    /// The copy holding the other side's version.
    pub copy: NoteId,
}

/// What a merge did, for the status line or the shell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Notes only the other side had, now added.
    pub added: Vec<NoteId>,
    /// Notes changed only on the other side, now updated.
    pub updated: Vec<NoteId>,
    /// Notes the other side deleted (unchanged here), now removed.
    pub removed: Vec<NoteId>,
    /// Notes deleted on one side and edited on the other: kept.
    pub kept: Vec<NoteId>,
    /// Notes edited on both sides: both versions kept.
    pub conflicts: Vec<NoteConflict>,
    /// Questions whose status, verdict or tags changed on both sides (the
    /// later change won, tags were united).
    pub review_conflicts: Vec<QuestionId>,
    /// Tags defined differently on both sides (ours kept).
    pub tag_conflicts: Vec<String>,
    /// Lens corrections changed on both sides (the later kept).
    pub fact_conflicts: Vec<String>,
}

impl MergeReport {
    /// True when the other side brought nothing.
    pub fn is_empty(&self) -> bool {
        *self == MergeReport::default()
    }

    /// True when something needs the user's eye.
    pub fn has_conflicts(&self) -> bool {
        !self.conflicts.is_empty()
            || !self.review_conflicts.is_empty()
            || !self.tag_conflicts.is_empty()
            || !self.fact_conflicts.is_empty()
    }
}

impl fmt::Display for MergeReport {
    /// One line: `merged: 2 added, 1 updated; 1 conflict (both versions kept: a~…)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        let mut count = |n: usize, what: &str| {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        };
        count(self.added.len(), "added");
        count(self.updated.len(), "updated");
        count(self.removed.len(), "removed");
        count(self.kept.len(), "kept although deleted on one side");
        if parts.is_empty() && !self.has_conflicts() {
            return f.write_str("merged: nothing new");
        }
        write!(f, "merged: {}", parts.join(", "))?;
        if !self.conflicts.is_empty() {
            let copies: Vec<String> = self.conflicts.iter().map(|c| c.copy.0.clone()).collect();
            write!(
                f,
                "; {} note(s) edited on both sides, both versions kept (copies {})",
                self.conflicts.len(),
                copies.join(", ")
            )?;
        }
        if !self.review_conflicts.is_empty() {
            let ids: Vec<String> = self
                .review_conflicts
                .iter()
                .map(|q| q.to_string())
                .collect();
            write!(
                f,
                "; review of {} changed on both sides (later change kept)",
                ids.join(", ")
            )?;
        }
        if !self.fact_conflicts.is_empty() {
            write!(
                f,
                "; correction(s) {} changed on both sides (later kept)",
                self.fact_conflicts.join(", ")
            )?;
        }
        if !self.tag_conflicts.is_empty() {
            write!(
                f,
                "; tag(s) {} defined differently (ours kept)",
                self.tag_conflicts.join(", ")
            )?;
        }
        Ok(())
    }
}

/// FNV-1a: a small hash that is the same in every build, so that two
/// processes resolving the same conflict name the copy alike.
fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The other side's version of a conflicting note, under a derived id.
pub(crate) fn conflict_copy(theirs: &Note) -> Note {
    let mut copy = theirs.clone();
    copy.conflict_of = Some(theirs.id.clone());
    let hash = stable_hash(&serde_json::to_vec(theirs).unwrap_or_default());
    copy.id = NoteId(format!("{}~{:08x}", theirs.id, hash as u32));
    copy
}

/// Three-way merge of `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &NotesFile, ours: &NotesFile, theirs: &NotesFile) -> (NotesFile, MergeReport) {
    let mut report = MergeReport::default();
    let index = |f: &NotesFile| -> BTreeMap<NoteId, Note> {
        f.notes.iter().map(|n| (n.id.clone(), n.clone())).collect()
    };
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let ids: BTreeSet<&NoteId> = b.keys().chain(o.keys()).chain(t.keys()).collect();
    let mut out: BTreeMap<NoteId, Note> = BTreeMap::new();
    let mut copies = Vec::new();
    for id in ids {
        let (bn, on, tn) = (b.get(id), o.get(id), t.get(id));
        let keep = match (bn, on, tn) {
            (_, Some(x), Some(y)) if x == y => Some(x),
            (_, None, None) => None,
            (None, Some(x), None) => Some(x),
            (None, None, Some(y)) => {
                report.added.push(id.clone());
                Some(y)
            }
            (Some(base), Some(x), Some(y)) if x == base => {
                report.updated.push(id.clone());
                Some(y)
            }
            (Some(base), Some(x), Some(y)) if y == base => Some(x),
            (_, Some(x), Some(y)) => {
                copies.push(conflict_copy(y));
                Some(x)
            }
            (Some(base), Some(x), None) if x == base => {
                report.removed.push(id.clone());
                None
            }
            (Some(base), None, Some(y)) if y == base => None,
            (Some(_), Some(x), None) | (Some(_), None, Some(x)) => {
                report.kept.push(id.clone());
                Some(x)
            }
        };
        if let Some(n) = keep {
            out.insert(id.clone(), n.clone());
        }
    }
    for copy in copies {
        let original = copy
            .conflict_of
            .clone()
            .expect("copies name their original");
        match out.get(&copy.id) {
            // Already merged once (a copy identical to this one exists).
            Some(existing) if existing == &copy => {}
            _ => {
                report.conflicts.push(NoteConflict {
                    id: original,
                    copy: copy.id.clone(),
                });
                out.insert(copy.id.clone(), copy);
            }
        }
    }

    let mut merged = NotesFile {
        notes: out.into_values().collect(),
        ..NotesFile::default()
    };
    merged.tags = merge_map(
        &base.tags,
        &ours.tags,
        &theirs.tags,
        |_, o, _| o.clone(),
        &mut |k| {
            report.tag_conflicts.push(k.clone());
        },
    );
    merged.questions = merge_map(
        &base.questions,
        &ours.questions,
        &theirs.questions,
        |_, o, t| {
            let mut win = if t.updated > o.updated {
                t.clone()
            } else {
                o.clone()
            };
            win.tags = o.tags.union(&t.tags).cloned().collect();
            win
        },
        &mut |q| report.review_conflicts.push(*q),
    );
    merged.families = merge_family_edits(&base.families, &ours.families, &theirs.families);
    let (facts, fact_conflicts) = super::facts::merge(&base.facts, &ours.facts, &theirs.facts);
    merged.facts = facts;
    report.fact_conflicts = fact_conflicts;
    // Unknown top-level fields (a newer qreview's) merge key by key; where
    // both sides changed one, ours is kept.
    let map = |m: &super::model::Extra| -> BTreeMap<String, serde_json::Value> {
        m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    merged.extra = merge_map(
        &map(&base.extra),
        &map(&ours.extra),
        &map(&theirs.extra),
        |_, o, _| o.clone(),
        &mut |_| {},
    )
    .into_iter()
    .collect();
    merged.normalise();
    (merged, report)
}

/// Family corrections: ours in order, less those the other side undid
/// (in the base, no longer in theirs), then theirs that are new.
fn merge_family_edits(
    base: &[FamilyEdit],
    ours: &[FamilyEdit],
    theirs: &[FamilyEdit],
) -> Vec<FamilyEdit> {
    let mut out: Vec<FamilyEdit> = ours
        .iter()
        .filter(|e| !base.contains(e) || theirs.contains(e))
        .cloned()
        .collect();
    for e in theirs {
        if !base.contains(e) && !out.contains(e) {
            out.push(*e);
        }
    }
    out
}

/// Three-way merge of a map, key by key; `both` settles a key changed on
/// both sides, which is then reported through `conflict`.
fn merge_map<K: Ord + Clone, V: Clone + PartialEq>(
    base: &BTreeMap<K, V>,
    ours: &BTreeMap<K, V>,
    theirs: &BTreeMap<K, V>,
    both: impl Fn(&K, &V, &V) -> V,
    conflict: &mut dyn FnMut(&K),
) -> BTreeMap<K, V> {
    let keys: BTreeSet<&K> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut out = BTreeMap::new();
    for k in keys {
        let (b, o, t) = (base.get(k), ours.get(k), theirs.get(k));
        let v = if o == t {
            o.cloned()
        } else if o == b {
            t.cloned()
        } else if t == b {
            o.cloned()
        } else {
            match (o, t) {
                (Some(o), Some(t)) => {
                    conflict(k);
                    Some(both(k, o, t))
                }
                // Deleted on one side, changed on the other: keep the change.
                (Some(x), None) | (None, Some(x)) => Some(x.clone()),
                (None, None) => None,
            }
        };
        if let Some(v) = v {
            out.insert(k.clone(), v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::Verdict;

    fn q() -> QuestionId {
        QuestionId::senate(5, 8902)
    }

    #[test]
    fn both_sides_new_notes_are_kept() {
        let base = NotesFile::default();
        let mut ours = base.clone();
        let a = ours.add_note(q(), "ours", &[], None).unwrap();
        let mut theirs = base.clone();
        let b = theirs.add_note(q(), "theirs", &[], None).unwrap();
        let (m, r) = merge(&base, &ours, &theirs);
        assert!(m.note(&a).is_some() && m.note(&b).is_some());
        assert_eq!(r.added, vec![b]);
        assert!(!r.has_conflicts());
    }

    #[test]
    fn edit_on_both_sides_keeps_both_and_is_idempotent() {
        let mut base = NotesFile::default();
        let id = base.add_note(q(), "start", &[], None).unwrap();
        let mut ours = base.clone();
        ours.edit_note(&id, "ours").unwrap();
        let mut theirs = base.clone();
        theirs.edit_note(&id, "theirs").unwrap();
        let (m, r) = merge(&base, &ours, &theirs);
        assert_eq!(r.conflicts.len(), 1);
        assert_eq!(m.note(&id).unwrap().text, "ours");
        let copy = m.note(&r.conflicts[0].copy).unwrap();
        assert_eq!(copy.text, "theirs");
        assert_eq!(copy.conflict_of.as_ref(), Some(&id));
        // Merging the same colleague file again changes nothing.
        let (again, r2) = merge(&NotesFile::default(), &m, &theirs);
        assert_eq!(again, m);
        assert!(r2.conflicts.is_empty(), "{r2}");
    }

    #[test]
    fn deletes_and_one_sided_edits() {
        let mut base = NotesFile::default();
        let keep = base.add_note(q(), "keep", &[], None).unwrap();
        let gone = base.add_note(q(), "gone", &[], None).unwrap();
        let mut ours = base.clone();
        ours.delete_note(&gone).unwrap();
        ours.delete_note(&keep).unwrap();
        let mut theirs = base.clone();
        theirs.edit_note(&keep, "edited there").unwrap();
        let (m, r) = merge(&base, &ours, &theirs);
        assert!(m.note(&gone).is_none());
        assert_eq!(m.note(&keep).unwrap().text, "edited there");
        assert_eq!(r.kept, vec![keep]);
    }

    #[test]
    fn reviews_merge_by_key() {
        let base = NotesFile::default();
        let mut ours = base.clone();
        ours.set_verdict(q(), Some(Verdict::Partial));
        let mut theirs = base.clone();
        theirs.set_verdict(QuestionId::senate(5, 8903), Some(Verdict::Complete));
        let (m, r) = merge(&base, &ours, &theirs);
        assert_eq!(m.questions.len(), 2);
        assert!(r.review_conflicts.is_empty());
    }
}
