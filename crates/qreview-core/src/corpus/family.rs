//! Families: questions connected by "Aussi posée à / Ook gesteld aan", with
//! placeholders for referenced siblings that the corpus does not hold.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::detect::{self, Detection};
use super::id::QuestionId;
use super::model::Question;

/// One member of a family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The member's id.
    pub id: QuestionId,
    /// Index into the corpus's questions; `None` for a placeholder known only
    /// because another question names it.
    #[serde(skip)]
    pub question: Option<usize>,
}

/// How a family was formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum FamilyKind {
    /// From the source's own sibling lists ("Aussi posée à / Ook gesteld
    /// aan"): the parliament says these are one question.
    Listed,
    /// Built by detection (same author, date and text sent to several
    /// ministers) where a source lists no siblings; `why` says on what.
    Detected {
        /// What the members were matched on, for the user to judge.
        why: String,
    },
}

/// A set of sibling questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Family {
    /// The smallest member id.
    pub id: QuestionId,
    /// Listed by the source or detected (`"kind": "listed"`, or
    /// `"kind": "detected", "why": …` beside the other fields).
    #[serde(flatten)]
    pub kind: FamilyKind,
    /// Title of the first member that has one.
    pub title: Option<String>,
    /// All members, loaded or not, by id.
    pub members: Vec<Member>,
}

impl Family {
    /// Number of members loaded in the corpus.
    pub fn loaded(&self) -> usize {
        self.members.iter().filter(|m| m.question.is_some()).count()
    }
}

/// Groups `questions` (sorted by id) into families by their sibling lists.
/// Siblings are always of the question's own source (a Senate list names
/// Senate questions), so families never mix sources.
pub fn build(questions: &[Question]) -> Vec<Family> {
    let mut index: HashMap<QuestionId, usize> = HashMap::new();
    let mut ids: Vec<QuestionId> = Vec::new();
    let mut slot = |id: QuestionId, ids: &mut Vec<QuestionId>| {
        *index.entry(id).or_insert_with(|| {
            ids.push(id);
            ids.len() - 1
        })
    };
    let mut edges = Vec::new();
    for q in questions {
        let a = slot(q.id, &mut ids);
        for s in &q.siblings {
            let b = slot(*s, &mut ids);
            edges.push((a, b));
        }
    }
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (a, b) in edges {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let loaded: HashMap<QuestionId, usize> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id, i))
        .collect();
    let mut groups: BTreeMap<QuestionId, Vec<QuestionId>> = BTreeMap::new();
    let mut by_root: HashMap<usize, Vec<QuestionId>> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let root = find(&mut parent, i);
        by_root.entry(root).or_default().push(*id);
    }
    for (_, mut members) in by_root {
        members.sort();
        groups.insert(members[0], members);
    }
    groups
        .into_iter()
        .map(|(id, members)| {
            let members: Vec<Member> = members
                .into_iter()
                .map(|m| Member {
                    id: m,
                    question: loaded.get(&m).copied(),
                })
                .collect();
            let title = members
                .iter()
                .filter_map(|m| m.question)
                .find_map(|i| questions[i].title.clone());
            Family {
                id,
                kind: FamilyKind::Listed,
                title,
                members,
            }
        })
        .collect()
}

/// [`build`], then the questions no list connects grouped by detection
/// (see [`super::detect`]); `None` detects nothing.
pub fn build_detected(questions: &[Question], detection: Option<&Detection>) -> Vec<Family> {
    let families = build(questions);
    let Some(detection) = detection else {
        return families;
    };
    let found = detect::detect(questions, detection);
    if found.is_empty() {
        return families;
    }
    let mut detected_ids: HashSet<QuestionId> = HashSet::new();
    let mut out: Vec<Family> = Vec::with_capacity(families.len());
    for d in found {
        let members: Vec<Member> = d
            .members
            .iter()
            .map(|&i| Member {
                id: questions[i].id,
                question: Some(i),
            })
            .collect();
        detected_ids.extend(members.iter().map(|m| m.id));
        out.push(Family {
            id: members[0].id,
            kind: FamilyKind::Detected { why: d.why },
            title: d.members.iter().find_map(|&i| questions[i].title.clone()),
            members,
        });
    }
    // Detection only takes questions that list no siblings: each was a
    // family of one, which the detected family replaces.
    out.extend(
        families
            .into_iter()
            .filter(|f| !(f.members.len() == 1 && detected_ids.contains(&f.members[0].id))),
    );
    out.sort_by_key(|f| f.id);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: &str, siblings: &[&str]) -> Question {
        let mut q = Question::new(id.parse().unwrap());
        q.siblings = siblings.iter().map(|s| s.parse().unwrap()).collect();
        q
    }

    #[test]
    fn connects_siblings_and_keeps_placeholders() {
        let qs = vec![q("5-1", &["5-2", "5-3"]), q("5-2", &["5-1"]), q("5-9", &[])];
        let f = build(&qs);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].members.len(), 3);
        assert_eq!(f[0].loaded(), 2);
        assert_eq!(f[0].members[2].question, None);
        assert_eq!(f[1].id.to_string(), "5-9");
        assert_eq!(f[0].kind, FamilyKind::Listed);
        let json = serde_json::to_value(&f[0].kind).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "listed"}));
    }
}
