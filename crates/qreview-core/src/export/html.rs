//! The HTML report: one self-contained page (no scripts, fonts, images or
//! links to fetch) that a colleague opens in a browser. Per family its
//! figures and a Gantt timeline as inline SVG; the ministry league table as
//! a table and an SVG bar chart of median days; the coding matrix; per
//! question its answer (and question) with the noted passages highlighted
//! and the notes beside them; the social-media platform table
//! ([`crate::lens::Table`]) when an answer names a platform.
//!
//! The figures come from `analysis` and `review` as they are; this module
//! only lays them out. Every corpus and note string is sanitised, then
//! escaped for HTML, in [`esc`].

use std::fmt::Write;
use std::ops::Range;

use jiff::civil::Date;

use super::select::{Group, Row, Selection, part_label};
use crate::analysis::deadline::DeadlineRules;
use crate::analysis::filter::QuestionFilter;
use crate::analysis::league::{self, LeagueColumn};
use crate::analysis::timeline;
use crate::corpus::Corpus;
use crate::notes::{Field, Located, anchor};
use crate::review::{self, coding};

/// Sanitised (no control characters) and HTML-escaped.
pub fn esc(s: &str) -> String {
    quick_xml::escape::escape(super::clean(s).as_str()).into_owned()
}

const STYLE: &str = "body{font-family:sans-serif;margin:1.5em;color:#1d1d1d;background:#fff;max-width:80em}\
h1,h2,h3{font-weight:600}table{border-collapse:collapse;margin:.5em 0}\
th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}\
td.n{text-align:right}.q{display:flex;gap:1.5em;border-top:1px solid #ddd;padding-top:.5em}\
.text{flex:3;white-space:pre-wrap}.notes{flex:2}mark{background:#ffe08a}\
.note{border-left:3px solid #e0a800;padding-left:.5em;margin-bottom:.8em;white-space:pre-wrap}\
.quote{font-style:italic;color:#444}.figs{color:#333}svg text{font-size:11px;fill:#1d1d1d}";

/// The report as one HTML document.
pub fn render(
    sel: &Selection<'_>,
    corpus: &Corpus,
    today: Date,
    platforms: &crate::lens::Table,
) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<title>qreview report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>qreview report</h1>\n");
    let _ = writeln!(out, "<p class=\"figs\">Figures as of {today}.</p>");
    if sel.groups.is_empty() {
        out.push_str("<p>Nothing matches this selection.</p>\n");
    }
    for g in &sel.groups {
        family(&mut out, g, today);
    }
    league_section(&mut out, corpus, today);
    matrix_section(&mut out, corpus, sel);
    platforms_section(&mut out, platforms);
    out.push_str("<h2 id=\"questions\">Questions and notes</h2>\n");
    for r in sel.groups.iter().flat_map(|g| g.rows.iter()) {
        question(&mut out, r);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn family(out: &mut String, g: &Group<'_>, today: Date) {
    let (Some(f), Some(fig)) = (g.family, &g.figures) else {
        out.push_str("<h2>Questions not in this corpus</h2>\n");
        return;
    };
    let _ = writeln!(
        out,
        "<section class=\"family\"><h2>Family {}: {}</h2>",
        esc(&f.id.to_string()),
        esc(f.title.as_deref().unwrap_or(""))
    );
    let mut facts = vec![format!(
        "{} of {} answered",
        fig.answered,
        fig.members.len()
    )];
    if let Some(m) = fig.median_days {
        facts.push(format!("median {m} days"));
    }
    if let Some(x) = fig.fastest {
        facts.push(format!(
            "fastest {} ({} days)",
            esc(&x.id.to_string()),
            x.days
        ));
    }
    if let Some(x) = fig.slowest {
        facts.push(format!(
            "slowest {} ({} days)",
            esc(&x.id.to_string()),
            x.days
        ));
    }
    facts.push(format!("{} needed a reminder", fig.reminded));
    let _ = writeln!(out, "<p class=\"figs\">{}</p>", facts.join(" · "));
    let mut rows: Vec<timeline::TimelineRow> = fig
        .members
        .iter()
        .cloned()
        .map(|m| timeline::row(m, today))
        .collect();
    timeline::sort_rows(&mut rows, timeline::SortKey::Days);
    let deadlines: Vec<Option<Date>> = rows
        .iter()
        .map(|t| {
            g.rows
                .iter()
                .find(|r| r.id == t.member.id)
                .and_then(|r| r.deadline.deadline.map(|d| d.date))
        })
        .collect();
    gantt(out, &rows, &deadlines);
    out.push_str("<table class=\"members\"><tr><th>Question</th><th>Ministry</th><th>Sent</th><th>Answered</th><th>Days</th><th>Reminders</th><th>Deadline</th><th>Timeliness</th><th>Status</th><th>Verdict</th></tr>\n");
    for r in &g.rows {
        let m = &r.figures;
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#q-{id}\">{id}</a></td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(m.ministry.as_deref().unwrap_or("-")),
            crate::format::date(m.sent),
            crate::format::date(m.answered),
            crate::format::num(m.days_to_answer),
            // A sibling known only by number: its reminders are unknown.
            if m.loaded {
                m.reminders.len().to_string()
            } else {
                "-".into()
            },
            r.deadline
                .deadline
                .map_or_else(|| "-".into(), |d| d.date.to_string()),
            esc(&r.deadline.timeliness.label()),
            r.review.status.label(),
            r.review.verdict.map_or("-", |v| v.label()),
            id = esc(&r.id.to_string()),
        );
    }
    out.push_str("</table></section>\n");
}

