//! Turning text into ratatui spans and lines. Corpus strings reach the
//! screen only through [`span`] (which calls [`crate::sanitize::sanitize`])
//! or as [`DocLine`]s, whose segments the `app` layer already sanitised.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::doc::DocLine;
use crate::sanitize::sanitize;

use super::theme::Theme;

/// A span of sanitised `s`.
pub fn span(s: &str, style: Style) -> Span<'static> {
    Span::styled(sanitize(s).into_owned(), style)
}

/// A document line with the theme's styles.
pub fn doc_line(line: &DocLine, theme: &Theme) -> Line<'static> {
    Line::from(
        line.iter()
            .map(|s| Span::styled(s.text.clone(), theme.tone(s.tone)))
            .collect::<Vec<_>>(),
    )
}
