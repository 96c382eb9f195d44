//! The family timeline: one row per sibling with its bar from sending to the
//! answer (or an open bar up to "today"), the sort orders of the rows, and
//! every event of the family in date order for the event cursor.
//!
//! Rows are built on [`figures::member`], so the Timeline view and
//! `qreview stats` show the same numbers. "Today" is always a parameter.

use jiff::civil::Date;
use serde::Serialize;

use super::figures::{self, MemberFigures};
use super::fold::folded;
use crate::corpus::{Corpus, EventKind, Family, QuestionId};

/// A row's bar on the date axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bar {
    /// The date sent.
    pub start: Date,
    /// The answer date, or "today" for an open bar (never before `start`).
    pub end: Date,
    /// True when the question is unanswered: the bar runs up to today.
    pub open: bool,
    /// Days from `start` to `end`: days to answer, or days open so far.
    pub days: i64,
}

/// One sibling's row of the Gantt chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    /// Its figures (id, ministry, sent, reminders, answered, days).
    pub member: MemberFigures,
    /// Its bar; `None` when the date sent is unknown (or the sibling is not in
    /// the corpus).
    pub bar: Option<Bar>,
}

/// The orders the rows can be sorted in (key `s` cycles them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    /// Answered rows by days to answer, then open rows by days open, then rows
    /// without dates; ties by id.
    #[default]
    Days,
    /// By ministry label (case and accents ignored), unknown last; ties by id.
    Ministry,
    /// By question id.
    Id,
}

impl SortKey {
    /// The next order in the cycle days → ministry → id → days.
    pub fn next(self) -> Self {
        match self {
            SortKey::Days => SortKey::Ministry,
            SortKey::Ministry => SortKey::Id,
            SortKey::Id => SortKey::Days,
        }
    }

    /// A short name for a status line (`days`, `ministry`, `id`).
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Days => "days",
            SortKey::Ministry => "ministry",
            SortKey::Id => "id",
        }
    }
}

/// A sort order name that is not `days`, `ministry` or `id`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown sort order `{0}`; use days, ministry or id")]
pub struct BadSortKey(pub String);

impl std::str::FromStr for SortKey {
    type Err = BadSortKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [SortKey::Days, SortKey::Ministry, SortKey::Id]
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| BadSortKey(s.to_string()))
    }
}

/// One dated event of a family, for the event cursor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    /// When it happened.
    pub date: Date,
    /// What happened.
    pub kind: EventKind,
    /// The label as written (`Envoi question`, `Rappel`, …).
    pub label: String,
    /// The question it belongs to.
    pub id: QuestionId,
}

/// The family's rows, in member (id) order; open bars end at `today`.
pub fn rows(corpus: &Corpus, family: &Family, today: Date) -> Vec<TimelineRow> {
    family
        .members
        .iter()
        .map(|m| row(figures::member(corpus, m.id), today))
        .collect()
}

/// One row from a member's figures.
pub fn row(member: MemberFigures, today: Date) -> TimelineRow {
    let bar = member.sent.map(|start| {
        let (end, open) = match member.answered {
            Some(a) => (a, false),
            None => (today.max(start), true),
        };
        Bar {
            start,
            end,
            open,
            days: i64::from((end - start).get_days()),
        }
    });
    TimelineRow { member, bar }
}

/// Sorts rows in place by `key` (stable, deterministic).
pub fn sort_rows(rows: &mut [TimelineRow], key: SortKey) {
    match key {
        SortKey::Days => rows.sort_by_key(|r| {
            let (group, days) = match r.bar {
                Some(b) if !b.open => (0, b.days),
                Some(b) => (1, b.days),
                None => (2, 0),
            };
            (group, days, r.member.id)
        }),
        SortKey::Ministry => rows.sort_by_cached_key(|r| {
            let m = r.member.ministry.as_deref().map(folded);
            (m.is_none(), m, r.member.id)
        }),
        SortKey::Id => rows.sort_by_key(|r| r.member.id),
    }
}

/// Every event of the family's loaded members, by date; on the same date
/// sent before reminder before answer, then by id. An answer known only from
/// the answer marker (no chronology line) is included too.
pub fn events(corpus: &Corpus, family: &Family) -> Vec<TimelineEvent> {
    let mut out = Vec::new();
    for m in &family.members {
        let Some(q) = corpus.get(m.id) else { continue };
        out.extend(q.events.iter().map(|e| TimelineEvent {
            date: e.date,
            kind: e.kind,
            label: e.label.clone(),
            id: q.id,
        }));
        if q.first(EventKind::Answer).is_none()
            && let Some(date) = q.answered()
        {
            out.push(TimelineEvent {
                date,
                kind: EventKind::Answer,
                label: "answer received".into(),
                id: q.id,
            });
        }
    }
    out.sort_by_key(|e| (e.date, kind_rank(e.kind), e.id));
    out
}

