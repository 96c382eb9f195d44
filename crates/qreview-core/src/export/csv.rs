//! The CSV export (RFC 4180 through the `csv` crate, CRLF line ends): one
//! row per note with its question's figures (sent, answered, days,
//! reminders, deadline: the date, stated or computed, timeliness and working
//! days late), review status, verdict and question tags, then
//! the note's part, tags, quote, text and times; a question reviewed
//! (status, verdict or tags) without notes gets one row with the note
//! columns empty.
//!
//! A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! prefixed with `'` so that a spreadsheet does not run it as a formula
//! (CSV injection). Text keeps its line breaks; other control characters go
//! through [`crate::sanitize::sanitize`].

use std::borrow::Cow;

use super::select::{Selection, part_label, tags};
use crate::sanitize::sanitize;

/// The header row.
pub const HEADER: [&str; 21] = [
    "question",
    "ministry",
    "sent",
    "answered",
    "days",
    "reminders",
    "deadline",
    "deadline_source",
    "timeliness",
    "late_working_days",
    "status",
    "verdict",
    "question_tags",
    "part",
    "tags",
    "quote",
    "note",
    "created",
    "updated",
    "note_id",
    "platforms",
];

/// Prefixes a cell a spreadsheet would read as a formula with `'`.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Sanitises each line (line breaks are kept: a quoted CSV cell may span
/// lines), then neutralises the result: in this order, a character that
/// sanitising removes (a zero-width space before `=`) cannot hide a formula.
fn clean(cell: &str) -> String {
    let sanitised = cell
        .split('\n')
        .map(|l| sanitize(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    let starts_blank = cell.starts_with(['\t', '\r']);
    if starts_blank || sanitised.trim_start().starts_with(['=', '+', '-', '@']) {
        format!("'{sanitised}")
    } else {
        sanitised
    }
}

/// The export as CSV (no social-media table: the `platforms` cells are empty).
pub fn render(sel: &Selection<'_>) -> String {
    render_with(sel, &crate::lens::Table::default())
}

/// The export as CSV; the last cell of each row sums up the social-media
/// table's row of the note's question (`Facebook: used · …; Twitter: …`).
pub fn render_with(sel: &Selection<'_>, table: &crate::lens::Table) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let io = "writing CSV to memory cannot fail";
    w.write_record(HEADER).expect(io);
    for row in sel.groups.iter().flat_map(|g| g.rows.iter()) {
        if row.notes.is_empty() && row.review.is_blank() {
            continue;
        }
        let f = &row.figures;
        let day = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let question = [
            row.id.to_string(),
            f.ministry.clone().unwrap_or_default(),
            day(f.sent),
            day(f.answered),
            f.days_to_answer.map(|d| d.to_string()).unwrap_or_default(),
            // Empty, not 0, for a sibling whose chronology is not in the corpus.
            if f.loaded {
                f.reminders.len().to_string()
            } else {
                String::new()
            },
            day(row.deadline.deadline.map(|d| d.date)),
            row.deadline
                .deadline
                .map_or("", |d| d.source.name())
                .to_string(),
            row.deadline.timeliness.name().to_string(),
            row.deadline
                .timeliness
                .late_working_days()
                .map_or_else(String::new, |d| d.to_string()),
            row.review.status.label().to_string(),
            row.review.verdict.map_or("", |v| v.label()).to_string(),
            row.review
                .tags
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join("; "),
        ];
        let platforms = platforms_of(table, row.id);
        if row.notes.is_empty() {
            let record = question
                .iter()
                .cloned()
                .chain(std::iter::repeat_n(String::new(), 7))
                .chain(std::iter::once(platforms.clone()));
            w.write_record(record.map(|c| clean(&c))).expect(io);
        }
        for view in &row.notes {
            let n = view.note;
            let quote = n.anchor.as_ref().map(|a| a.quote.as_str()).unwrap_or("");
            let note = [
                part_label(view),
                tags(n),
                quote.to_string(),
                n.text.clone(),
                n.created.to_string(),
                n.updated.to_string(),
                n.id.to_string(),
                platforms.clone(),
            ];
            w.write_record(question.iter().chain(&note).map(|c| clean(c)))
                .expect(io);
        }
    }
    String::from_utf8(w.into_inner().expect(io)).expect("CSV of UTF-8 cells is UTF-8")
}

/// The mentioned platforms of `question`'s row, one `name: summary` each.
fn platforms_of(table: &crate::lens::Table, question: crate::corpus::QuestionId) -> String {
    let Some(row) = table.rows.iter().find(|r| r.question == question) else {
        return String::new();
    };
    table
        .columns
        .iter()
        .zip(&row.cells)
        .filter(|(_, c)| c.state != crate::lens::CellState::NotMentioned)
        .map(|(col, c)| format!("{}: {}", col.name, c.summary()))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod clean_tests {
    use super::clean;

    #[test]
    fn hidden_formulas_are_neutralised_after_sanitising() {
        assert_eq!(clean("\u{200b}=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(clean("\u{202e}+1"), "'+1");
        assert_eq!(clean("  @SUM(A1)"), "'  @SUM(A1)");
        assert_eq!(clean("\tx"), "'    x");
        assert_eq!(clean("plain - text"), "plain - text");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for bad in ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("fine = ok"), "fine = ok");
        assert_eq!(clean("=HYPERLINK(\"x\")\nline"), "'=HYPERLINK(\"x\")\nline");
    }
}
