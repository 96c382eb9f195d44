//! Answer deadlines and timeliness: the deadline a source states wins,
//! otherwise the source's rule (data, one per source, overridable) computes
//! it; a source without a rule has no computed deadline. Each question is
//! then on time, late by N working days, overdue by N working days as of
//! today, or open within its deadline.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::calendar::{Holidays, WorkingCalendar};
use crate::corpus::Question;

/// The source name of the Belgian Senate, under which its rule is kept.
pub const BE_SENATE: &str = "be-senate";

/// The source a question comes from, as a rule key (`be-senate`).
pub fn source_of(q: &Question) -> &'static str {
    q.id.source().name()
}

/// How one source computes a deadline when none is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRule {
    /// Working days allowed, counted from the day after sending.
    pub working_days: u32,
    /// Whose public holidays are not working days.
    pub holidays: Holidays,
}

/// The rules by source name; the app and the CLI pass one in, so a
/// configuration can replace or remove any of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineRules {
    rules: BTreeMap<String, (DeadlineRule, WorkingCalendar)>,
    /// Calendar for lateness against a stated deadline of a source without a rule.
    weekdays: WorkingCalendar,
}

impl Default for DeadlineRules {
    /// The built-in rules: the Senate's twenty working days (Règlement du
    /// Sénat, art. 70-2) with Belgian public holidays.
    fn default() -> Self {
        Self::none().with(
            BE_SENATE,
            DeadlineRule {
                working_days: 20,
                holidays: Holidays::Belgium,
            },
        )
    }
}

impl DeadlineRules {
    /// No rules at all: only stated deadlines count.
    pub fn none() -> Self {
        Self {
            rules: BTreeMap::new(),
            weekdays: WorkingCalendar::new(Holidays::None),
        }
    }

    /// These rules with `source`'s rule set (replacing any before).
    pub fn with(mut self, source: &str, rule: DeadlineRule) -> Self {
        let calendar = WorkingCalendar::new(rule.holidays);
        self.rules.insert(source.to_string(), (rule, calendar));
        self
    }

    /// These rules without `source`'s rule.
    pub fn without(mut self, source: &str) -> Self {
        self.rules.remove(source);
        self
    }

    /// The rule of `source`, if it has one.
    pub fn rule(&self, source: &str) -> Option<DeadlineRule> {
        self.rules.get(source).map(|(r, _)| *r)
    }

    /// The working-day calendar lateness of `source` is counted in.
    pub fn calendar(&self, source: &str) -> &WorkingCalendar {
        self.rules.get(source).map_or(&self.weekdays, |(_, c)| c)
    }
}

/// Where a deadline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeadlineSource {
    /// Printed by the source (`Fin du délai de réponse: …`).
    Stated,
    /// Computed by the source's rule.
    Computed,
}

impl DeadlineSource {
    /// `stated` or `computed`.
    pub fn name(self) -> &'static str {
        match self {
            DeadlineSource::Stated => "stated",
            DeadlineSource::Computed => "computed",
        }
    }
}

/// A question's answer deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The last day to answer on time.
    pub date: Date,
    /// Stated or computed.
    pub source: DeadlineSource,
}

/// How a question stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Timeliness {
    /// Answered on or before the deadline.
    OnTime,
    /// Answered this many working days after the deadline.
    Late {
        /// Working days after the deadline.
        working_days: i64,
    },
    /// Not answered, and the deadline passed this many working days ago.
    Overdue {
        /// Working days since the deadline, up to today.
        working_days: i64,
    },
    /// Not answered, deadline not passed yet.
    Open,
    /// No deadline (no stated one, no rule) or no sending date.
    Unknown,
}

impl Timeliness {
    /// Working days late or overdue; 0 when on time or open; `None` when unknown.
    pub fn late_working_days(self) -> Option<i64> {
        match self {
            Timeliness::OnTime | Timeliness::Open => Some(0),
            Timeliness::Late { working_days } | Timeliness::Overdue { working_days } => {
                Some(working_days)
            }
            Timeliness::Unknown => None,
        }
    }

    /// Its name in exports: `on_time`, `late`, `overdue`, `open`, `unknown`.
    pub fn name(self) -> &'static str {
        match self {
            Timeliness::OnTime => "on_time",
            Timeliness::Late { .. } => "late",
            Timeliness::Overdue { .. } => "overdue",
            Timeliness::Open => "open",
            Timeliness::Unknown => "unknown",
        }
    }

    /// A short label: `on time`, `late 3 wd`, `overdue 12 wd`, `open`, `-`.
    pub fn label(self) -> String {
        match self {
            Timeliness::OnTime => "on time".into(),
            Timeliness::Late { working_days } => format!("late {working_days} wd"),
            Timeliness::Overdue { working_days } => format!("overdue {working_days} wd"),
            Timeliness::Open => "open".into(),
            Timeliness::Unknown => "-".into(),
        }
    }
}

/// A question's deadline and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeadlineStatus {
    /// The deadline, when known.
    pub deadline: Option<Deadline>,
    /// On time, late, overdue, open or unknown.
    pub timeliness: Timeliness,
}

