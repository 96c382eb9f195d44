//! The load report overlay: every diagnostic of loading the corpus as
//! `path:line: severity: message`, one per line, scrollable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::app::{App, REPORT_MARGIN};
use crate::format::fit;
use crate::sanitize::sanitize;
use crate::tui::text::span;
use crate::tui::theme::Theme;

/// Draws the report box over `area`: one diagnostic per line, cut to the
/// width, so that the app's scrolling (by [`App::report_rows`]) reaches the
/// last one.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (my, mx) = REPORT_MARGIN;
    let box_ = Rect {
        x: area.x + mx,
        y: area.y + my,
        width: area.width.saturating_sub(2 * mx),
        height: area.height.saturating_sub(2 * my),
    };
    Clear.render(box_, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(format!(
            " Load report: {} errors, {} warnings (Esc closes) ",
            app.corpus.error_count(),
            app.corpus.warning_count()
        ));
    let inner = block.inner(box_);
    block.render(box_, buf);
    let diags = &app.corpus.diagnostics;
    if diags.is_empty() {
        Line::from("Loading reported nothing: no warnings, no errors.").render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    for (d, y) in diags
        .iter()
        .skip(app.report_scroll)
        .zip(inner.y..inner.bottom())
    {
        let style = if d.is_error() {
            theme.error()
        } else {
            theme.warning()
        };
        let text = fit(&sanitize(&d.to_string()), width);
        Line::from(span(&text, style)).render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
