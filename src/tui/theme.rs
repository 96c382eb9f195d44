//! Every colour and text style of the interface. Views ask the theme for a
//! style by meaning; they hold no colour literals.
//!
//! With `NO_COLOR` set (to anything non-empty, see <https://no-color.org>)
//! only modifiers are used: bold, dim, underline and reversed, so the
//! selection and headings stay visible.

use ratatui::style::{Color, Modifier, Style};

use crate::app::doc::Tone;

/// The styles of one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set and non-empty.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self { color: !no_color }
    }

    /// The coloured theme.
    pub fn colored() -> Self {
        Self { color: true }
    }

    /// The theme without colours.
    pub fn monochrome() -> Self {
        Self { color: false }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// The style of a piece of document text.
    pub fn tone(&self, tone: Tone) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match tone {
            Tone::Plain => Style::new(),
            Tone::Title => self.pick(bold.fg(Color::Cyan), bold),
            Tone::Heading => self.pick(
                bold.fg(Color::Yellow),
                bold.add_modifier(Modifier::UNDERLINED),
            ),
            Tone::Label => self.pick(bold.fg(Color::Blue), bold),
            Tone::Dim => self.dim(),
            Tone::Inferred => self.pick(
                Style::new().fg(Color::Magenta),
                Style::new().add_modifier(Modifier::ITALIC),
            ),
            Tone::Answered => self.pick(Style::new().fg(Color::Green), Style::new()),
            Tone::Late => self.pick(Style::new().fg(Color::Red), bold),
            Tone::Current => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            // Underlined in both themes, so that shared passages show without colour.
            Tone::Shared => self.pick(
                Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightYellow)
                    .add_modifier(Modifier::UNDERLINED),
                Style::new().add_modifier(Modifier::UNDERLINED),
            ),
            // Underlined without colour, so that facts show under NO_COLOR too.
            Tone::Fact => self.pick(
                Style::new()
                    .fg(Color::LightCyan)
                    .add_modifier(Modifier::UNDERLINED),
                Style::new().add_modifier(Modifier::UNDERLINED),
            ),
            // Reversed without colour, so that hits show under NO_COLOR too.
            Tone::Match => self.pick(
                Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
        }
    }

    /// The search hit `n`/`N` moved to: a hit, underlined as well.
    pub fn current_match(&self) -> Style {
        self.tone(Tone::Match).add_modifier(Modifier::UNDERLINED)
    }

    /// Secondary text.
    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// The selected row.
    pub fn selected(&self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    /// A family heading row.
    pub fn group(&self) -> Style {
        self.tone(Tone::Title)
    }

    /// Column headings.
    pub fn column_header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The tab bar and status line background.
    pub fn bar(&self) -> Style {
        self.pick(
            Style::new().bg(Color::DarkGray).fg(Color::White),
            Style::new(),
        )
    }

    /// The current view's tab.
    pub fn active_tab(&self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::Cyan)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// A key name in hints and help.
    pub fn key(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A count of warnings.
    pub fn warning(&self) -> Style {
        self.pick(Style::new().fg(Color::Yellow), Style::new())
    }

    /// A count of errors, or an error line.
    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A status message.
    pub fn message(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A note mark in the Reader's gutter, and the part cursor.
    pub fn note_mark(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// Lines selected for a note in the Reader.
    pub fn line_selection(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Indexed(236)),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    /// The characters a fuzzy query matched.
    pub fn matched(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// Borders of overlays.
    pub fn border(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_uses_no_colour_but_keeps_the_selection_visible() {
        let t = Theme::monochrome();
        let styles = [
            t.selected(),
            t.active_tab(),
            t.bar(),
            t.key(),
            t.dim(),
            t.tone(Tone::Heading),
            t.tone(Tone::Late),
        ];
        for s in styles {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        assert!(t.selected().add_modifier.contains(Modifier::REVERSED));
        assert_ne!(Theme::colored().selected(), Style::new());
    }
}
