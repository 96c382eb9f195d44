//! The analyst's corrections of the social-media lens's facts: confirm,
//! correct or reject what was extracted about one platform in one answer.
//!
//! Stored in the notes file as a top-level list `"facts": [...]` sorted by
//! id, merged by id like notes (a correction changed on both sides: the
//! later one wins). Applying them to extracted facts is the lens's job.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::corpus::QuestionId;

/// What the analyst said of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactVerdict {
    /// Checked and right.
    Confirmed,
    /// Changed by hand.
    Corrected,
    /// Wrong: not a fact (the platform is then "not mentioned").
    Rejected,
}

impl FactVerdict {
    /// `confirmed`, `corrected`, `rejected`.
    pub fn label(self) -> &'static str {
        match self {
            FactVerdict::Confirmed => "confirmed",
            FactVerdict::Corrected => "corrected",
            FactVerdict::Rejected => "rejected",
        }
    }
}

impl std::str::FromStr for FactVerdict {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "confirm" | "confirmed" => Ok(FactVerdict::Confirmed),
            "correct" | "corrected" => Ok(FactVerdict::Corrected),
            "reject" | "rejected" => Ok(FactVerdict::Rejected),
            _ => Err(format!("`{s}` is not confirm, correct or reject")),
        }
    }
}

/// One correction: a verdict on what one answer says about one platform,
/// with the values that replace the extracted ones when corrected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactCorrection {
    /// `5-8902/facebook`: one correction per question and platform.
    pub id: String,
    /// The question.
    pub question: QuestionId,
    /// The platform's id (`facebook`).
    pub platform: String,
    /// Confirmed, corrected or rejected.
    pub verdict: FactVerdict,
    /// Corrected: used or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used: Option<bool>,
    /// Corrected: the account name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Corrected: figures by metric name (`likes`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metrics: BTreeMap<String, u64>,
    /// The passage the fact stood on when the verdict was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// When the verdict was given (UTC, RFC 3339).
    pub updated: Timestamp,
}

impl FactCorrection {
    /// The id of the correction of `platform` in `question`.
    pub fn id_for(question: QuestionId, platform: &str) -> String {
        format!("{question}/{platform}")
    }

    /// A verdict with no corrected values, dated now.
    pub fn new(question: QuestionId, platform: &str, verdict: FactVerdict) -> Self {
        FactCorrection {
            id: Self::id_for(question, platform),
            question,
            platform: platform.to_string(),
            verdict,
            used: None,
            account: None,
            metrics: BTreeMap::new(),
            quote: None,
            updated: Timestamp::now(),
        }
    }
}

/// Sorts by id; of two corrections under one id the later is kept.
pub fn normalise(facts: &mut Vec<FactCorrection>) {
    facts.sort_by(|a, b| a.id.cmp(&b.id).then(b.updated.cmp(&a.updated)));
    facts.dedup_by(|later, earlier| later.id == earlier.id);
}

/// Three-way merge by id: a side's change wins over the base; changed on
/// both sides, the later one wins (its id is returned as a conflict);
/// deleted on one side and changed on the other, the change is kept.
pub fn merge(
    base: &[FactCorrection],
    ours: &[FactCorrection],
    theirs: &[FactCorrection],
) -> (Vec<FactCorrection>, Vec<String>) {
    let index = |v: &[FactCorrection]| -> BTreeMap<String, FactCorrection> {
        v.iter().map(|f| (f.id.clone(), f.clone())).collect()
    };
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let ids: BTreeSet<&String> = b.keys().chain(o.keys()).chain(t.keys()).collect();
    let mut out = Vec::new();
    let mut conflicts = Vec::new();
    for id in ids {
        let (bf, of, tf) = (b.get(id), o.get(id), t.get(id));
        let keep = if of == tf {
            of
        } else if of == bf {
            tf
        } else if tf == bf {
            of
        } else {
            match (of, tf) {
                (Some(x), Some(y)) => {
                    conflicts.push(id.clone());
                    Some(if y.updated > x.updated { y } else { x })
                }
                (Some(x), None) | (None, Some(x)) => Some(x),
                (None, None) => None,
            }
        };
        if let Some(f) = keep {
            out.push(f.clone());
        }
    }
    (out, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> QuestionId {
        QuestionId::senate(5, 8902)
    }

    #[test]
    fn merges_by_id_later_change_wins() {
        let base = vec![FactCorrection::new(q(), "facebook", FactVerdict::Confirmed)];
        let mut ours = base.clone();
        ours.push(FactCorrection::new(q(), "vimeo", FactVerdict::Rejected));
        let mut theirs = base.clone();
        theirs[0].verdict = FactVerdict::Rejected;
        let (m, c) = merge(&base, &ours, &theirs);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].verdict, FactVerdict::Rejected);
        assert!(c.is_empty());
        // Both changed: the later wins and is reported.
        let mut o2 = base.clone();
        o2[0].verdict = FactVerdict::Corrected;
        let mut t2 = base.clone();
        t2[0].verdict = FactVerdict::Rejected;
        t2[0].updated = o2[0].updated + jiff::SignedDuration::from_secs(5);
        let (m, c) = merge(&base, &o2, &t2);
        assert_eq!(m[0].verdict, FactVerdict::Rejected);
        assert_eq!(c, vec![FactCorrection::id_for(q(), "facebook")]);
    }

    #[test]
    fn normalise_keeps_the_later_of_twins() {
        let a = FactCorrection::new(q(), "twitter", FactVerdict::Confirmed);
        let mut b = a.clone();
        b.verdict = FactVerdict::Rejected;
        b.updated = a.updated + jiff::SignedDuration::from_secs(1);
        let mut v = vec![a, b];
        normalise(&mut v);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].verdict, FactVerdict::Rejected);
        assert_eq!("reject".parse::<FactVerdict>(), Ok(FactVerdict::Rejected));
    }
}