/// Order of kinds on one day.
fn kind_rank(kind: EventKind) -> u8 {
    match kind {
        EventKind::Sent => 0,
        EventKind::Reminder => 1,
        EventKind::Answer => 2,
        EventKind::Other => 3,
    }
}

/// The first and last dates the rows' bars and reminders cover, for the axis.
pub fn date_range(rows: &[TimelineRow]) -> Option<(Date, Date)> {
    let dates = rows.iter().flat_map(|r| {
        r.bar
            .iter()
            .flat_map(|b| [b.start, b.end])
            .chain(r.member.reminders.iter().copied())
    });
    let (mut lo, mut hi) = (None::<Date>, None::<Date>);
    for d in dates {
        lo = Some(lo.map_or(d, |l| l.min(d)));
        hi = Some(hi.map_or(d, |h| h.max(d)));
    }
    Some((lo?, hi?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn default_rows() -> Vec<TimelineRow> {
        let corpus = crate::corpus::embedded::load();
        rows(&corpus, &corpus.families[0], date(2024, 1, 1))
    }

    #[test]
    fn default_family_sorted_by_days() {
        let mut r = default_rows();
        assert_eq!(r.len(), 19);
        sort_rows(&mut r, SortKey::Days);
        let first = &r[0];
        assert_eq!(first.member.id.to_string(), "5-8904");
        assert_eq!(first.bar.map(|b| b.days), Some(8));
        let last_dated = r.iter().rev().find(|r| r.bar.is_some()).unwrap();
        assert_eq!(last_dated.member.id.to_string(), "5-8902");
        assert_eq!(last_dated.bar.map(|b| (b.days, b.open)), Some((293, false)));
        // The eight siblings known only by number come last, by id.
        assert!(r[11..].iter().all(|r| r.bar.is_none() && !r.member.loaded));
        assert!(r[11..].windows(2).all(|w| w[0].member.id < w[1].member.id));
    }

    #[test]
    fn sort_keys_cycle_and_order() {
        assert_eq!(SortKey::default().next().next().next(), SortKey::Days);
        assert_eq!("Ministry".parse(), Ok(SortKey::Ministry));
        assert!("date".parse::<SortKey>().is_err());
        let mut r = default_rows();
        sort_rows(&mut r, SortKey::Ministry);
        // "Affaires étrangères" and "Affaires sociales" come first; no-label rows last.
        assert_eq!(r[0].member.ministry.as_deref(), Some("Affaires étrangères"));
        assert_eq!(r[1].member.ministry.as_deref(), Some("Affaires sociales"));
        assert!(r.last().unwrap().member.ministry.is_none());
        sort_rows(&mut r, SortKey::Id);
        assert_eq!(r[0].member.id.to_string(), "5-8900");
    }

    #[test]
    fn events_in_date_order() {
        let corpus = crate::corpus::embedded::load();
        let e = events(&corpus, &corpus.families[0]);
        // 11 loaded siblings: 11 sent, 2 reminders, 11 answers.
        assert_eq!(e.len(), 24);
        assert!(e.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(e[0].kind, EventKind::Sent);
        assert_eq!(e[11].date, date(2013, 5, 8));
        assert_eq!(e[11].id.to_string(), "5-8904");
        let last = e.last().unwrap();
        assert_eq!(
            (last.date, last.id.to_string()),
            (date(2014, 2, 17), "5-8902".into())
        );
    }

    #[test]
    fn open_bars_run_to_today_and_never_backwards() {
        let mut m = figures::member(&Corpus::default(), QuestionId::senate(9, 1));
        m.sent = Some(date(2021, 1, 4));
        let r = row(m.clone(), date(2021, 2, 15));
        assert_eq!(r.bar.map(|b| (b.days, b.open)), Some((42, true)));
        let early = row(m, date(2020, 1, 1));
        assert_eq!(
            early.bar.map(|b| (b.end, b.days)),
            Some((date(2021, 1, 4), 0))
        );
    }

    #[test]
    fn date_range_covers_bars() {
        let r = default_rows();
        assert_eq!(date_range(&r), Some((date(2013, 4, 30), date(2014, 2, 17))));
        assert_eq!(date_range(&[]), None);
    }
}
