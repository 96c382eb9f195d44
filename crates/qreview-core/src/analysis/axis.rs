//! A shared date axis for Gantt rows: maps a date to a column of a given
//! width, and chooses calendar-aligned ticks whose labels fit without
//! overlapping, from single days up to decades.

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};
use serde::Serialize;

/// English month abbreviations for tick labels.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date range drawn across `width` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateAxis {
    start: Date,
    end: Date,
    width: usize,
}

/// One labelled tick of an axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tick {
    /// The tick's date (first of a day, week, month or year).
    pub date: Date,
    /// Its column, `0..width`.
    pub column: usize,
    /// Its label (`30 Apr`, `May 2013`, `2014`); drawn from `column` rightwards,
    /// it fits inside the width and does not reach the next tick's label.
    pub label: String,
}

/// How far apart ticks are.
#[derive(Debug, Clone, Copy)]
enum Step {
    Days(i64),
    Weeks(i64),
    Months(i8),
    Years(i16),
}

/// From finest to coarsest; the first whose labels fit is used.
const STEPS: [Step; 15] = [
    Step::Days(1),
    Step::Days(2),
    Step::Weeks(1),
    Step::Weeks(2),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
];

impl DateAxis {
    /// An axis from `start` to `end` (swapped if reversed) over `width` columns.
    pub fn new(start: Date, end: Date, width: usize) -> Self {
        Self {
            start: start.min(end),
            end: start.max(end),
            width,
        }
    }

    /// The first date of the axis.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The last date of the axis.
    pub fn end(&self) -> Date {
        self.end
    }

    /// The width in columns.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The column of `date`, `0..width` (dates outside the range are clamped;
    /// 0 when the width is 0 or the range is a single day).
    pub fn column(&self, date: Date) -> usize {
        let span = days_between(self.start, self.end);
        if self.width <= 1 || span == 0 {
            return 0;
        }
        let d = days_between(self.start, date).clamp(0, span);
        let last = self.width as i64 - 1;
        ((d * last + span / 2) / span) as usize
    }

    /// Calendar-aligned ticks with labels that fit: the finest step whose
    /// labels do not overlap. Empty only when not even one label fits.
    pub fn ticks(&self) -> Vec<Tick> {
        for step in STEPS {
            let dates = tick_dates(self.start, self.end, step);
            if dates.is_empty() {
                continue;
            }
            let mut ticks: Vec<Tick> = dates
                .into_iter()
                .map(|date| Tick {
                    date,
                    column: self.column(date),
                    label: label(date, step),
                })
                .collect();
            // A label that would run past the right edge is dropped, not cut.
            ticks.retain(|t| t.column + t.label.chars().count() <= self.width);
            let fits = ticks
                .windows(2)
                .all(|w| w[0].column + w[0].label.chars().count() < w[1].column);
            if fits && !ticks.is_empty() {
                return ticks;
            }
        }
        Vec::new()
    }
}

/// Days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Date, b: Date) -> i64 {
    i64::from((b - a).get_days())
}

/// The dates of `step` ticks inside `start..=end`.
fn tick_dates(start: Date, end: Date, step: Step) -> Vec<Date> {
    let (first, every): (Option<Date>, Span) = match step {
        Step::Days(n) => (Some(start), n.days()),
        Step::Weeks(n) => {
            let back = i64::from(start.weekday().to_monday_zero_offset());
            let monday = start.checked_sub(back.days()).ok();
            let first = monday.and_then(|m| {
                if m < start {
                    m.checked_add(1.week()).ok()
                } else {
                    Some(m)
                }
            });
            debug_assert!(first.is_none_or(|d| d.weekday() == Weekday::Monday));
            (first, n.weeks())
        }
        Step::Months(n) => {
            let mut m = start.first_of_month();
            while m < start || (m.month() - 1) % n != 0 {
                match m.checked_add(1.month()) {
                    Ok(next) => m = next,
                    Err(_) => return Vec::new(),
                }
            }
            (Some(m), i64::from(n).months())
        }
        Step::Years(n) => {
            let mut y = start.year();
            if start > start.first_of_year() {
                y += 1;
            }
            let y = y + (n - y.rem_euclid(n)) % n;
            (Date::new(y, 1, 1).ok(), i64::from(n).years())
        }
    };
    let mut out = Vec::new();
    let mut d = first;
    while let Some(date) = d.filter(|d| *d <= end) {
        out.push(date);
        // Enough ticks to prove a step too fine; no need to list thousands.
        if out.len() > 400 {
            break;
        }
        d = date.checked_add(every).ok();
    }
    out
}

