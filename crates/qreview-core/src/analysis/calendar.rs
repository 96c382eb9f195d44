//! Working days: Monday to Friday less a country's legal public holidays.
//!
//! Holds the Belgian holidays (fixed dates and the Easter-based ones), the
//! count of working days between two dates and "the Nth working day after".
//! Counting is arithmetic on day numbers with the holidays in a sorted list,
//! so a gap of years costs the same as a gap of days (a league table over
//! 20,000 questions measures lateness up to today for every open one).

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// Which public holidays a calendar skips besides Saturdays and Sundays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Holidays {
    /// None: every Monday to Friday is a working day.
    None,
    /// Belgian legal public holidays: 1 January, Easter Monday, 1 May,
    /// Ascension Day, Whit Monday, 21 July, 15 August, 1 November,
    /// 11 November, 25 December.
    Belgium,
}

/// First and last year whose holidays a calendar holds; dates outside fall
/// back to Monday–Friday (no parliament in the corpus sits outside them).
const YEARS: (i16, i16) = (1900, 2200);

/// Monday to Friday less the holidays of one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingCalendar {
    kind: Holidays,
    /// Day numbers of the holidays that fall on a weekday, sorted.
    holidays: Vec<i64>,
}

impl WorkingCalendar {
    /// The calendar skipping `kind`'s holidays.
    pub fn new(kind: Holidays) -> Self {
        let mut holidays = Vec::new();
        if kind == Holidays::Belgium {
            for year in YEARS.0..=YEARS.1 {
                holidays.extend(
                    belgian_holidays(year)
                        .into_iter()
                        .filter(|d| is_weekday(*d))
                        .map(day_number),
                );
            }
        }
        holidays.sort_unstable();
        holidays.dedup();
        Self { kind, holidays }
    }

    /// Which holidays it skips.
    pub fn kind(&self) -> Holidays {
        self.kind
    }

    /// True on Monday to Friday unless a holiday.
    pub fn is_working_day(&self, date: Date) -> bool {
        is_weekday(date) && self.holidays.binary_search(&day_number(date)).is_err()
    }

    /// Working days after `from` up to and including `to` (0 when `to` is
    /// not after `from`).
    pub fn working_days_between(&self, from: Date, to: Date) -> i64 {
        let (a, b) = (day_number(from), day_number(to));
        if b <= a {
            return 0;
        }
        // Weekdays in (a, b] less the weekday holidays in (a, b].
        let weekdays = weekdays_before(b + 1) - weekdays_before(a + 1);
        let lo = self.holidays.partition_point(|&h| h <= a);
        let hi = self.holidays.partition_point(|&h| h <= b);
        weekdays - (hi - lo) as i64
    }

    /// The `n`th working day counted from the day after `start` (the
    /// Senate's way: sent 30/4/2013, twenty working days → 31/5/2013).
    pub fn add_working_days(&self, start: Date, n: u32) -> Date {
        // On day numbers: a league table computes this for every question.
        let mut day = day_number(start);
        let mut left = n;
        let mut h = self.holidays.partition_point(|&x| x <= day);
        while left > 0 {
            day += 1;
            while h < self.holidays.len() && self.holidays[h] < day {
                h += 1;
            }
            let weekday = (day + 3).rem_euclid(7) < 5;
            let holiday = self.holidays.get(h) == Some(&day);
            if weekday && !holiday {
                left -= 1;
            }
        }
        from_day_number(day).unwrap_or(start)
    }
}

