//! Timeline figures of a family: who answered, how fast, who needed a reminder.

use jiff::civil::Date;
use serde::Serialize;

use crate::corpus::{Corpus, Family, QuestionId};

/// One member's row of figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberFigures {
    /// The member's id.
    pub id: QuestionId,
    /// True when the corpus holds this question (not just a reference to it).
    pub loaded: bool,
    /// Short ministry label.
    pub ministry: Option<String>,
    /// Date sent.
    pub sent: Option<Date>,
    /// Reminder dates.
    pub reminders: Vec<Date>,
    /// Date answered.
    pub answered: Option<Date>,
    /// Days from sending to answer.
    pub days_to_answer: Option<i64>,
    /// Days from the last reminder to the answer.
    pub reminder_to_answer: Option<i64>,
    /// True when the corpus holds the answer's text (not just its date).
    pub answer_text: bool,
}

/// A member and its number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Extreme {
    /// The member.
    pub id: QuestionId,
    /// Its days to answer.
    pub days: i64,
}

/// A family's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyFigures {
    /// The family's id (smallest member).
    pub family: QuestionId,
    /// Its title.
    pub title: Option<String>,
    /// One row per member, loaded or not, by id.
    pub members: Vec<MemberFigures>,
    /// Members with an answer date.
    pub answered: usize,
    /// Loaded members without an answer date.
    pub unanswered: usize,
    /// Members known only as a sibling number (not in the corpus).
    pub not_in_corpus: usize,
    /// Members that needed at least one reminder.
    pub reminded: usize,
    /// Median days to answer over answered members.
    pub median_days: Option<f64>,
    /// Median days from the last reminder to the answer, over the members
    /// that were reminded and then answered.
    pub median_reminder_to_answer: Option<f64>,
    /// Fastest answer (lowest id on ties).
    pub fastest: Option<Extreme>,
    /// Slowest answer (lowest id on ties).
    pub slowest: Option<Extreme>,
}

impl FamilyFigures {
    /// `5-8904 Pensions, 8 days`: a fastest or slowest member named with
    /// its ministry, so the figure reads without looking the id up.
    pub fn named(&self, e: Option<Extreme>) -> String {
        let Some(e) = e else {
            return "-".into();
        };
        let ministry = self
            .members
            .iter()
            .find(|m| m.id == e.id)
            .and_then(|m| m.ministry.as_deref());
        match ministry {
            Some(m) => format!("{} {m}, {} days", e.id, e.days),
            None => format!("{}, {} days", e.id, e.days),
        }
    }

    /// The members that needed at least one reminder, by id.
    pub fn reminded_ids(&self) -> Vec<QuestionId> {
        self.members
            .iter()
            .filter(|m| !m.reminders.is_empty())
            .map(|m| m.id)
            .collect()
    }

    /// `2 (5-8902, 5-8906)`: how many were reminded, and which.
    pub fn reminded_list(&self) -> String {
        let ids = self.reminded_ids();
        if ids.is_empty() {
            return "0".into();
        }
        let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
        format!("{} ({})", ids.len(), ids.join(", "))
    }
}

/// Figures for one member.
pub fn member(corpus: &Corpus, id: QuestionId) -> MemberFigures {
    match corpus.get(id) {
        Some(q) => {
            let reminders = q.reminders();
            let answered = q.answered();
            let reminder_to_answer = match (reminders.last(), answered) {
                (Some(r), Some(a)) => Some(i64::from((a - *r).get_days())),
                _ => None,
            };
            MemberFigures {
                id,
                loaded: true,
                ministry: q.ministry.clone(),
                sent: q.sent(),
                reminders,
                answered,
                days_to_answer: q.days_to_answer,
                reminder_to_answer,
                answer_text: q.answer.as_ref().is_some_and(|a| !a.text.trim().is_empty()),
            }
        }
        None => MemberFigures {
            id,
            loaded: false,
            ministry: None,
            sent: None,
            reminders: Vec::new(),
            answered: None,
            days_to_answer: None,
            reminder_to_answer: None,
            answer_text: false,
        },
    }
}

/// Median of a list of day counts.
pub fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) as f64 / 2.0
    } else {
        v[mid] as f64
    })
}

/// Figures for a whole family.
pub fn family(corpus: &Corpus, family: &Family) -> FamilyFigures {
    let members: Vec<MemberFigures> = family
        .members
        .iter()
        .map(|m| member(corpus, m.id))
        .collect();
    let days: Vec<(QuestionId, i64)> = members
        .iter()
        .filter_map(|m| m.days_to_answer.map(|d| (m.id, d)))
        .collect();
    let values: Vec<i64> = days.iter().map(|(_, d)| *d).collect();
    let after_reminder: Vec<i64> = members
        .iter()
        .filter_map(|m| m.reminder_to_answer)
        .collect();
    let fastest = days
        .iter()
        .min_by_key(|(id, d)| (*d, *id))
        .map(|&(id, days)| Extreme { id, days });
    let slowest = days
        .iter()
        .max_by_key(|(id, d)| (*d, std::cmp::Reverse(*id)))
        .map(|&(id, days)| Extreme { id, days });
    FamilyFigures {
        family: family.id,
        title: family.title.clone(),
        answered: members.iter().filter(|m| m.answered.is_some()).count(),
        unanswered: members
            .iter()
            .filter(|m| m.loaded && m.answered.is_none())
            .count(),
        not_in_corpus: members.iter().filter(|m| !m.loaded).count(),
        reminded: members.iter().filter(|m| !m.reminders.is_empty()).count(),
        median_days: median(&values),
        median_reminder_to_answer: median(&after_reminder),
        fastest,
        slowest,
        members,
    }
}

/// Figures for every family of the corpus.
pub fn all(corpus: &Corpus) -> Vec<FamilyFigures> {
    corpus.families.iter().map(|f| family(corpus, f)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even() {
        assert_eq!(median(&[3, 1, 2]), Some(2.0));
        assert_eq!(median(&[4, 1, 2, 3]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn default_family_figures() {
        let corpus = crate::corpus::embedded::load();
        let f = family(&corpus, &corpus.families[0]);
        assert_eq!(f.members.len(), 19);
        assert_eq!(
            f.fastest,
            Some(Extreme {
                id: "5-8904".parse().unwrap(),
                days: 8
            })
        );
        assert_eq!(
            f.slowest,
            Some(Extreme {
                id: "5-8902".parse().unwrap(),
                days: 293
            })
        );
        assert_eq!(f.answered, 11);
        assert_eq!(f.reminded, 2);
        assert_eq!(f.unanswered, 0);
        assert_eq!(f.not_in_corpus, 8);
        assert_eq!(f.median_days, Some(42.0));
        let q8902 = f
            .members
            .iter()
            .find(|m| m.id.senate_parts().unwrap().1 == 8902)
            .unwrap();
        assert_eq!(q8902.reminder_to_answer, Some(61));
        assert!(q8902.answer_text);
        // 5-8906: reminded 18/12/2013, answered 30/1/2014 (43 days); median of 61 and 43.
        let q8906 = f
            .members
            .iter()
            .find(|m| m.id.senate_parts().unwrap().1 == 8906)
            .unwrap();
        assert_eq!(q8906.reminder_to_answer, Some(43));
        assert!(!q8906.answer_text);
        assert_eq!(f.median_reminder_to_answer, Some(52.0));
    }
}
