//! Figures per ministry across all families: how many questions each received,
//! answered, how fast (median days) and how many needed a reminder, so that
//! ministries can be compared over many questions.

use std::collections::HashMap;

use serde::Serialize;

use super::figures::median;
use crate::corpus::{Corpus, QuestionId};

/// One ministry's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinistryFigures {
    /// The ministry label as first seen (`None`: questions with no known ministry).
    pub ministry: Option<String>,
    /// Its questions in the corpus, by id.
    pub questions: Vec<QuestionId>,
    /// Questions received (loaded in the corpus).
    pub received: usize,
    /// Questions with an answer date.
    pub answered: usize,
    /// Questions without an answer date.
    pub unanswered: usize,
    /// Median days to answer over the answered questions.
    pub median_days: Option<f64>,
    /// Questions that needed at least one reminder.
    pub reminded: usize,
    /// Reminders sent in all (a question may have several).
    pub reminders: usize,
}

/// One row per ministry over every question of the corpus, sorted by label
/// (case and accents ignored), the unknown ministry last. A known ministry
/// is one row whatever language its questions name it in (`Défense`,
/// `Landsverdediging`); other labels that differ only in case or accents
/// are one ministry.
pub fn by_ministry(corpus: &Corpus) -> Vec<MinistryFigures> {
    let mut groups: Vec<(Option<String>, MinistryFigures, Vec<i64>)> = Vec::new();
    let mut index: HashMap<Option<String>, usize> = HashMap::new();
    for q in &corpus.questions {
        let key = q.ministry_key();
        let at = *index.entry(key.clone()).or_insert_with(|| {
            groups.push((key, empty(q.ministry.clone()), Vec::new()));
            groups.len() - 1
        });
        let (_, f, days) = &mut groups[at];
        let reminders = q.reminders().len();
        f.questions.push(q.id);
        f.received += 1;
        if q.answered().is_some() {
            f.answered += 1;
        } else {
            f.unanswered += 1;
        }
        if let Some(d) = q.days_to_answer {
            days.push(d);
        }
        f.reminded += usize::from(reminders > 0);
        f.reminders += reminders;
    }
    let label = |f: &MinistryFigures| f.ministry.as_deref().map(crate::corpus::ministries::fold);
    groups.sort_by_cached_key(|(key, f, _)| (key.is_none(), label(f)));
    groups
        .into_iter()
        .map(|(_, mut f, days)| {
            f.median_days = median(&days);
            f
        })
        .collect()
}

fn empty(ministry: Option<String>) -> MinistryFigures {
    MinistryFigures {
        ministry,
        questions: Vec::new(),
        received: 0,
        answered: 0,
        unanswered: 0,
        median_days: None,
        reminded: 0,
        reminders: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_corpus_one_row_per_ministry() {
        let corpus = crate::corpus::embedded::load();
        let table = by_ministry(&corpus);
        // 11 loaded questions; 10 ministry labels and one question (5-8903) without.
        assert_eq!(table.len(), 11);
        assert_eq!(table.iter().map(|m| m.received).sum::<usize>(), 11);
        let last = table.last().unwrap();
        assert_eq!(last.ministry, None);
        assert_eq!(last.questions, vec!["5-8903".parse().unwrap()]);
        let ae = &table[0];
        assert_eq!(ae.ministry.as_deref(), Some("Affaires étrangères"));
        assert_eq!((ae.answered, ae.reminded, ae.reminders), (1, 1, 1));
        assert_eq!(ae.median_days, Some(293.0));
    }

    #[test]
    fn labels_differing_in_case_and_accents_group_together() {
        let mut a = crate::corpus::Question::new(QuestionId::senate(9, 1));
        a.ministry = Some("Météo".into());
        let mut b = crate::corpus::Question::new(QuestionId::senate(9, 2));
        b.ministry = Some("METEO".into());
        let corpus = Corpus::new(vec![a, b], Vec::new());
        let table = by_ministry(&corpus);
        assert_eq!(table.len(), 1);
        assert_eq!(table[0].ministry.as_deref(), Some("Météo"));
        assert_eq!((table[0].received, table[0].unanswered), (2, 2));
        assert_eq!(table[0].median_days, None);
    }

    #[test]
    fn french_and_dutch_pages_of_one_ministry_are_one_row() {
        let mut fr = crate::corpus::Question::new(QuestionId::senate(9, 3));
        fr.ministry = Some("Défense".into());
        let mut nl = crate::corpus::Question::new(QuestionId::senate(9, 4));
        nl.ministry = Some("Landsverdediging".into());
        let mut unknown = crate::corpus::Question::new(QuestionId::senate(9, 5));
        unknown.ministry = None;
        let c = Corpus::new(vec![fr, nl, unknown], Vec::new());
        let rows = by_ministry(&c);
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0].received, 2);
        assert_eq!(rows[1].ministry, None, "the one unknown ministry, last");
    }
}
