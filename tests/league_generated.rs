//! The league table on a generated corpus (400 questions, five fictional
//! ministries, sent 2013–2015, answered or not, reminded or not; seeded,
//! deterministic) against a reference written independently here: Belgian
//! holidays 2013–2016 typed out by hand, deadlines and lateness counted day
//! by day, medians and the 90th percentile by sorting.

use std::collections::BTreeMap;

use jiff::civil::{Date, Weekday, date};
use qreview::analysis::deadline::DeadlineRules;
use qreview::analysis::filter::QuestionFilter;
use qreview::analysis::league::{self, LeagueRow};
use qreview::corpus::{Corpus, Event, EventKind, Question, QuestionId};

const TODAY: Date = date(2016, 6, 30);
const MINISTRIES: [&str; 5] = ["Météo", "Ports", "Archives", "Jeux", "Ponts"];

/// Belgian legal public holidays 2013–2016, Easter-based ones looked up.
fn holidays() -> Vec<Date> {
    let mut h = Vec::new();
    for y in 2013..=2016 {
        for (m, d) in [
            (1, 1),
            (5, 1),
            (7, 21),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ] {
            h.push(date(y, m, d));
        }
    }
    h.extend([
        date(2013, 4, 1),
        date(2013, 5, 9),
        date(2013, 5, 20),
        date(2014, 4, 21),
        date(2014, 5, 29),
        date(2014, 6, 9),
        date(2015, 4, 6),
        date(2015, 5, 14),
        date(2015, 5, 25),
        date(2016, 3, 28),
        date(2016, 5, 5),
        date(2016, 5, 16),
    ]);
    h
}

fn working(d: Date, holidays: &[Date]) -> bool {
    !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !holidays.contains(&d)
}

/// Working days in (a, b], stepping.
fn between(a: Date, b: Date, holidays: &[Date]) -> i64 {
    let mut n = 0;
    let mut d = a;
    while d < b {
        d = d.tomorrow().unwrap();
        n += i64::from(working(d, holidays));
    }
    n
}

fn deadline(sent: Date, holidays: &[Date]) -> Date {
    let mut d = sent;
    let mut left = 20;
    while left > 0 {
        d = d.tomorrow().unwrap();
        if working(d, holidays) {
            left -= 1;
        }
    }
    d
}

fn generated() -> Corpus {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    let questions = (1..=400)
        .map(|i| {
            let mut q = Question::new(QuestionId::senate(9, i));
            q.ministry = Some(MINISTRIES[next(5) as usize].to_string());
            let sent = date(2013, 1, 1)
                .checked_add(jiff::Span::new().days(next(3 * 365) as i64))
                .unwrap();
            let event = |date, kind| Event {
                date,
                kind,
                label: String::new(),
            };
            q.events.push(event(sent, EventKind::Sent));
            let days = next(120) as i64;
            for r in 0..next(3) {
                let at = sent
                    .checked_add(jiff::Span::new().days(30 + 10 * r as i64))
                    .unwrap();
                q.events.push(event(at, EventKind::Reminder));
            }
            if next(5) != 0 {
                let answered = sent.checked_add(jiff::Span::new().days(days)).unwrap();
                q.events.push(event(answered, EventKind::Answer));
            }
            q.refresh_derived();
            q
        })
        .collect();
    Corpus::new(questions, Vec::new())
}

#[derive(Debug, Default, PartialEq)]
struct Expected {
    received: usize,
    answered: usize,
    on_time: usize,
    late: usize,
    overdue: usize,
    reminders: usize,
    days: Vec<i64>,
    late_days: Vec<i64>,
}

fn median(v: &mut [i64]) -> Option<f64> {
    v.sort();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2] as f64),
        _ => Some((v[n / 2 - 1] + v[n / 2]) as f64 / 2.0),
    }
}

#[test]
fn league_figures_match_a_day_by_day_reference() {
    let corpus = generated();
    let h = holidays();
    let mut expected: BTreeMap<String, Expected> = BTreeMap::new();
    for q in &corpus.questions {
        let e = expected.entry(q.ministry.clone().unwrap()).or_default();
        e.received += 1;
        e.reminders += q.reminders().len();
        let d = deadline(q.sent().unwrap(), &h);
        match q.answered() {
            Some(a) => {
                e.answered += 1;
                e.days.push((a - q.sent().unwrap()).get_days().into());
                if a <= d {
                    e.on_time += 1;
                    e.late_days.push(0);
                } else {
                    e.late += 1;
                    e.late_days.push(between(d, a, &h));
                }
            }
            None => e.overdue += usize::from(TODAY > d),
        }
    }
    let rows = league::league(
        &corpus,
        &DeadlineRules::default(),
        TODAY,
        &QuestionFilter::default(),
    );
    assert_eq!(rows.len(), 5);
    let by_name: BTreeMap<String, &LeagueRow> = rows
        .iter()
        .map(|r| (r.ministry.clone().unwrap(), r))
        .collect();
    let mut total_late = 0;
    for (name, mut e) in expected {
        let r = by_name[&name];
        assert_eq!(r.received, e.received, "{name}");
        assert_eq!(r.answered, e.answered, "{name}");
        assert_eq!(r.unanswered, e.received - e.answered, "{name}");
        assert_eq!(
            (r.on_time, r.late, r.overdue),
            (e.on_time, e.late, e.overdue),
            "{name}"
        );
        assert_eq!(r.reminders, e.reminders, "{name}");
        let pct = 100.0 * e.on_time as f64 / (e.on_time + e.late) as f64;
        assert!((r.on_time_pct.unwrap() - pct).abs() < 1e-9, "{name}");
        let mut days = e.days.clone();
        days.sort();
        let p90 = days[(days.len() * 90).div_ceil(100) - 1];
        assert_eq!(r.p90_days, Some(p90), "{name}");
        assert_eq!(r.median_days, median(&mut e.days), "{name}");
        assert_eq!(
            r.median_late_working_days,
            median(&mut e.late_days),
            "{name}"
        );
        total_late += e.late;
    }
    // The generator exercises every case.
    assert!(total_late > 50);
    assert!(rows.iter().map(|r| r.overdue).sum::<usize>() > 20);
    assert!(rows.iter().map(|r| r.on_time).sum::<usize>() > 50);
}

#[test]
fn the_date_filter_counts_only_questions_sent_in_range() {
    let corpus = generated();
    let filter = QuestionFilter {
        from: Some(date(2014, 1, 1)),
        to: Some(date(2014, 12, 31)),
        ..Default::default()
    };
    let rows = league::league(&corpus, &DeadlineRules::default(), TODAY, &filter);
    let counted: usize = rows.iter().map(|r| r.received).sum();
    let expected = corpus
        .questions
        .iter()
        .filter(|q| q.sent().unwrap().year() == 2014)
        .count();
    assert_eq!(counted, expected);
    assert!(counted > 50 && counted < 400);
}