/// The question's deadline: the stated one when it is not before the
/// sending date (an implausible date is not a deadline), else its source's rule.
pub fn deadline(q: &Question, rules: &DeadlineRules) -> Option<Deadline> {
    let sent = q.sent();
    if let Some(stated) = q.deadline
        && sent.is_none_or(|s| stated >= s)
    {
        return Some(Deadline {
            date: stated,
            source: DeadlineSource::Stated,
        });
    }
    let source = source_of(q);
    let rule = rules.rule(source)?;
    let date = rules
        .calendar(source)
        .add_working_days(sent?, rule.working_days);
    Some(Deadline {
        date,
        source: DeadlineSource::Computed,
    })
}

/// The question's deadline and timeliness, open questions counted up to `today`.
pub fn status(q: &Question, rules: &DeadlineRules, today: Date) -> DeadlineStatus {
    let Some(d) = deadline(q, rules) else {
        return DeadlineStatus {
            deadline: None,
            timeliness: Timeliness::Unknown,
        };
    };
    let calendar = rules.calendar(source_of(q));
    let timeliness = match q.answered() {
        Some(a) if a <= d.date => Timeliness::OnTime,
        Some(a) => Timeliness::Late {
            working_days: calendar.working_days_between(d.date, a),
        },
        None if today <= d.date => Timeliness::Open,
        None => Timeliness::Overdue {
            working_days: calendar.working_days_between(d.date, today),
        },
    };
    DeadlineStatus {
        deadline: Some(d),
        timeliness,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Event, EventKind, QuestionId};
    use jiff::civil::date;

    fn question(sent: Date, answered: Option<Date>) -> Question {
        let mut q = Question::new(QuestionId::senate(5, 1));
        q.events.push(Event {
            date: sent,
            kind: EventKind::Sent,
            label: String::new(),
        });
        if let Some(a) = answered {
            q.events.push(Event {
                date: a,
                kind: EventKind::Answer,
                label: String::new(),
            });
        }
        q
    }

    #[test]
    fn computed_by_the_senate_rule() {
        let rules = DeadlineRules::default();
        let q = question(date(2013, 4, 30), Some(date(2013, 5, 31)));
        let s = status(&q, &rules, date(2020, 1, 1));
        assert_eq!(
            s.deadline,
            Some(Deadline {
                date: date(2013, 5, 31),
                source: DeadlineSource::Computed
            })
        );
        assert_eq!(s.timeliness, Timeliness::OnTime);
    }

    #[test]
    fn late_counts_working_days_after_the_deadline() {
        let rules = DeadlineRules::default();
        // Deadline Fri 31/5/2013; answered Tue 4/6: Mon 3 and Tue 4 → 2 working days.
        let q = question(date(2013, 4, 30), Some(date(2013, 6, 4)));
        assert_eq!(
            status(&q, &rules, date(2020, 1, 1)).timeliness,
            Timeliness::Late { working_days: 2 }
        );
        // Answered Saturday 1/6: late, but by no working day.
        let q = question(date(2013, 4, 30), Some(date(2013, 6, 1)));
        assert_eq!(
            status(&q, &rules, date(2020, 1, 1)).timeliness,
            Timeliness::Late { working_days: 0 }
        );
    }

    #[test]
    fn open_and_overdue_depend_on_today() {
        let rules = DeadlineRules::default();
        let q = question(date(2013, 4, 30), None);
        assert_eq!(
            status(&q, &rules, date(2013, 5, 31)).timeliness,
            Timeliness::Open
        );
        // 3 June (Mon) to 7 June (Fri): five working days overdue.
        let s = status(&q, &rules, date(2013, 6, 7));
        assert_eq!(s.timeliness, Timeliness::Overdue { working_days: 5 });
        assert_eq!(s.timeliness.late_working_days(), Some(5));
    }

    #[test]
    fn a_stated_deadline_wins_unless_implausible() {
        let rules = DeadlineRules::default();
        let mut q = question(date(2013, 4, 30), Some(date(2013, 6, 10)));
        q.deadline = Some(date(2013, 6, 14));
        let s = status(&q, &rules, date(2020, 1, 1));
        assert_eq!(s.deadline.unwrap().source, DeadlineSource::Stated);
        assert_eq!(s.timeliness, Timeliness::OnTime);
        // A deadline before the question was sent is not believed.
        q.deadline = Some(date(2012, 1, 1));
        assert_eq!(
            deadline(&q, &rules).unwrap().source,
            DeadlineSource::Computed
        );
    }

    #[test]
    fn a_source_without_a_rule_has_no_computed_deadline() {
        let rules = DeadlineRules::default().without(BE_SENATE);
        let mut q = question(date(2013, 4, 30), Some(date(2013, 6, 10)));
        let s = status(&q, &rules, date(2020, 1, 1));
        assert_eq!(s.deadline, None);
        assert_eq!(s.timeliness, Timeliness::Unknown);
        assert_eq!(s.timeliness.late_working_days(), None);
        // A stated one still counts, in plain weekdays.
        q.deadline = Some(date(2013, 6, 5));
        assert_eq!(
            status(&q, &rules, date(2020, 1, 1)).timeliness,
            Timeliness::Late { working_days: 3 }
        );
    }

    #[test]
    fn rules_are_overridable() {
        let rules = DeadlineRules::default().with(
            BE_SENATE,
            DeadlineRule {
                working_days: 10,
                holidays: Holidays::None,
            },
        );
        let q = question(date(2013, 4, 30), None);
        assert_eq!(deadline(&q, &rules).unwrap().date, date(2013, 5, 14));
    }
}
