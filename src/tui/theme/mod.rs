//! Every colour and text style of the interface. Views ask the theme for a
//! style by meaning; they hold no colour literals. The colours come from a
//! [`Palette`] (built-in `dark`, `light`, `high-contrast`, or a user theme
//! from the configuration file).
//!
//! With `NO_COLOR` set (to anything non-empty, see <https://no-color.org>)
//! only modifiers are used: bold, dim, underline and reversed, so the
//! selection and headings stay visible. `NO_COLOR` wins over any theme.

mod palette;

use ratatui::style::{Modifier, Style};

pub use palette::{Palette, Role, StyleSpec, UserTheme};

use crate::app::doc::Tone;

/// The styles of one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    palette: Palette,
}

impl Theme {
    /// `palette`, unless the `NO_COLOR` environment variable is set and non-empty.
    pub fn from_env_with(palette: Palette) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            color: !no_color,
            palette,
        }
    }

    /// The default (`dark`) theme unless `NO_COLOR` is set.
    pub fn from_env() -> Self {
        Self::from_env_with(Self::dark_palette())
    }

    /// The coloured default theme.
    pub fn colored() -> Self {
        Self::with_palette(Self::dark_palette())
    }

    /// A coloured theme with `palette`.
    pub fn with_palette(palette: Palette) -> Self {
        Self {
            color: true,
            palette,
        }
    }

    /// The theme without colours.
    pub fn monochrome() -> Self {
        Self {
            color: false,
            palette: Self::dark_palette(),
        }
    }

    fn dark_palette() -> Palette {
        Palette::builtin("dark").expect("the dark palette is built in")
    }

    fn pick(&self, role: Role, plain: Style) -> Style {
        if self.color {
            self.palette.get(role)
        } else {
            plain
        }
    }

    /// The style of a piece of document text.
    pub fn tone(&self, tone: Tone) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match tone {
            Tone::Plain => Style::new(),
            Tone::Title => self.pick(Role::Title, bold),
            Tone::Heading => self.pick(Role::Heading, bold.add_modifier(Modifier::UNDERLINED)),
            Tone::Label => self.pick(Role::Label, bold),
            Tone::Dim => self.dim(),
            Tone::Inferred => {
                self.pick(Role::Inferred, Style::new().add_modifier(Modifier::ITALIC))
            }
            Tone::Answered => self.pick(Role::Answered, Style::new()),
            Tone::Late => self.pick(Role::Late, bold),
            Tone::Current => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            // Underlined without colour too, so that shared passages show.
            Tone::Shared => self.pick(
                Role::Shared,
                Style::new().add_modifier(Modifier::UNDERLINED),
            ),
            // Underlined without colour, so that facts show under NO_COLOR too.
            Tone::Fact => self.pick(Role::Fact, Style::new().add_modifier(Modifier::UNDERLINED)),
            // Reversed without colour, so that hits show under NO_COLOR too.
            Tone::Match => self.pick(
                Role::Match,
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
        self.pick(Role::Dim, Style::new().add_modifier(Modifier::DIM))
    }

    /// The selected row.
    pub fn selected(&self) -> Style {
        self.pick(
            Role::Selected,
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
        self.pick(Role::Bar, Style::new())
    }

    /// The current view's tab.
    pub fn active_tab(&self) -> Style {
        self.pick(
            Role::ActiveTab,
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// A key name in hints and help.
    pub fn key(&self) -> Style {
        self.pick(Role::Key, Style::new().add_modifier(Modifier::BOLD))
    }

    /// A count of warnings, a warning message.
    pub fn warning(&self) -> Style {
        self.pick(Role::Warning, Style::new())
    }

    /// A count of errors, or an error line.
    pub fn error(&self) -> Style {
        self.pick(Role::Error, Style::new().add_modifier(Modifier::BOLD))
    }

    /// A status message.
    pub fn message(&self) -> Style {
        self.pick(Role::Message, Style::new().add_modifier(Modifier::BOLD))
    }

    /// A note mark in the Reader's gutter, and the part cursor.
    pub fn note_mark(&self) -> Style {
        self.pick(Role::NoteMark, Style::new().add_modifier(Modifier::BOLD))
    }

    /// Lines selected for a note in the Reader.
    pub fn line_selection(&self) -> Style {
        self.pick(
            Role::LineSelection,
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    /// The characters a fuzzy query matched.
    pub fn matched(&self) -> Style {
        self.pick(
            Role::Matched,
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// Borders of overlays.
    pub fn border(&self) -> Style {
        self.pick(Role::Border, Style::new())
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
