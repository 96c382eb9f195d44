//! `qreview platforms`: the social-media table (questions × platforms,
//! corrections applied) as text, JSON or CSV. The table comes from
//! [`crate::lens::Table::build`]; this module only prints it.

use super::to_json;
use crate::lens::{Table, table::CellState};
use crate::sanitize::sanitize;

/// The table as text: per question its ministry, then one line per
/// platform mentioned (`  Facebook  used · Diplomatie.Belgium · 1,565 likes`).
pub fn render(table: &Table) -> String {
    let mut out = String::new();
    if table.columns.is_empty() {
        out.push_str("No answer names a social-media platform.\n");
        return out;
    }
    let width = table
        .columns
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    for r in &table.rows {
        out.push_str(&format!("{}  {}\n", r.question, sanitize(&r.ministry)));
        if !r.has_answer {
            out.push_str("  (no answer text in this corpus)\n");
            continue;
        }
        if let Some(reference) = &r.lens.refers_to {
            let ids: Vec<String> = reference.ids.iter().map(ToString::to_string).collect();
            out.push_str(&format!(
                "  refers to another answer{}\n",
                if ids.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", ids.join(", "))
                }
            ));
        }
        let mut any = false;
        for (col, cell) in table.columns.iter().zip(&r.cells) {
            if cell.state == CellState::NotMentioned && !cell.rejected {
                continue;
            }
            any = true;
            out.push_str(&format!(
                "  {:<width$}  {}\n",
                sanitize(&col.name),
                sanitize(&cell.summary())
            ));
        }
        for f in r
            .lens
            .platforms
            .iter()
            .filter(|f| !table.columns.iter().any(|c| c.id == f.id))
        {
            // Groups ("social media") with money, staff or "none used".
            let cell = crate::lens::Cell {
                state: if f.used {
                    CellState::Used
                } else {
                    CellState::NotUsed
                },
                fact: Some(f.clone()),
                span: Some(f.span.clone()),
                rejected: false,
            };
            any = true;
            out.push_str(&format!(
                "  {:<width$}  {}\n",
                sanitize(&f.name),
                sanitize(&cell.summary())
            ));
        }
        if !any {
            out.push_str("  no platform named\n");
        }
        let policy: Vec<&str> = r.signals().map(|s| s.kind.name()).collect();
        if !policy.is_empty() {
            out.push_str(&format!("  policy: {}\n", policy.join(", ")));
        }
    }
    let corrected = table.corrected();
    if corrected > 0 {
        out.push_str(&format!(
            "{corrected} fact(s) checked by the analyst (in brackets)\n"
        ));
    }
    out
}

/// The table as a JSON array: per question `{question, ministry,
/// has_answer, platforms: [...], signals, refers_to?}`.
pub fn render_json(table: &Table) -> String {
    to_json(&crate::export::platforms::json_rows(table))
}