/// The family's Gantt chart: one bar per sibling from sent to answer (open
/// bars hatched to today), reminder ticks and a deadline mark.
fn gantt(out: &mut String, rows: &[timeline::TimelineRow], deadlines: &[Option<Date>]) {
    let Some((lo, hi)) = timeline::date_range(rows) else {
        return;
    };
    let hi = deadlines.iter().flatten().fold(hi, |h, d| h.max(*d));
    let (label_w, chart_w, row_h) = (260.0, 560.0, 20.0);
    let span = f64::from((hi - lo).get_days().max(1));
    let x = |d: Date| label_w + f64::from((d - lo).get_days()) / span * chart_w;
    let height = row_h * rows.len() as f64 + 30.0;
    let _ = writeln!(
        out,
        "<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" role=\"img\"><title>Timeline: sent to answer</title>",
        w = label_w + chart_w + 20.0
    );
    for (i, (r, deadline)) in rows.iter().zip(deadlines).enumerate() {
        let y = 10.0 + row_h * i as f64;
        let label = format!(
            "{} {}",
            r.member.id,
            r.member.ministry.as_deref().unwrap_or("")
        );
        let _ = write!(
            out,
            "<text x=\"4\" y=\"{}\">{}</text>",
            y + 13.0,
            esc(&label.chars().take(40).collect::<String>())
        );
        if let Some(b) = &r.bar {
            let (x0, x1) = (x(b.start), x(b.end));
            let fill = if b.open { "#e8a0a0" } else { "#5b8fd6" };
            let _ = write!(
                out,
                "<rect class=\"bar\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" fill=\"{fill}\"><title>{} days</title></rect>",
                y + 3.0,
                (x1 - x0).max(2.0),
                b.days
            );
        }
        for d in &r.member.reminders {
            let _ = write!(
                out,
                "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{2:.1}\" stroke=\"#c03030\" stroke-width=\"2\"/>",
                x(*d),
                y + 1.0,
                y + 17.0
            );
        }
        if let Some(d) = deadline {
            let _ = write!(
                out,
                "<path class=\"deadline\" d=\"M{0:.1} {1:.1} l-4 -5 h8 z\" fill=\"#1d1d1d\"><title>deadline {2}</title></path>",
                x(*d),
                y + 3.0,
                d
            );
        }
        out.push('\n');
    }
    let axis_y = 10.0 + row_h * rows.len() as f64 + 14.0;
    let _ = writeln!(
        out,
        "<text x=\"{label_w}\" y=\"{axis_y}\">{lo}</text><text x=\"{:.1}\" y=\"{axis_y}\" text-anchor=\"end\">{hi}</text></svg>",
        label_w + chart_w
    );
}

