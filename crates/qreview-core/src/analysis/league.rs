//! The ministry league table: every ministry across the corpus (not one
//! family), ranked on timeliness: questions received and answered, answered
//! on time (%), median and 90th-percentile days to answer, median working
//! days late, reminders per question, unanswered and overdue now.
//!
//! A plain function returning data, so the TUI, `qreview stats
//! --ministries` and the exports all call the same one.

use std::cmp::Ordering;
use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;

use super::deadline::{self, DeadlineRules, Timeliness};
use super::figures::median;
use super::filter::QuestionFilter;
use super::fold::folded;
use crate::corpus::{Corpus, Question, QuestionId};

/// The ministry label a table shows for a question (the first one seen
/// names the row). With [`label_key`] and [`group_key`], the accessors every
/// corpus-wide table uses.
pub fn ministry_of(q: &Question) -> Option<&str> {
    q.ministry.as_deref()
}

/// What decides a question's ministry row, cheaply hashable: the labels
/// in both languages (equal pairs always give the same [`group_key`]).
pub fn label_key(q: &Question) -> (Option<&str>, Option<&str>) {
    (q.ministry.as_deref(), q.translation.ministry.as_deref())
}

/// The ministry row of a question: the known ministry entity, else its
/// label with case and accents ignored, else `None` (the unknown ministry).
pub fn group_key(q: &Question) -> Option<String> {
    q.ministry_key()
}

/// The sorting form of a shown ministry label: case and accents ignored.
pub fn ministry_key(label: Option<&str>) -> Option<String> {
    label.map(folded)
}

/// One ministry's row of the league table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeagueRow {
    /// The ministry label as first seen (`None`: no known ministry).
    pub ministry: Option<String>,
    /// Its questions counted, by id.
    pub questions: Vec<QuestionId>,
    /// Questions received.
    pub received: usize,
    /// Questions with an answer date.
    pub answered: usize,
    /// Answers on or before their deadline.
    pub on_time: usize,
    /// Answers after their deadline.
    pub late: usize,
    /// `on_time` as a percentage of the answers that had a deadline.
    pub on_time_pct: Option<f64>,
    /// Median calendar days from sending to answer.
    pub median_days: Option<f64>,
    /// 90th percentile of days to answer (nearest rank).
    pub p90_days: Option<i64>,
    /// Median working days late over the answers that had a deadline (0 when on time).
    pub median_late_working_days: Option<f64>,
    /// Reminders sent, in all.
    pub reminders: usize,
    /// Reminders per question received.
    pub reminders_per_question: f64,
    /// Questions without an answer date.
    pub unanswered: usize,
    /// Unanswered questions whose deadline has passed.
    pub overdue: usize,
}

/// A column of the league table, to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LeagueColumn {
    /// Ministry label (case and accents ignored).
    #[default]
    Ministry,
    /// Questions received.
    Received,
    /// Questions answered.
    Answered,
    /// Answered on time, %.
    OnTimePct,
    /// Median days to answer.
    MedianDays,
    /// 90th percentile days.
    P90Days,
    /// Median working days late.
    MedianLate,
    /// Reminders per question.
    RemindersPerQuestion,
    /// Unanswered now.
    Unanswered,
    /// Overdue now.
    Overdue,
}

impl LeagueColumn {
    /// Every column, in table order.
    pub const ALL: [LeagueColumn; 10] = [
        LeagueColumn::Ministry,
        LeagueColumn::Received,
        LeagueColumn::Answered,
        LeagueColumn::OnTimePct,
        LeagueColumn::MedianDays,
        LeagueColumn::P90Days,
        LeagueColumn::MedianLate,
        LeagueColumn::RemindersPerQuestion,
        LeagueColumn::Unanswered,
        LeagueColumn::Overdue,
    ];

