//! Drawing the Platforms view: the question asked (so the analyst sees what
//! the answers reply to), the table of questions × platforms (✓ used, ✗ not
//! used, · not mentioned, `*` checked by the analyst) with the cell cursor,
//! and the selected cell in full with its passage. Reads
//! `app.platforms.table`, built in `app::platforms`; every corpus string is
//! sanitised.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::doc::Tone;
use crate::app::platforms::table_rows;
use crate::app::wrap::{fit, wrap};
use crate::lens::table::group_thousands;
use crate::lens::table::{Cell, CellState, Row, main_figure};
use crate::sanitize::sanitize;
use crate::tui::theme::Theme;

/// Width of the question column (`5-8902 Affaires étrangères`).
const LEAD: usize = 24;
/// The narrowest platform column.
const MIN_CELL: usize = 10;

/// Draws the view into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let s = &app.platforms;
    let mut lines: Vec<Line> = Vec::new();
    // What was asked: the cursor's question text, two lines.
    let asked = s
        .question()
        .and_then(|q| app.corpus.get(q))
        .map(|q| q.question.text.replace('\n', " "))
        .unwrap_or_default();
    let mut asked_lines = wrap(&sanitize(&format!("Asked: {asked}")), width.max(1));
    asked_lines.resize(2, String::new());
    if asked_lines.len() > 2 {
        asked_lines.truncate(2);
    }
    for (i, l) in asked_lines.iter().enumerate() {
        let text = if i == 1 && wrap(&asked, width).len() > 2 {
            fit(&format!("{l} …"), width)
        } else {
            l.clone()
        };
        lines.push(Line::from(Span::styled(text, theme.dim())));
    }
    lines.push(Line::default());
    let table = &s.table;
    if table.columns.is_empty() {
        lines.push(Line::from(
            "No answer in this corpus names a social-media platform.",
        ));
        paint(lines, area, buf);
        return;
    }
    // Columns: as wide as fits, scrolled so that the cursor's is shown.
    let room = width.saturating_sub(LEAD);
    let cell_w = (room / table.columns.len()).max(MIN_CELL);
    let shown = (room / cell_w).max(1);
    let first = (s.col + 1).saturating_sub(shown);
    let mut header = vec![Span::styled(
        fit("QUESTION · MINISTRY", LEAD),
        theme.column_header(),
    )];
    for c in table.columns.iter().skip(first).take(shown) {
        header.push(Span::styled(
            fit(&sanitize(&c.name), cell_w),
            theme.column_header(),
        ));
    }
    lines.push(Line::from(header));
    for (i, r) in table
        .rows
        .iter()
        .enumerate()
        .skip(s.scroll)
        .take(table_rows(app))
    {
        let lead = fit(
            &sanitize(&format!("{} {}", r.question, r.ministry)),
            LEAD - 1,
        ) + " ";
        let lead_style = if i == s.row {
            theme.selected()
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(lead, lead_style)];
        if !r.has_answer {
            spans.push(Span::styled(
                fit("no answer text in this corpus", cell_w * shown),
                theme.dim(),
            ));
        } else {
            for (j, cell) in r.cells.iter().enumerate().skip(first).take(shown) {
                let style = if i == s.row && j == s.col {
                    theme.selected()
                } else {
                    cell_style(theme, cell)
                };
                spans.push(Span::styled(fit(&short(cell, cell_w - 1), cell_w), style));
            }
        }
        lines.push(Line::from(spans));
    }
    // The detail rows sit at the bottom of the area.
    let bottom = usize::from(area.height).saturating_sub(crate::app::platforms::DETAIL_ROWS);
    lines.resize(bottom.max(lines.len()), Line::default());
    lines.truncate(bottom);
    lines.extend(detail(app, theme, width));
    paint(lines, area, buf);
}

fn paint(lines: Vec<Line>, area: Rect, buf: &mut Buffer) {
    for (line, y) in lines.into_iter().zip(area.y..area.bottom()) {
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// The colour of a cell by its state.
fn cell_style(theme: &Theme, cell: &Cell) -> Style {
    match cell.state {
        CellState::Used => theme.tone(Tone::Answered),
        CellState::NotUsed => theme.tone(Tone::Late),
        CellState::NotMentioned => theme.dim(),
    }
}

/// A cell in `max` columns: its mark, then the account or the main figure.
fn short(cell: &Cell, max: usize) -> String {
    let mark = match cell.state {
        CellState::Used => "✓",
        CellState::NotUsed => "✗",
        CellState::NotMentioned => "·",
    };
    let checked = match cell.verdict() {
        Some(crate::lens::Verdict::Rejected) => " rejected",
        Some(_) => "*",
        None => "",
    };
    let mut out = format!("{mark}{checked}");
    if let Some(f) = &cell.fact {
        let mut bits = Vec::new();
        if let Some(a) = &f.account {
            bits.push(a.name.clone());
        }
        if let Some((m, v)) = main_figure(f) {
            bits.push(format!("{} {}", group_thousands(v), m.name()));
        }
        for b in bits {
            out.push(' ');
            out.push_str(&b);
        }
    }
    fit(&sanitize(&out), max).trim_end().to_string()
}

/// The selected cell in full, its passage, and the row's policy signals.
fn detail<'a>(app: &App, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let s = &app.platforms;
    let (Some(row), Some(col)) = (s.table.rows.get(s.row), s.table.columns.get(s.col)) else {
        return Vec::new();
    };
    let Some(cell) = row.cells.get(s.col) else {
        return Vec::new();
    };
    let head = format!("{} · {}: {}", row.question, col.name, cell.summary());
    let passage = passage(app, row, cell, width / 3).unwrap_or_default();
    let policy = policy_line(row);
    vec![
        Line::from(Span::styled(
            fit(&sanitize(&head), width),
            theme.tone(Tone::Heading),
        )),
        Line::from(fit(&sanitize(&passage), width)),
        Line::from(Span::styled(fit(&sanitize(&policy), width), theme.dim())),
    ]
}

/// `part 2. · “…notre page Facebook, nous avons 1 565 likes…”`: the
/// passage's line, starting at most `before` characters ahead of it.
fn passage(app: &App, row: &Row, cell: &Cell, before: usize) -> Option<String> {
    let span = cell.span.as_ref().filter(|s| s.end > s.start)?;
    let text = &app.corpus.get(row.question)?.answer.as_ref()?.text;
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let lead: Vec<(usize, char)> = text[line_start..span.start].char_indices().collect();
    let cut = lead.len().saturating_sub(before);
    let from = lead.get(cut).map_or(span.start, |&(i, _)| line_start + i);
    let to = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let part = span
        .part
        .as_deref()
        .map_or(String::new(), |p| format!("part {p} · "));
    let dots = if from > line_start { "…" } else { "" };
    Some(format!("{part}“{dots}{}”", text[from..to].trim()))
}

/// `policy: charter, moderation · refers to 5-8900`.
fn policy_line(row: &Row) -> String {
    let kinds: Vec<&str> = row.signals().map(|s| s.kind.name()).collect();
    let mut out = if kinds.is_empty() {
        "policy: none said".to_string()
    } else {
        format!("policy: {}", kinds.join(", "))
    };
    if let Some(r) = &row.lens.refers_to {
        let ids: Vec<String> = r.ids.iter().map(ToString::to_string).collect();
        out.push_str(&format!(" · refers to another answer {}", ids.join(", ")));
    }
    out
}
