//! `qreview stats --ministries`: the ministry league table
//! (`analysis::league`, the same rows the Ministries view shows) as a text
//! table, CSV or JSON.

use super::{fit, text, to_json};
use crate::analysis::league::{LeagueColumn, LeagueRow};
use crate::export::csv::neutralise;

pub use crate::analysis::league::{cell, figure, label};

/// Width of each figure column in the text table.
const FIGURE_W: usize = 10;

/// The text table, one line per ministry; `note` (filter, deadline rule) above it.
pub fn render(rows: &[LeagueRow], note: &str) -> String {
    let name_w = rows
        .iter()
        .map(|r| crate::format::width(&label(r)))
        .max()
        .unwrap_or(0)
        .clamp(12, 32);
    let mut out = String::new();
    if !note.is_empty() {
        out.push_str(note);
        out.push('\n');
    }
    for c in LeagueColumn::ALL {
        let w = if c == LeagueColumn::Ministry {
            name_w + 1
        } else {
            FIGURE_W
        };
        out.push_str(&fit(c.heading(), w));
    }
    out = out.trim_end().to_string() + "\n";
    for r in rows {
        let mut line = format!("{} ", fit(&label(r), name_w));
        for c in &LeagueColumn::ALL[1..] {
            line.push_str(&fit(&cell(r, *c), FIGURE_W));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The CSV header.
pub const CSV_HEADER: [&str; 14] = [
    "ministry",
    "received",
    "answered",
    "on_time",
    "late",
    "on_time_pct",
    "median_days",
    "p90_days",
    "median_late_working_days",
    "reminders",
    "reminders_per_question",
    "unanswered",
    "overdue",
    "questions",
];

/// The table as CSV (RFC 4180, CRLF), one row per ministry.
pub fn render_csv(rows: &[LeagueRow]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let io = "writing CSV to memory cannot fail";
    w.write_record(CSV_HEADER).expect(io);
    let opt = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
    for r in rows {
        let name = r.ministry.as_deref().unwrap_or("");
        let record = [
            neutralise(&text(Some(name))).into_owned(),
            r.received.to_string(),
            r.answered.to_string(),
            r.on_time.to_string(),
            r.late.to_string(),
            opt(r.on_time_pct),
            opt(r.median_days),
            r.p90_days.map_or_else(String::new, |d| d.to_string()),
            opt(r.median_late_working_days),
            r.reminders.to_string(),
            r.reminders_per_question.to_string(),
            r.unanswered.to_string(),
            r.overdue.to_string(),
            r.questions
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        ];
        w.write_record(&record).expect(io);
    }
    String::from_utf8(w.into_inner().expect(io)).expect("CSV of UTF-8 cells is UTF-8")
}

/// The table as a JSON array.
pub fn render_json(rows: &[LeagueRow]) -> String {
    to_json(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::deadline::DeadlineRules;
    use crate::analysis::filter::QuestionFilter;
    use crate::analysis::league::{league, sort};
    use jiff::civil::date;

    fn rows() -> Vec<LeagueRow> {
        let corpus = crate::corpus::embedded::load();
        league(
            &corpus,
            &DeadlineRules::default(),
            date(2024, 1, 1),
            &QuestionFilter::default(),
        )
    }

    #[test]
    fn text_table_of_the_default_corpus() {
        let mut rows = rows();
        sort(&mut rows, LeagueColumn::OnTimePct, true);
        let out = render(&rows, "");
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("MINISTRY") && lines[0].contains("ON TIME %"));
        assert_eq!(lines.len(), 12);
        assert!(lines[1].starts_with("Landsverdediging"), "{}", lines[1]);
        let ae = lines
            .iter()
            .find(|l| l.starts_with("Affaires étrangères"))
            .unwrap();
        let cells: Vec<&str> = ae.split_whitespace().collect();
        // received, answered, on time %, median, p90, late wd, reminders/q, open, overdue
        assert_eq!(
            &cells[2..],
            ["1", "1", "0", "293", "293", "181", "1.00", "0", "0"]
        );
    }

    #[test]
    fn csv_has_one_row_per_ministry() {
        let out = render_csv(&rows());
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 11);
        let pm = records
            .iter()
            .find(|r| &r[0] == "Premier ministre")
            .unwrap();
        assert_eq!((&pm[3], &pm[5], &pm[13]), ("1", "100", "5-8900"));
        let unknown = records.last().unwrap();
        assert_eq!((&unknown[0], &unknown[13]), ("", "5-8903"));
    }
}