fn league_section(out: &mut String, corpus: &Corpus, today: Date) {
    let mut rows = league::league(
        corpus,
        &DeadlineRules::default(),
        today,
        &QuestionFilter::default(),
    );
    league::sort(&mut rows, LeagueColumn::MedianDays, false);
    out.push_str("<h2 id=\"league\">Ministries</h2>\n");
    if rows.is_empty() {
        out.push_str("<p>No questions.</p>\n");
        return;
    }
    // The bar chart of median days.
    let (label_w, chart_w, row_h) = (260.0, 420.0, 18.0);
    let max = rows
        .iter()
        .filter_map(|r| r.median_days)
        .fold(1.0_f64, f64::max);
    let height = row_h * rows.len() as f64 + 10.0;
    let _ = writeln!(
        out,
        "<svg class=\"league\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" role=\"img\"><title>Median days to answer per ministry</title>",
        w = label_w + chart_w + 60.0
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 5.0 + row_h * i as f64;
        let label = league::label(r);
        let _ = write!(
            out,
            "<text x=\"4\" y=\"{:.1}\">{}</text>",
            y + 12.0,
            esc(&label.chars().take(40).collect::<String>())
        );
        if let Some(m) = r.median_days {
            let w = (m / max * chart_w).max(1.0);
            let _ = write!(
                out,
                "<rect class=\"bar\" x=\"{label_w}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"12\" fill=\"#5b8fd6\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                y + 2.0,
                label_w + w + 4.0,
                y + 12.0,
                league::figure(Some(m))
            );
        }
        out.push('\n');
    }
    out.push_str("</svg>\n<table class=\"league\"><tr>");
    for c in LeagueColumn::ALL {
        let _ = write!(out, "<th>{}</th>", esc(c.heading()));
    }
    out.push_str("</tr>\n");
    for r in &rows {
        out.push_str("<tr>");
        for c in LeagueColumn::ALL {
            let _ = write!(out, "<td>{}</td>", esc(&league::cell(r, c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn matrix_section(out: &mut String, corpus: &Corpus, sel: &Selection<'_>) {
    let m = review::coding_matrix(corpus, sel.notes, &QuestionFilter::default());
    out.push_str("<h2 id=\"coding\">Coding matrix</h2>\n");
    if m.is_empty() {
        out.push_str("<p>No tags on passages or questions yet.</p>\n");
        return;
    }
    out.push_str("<p class=\"figs\">Each cell: passages (notes) / questions carrying the tag; tags on whole questions in brackets.</p>\n<table class=\"coding\"><tr><th>Ministry</th>");
    for t in &m.tags {
        let _ = write!(out, "<th>{}</th>", esc(t));
    }
    out.push_str("</tr>\n");
    for (i, ministry) in m.ministries.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td>", esc(&coding::ministry(ministry)));
        for j in 0..m.tags.len() {
            let c = m.cell(i, j).map(coding::cell).unwrap_or_default();
            let _ = write!(out, "<td class=\"n\">{}</td>", esc(&c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// The social-media table: one row per question, one column per platform.
fn platforms_section(out: &mut String, table: &crate::lens::Table) {
    if table.columns.is_empty() {
        return;
    }
    out.push_str("<h2 id=\"platforms\">Social media</h2>\n<table class=\"platforms\"><tr><th>Question</th><th>Ministry</th>");
    for c in &table.columns {
        let _ = write!(out, "<th>{}</th>", esc(&c.name));
    }
    out.push_str("<th>Policy</th></tr>\n");
    for r in &table.rows {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td>",
            esc(&r.question.to_string()),
            esc(&r.ministry)
        );
        for c in &r.cells {
            let _ = write!(out, "<td>{}</td>", esc(&c.summary()));
        }
        let policy: Vec<&str> = r.signals().map(|s| s.kind.name()).collect();
        let _ = writeln!(out, "<td>{}</td></tr>", esc(&policy.join(", ")));
    }
    out.push_str("</table>\n");
}

fn question(out: &mut String, r: &Row<'_>) {
    let id = esc(&r.id.to_string());
    let _ = writeln!(
        out,
        "<section class=\"question\" id=\"q-{id}\"><h3>{id} · {}</h3>",
        esc(r.figures.ministry.as_deref().unwrap_or("-"))
    );
    if let Some(t) = r.question.and_then(|q| q.title.as_deref()) {
        let _ = writeln!(out, "<p><b>{}</b></p>", esc(t));
    }
    out.push_str("<div class=\"q\"><div class=\"text\">");
    match r.question {
        Some(q) => {
            for field in [Field::Question, Field::Answer] {
                let Some((text, _)) = anchor::field_text(q, field) else {
                    if field == Field::Answer {
                        out.push_str("<h4>Answer</h4><p>No answer in this corpus.</p>");
                    }
                    continue;
                };
                let marks: Vec<(Range<usize>, String)> = r
                    .notes
                    .iter()
                    .filter(|v| v.note.anchor.as_ref().is_some_and(|a| a.field == field))
                    .filter_map(|v| match &v.located {
                        Some(Located::Exact(range) | Located::Moved(range)) => {
                            Some((range.clone(), v.note.id.to_string()))
                        }
                        _ => None,
                    })
                    .collect();
                let _ = write!(
                    out,
                    "<h4>{}</h4><div class=\"body\">",
                    if field == Field::Question {
                        "Question"
                    } else {
                        "Answer"
                    }
                );
                highlighted(out, text, marks);
                out.push_str("</div>");
            }
        }
        None => out.push_str("<p>This question is not in the corpus.</p>"),
    }
    out.push_str("</div><div class=\"notes\">");
    for v in &r.notes {
        let n = v.note;
        let nid = esc(&n.id.to_string());
        let _ = write!(
            out,
            "<div class=\"note\" id=\"note-{nid}\"><b>Note {nid}</b>"
        );
        let part = part_label(v);
        if !part.is_empty() {
            let _ = write!(out, " · {}", esc(&part));
        }
        if !n.tags.is_empty() {
            let tags: Vec<String> = n.tags.iter().map(|t| esc(t)).collect();
            let _ = write!(out, " · tags: {}", tags.join(", "));
        }
        if let Some(a) = &n.anchor {
            let _ = write!(out, "\n<span class=\"quote\">“{}”</span>", esc(&a.quote));
        }
        let _ = write!(out, "\n{}</div>", esc(&n.text));
    }
    out.push_str("</div></div></section>\n");
}

/// `text` with the byte ranges of `marks` wrapped in `<mark>` (overlaps
/// merged into the first), everything escaped.
fn highlighted(out: &mut String, text: &str, mut marks: Vec<(Range<usize>, String)>) {
    marks.sort_by_key(|(r, _)| (r.start, r.end));
    let mut at = 0;
    for (range, id) in marks {
        if range.start < at || text.get(range.clone()).is_none() {
            continue;
        }
        out.push_str(&esc(&text[at..range.start]));
        let _ = write!(
            out,
            "<mark data-note=\"{}\">{}</mark>",
            esc(&id),
            esc(&text[range.clone()])
        );
        at = range.end;
    }
    out.push_str(&esc(&text[at..]));
}
