//! `qreview stats`: per family, the rows and figures the Timeline view shows
//! (built from the same `analysis::timeline` rows). `--ministries` prints
//! the league table instead (`cli::league`).

use jiff::civil::Date;

use super::{date, fit, text, to_json};
use crate::analysis::figures::{self, FamilyFigures};
use crate::analysis::timeline::{self, SortKey, TimelineRow};
use crate::corpus::Corpus;

/// What the text tables depend on besides the corpus.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The date open (unanswered) bars run up to.
    pub today: Date,
    /// Row order inside each family.
    pub sort: SortKey,
}

/// Tables, one per family.
pub fn render(corpus: &Corpus, options: Options) -> String {
    let mut out = String::new();
    for (family, figures) in corpus.families.iter().zip(figures::all(corpus)) {
        let mut rows = timeline::rows(corpus, family, options.today);
        timeline::sort_rows(&mut rows, options.sort);
        render_family(&mut out, &figures, &rows);
    }
    out
}

fn render_family(out: &mut String, f: &FamilyFigures, rows: &[TimelineRow]) {
    out.push_str(&format!(
        "Family {}  {}\n  {} siblings, {} answered, {} unanswered, {} not in corpus, reminded {}\n",
        f.family,
        text(f.title.as_deref()),
        f.members.len(),
        f.answered,
        f.unanswered,
        f.not_in_corpus,
        f.reminded_list()
    ));
    out.push_str(&format!(
        "  {}{}{}{}{}{}\n",
        fit("ID", 9),
        fit("MINISTRY", 26),
        fit("SENT", 12),
        fit("REMINDERS", 15),
        fit("ANSWERED", 12),
        "DAYS"
    ));
    for r in rows {
        let m = &r.member;
        if !m.loaded {
            out.push_str(&format!("  {}(not in corpus)\n", fit(&m.id.to_string(), 9)));
            continue;
        }
        let reminders = match m.reminders.as_slice() {
            [] => "-".to_string(),
            [one] => one.to_string(),
            [first, rest @ ..] => format!("{first} +{}", rest.len()),
        };
        let days = match r.bar {
            Some(b) if b.open => format!("unanswered {}", b.days),
            Some(b) => b.days.to_string(),
            None => "-".into(),
        };
        // The ministry cell is one column short of its header so that a cut
        // label (`…`) never touches the date after it.
        out.push_str(&format!(
            "  {}{} {}{}{}{}\n",
            fit(&m.id.to_string(), 9),
            fit(
                &text(Some(crate::corpus::display::ministry_label(
                    m.ministry.as_deref()
                ))),
                25
            ),
            fit(&date(m.sent), 12),
            fit(&reminders, 15),
            fit(&date(m.answered), 12),
            days
        ));
    }
    let days = |m: Option<f64>| m.map_or_else(|| "-".into(), |m| format!("{m} days"));
    out.push_str(&format!(
        "  median {} · fastest: {} · slowest: {} · reminder to answer, median {}\n\n",
        days(f.median_days),
        f.named(f.fastest),
        f.named(f.slowest),
        days(f.median_reminder_to_answer),
    ));
}

/// The JSON array of families (`analysis::figures::all`).
pub fn render_json(corpus: &Corpus) -> String {
    to_json(&figures::all(corpus))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn options(sort: SortKey) -> Options {
        Options {
            today: date(2024, 1, 1),
            sort,
        }
    }

    #[test]
    fn default_family_table_sorted_by_days() {
        let corpus = crate::corpus::embedded::load();
        let out = render(&corpus, options(SortKey::Days));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].contains(
            "19 siblings, 11 answered, 0 unanswered, 8 not in corpus, reminded 2 (5-8902, 5-8906)"
        ));
        assert!(lines[3].starts_with("  5-8904   Pensions"));
        assert!(lines[3].ends_with("2013-05-08  8"), "{}", lines[3]);
        assert!(lines[13].contains("5-8902") && lines[13].ends_with(" 293"));
        assert!(out.contains(
            "median 42 days · fastest: 5-8904 Pensions, 8 days · slowest: 5-8902 Affaires étrangères, 293 days · reminder to answer, median 52 days"
        ));
    }

    #[test]
    fn long_ministry_labels_keep_a_gap() {
        let corpus = crate::corpus::embedded::load();
        let out = render(&corpus, options(SortKey::Id));
        let row = out.lines().find(|l| l.contains("5-8916")).unwrap();
        assert!(row.contains("Asile et la Migration"));
        assert!(out.lines().all(|l| !l.contains("…2")), "{out}");
    }
}
