//! The CSV export (RFC 4180 through the `csv` crate, CRLF line ends): one
//! row per note with its question, ministry, part, tags, review status,
//! verdict, quote, text and times.
//!
//! A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! prefixed with `'` so that a spreadsheet does not run it as a formula
//! (CSV injection). Text keeps its line breaks; other control characters go
//! through [`crate::sanitize::sanitize`].

use std::borrow::Cow;

use super::select::{Selection, part_label, tags};
use crate::sanitize::sanitize;

/// The header row.
pub const HEADER: [&str; 12] = [
    "question",
    "ministry",
    "part",
    "tags",
    "status",
    "verdict",
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
    for (row, view) in sel.notes() {
        let n = view.note;
        let ministry = row.figures.ministry.clone().unwrap_or_default();
        let quote = n.anchor.as_ref().map(|a| a.quote.as_str()).unwrap_or("");
        let record = [
            row.id.to_string(),
            ministry,
            part_label(view),
            tags(n),
            row.review.status.label().to_string(),
            row.review.verdict.map_or("", |v| v.label()).to_string(),
            quote.to_string(),
            n.text.clone(),
            n.created.to_string(),
            n.updated.to_string(),
            n.id.to_string(),
            platforms_of(table, row.id),
        ];
        w.write_record(record.iter().map(|c| clean(c))).expect(io);
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
