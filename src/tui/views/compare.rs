//! Drawing the Compare view: the two column headings, the question part,
//! a rule saying whether scrolling is synced, and the two scrolled answer
//! columns with a separator between them. The lines were laid out by
//! `app::compare::layout`; shared passages carry `Tone::Shared`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::compare::layout::GAP;
use crate::app::doc::DocLine;
use crate::tui::text::{doc_line, doc_line_marked};
use crate::tui::theme::Theme;

/// Draws the Compare view into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let c = &app.compare;
    let l = &c.layout;
    if c.ids[0].is_none() {
        Line::from(Span::styled(
            "Nothing to compare: the corpus holds no family.",
            theme.dim(),
        ))
        .render(area, buf);
        return;
    }
    let cw = l.column_width as u16;
    let right_x = area.x + cw + GAP as u16;
    let mut y = area.y;
    let head_rows = l.heads[0].len() as u16;
    for (i, (a, b)) in l.heads[0].iter().zip(&l.heads[1]).enumerate() {
        let row = y + i as u16;
        if row >= area.bottom() {
            return;
        }
        line(a, theme, Rect::new(area.x, row, cw, 1), buf);
        separator(theme, area.x + cw + 1, row, buf);
        line(b, theme, Rect::new(right_x, row, cw, 1), buf);
    }
    y += head_rows;
    for q in &l.question {
        if y >= area.bottom() {
            return;
        }
        line(q, theme, Rect::new(area.x, y, area.width, 1), buf);
        y += 1;
    }
    if y >= area.bottom() {
        return;
    }
    rule(app, theme, Rect::new(area.x, y, area.width, 1), buf);
    y += 1;
    let height = area.bottom().saturating_sub(y);
    for col in 0..2 {
        let x = if col == 0 { area.x } else { right_x };
        let lines = &l.columns[col];
        let from = c.scroll[col].min(lines.len());
        let marks = &app.search.compare[col];
        for (i, row) in (from..lines.len()).zip(y..y + height) {
            doc_line_marked(&lines[i], theme, marks.on_line(i), marks.current)
                .render(Rect::new(x, row, cw, 1), buf);
        }
    }
    for row in y..y + height {
        separator(theme, area.x + cw + 1, row, buf);
    }
}

/// `─── synced scrolling · part 2 of 4 · left focused ───`.
fn rule(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let c = &app.compare;
    let sync = if c.sync {
        "synced scrolling"
    } else {
        "columns scroll apart"
    };
    let side = if c.focus == 0 { "left" } else { "right" };
    let label = format!(" {sync} · {side} column focused ");
    let width = usize::from(area.width);
    let before = 3.min(width);
    let after = width.saturating_sub(before + label.chars().count());
    Line::from(vec![
        Span::styled("─".repeat(before), theme.dim()),
        Span::styled(label, theme.dim()),
        Span::styled("─".repeat(after), theme.dim()),
    ])
    .render(area, buf);
}

fn separator(theme: &Theme, x: u16, y: u16, buf: &mut Buffer) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol("│").set_style(theme.dim());
    }
}

fn line(doc: &DocLine, theme: &Theme, area: Rect, buf: &mut Buffer) {
    doc_line(doc, theme).render(area, buf);
}