    /// Its heading in tables (`ON TIME %`).
    pub fn heading(self) -> &'static str {
        match self {
            LeagueColumn::Ministry => "MINISTRY",
            LeagueColumn::Received => "RECEIVED",
            LeagueColumn::Answered => "ANSWERED",
            LeagueColumn::OnTimePct => "ON TIME %",
            LeagueColumn::MedianDays => "MEDIAN D",
            LeagueColumn::P90Days => "P90 D",
            LeagueColumn::MedianLate => "LATE WD",
            LeagueColumn::RemindersPerQuestion => "REMIND/Q",
            LeagueColumn::Unanswered => "UNANSWERED",
            LeagueColumn::Overdue => "OVERDUE",
        }
    }

    /// Its name on the command line and in messages (`on-time`).
    pub fn name(self) -> &'static str {
        match self {
            LeagueColumn::Ministry => "ministry",
            LeagueColumn::Received => "received",
            LeagueColumn::Answered => "answered",
            LeagueColumn::OnTimePct => "on-time",
            LeagueColumn::MedianDays => "median-days",
            LeagueColumn::P90Days => "p90-days",
            LeagueColumn::MedianLate => "late",
            LeagueColumn::RemindersPerQuestion => "reminders",
            LeagueColumn::Unanswered => "unanswered",
            LeagueColumn::Overdue => "overdue",
        }
    }

    /// The column with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The next column, wrapping.
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|&c| c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The previous column, wrapping.
    pub fn prev(self) -> Self {
        let i = Self::ALL.iter().position(|&c| c == self).unwrap_or(0);
        Self::ALL[(i + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

// Cells as every table prints them (CLI, TUI, reports).

/// One figure with at most one decimal, `-` when absent.
pub fn figure(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |v| format!("{}", (v * 10.0).round() / 10.0))
}

/// The ministry label, `ministry unknown` when absent (one wording
/// everywhere: [`crate::corpus::display::UNKNOWN_MINISTRY`]).
pub fn label(row: &LeagueRow) -> String {
    crate::format::text(Some(crate::corpus::display::ministry_label(
        row.ministry.as_deref(),
    )))
}

/// The cell of `column` in `row`, as the table prints it.
pub fn cell(row: &LeagueRow, column: LeagueColumn) -> String {
    match column {
        LeagueColumn::Ministry => label(row),
        LeagueColumn::Received => row.received.to_string(),
        LeagueColumn::Answered => row.answered.to_string(),
        LeagueColumn::OnTimePct => figure(row.on_time_pct),
        LeagueColumn::MedianDays => figure(row.median_days),
        LeagueColumn::P90Days => row.p90_days.map_or_else(|| "-".into(), |d| d.to_string()),
        LeagueColumn::MedianLate => figure(row.median_late_working_days),
        LeagueColumn::RemindersPerQuestion => {
            format!("{:.2}", row.reminders_per_question)
        }
        LeagueColumn::Unanswered => row.unanswered.to_string(),
        LeagueColumn::Overdue => row.overdue.to_string(),
    }
}

#[derive(Default)]
struct Acc {
    days: Vec<i64>,
    late: Vec<i64>,
}

/// The league table over the questions `filter` passes, open questions
/// counted up to `today`; rows by ministry label, the unknown ministry last.
pub fn league(
    corpus: &Corpus,
    rules: &DeadlineRules,
    today: Date,
    filter: &QuestionFilter,
) -> Vec<LeagueRow> {
    let mut rows: Vec<(Option<String>, LeagueRow, Acc)> = Vec::new();
    let mut index: HashMap<Option<String>, usize> = HashMap::new();
    // Labels as written → row, so each distinct pair is resolved once.
    let mut seen: HashMap<(Option<&str>, Option<&str>), usize> = HashMap::new();
    for q in filter.questions(corpus) {
        let label = ministry_of(q);
        let at = match seen.get(&label_key(q)) {
            Some(&at) => at,
            None => {
                let key = group_key(q);
                let at = *index.entry(key.clone()).or_insert_with(|| {
                    rows.push((key, empty(label), Acc::default()));
                    rows.len() - 1
                });
                seen.insert(label_key(q), at);
                at
            }
        };
        let (_, row, acc) = &mut rows[at];
        let status = deadline::status(q, rules, today);
        let reminders = q
            .events
            .iter()
            .filter(|e| e.kind == crate::corpus::EventKind::Reminder)
            .count();
        row.questions.push(q.id);
        row.received += 1;
        row.reminders += reminders;
        match q.answered() {
            Some(_) => row.answered += 1,
            None => row.unanswered += 1,
        }
        if let Some(d) = q.days_to_answer.or_else(|| q.compute_days_to_answer()) {
            acc.days.push(d);
        }
        match status.timeliness {
            Timeliness::OnTime => {
                row.on_time += 1;
                acc.late.push(0);
            }
            Timeliness::Late { working_days } => {
                row.late += 1;
                acc.late.push(working_days);
            }
            Timeliness::Overdue { .. } => row.overdue += 1,
            Timeliness::Open | Timeliness::Unknown => {}
        }
    }
    rows.sort_by(|a, b| (a.0.is_none(), &a.0).cmp(&(b.0.is_none(), &b.0)));
    rows.into_iter()
        .map(|(_, mut row, acc)| {
            let judged = row.on_time + row.late;
            row.on_time_pct = (judged > 0).then(|| 100.0 * row.on_time as f64 / judged as f64);
            row.median_days = median(&acc.days);
            row.p90_days = percentile(&acc.days, 90);
            row.median_late_working_days = median(&acc.late);
            row.reminders_per_question = row.reminders as f64 / row.received as f64;
            row
        })
        .collect()
}

fn empty(label: Option<&str>) -> LeagueRow {
    LeagueRow {
        ministry: label.map(str::to_string),
        questions: Vec::new(),
        received: 0,
        answered: 0,
        on_time: 0,
        late: 0,
        on_time_pct: None,
        median_days: None,
        p90_days: None,
        median_late_working_days: None,
        reminders: 0,
        reminders_per_question: 0.0,
        unanswered: 0,
        overdue: 0,
    }
}

/// The `p`th percentile by nearest rank: the smallest value with at least
/// `p`% of the values at or below it.
pub fn percentile(values: &[i64], p: u32) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let rank = (v.len() * p as usize).div_ceil(100).max(1);
    Some(v[rank - 1])
}

/// Sorts `rows` by `column`, descending when asked; rows without a value
/// in that column stay last either way, ties go by ministry label.
pub fn sort(rows: &mut [LeagueRow], column: LeagueColumn, descending: bool) {
    let label = |r: &LeagueRow| (r.ministry.is_none(), ministry_key(r.ministry.as_deref()));
    rows.sort_by(|a, b| {
        let by_value = match (value(a, column), value(b, column)) {
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
                if descending { o.reverse() } else { o }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let by_label = label(a).cmp(&label(b));
        let by_label = if column == LeagueColumn::Ministry && descending {
            (a.ministry.is_none(), ministry_key(b.ministry.as_deref()))
                .cmp(&(b.ministry.is_none(), ministry_key(a.ministry.as_deref())))
        } else {
            by_label
        };
        by_value.then(by_label)
    });
}

/// The numeric value of a column (`None` for the ministry column and for
/// figures without a value).
fn value(r: &LeagueRow, column: LeagueColumn) -> Option<f64> {
    match column {
        LeagueColumn::Ministry => None,
        LeagueColumn::Received => Some(r.received as f64),
        LeagueColumn::Answered => Some(r.answered as f64),
        LeagueColumn::OnTimePct => r.on_time_pct,
        LeagueColumn::MedianDays => r.median_days,
        LeagueColumn::P90Days => r.p90_days.map(|d| d as f64),
        LeagueColumn::MedianLate => r.median_late_working_days,
        LeagueColumn::RemindersPerQuestion => Some(r.reminders_per_question),
        LeagueColumn::Unanswered => Some(r.unanswered as f64),
        LeagueColumn::Overdue => Some(r.overdue as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn default_table() -> Vec<LeagueRow> {
        let corpus = crate::corpus::embedded::load();
        league(
            &corpus,
            &DeadlineRules::default(),
            date(2024, 1, 1),
            &QuestionFilter::default(),
        )
    }

    fn row<'a>(rows: &'a [LeagueRow], id: &str) -> &'a LeagueRow {
        let id: QuestionId = id.parse().unwrap();
        rows.iter().find(|r| r.questions.contains(&id)).unwrap()
    }

    #[test]
    fn on_time_answers_of_the_default_corpus() {
        let rows = default_table();
        assert_eq!(rows.len(), 11);
        let on_time: Vec<String> = rows
            .iter()
            .filter(|r| r.on_time == 1)
            .flat_map(|r| r.questions.iter().map(|q| q.to_string()))
            .collect();
        let mut expected = vec!["5-8900", "5-8901", "5-8903", "5-8904"];
        expected.sort();
        let mut got = on_time.clone();
        got.sort();
        assert_eq!(got, expected);
        assert_eq!(rows.iter().map(|r| r.late).sum::<usize>(), 7);
        assert_eq!(rows.iter().map(|r| r.overdue).sum::<usize>(), 0);
    }

    #[test]
    fn figures_of_one_late_ministry() {
        let rows = default_table();
        // 5-8902: deadline Fri 31/5/2013, answered Mon 17/2/2014.
        let ae = row(&rows, "5-8902");
        assert_eq!(ae.ministry.as_deref(), Some("Affaires étrangères"));
        assert_eq!((ae.received, ae.answered, ae.on_time), (1, 1, 0));
        assert_eq!(ae.on_time_pct, Some(0.0));
        assert_eq!(ae.median_days, Some(293.0));
        assert_eq!(ae.p90_days, Some(293));
        // June 2013 – 17 Feb 2014: 186 weekdays less 21/7 (Sun), 15/8, 1/11,
        // 11/11, 25/12, 1/1 → 181 working days.
        assert_eq!(ae.median_late_working_days, Some(181.0));
        assert_eq!(ae.reminders_per_question, 1.0);
        let pm = row(&rows, "5-8900");
        assert_eq!(pm.on_time_pct, Some(100.0));
        assert_eq!(pm.median_late_working_days, Some(0.0));
        // 5-8912 answered Tue 11/6/2013: 7 working days after 31/5.
        assert_eq!(row(&rows, "5-8912").median_late_working_days, Some(7.0));
    }

    #[test]
    fn without_a_rule_nothing_is_on_time_or_late() {
        let corpus = crate::corpus::embedded::load();
        let rows = league(
            &corpus,
            &DeadlineRules::none(),
            date(2024, 1, 1),
            &QuestionFilter::default(),
        );
        assert!(rows.iter().all(|r| r.on_time_pct.is_none() && r.late == 0));
        assert!(rows.iter().all(|r| r.median_days.is_some()));
    }

    #[test]
    fn sorting_by_on_time_keeps_empty_values_last() {
        let mut rows = default_table();
        sort(&mut rows, LeagueColumn::OnTimePct, true);
        assert_eq!(rows[0].on_time_pct, Some(100.0));
        // Ties by label: Landsverdediging, Pensions, Premier ministre, then the unknown ministry.
        assert_eq!(rows[0].ministry.as_deref(), Some("Landsverdediging"));
        assert_eq!(rows[3].ministry, None);
        assert_eq!(rows[4].on_time_pct, Some(0.0));
        sort(&mut rows, LeagueColumn::MedianDays, false);
        assert_eq!(rows[0].ministry.as_deref(), Some("Pensions"));
        assert_eq!(rows[10].ministry.as_deref(), Some("Affaires étrangères"));
        sort(&mut rows, LeagueColumn::Ministry, true);
        assert_eq!(rows[0].ministry.as_deref(), Some("Premier ministre"));
        assert_eq!(rows[10].ministry, None);
    }

    #[test]
    fn percentile_by_nearest_rank() {
        assert_eq!(percentile(&[], 90), None);
        assert_eq!(percentile(&[5], 90), Some(5));
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 90), Some(9));
        assert_eq!(percentile(&v, 50), Some(5));
        let v: Vec<i64> = (1..=11).rev().collect();
        assert_eq!(percentile(&v, 90), Some(10));
    }

    #[test]
    fn columns_cycle_and_have_names() {
        assert_eq!(LeagueColumn::Overdue.next(), LeagueColumn::Ministry);
        assert_eq!(LeagueColumn::Ministry.prev(), LeagueColumn::Overdue);
        for c in LeagueColumn::ALL {
            assert_eq!(LeagueColumn::from_name(c.name()), Some(c));
        }
    }
}
