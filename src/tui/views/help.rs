//! The help overlay: every binding of the current view, then the global
//! ones, generated from the keymap table so it cannot go stale. It scrolls
//! (`j`/`k`) when the terminal is too short to show it whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::app::keymap::{Binding, bindings, help_scopes, keys_label};
use crate::app::wrap::fit;
use crate::tui::theme::Theme;

use super::centered;

/// Width of the keys column.
const KEYS: usize = 16;

/// Draws the help box over `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width.clamp(20, 100);
    let desc_width = usize::from(width).saturating_sub(KEYS + 3);
    let mut text: Vec<Line> = Vec::new();
    for s in help_scopes(app.view) {
        text.push(Line::from(Span::styled(s.title(), theme.column_header())));
        for b in bindings().iter().filter(|b| b.scope == s) {
            text.push(row(b, desc_width, theme));
        }
        text.push(Line::default());
    }
    text.push(Line::from(Span::styled(
        "Esc or ? closes this help",
        theme.dim(),
    )));
    let height = (text.len() as u16 + 2).min(area.height);
    let shown = usize::from(height.saturating_sub(2));
    let scroll = app.help_scroll.min(text.len().saturating_sub(shown));
    let more = text.len() > scroll + shown;
    let text: Vec<Line> = text.into_iter().skip(scroll).collect();
    let box_ = centered(area, width, height);
    let title = if more {
        format!(" Help: {} · j/k scroll ↓ ", app.view.title())
    } else {
        format!(" Help: {} ", app.view.title())
    };
    Clear.render(box_, buf);
    Paragraph::new(text)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(title),
        )
        .render(box_, buf);
}

fn row(b: &Binding, width: usize, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!(" {}", fit(&keys_label(b), KEYS)), theme.key()),
        Span::raw(fit(b.description, width).trim_end().to_string()),
    ])
}