fn is_weekday(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// Days since 1970-01-01 (proleptic Gregorian), by Howard Hinnant's
/// `days_from_civil`; cheaper than a span computation per comparison.
fn day_number(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (the inverse of [`day_number`], Hinnant's
/// `civil_from_days`); `None` outside the dates jiff represents.
fn from_day_number(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// Monday to Friday days in `[MONDAY, n)` where day −3 (1969-12-29) is a
/// Monday; negative for `n` before it. Differences give weekdays in a range.
fn weekdays_before(n: i64) -> i64 {
    let m = n + 3;
    m.div_euclid(7) * 5 + m.rem_euclid(7).min(5)
}

/// Easter Sunday of `year` (Gregorian computus, anonymous algorithm).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).expect("Easter is a valid date")
}

/// The ten Belgian legal public holidays of `year`, in date order.
pub fn belgian_holidays(year: i16) -> Vec<Date> {
    let easter = easter_sunday(year);
    let after = |days: i64| {
        easter
            .checked_add(jiff::Span::new().days(days))
            .expect("a date near Easter")
    };
    let fixed = |m: i8, d: i8| Date::new(year, m, d).expect("a fixed holiday");
    let mut days = vec![
        fixed(1, 1),
        after(1), // Easter Monday
        fixed(5, 1),
        after(39), // Ascension Day
        after(50), // Whit Monday
        fixed(7, 21),
        fixed(8, 15),
        fixed(11, 1),
        fixed(11, 11),
        fixed(12, 25),
    ];
    days.sort();
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_2013_to_2030() {
        let known = [
            (2013, 3, 31),
            (2014, 4, 20),
            (2015, 4, 5),
            (2016, 3, 27),
            (2017, 4, 16),
            (2018, 4, 1),
            (2019, 4, 21),
            (2020, 4, 12),
            (2021, 4, 4),
            (2022, 4, 17),
            (2023, 4, 9),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2029, 4, 1),
            (2030, 4, 21),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), date(y, m, d), "Easter {y}");
        }
    }

    #[test]
    fn belgian_holidays_of_2013() {
        let h = belgian_holidays(2013);
        assert_eq!(h.len(), 10);
        assert!(h.contains(&date(2013, 4, 1)), "Easter Monday");
        assert!(h.contains(&date(2013, 5, 9)), "Ascension");
        assert!(h.contains(&date(2013, 5, 20)), "Whit Monday");
        assert!(h.contains(&date(2013, 7, 21)));
    }

    #[test]
    fn the_senate_example_sent_30_april_2013() {
        let cal = WorkingCalendar::new(Holidays::Belgium);
        assert!(!cal.is_working_day(date(2013, 5, 1)));
        assert!(!cal.is_working_day(date(2013, 5, 9)));
        assert!(!cal.is_working_day(date(2013, 5, 20)));
        assert_eq!(
            cal.add_working_days(date(2013, 4, 30), 20),
            date(2013, 5, 31)
        );
        // Without the holidays the twentieth weekday is three days earlier.
        let plain = WorkingCalendar::new(Holidays::None);
        assert_eq!(
            plain.add_working_days(date(2013, 4, 30), 20),
            date(2013, 5, 28)
        );
    }

    #[test]
    fn a_deadline_across_new_year() {
        let cal = WorkingCalendar::new(Holidays::Belgium);
        // 25 December and 1 January skipped.
        assert_eq!(
            cal.add_working_days(date(2013, 12, 10), 20),
            date(2014, 1, 9)
        );
        assert_eq!(
            cal.working_days_between(date(2013, 12, 10), date(2014, 1, 9)),
            20
        );
    }

    #[test]
    fn holidays_on_weekends_cost_nothing() {
        let cal = WorkingCalendar::new(Holidays::Belgium);
        let plain = WorkingCalendar::new(Holidays::None);
        // 1 May 2021 and 15 August 2021 are a Saturday and a Sunday; 21 July 2021 a Wednesday.
        assert_eq!(date(2021, 5, 1).weekday(), Weekday::Saturday);
        assert_eq!(
            cal.working_days_between(date(2021, 4, 26), date(2021, 5, 7)),
            plain.working_days_between(date(2021, 4, 26), date(2021, 5, 7))
        );
        assert_eq!(
            cal.working_days_between(date(2021, 8, 8), date(2021, 8, 20)),
            10
        );
        assert_eq!(
            cal.working_days_between(date(2021, 7, 19), date(2021, 7, 23)),
            3
        );
    }

    #[test]
    fn counting_agrees_with_stepping_over_years() {
        let cal = WorkingCalendar::new(Holidays::Belgium);
        let start = date(2012, 12, 20);
        let mut day = start;
        let mut stepped = 0;
        for _ in 0..900 {
            day = day.tomorrow().unwrap();
            if cal.is_working_day(day) {
                stepped += 1;
            }
            assert_eq!(cal.working_days_between(start, day), stepped, "{day}");
        }
        assert_eq!(cal.working_days_between(day, start), 0);
        // And adding working days lands where stepping counts them.
        for n in [1, 5, 20, 250] {
            let end = cal.add_working_days(start, n);
            assert!(cal.is_working_day(end));
            assert_eq!(cal.working_days_between(start, end), i64::from(n));
        }
    }

    #[test]
    fn day_numbers_match_jiff() {
        let epoch = date(1970, 1, 1);
        for d in [
            date(1970, 1, 1),
            date(2000, 2, 29),
            date(1900, 3, 1),
            date(2013, 4, 30),
        ] {
            assert_eq!(day_number(d), i64::from((d - epoch).get_days()), "{d}");
            assert_eq!(from_day_number(day_number(d)), Some(d));
        }
    }
}
