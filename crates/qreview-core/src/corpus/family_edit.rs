//! The analyst's corrections of detected families: take a question out of
//! the family it was detected in (split), or put two questions' families
//! together (join). They are stored in the notes file, never in the corpus,
//! and applied in the order they were made each time families are built.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::family::{Family, FamilyKind, Member};
use super::id::QuestionId;
use super::model::Question;

/// What `why` says of a family the analyst joined.
pub const JOINED_WHY: &str = "joined by the analyst";

/// One correction, as written in the notes file
/// (`{"split": "uk-parliament:1701003"}`, `{"join": ["…", "…"]}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FamilyEdit {
    /// This question is not of the family it was detected in.
    Split(#[serde(with = "super::id::qualified")] QuestionId),
    /// These two questions' families are one.
    Join(
        #[serde(with = "super::id::qualified")] QuestionId,
        #[serde(with = "super::id::qualified")] QuestionId,
    ),
}

/// Applies `edits` in order to `families` (sorted by id) and returns them
/// sorted again. An edit naming a question the corpus does not hold, or
/// splitting a question out of a family listed by its source, changes
/// nothing: the parliament's own lists are not the analyst's to undo.
pub fn apply(families: Vec<Family>, edits: &[FamilyEdit], questions: &[Question]) -> Vec<Family> {
    if edits.is_empty() {
        return families;
    }
    let mut groups: Vec<Option<(FamilyKind, Vec<Member>)>> = families
        .into_iter()
        .map(|f| Some((f.kind, f.members)))
        .collect();
    let mut at: HashMap<QuestionId, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for m in &group.as_ref().expect("all groups present").1 {
            at.insert(m.id, g);
        }
    }
    for edit in edits {
        match *edit {
            FamilyEdit::Split(id) => {
                let Some(&g) = at.get(&id) else { continue };
                let Some((kind, members)) = groups[g].as_mut() else {
                    continue;
                };
                if *kind == FamilyKind::Listed || members.len() < 2 {
                    continue;
                }
                let pos = members.iter().position(|m| m.id == id).expect("indexed");
                let member = members.remove(pos);
                at.insert(id, groups.len());
                groups.push(Some((FamilyKind::Listed, vec![member])));
            }
            FamilyEdit::Join(a, b) => {
                let (Some(&ga), Some(&gb)) = (at.get(&a), at.get(&b)) else {
                    continue;
                };
                if ga == gb {
                    continue;
                }
                let (_, moved) = groups[gb].take().expect("present");
                for m in &moved {
                    at.insert(m.id, ga);
                }
                let (kind, members) = groups[ga].as_mut().expect("present");
                members.extend(moved);
                *kind = FamilyKind::Detected {
                    why: JOINED_WHY.to_string(),
                };
            }
        }
    }
    let mut out: Vec<Family> = groups
        .into_iter()
        .flatten()
        .map(|(kind, mut members)| {
            members.sort_by_key(|m| m.id);
            // A detected family split down to one member is no family.
            let kind = if members.len() < 2 {
                FamilyKind::Listed
            } else {
                kind
            };
            let title = members
                .iter()
                .filter_map(|m| m.question)
                .find_map(|i| questions[i].title.clone());
            Family {
                id: members[0].id,
                kind,
                title,
                members,
            }
        })
        .collect();
    out.sort_by_key(|f| f.id);
    out
}
