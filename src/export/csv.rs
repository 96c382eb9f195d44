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
pub const HEADER: [&str; 11] = [
    "question", "ministry", "part", "tags", "status", "verdict", "quote", "note", "created",
    "updated", "note_id",
];

/// Prefixes a cell a spreadsheet would read as a formula with `'`.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Neutralises, then sanitises each line (line breaks are kept: a quoted
/// CSV cell may span lines).
fn clean(cell: &str) -> String {
    neutralise(cell)
        .split('\n')
        .map(|l| sanitize(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The export as CSV.
pub fn render(sel: &Selection<'_>) -> String {
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
        ];
        w.write_record(record.iter().map(|c| clean(c))).expect(io);
    }
    String::from_utf8(w.into_inner().expect(io)).expect("CSV of UTF-8 cells is UTF-8")
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
