//! The Markdown export: per family its figures and a table of ministries
//! (sent, answered, days, reminders, status, verdict, tags), then per
//! question its notes, each with the quoted passage as a block quote and the
//! part it belongs to.
//!
//! All corpus and note text passes through [`crate::sanitize::sanitize`]
//! line by line, so the export is safe to print to a terminal.

use std::fmt::Write;

use super::select::{Group, NoteView, Row, Selection, part_label, tags};
use crate::format::{date, num};
use crate::notes::Located;
use crate::sanitize::sanitize;

/// Makes a string safe for one table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    let one_line: String = s
        .split(['\n', '\r'])
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    sanitize(&one_line).replace('|', "\\|")
}

/// The export as Markdown.
pub fn render(sel: &Selection<'_>) -> String {
    let mut out = String::from("# qreview notes\n");
    if sel.groups.is_empty() {
        out.push_str("\nNothing matches this selection.\n");
    }
    for g in &sel.groups {
        group(&mut out, g);
    }
    out
}

fn group(out: &mut String, g: &Group<'_>) {
    match (g.family, &g.figures) {
        (Some(f), Some(fig)) => {
            let title = f.title.as_deref().map(cell).unwrap_or_default();
            let _ = writeln!(out, "\n## Family {}: {title}\n", f.id);
            let mut facts = vec![format!(
                "{} of {} answered",
                fig.answered,
                fig.members.len()
            )];
            if let Some(m) = fig.median_days {
                facts.push(format!("median {m} days"));
            }
            if let Some(x) = fig.fastest {
                facts.push(format!("fastest {} ({} days)", x.id, x.days));
            }
            if let Some(x) = fig.slowest {
                facts.push(format!("slowest {} ({} days)", x.id, x.days));
            }
            facts.push(format!("{} needed a reminder", fig.reminded));
            let _ = writeln!(out, "{}\n", facts.join(" · "));
        }
        _ => out.push_str("\n## Questions not in this corpus\n\n"),
    }
    out.push_str(
        "| Question | Ministry | Sent | Answered | Days | Reminders | Status | Verdict | Tags |\n",
    );
    out.push_str("|---|---|---|---|---:|---|---|---|---|\n");
    for r in &g.rows {
        let f = &r.figures;
        // A sibling known only by number: its reminders are not known, not none.
        let reminders = if !f.loaded {
            "unknown".to_string()
        } else if f.reminders.is_empty() {
            "0".to_string()
        } else {
            let dates: Vec<String> = f.reminders.iter().map(ToString::to_string).collect();
            format!("{} ({})", f.reminders.len(), dates.join(", "))
        };
        let qtags: Vec<&str> = r.review.tags.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.id,
            cell(crate::corpus::display::ministry_label(
                f.ministry.as_deref()
            )),
            date(f.sent),
            date(f.answered),
            num(f.days_to_answer),
            reminders,
            r.review.status.label(),
            r.review.verdict.map_or("-", |v| v.label()),
            cell(&qtags.join(", ")),
        );
    }
    for r in g.rows.iter().filter(|r| !r.notes.is_empty()) {
        question(out, r);
    }
}

fn question(out: &mut String, r: &Row<'_>) {
    let ministry = r
        .question
        .and_then(|q| q.ministry.as_deref())
        .map(cell)
        .unwrap_or_else(|| "-".into());
    let _ = writeln!(out, "\n### {} · {ministry}", r.id);
    for view in &r.notes {
        note(out, view);
    }
}

fn note(out: &mut String, view: &NoteView<'_>) {
    let n = view.note;
    let mut head = vec![format!("Note {}", n.id)];
    let part = part_label(view);
    if !part.is_empty() {
        head.push(cell(&part));
    }
    if !n.tags.is_empty() {
        head.push(format!("tags: {}", cell(&tags(n))));
    }
    if let Some(orig) = &n.conflict_of {
        head.push(format!("conflicting version of {orig}"));
    }
    let _ = writeln!(out, "\n#### {}\n", head.join(" · "));
    if let Some(a) = &n.anchor {
        for line in a.quote.split('\n') {
            let line = sanitize(line.trim_end_matches('\r'));
            if line.is_empty() {
                out.push_str(">\n");
            } else {
                let _ = writeln!(out, "> {line}");
            }
        }
        if view.located == Some(Located::Detached) {
            out.push_str(">\n> *(this passage is no longer in the corpus)*\n");
        }
        out.push('\n');
    }
    // A backslash at the end of a line is a hard break in CommonMark, so
    // the note keeps its line breaks without trailing spaces.
    let lines: Vec<&str> = n
        .text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let next_is_text = lines.get(i + 1).is_some_and(|l| !l.trim().is_empty());
        let brk = if !line.trim().is_empty() && next_is_text {
            "\\"
        } else {
            ""
        };
        let _ = writeln!(out, "{}{brk}", sanitize(line));
    }
    let _ = writeln!(out, "\n*Created {} · updated {}*", n.created, n.updated);
}
