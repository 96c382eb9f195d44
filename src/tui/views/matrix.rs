//! Drawing the Compare view's matrix mode: one row per sibling, one column
//! per question part, each cell saying whether that part was answered and
//! how many words the answer to it has, plus the days to answer. The cell
//! under the cursor is drawn selected; Enter compares at it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::analysis::align::AnswerStatus;
use crate::analysis::matrix::{Matrix, MatrixRow};
use crate::app::App;
use crate::app::compare::family_matrix;
use crate::app::doc::Tone;
use crate::app::wrap::fit;
use crate::format::{num, text};
use crate::tui::theme::Theme;

const ID: usize = 8;
const DAYS: usize = 5;
const CELL: usize = 7;
const MINISTRY_MAX: usize = 30;

/// Draws the matrix into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(m) = family_matrix(app) else {
        return;
    };
    let width = usize::from(area.width);
    let fixed = ID + DAYS + CELL * m.parts.len() + 3 + 22;
    let ministry = width.saturating_sub(fixed).clamp(8, MINISTRY_MAX);
    let title = format!(
        "Answer matrix · {} siblings × {} parts · ✓ words answered to the part · Enter compares at the cell",
        m.rows.len(),
        m.parts.len()
    );
    Line::from(Span::styled(fit(&title, width), theme.tone(Tone::Heading)))
        .render(Rect { height: 1, ..area }, buf);
    let mut header = format!(
        "{}{} {}",
        fit("ID", ID),
        fit("MINISTRY", ministry),
        fit("DAYS", DAYS)
    );
    for (_, label) in &m.parts {
        header.push_str(&fit(&format!(" {}", text(Some(label))), CELL));
    }
    header.push_str("  WHOLE ANSWER");
    Line::from(Span::styled(header, theme.column_header()))
        .render(Rect::new(area.x, area.y + 1, area.width, 1), buf);
    let body = area.height.saturating_sub(2) as usize;
    let (cur_row, cur_col) = app.compare.matrix_cell;
    let offset = (cur_row + 1).saturating_sub(body);
    for (i, r) in m.rows.iter().enumerate().skip(offset).take(body) {
        let y = area.y + 2 + (i - offset) as u16;
        let cursor = (i == cur_row).then_some(cur_col);
        let loaded = app.corpus.get(r.id).is_some();
        let line = Rect::new(area.x, y, area.width, 1);
        row(m, r, loaded, cursor, ministry, theme, line, buf);
    }
}

#[allow(clippy::too_many_arguments)]
fn row(
    m: &Matrix,
    r: &MatrixRow,
    loaded: bool,
    cursor: Option<usize>,
    ministry: usize,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let current = cursor.is_some();
    let base = if current {
        theme.tone(Tone::Current)
    } else {
        Style::new()
    };
    let mut spans = vec![
        Span::styled(fit(&r.id.to_string(), ID), base),
        Span::raw(fit(&text(r.ministry.as_deref()), ministry)),
        Span::raw(" "),
        Span::raw(fit(&num(r.days), DAYS)),
    ];
    for (c, cell) in r.cells.iter().enumerate() {
        let (s, style) = match (cell, r.status) {
            (Some(w), _) => (format!(" ✓ {w}w"), theme.tone(Tone::Answered)),
            (None, AnswerStatus::Aligned) => (" —".to_string(), theme.tone(Tone::Late)),
            (None, AnswerStatus::NotAligned) => (" ·".to_string(), theme.dim()),
            (None, AnswerStatus::NoAnswerText) => (" ·".to_string(), theme.dim()),
        };
        let style = if cursor == Some(c) {
            theme.selected()
        } else {
            style
        };
        spans.push(Span::styled(fit(&s, CELL), style));
    }
    if m.parts.is_empty() && current {
        spans.push(Span::styled(" ", theme.selected()));
    }
    let whole = match r.status {
        AnswerStatus::Aligned => format!("  {} words", r.words),
        AnswerStatus::NotAligned => format!("  {} words, not aligned", r.words),
        AnswerStatus::NoAnswerText if !loaded => "  not in corpus".to_string(),
        AnswerStatus::NoAnswerText if r.days.is_some() => "  text not in corpus".to_string(),
        AnswerStatus::NoAnswerText => "  no answer".to_string(),
    };
    spans.push(Span::styled(whole, theme.dim()));
    Line::from(spans).render(area, buf);
}