/// The label of a tick: `30 Apr` for days and weeks, `May 2013` for months,
/// `2014` for years.
fn label(date: Date, step: Step) -> String {
    let month = MONTHS[usize::from(date.month().unsigned_abs()) - 1];
    match step {
        Step::Days(_) | Step::Weeks(_) => format!("{} {month}", date.day()),
        Step::Months(_) => format!("{month} {}", date.year()),
        Step::Years(_) => date.year().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn labels(axis: &DateAxis) -> Vec<String> {
        axis.ticks().into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn maps_dates_to_columns() {
        let a = DateAxis::new(date(2013, 4, 30), date(2014, 2, 17), 60);
        assert_eq!(a.column(date(2013, 4, 30)), 0);
        assert_eq!(a.column(date(2014, 2, 17)), 59);
        assert_eq!(a.column(date(2012, 1, 1)), 0);
        assert_eq!(a.column(date(2020, 1, 1)), 59);
        // 8 days of 293 over 59 columns: column 2 (1.6 rounded).
        assert_eq!(a.column(date(2013, 5, 8)), 2);
        let one_day = DateAxis::new(date(2013, 4, 30), date(2013, 4, 30), 60);
        assert_eq!(one_day.column(date(2013, 4, 30)), 0);
        assert_eq!(
            DateAxis::new(date(2013, 1, 1), date(2014, 1, 1), 0).column(date(2013, 6, 1)),
            0
        );
    }

    #[test]
    fn ticks_for_the_default_family_are_months() {
        let a = DateAxis::new(date(2013, 4, 30), date(2014, 2, 17), 60);
        assert_eq!(
            labels(&a),
            ["May 2013", "Jul 2013", "Sep 2013", "Nov 2013", "Jan 2014"]
        );
        let wide = DateAxis::new(date(2013, 4, 30), date(2014, 2, 17), 140);
        assert_eq!(labels(&wide).len(), 10);
        assert_eq!(labels(&wide)[0], "May 2013");
    }

    #[test]
    fn ticks_from_days_to_decades() {
        let days = DateAxis::new(date(2021, 1, 4), date(2021, 1, 10), 80);
        assert_eq!(labels(&days)[..3], ["4 Jan", "5 Jan", "6 Jan"]);
        let weeks = DateAxis::new(date(2021, 1, 1), date(2021, 3, 1), 60);
        assert!(labels(&weeks).iter().all(|l| !l.contains("202")));
        let years = DateAxis::new(date(1990, 6, 1), date(2024, 6, 1), 60);
        let l = labels(&years);
        assert!(l.iter().all(|l| l.len() == 4), "{l:?}");
        assert!(l.len() >= 3);
        let narrow = DateAxis::new(date(2013, 4, 30), date(2014, 2, 17), 3);
        assert!(narrow.ticks().is_empty());
    }

    #[test]
    fn ticks_never_overlap_and_stay_inside() {
        for width in [10, 24, 37, 80, 157] {
            for (s, e) in [
                (date(2013, 4, 30), date(2013, 5, 8)),
                (date(2013, 4, 30), date(2014, 2, 17)),
                (date(2000, 2, 29), date(2031, 12, 31)),
            ] {
                let ticks = DateAxis::new(s, e, width).ticks();
                for w in ticks.windows(2) {
                    assert!(w[0].column + w[0].label.len() < w[1].column);
                }
                for t in &ticks {
                    assert!(t.column + t.label.len() <= width);
                    assert!(t.date >= s && t.date <= e);
                }
            }
        }
    }
}
