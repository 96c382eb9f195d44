//! The first screen while the corpus is read on a background thread:
//! how many files are done, as text and as a gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph, Widget};

use crate::app::{App, Loading};
use crate::tui::theme::Theme;

use super::centered;

/// Draws the loading progress in `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Loading::InProgress { done, total } = app.loading else {
        return;
    };
    let box_ = centered(area, 50, 3);
    let text = if total == 0 {
        "Loading the corpus…".to_string()
    } else {
        format!("Loading the corpus… {done} of {total} files read")
    };
    Paragraph::new(Line::from(text))
        .centered()
        .render(Rect { height: 1, ..box_ }, buf);
    let ratio = if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    };
    Gauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .gauge_style(theme.active_tab())
        .render(
            Rect {
                y: box_.y + 2,
                height: 1,
                ..box_
            },
            buf,
        );
}
