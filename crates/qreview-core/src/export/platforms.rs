//! The social-media table ([`crate::lens::Table`]) as Markdown, CSV and
//! JSON: one row per question, one column per platform, each cell `used ·
//! account · figures`, corrected cells marked with the analyst's verdict.
//! The notes exports append it; `qreview platforms` prints it.

use std::fmt::Write;

use serde::Serialize;

use super::csv::neutralise;
use crate::lens::{Table, table::CellState};
use crate::sanitize::sanitize;

/// One cell for a Markdown table: one line, pipes escaped, sanitised.
fn md(s: &str) -> String {
    sanitize(&s.replace(['\n', '\r'], " ")).replace('|', "\\|")
}

/// The table as a Markdown section (`## Social media`), or a sentence when
/// no answer names a platform.
pub fn markdown(table: &Table) -> String {
    let mut out = String::from("\n## Social media\n\n");
    if table.columns.is_empty() {
        out.push_str("No answer in this selection names a social-media platform.\n");
        return out;
    }
    let head: Vec<String> = table.columns.iter().map(|c| md(&c.name)).collect();
    let _ = writeln!(
        out,
        "| question | ministry | {} | policy |",
        head.join(" | ")
    );
    let _ = writeln!(out, "|---|---|{}---|", "---|".repeat(head.len()));
    for r in &table.rows {
        let cells: Vec<String> = r.cells.iter().map(|c| md(&c.summary())).collect();
        let policy: Vec<&str> = r.signals().map(|s| s.kind.name()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            r.question,
            md(&r.ministry),
            cells.join(" | "),
            md(&policy.join(", "))
        );
    }
    let corrected = table.corrected();
    if corrected > 0 {
        let _ = writeln!(
            out,
            "\n{corrected} fact(s) checked by the analyst (marked in brackets)."
        );
    }
    out
}

/// The table as CSV: one row per question and platform mentioned, with
/// state, account, each metric, money, staff, part, span and verdict.
pub fn csv(table: &Table) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let io = "writing CSV to memory cannot fail";
    let metrics = crate::lens::Metric::ALL;
    let mut header = vec!["question", "ministry", "platform", "state", "account"];
    header.extend(metrics.iter().map(|m| m.name()));
    header.extend([
        "money",
        "currency",
        "staff_fte",
        "part",
        "start",
        "end",
        "correction",
    ]);
    w.write_record(&header).expect(io);
    for r in &table.rows {
        for (col, cell) in table.columns.iter().zip(&r.cells) {
            if cell.state == CellState::NotMentioned && !cell.rejected {
                continue;
            }
            let f = cell.fact.as_ref();
            let mut rec = vec![
                r.question.to_string(),
                r.ministry.clone(),
                col.name.clone(),
                cell.state.label().to_string(),
                f.and_then(|f| f.account.as_ref())
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
            ];
            rec.extend(metrics.iter().map(|m| {
                f.and_then(|f| f.metric(*m))
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            }));
            rec.push(
                f.and_then(|f| f.money.as_ref())
                    .map(|m| m.amount.to_string())
                    .unwrap_or_default(),
            );
            rec.push(
                f.and_then(|f| f.money.as_ref())
                    .map(|m| m.currency.clone())
                    .unwrap_or_default(),
            );
            rec.push(
                f.and_then(|f| f.staff.as_ref())
                    .map(|s| s.fte.to_string())
                    .unwrap_or_default(),
            );
            let span = cell.span.as_ref();
            rec.push(span.and_then(|s| s.part.clone()).unwrap_or_default());
            rec.push(span.map(|s| s.start.to_string()).unwrap_or_default());
            rec.push(span.map(|s| s.end.to_string()).unwrap_or_default());
            rec.push(cell.verdict().map_or("", |v| v.label()).to_string());
            w.write_record(rec.iter().map(|c| neutralise(&sanitize(c)).into_owned()))
                .expect(io);
        }
    }
    String::from_utf8(w.into_inner().expect(io)).expect("CSV of UTF-8 cells is UTF-8")
}

/// One question's row in JSON: its facts (`show --json`'s `platforms`
/// shape), policy signals and reference.
#[derive(Serialize)]
pub struct RowJson<'a> {
    /// The question.
    pub question: String,
    /// Its ministry.
    pub ministry: &'a str,
    /// False when the corpus has no answer text.
    pub has_answer: bool,
    /// The facts, corrections applied.
    pub platforms: &'a [crate::lens::PlatformFact],
    /// Policy signals.
    pub signals: &'a [crate::lens::Signal],
    /// A reference to another answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<&'a crate::lens::Reference>,
    /// Facts the analyst rejected.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub rejected: &'a [crate::lens::PlatformFact],
}

/// The table's rows as JSON values.
pub fn json_rows(table: &Table) -> Vec<RowJson<'_>> {
    table
        .rows
        .iter()
        .map(|r| RowJson {
            question: r.question.to_string(),
            ministry: &r.ministry,
            has_answer: r.has_answer,
            platforms: &r.lens.platforms,
            signals: &r.lens.signals,
            refers_to: r.lens.refers_to.as_ref(),
            rejected: &r.lens.rejected,
        })
        .collect()
}
