//! The load report overlay: every diagnostic of loading the corpus as
//! `path:line: severity: message`, scrollable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::app::App;
use crate::tui::text::span;
use crate::tui::theme::Theme;

/// Draws the report box over `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let diags = &app.corpus.diagnostics;
    let text: Vec<Line> = if diags.is_empty() {
        vec![Line::from(
            "Loading reported nothing: no warnings, no errors.",
        )]
    } else {
        diags
            .iter()
            .skip(app.report_scroll)
            .map(|d| {
                let style = if d.is_error() {
                    theme.error()
                } else {
                    theme.warning()
                };
                Line::from(span(&d.to_string(), style))
            })
            .collect()
    };
    let box_ = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    };
    Clear.render(box_, buf);
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(format!(
                    " Load report: {} errors, {} warnings (Esc closes) ",
                    app.corpus.error_count(),
                    app.corpus.warning_count()
                )),
        )
        .render(box_, buf);
}
