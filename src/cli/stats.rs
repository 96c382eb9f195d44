//! `qreview stats`: per family, per sibling timeline figures.

use super::{cell, date, num, text, to_json};
use crate::analysis::figures::{self, FamilyFigures};
use crate::corpus::Corpus;

/// Tables, one per family.
pub fn render(corpus: &Corpus) -> String {
    let mut out = String::new();
    for f in figures::all(corpus) {
        render_family(&mut out, &f);
    }
    out
}

fn render_family(out: &mut String, f: &FamilyFigures) {
    out.push_str(&format!(
        "Family {}  {}\n  {} members, {} answered, {} unanswered, {} reminded\n",
        f.family,
        text(f.title.as_deref()),
        f.members.len(),
        f.answered,
        f.unanswered,
        f.reminded
    ));
    out.push_str(&format!(
        "  {}{}{}{}{}{}\n",
        cell("ID", 9),
        cell("MINISTRY", 24),
        cell("SENT", 12),
        cell("REMINDERS", 12),
        cell("ANSWERED", 12),
        "DAYS"
    ));
    for m in &f.members {
        if !m.loaded {
            out.push_str(&format!(
                "  {}(not in corpus)\n",
                cell(&m.id.to_string(), 9)
            ));
            continue;
        }
        let reminders: Vec<String> = m.reminders.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "  {}{}{}{}{}{}\n",
            cell(&m.id.to_string(), 9),
            cell(&text(m.ministry.as_deref()), 24),
            cell(&date(m.sent), 12),
            cell(
                if reminders.is_empty() {
                    "-"
                } else {
                    &reminders[0]
                },
                12
            ),
            cell(&date(m.answered), 12),
            num(m.days_to_answer)
        ));
    }
    let extreme = |e: Option<figures::Extreme>| {
        e.map_or_else(|| "-".into(), |e| format!("{} ({} days)", e.id, e.days))
    };
    let median = f
        .median_days
        .map_or_else(|| "-".into(), |m| format!("{m} days"));
    out.push_str(&format!(
        "  median {median} · fastest {} · slowest {}\n\n",
        extreme(f.fastest),
        extreme(f.slowest)
    ));
}

/// The JSON array of families.
pub fn render_json(corpus: &Corpus) -> String {
    to_json(&figures::all(corpus))
}
