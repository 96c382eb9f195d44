//! The help overlay: every binding of the current view, then the global
//! ones, generated from the keymap table so it cannot go stale.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::app::keymap::{Binding, Scope, bindings, keys_label};
use crate::app::wrap::fit;
use crate::tui::theme::Theme;

use super::centered;

/// Width of the keys column.
const KEYS: usize = 16;

/// Draws the help box over `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let scope = Scope::View(app.view);
    let mut text: Vec<Line> = Vec::new();
    for s in [scope, Scope::Global] {
        text.push(Line::from(Span::styled(s.title(), theme.column_header())));
        for b in bindings().iter().filter(|b| b.scope == s) {
            text.push(row(b, theme));
        }
        text.push(Line::default());
    }
    text.push(Line::from(Span::styled(
        "Esc or ? closes this help",
        theme.dim(),
    )));
    let height = (text.len() as u16 + 2).min(area.height);
    let box_ = centered(area, 72, height);
    Clear.render(box_, buf);
    Paragraph::new(text)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(format!(" Help: {} ", app.view.title())),
        )
        .render(box_, buf);
}

fn row(b: &Binding, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!(" {}", fit(&keys_label(b), KEYS)), theme.key()),
        Span::raw(b.description),
    ])
}
