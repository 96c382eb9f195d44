//! The built-in palettes (`dark`, `light`, `high-contrast`) and the user's
//! themes from the configuration file: a [`Role`] → [`Style`] table each.
//! The monochrome (`NO_COLOR`) styles live in the parent module; a palette
//! only holds colours.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// Every role the views draw with, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A document title, a family heading row.
    Title,
    /// A section heading.
    Heading,
    /// A field label.
    Label,
    /// Secondary text.
    Dim,
    /// A date inferred rather than read.
    Inferred,
    /// On time / answered.
    Answered,
    /// Late.
    Late,
    /// A passage shared with a sibling's answer.
    Shared,
    /// A fact the lens found (a platform, a figure).
    Fact,
    /// A search hit.
    Match,
    /// The selected row.
    Selected,
    /// The tab bar and status line.
    Bar,
    /// The current view's tab.
    ActiveTab,
    /// A key name in hints and help.
    Key,
    /// A warning (count or status message).
    Warning,
    /// An error (count or status message).
    Error,
    /// An informational status message.
    Message,
    /// A note mark, a reminder.
    NoteMark,
    /// Lines selected for a note.
    LineSelection,
    /// Characters a fuzzy query matched.
    Matched,
    /// Borders of overlays.
    Border,
}

impl Role {
    /// Every role, in the order the default configuration lists them.
    pub const ALL: [Role; 21] = [
        Role::Title,
        Role::Heading,
        Role::Label,
        Role::Dim,
        Role::Inferred,
        Role::Answered,
        Role::Late,
        Role::Shared,
        Role::Fact,
        Role::Match,
        Role::Selected,
        Role::Bar,
        Role::ActiveTab,
        Role::Key,
        Role::Warning,
        Role::Error,
        Role::Message,
        Role::NoteMark,
        Role::LineSelection,
        Role::Matched,
        Role::Border,
    ];

    /// The role's name in a `[themes.NAME]` table.
    pub fn name(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Heading => "heading",
            Role::Label => "label",
            Role::Dim => "dim",
            Role::Inferred => "inferred",
            Role::Answered => "answered",
            Role::Late => "late",
            Role::Shared => "shared",
            Role::Fact => "fact",
            Role::Match => "search_hit",
            Role::Selected => "selection",
            Role::Bar => "bar",
            Role::ActiveTab => "active_tab",
            Role::Key => "key",
            Role::Warning => "warning",
            Role::Error => "error",
            Role::Message => "info",
            Role::NoteMark => "note_mark",
            Role::LineSelection => "line_selection",
            Role::Matched => "fuzzy_match",
            Role::Border => "border",
        }
    }

    fn index(self) -> usize {
        Role::ALL.iter().position(|r| *r == self).unwrap_or(0)
    }
}

/// A style for each role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    styles: [Style; Role::ALL.len()],
}

impl Palette {
    /// The style of `role`.
    pub fn get(&self, role: Role) -> Style {
        self.styles[role.index()]
    }

    fn set(&mut self, role: Role, style: Style) {
        self.styles[role.index()] = style;
    }

    /// The built-in palette called `name` (`dark`, `light`, `high-contrast`).
    pub fn builtin(name: &str) -> Option<Palette> {
        match name {
            "dark" => Some(dark()),
            "light" => Some(light()),
            "high-contrast" => Some(high_contrast()),
            _ => None,
        }
    }

    /// The names of the built-in palettes.
    pub const BUILTIN: [&'static str; 3] = ["dark", "light", "high-contrast"];
}

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

/// The original colours, for dark terminal backgrounds.
fn dark() -> Palette {
    let mut p = Palette {
        styles: [Style::new(); Role::ALL.len()],
    };
    p.set(Role::Title, bold().fg(Color::Cyan));
    p.set(Role::Heading, bold().fg(Color::Yellow));
    p.set(Role::Label, bold().fg(Color::Blue));
    p.set(Role::Dim, fg(Color::DarkGray));
    p.set(Role::Inferred, fg(Color::Magenta));
    p.set(Role::Answered, fg(Color::Green));
    p.set(Role::Late, fg(Color::Red));
    p.set(
        Role::Shared,
        fg(Color::Black)
            .bg(Color::LightYellow)
            .add_modifier(Modifier::UNDERLINED),
    );
    p.set(
        Role::Fact,
        fg(Color::LightCyan).add_modifier(Modifier::UNDERLINED),
    );
    p.set(Role::Match, bold().fg(Color::Black).bg(Color::Yellow));
    p.set(Role::Selected, bold().bg(Color::Blue).fg(Color::White));
    p.set(Role::Bar, Style::new().bg(Color::DarkGray).fg(Color::White));
    p.set(Role::ActiveTab, bold().bg(Color::Cyan).fg(Color::Black));
    p.set(Role::Key, bold().fg(Color::Yellow));
    p.set(Role::Warning, fg(Color::Yellow));
    p.set(Role::Error, bold().fg(Color::Red));
    p.set(Role::Message, bold().fg(Color::Yellow));
    p.set(Role::NoteMark, bold().fg(Color::Magenta));
    p.set(Role::LineSelection, Style::new().bg(Color::Indexed(236)));
    p.set(Role::Matched, bold().fg(Color::Yellow));
    p.set(Role::Border, fg(Color::Cyan));
    p
}

/// Darker foregrounds and pale backgrounds, for light terminal backgrounds.
fn light() -> Palette {
    let mut p = dark();
    p.set(Role::Title, bold().fg(Color::Blue));
    p.set(Role::Heading, bold().fg(Color::Indexed(94)));
    p.set(Role::Label, bold().fg(Color::Indexed(25)));
    p.set(Role::Dim, fg(Color::Indexed(244)));
    p.set(Role::Inferred, fg(Color::Indexed(90)));
    p.set(Role::Answered, fg(Color::Indexed(28)));
    p.set(Role::Late, fg(Color::Indexed(160)));
    p.set(
        Role::Shared,
        fg(Color::Black)
            .bg(Color::Indexed(229))
            .add_modifier(Modifier::UNDERLINED),
    );
    p.set(
        Role::Fact,
        fg(Color::Indexed(24)).add_modifier(Modifier::UNDERLINED),
    );
    p.set(Role::Match, bold().fg(Color::Black).bg(Color::Indexed(221)));
    p.set(
        Role::Selected,
        bold().bg(Color::Indexed(153)).fg(Color::Black),
    );
    p.set(
        Role::Bar,
        Style::new().bg(Color::Indexed(252)).fg(Color::Black),
    );
    p.set(Role::ActiveTab, bold().bg(Color::Blue).fg(Color::White));
    p.set(Role::Key, bold().fg(Color::Indexed(130)));
    p.set(Role::Warning, fg(Color::Indexed(130)));
    p.set(Role::Error, bold().fg(Color::Indexed(160)));
    p.set(Role::Message, bold().fg(Color::Indexed(130)));
    p.set(Role::NoteMark, bold().fg(Color::Indexed(90)));
    p.set(Role::LineSelection, Style::new().bg(Color::Indexed(254)));
    p.set(Role::Matched, bold().fg(Color::Indexed(130)));
    p.set(Role::Border, fg(Color::Blue));
    p
}

/// Black, white and the pure primaries only, bold where it helps.
fn high_contrast() -> Palette {
    let mut p = dark();
    p.set(Role::Title, bold().fg(Color::White));
    p.set(
        Role::Heading,
        bold()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::UNDERLINED),
    );
    p.set(Role::Label, bold().fg(Color::LightCyan));
    p.set(Role::Dim, fg(Color::Gray));
    p.set(Role::Inferred, fg(Color::LightMagenta));
    p.set(Role::Answered, bold().fg(Color::LightGreen));
    p.set(Role::Late, bold().fg(Color::LightRed));
    p.set(
        Role::Fact,
        bold()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::UNDERLINED),
    );
    p.set(Role::Match, bold().fg(Color::Black).bg(Color::LightYellow));
    p.set(Role::Selected, bold().bg(Color::White).fg(Color::Black));
    p.set(Role::Bar, bold().bg(Color::Black).fg(Color::White));
    p.set(
        Role::ActiveTab,
        bold().bg(Color::LightYellow).fg(Color::Black),
    );
    p.set(Role::Key, bold().fg(Color::LightYellow));
    p.set(Role::Warning, bold().fg(Color::LightYellow));
    p.set(Role::Error, bold().fg(Color::White).bg(Color::Red));
    p.set(Role::Message, bold().fg(Color::White));
    p.set(Role::NoteMark, bold().fg(Color::LightMagenta));
    p.set(
        Role::LineSelection,
        Style::new().add_modifier(Modifier::REVERSED),
    );
    p.set(Role::Matched, bold().fg(Color::LightYellow));
    p.set(Role::Border, bold().fg(Color::White));
    p
}

/// A user theme in the configuration file: a built-in base and some roles
/// restyled, e.g. `[themes.mine] base = "light"` with
/// `late = { fg = "red", modifiers = ["bold"] }`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UserTheme {
    /// The built-in palette the others roles come from (default `dark`).
    pub base: Option<String>,
    /// Restyled roles by name (see [`Role::name`]).
    #[serde(flatten)]
    pub roles: BTreeMap<String, StyleSpec>,
}

/// A style as written in the configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Foreground: a colour name (`red`, `lightblue`, `darkgray`), `#rrggbb`
    /// or a 256-colour index.
    pub fg: Option<String>,
    /// Background, as `fg`.
    pub bg: Option<String>,
    /// `bold`, `dim`, `italic`, `underlined`, `reversed`.
    #[serde(default)]
    pub modifiers: Vec<String>,
}

impl UserTheme {
    /// The palette this theme describes, or what is wrong with it.
    pub fn palette(&self) -> Result<Palette, String> {
        let base = self.base.as_deref().unwrap_or("dark");
        let mut p = Palette::builtin(base).ok_or_else(|| {
            format!(
                "unknown base theme `{base}`; the built-in ones are {}",
                Palette::BUILTIN.join(", ")
            )
        })?;
        for (name, spec) in &self.roles {
            let role = Role::ALL
                .iter()
                .find(|r| r.name() == name)
                .ok_or_else(|| format!("unknown role `{name}`; the roles are {}", role_names()))?;
            p.set(*role, spec.style()?);
        }
        Ok(p)
    }
}

fn role_names() -> String {
    Role::ALL.map(Role::name).join(", ")
}

impl StyleSpec {
    /// The ratatui style, or which part does not parse.
    pub fn style(&self) -> Result<Style, String> {
        let mut s = Style::new();
        if let Some(c) = &self.fg {
            s = s.fg(color(c)?);
        }
        if let Some(c) = &self.bg {
            s = s.bg(color(c)?);
        }
        for m in &self.modifiers {
            s = s.add_modifier(match m.as_str() {
                "bold" => Modifier::BOLD,
                "dim" => Modifier::DIM,
                "italic" => Modifier::ITALIC,
                "underlined" => Modifier::UNDERLINED,
                "reversed" => Modifier::REVERSED,
                other => {
                    return Err(format!(
                        "unknown modifier `{other}`; use bold, dim, italic, underlined or reversed"
                    ));
                }
            });
        }
        Ok(s)
    }
}

/// A colour name, `#rrggbb` or an index 0–255 (ratatui's own notation).
fn color(s: &str) -> Result<Color, String> {
    s.parse::<Color>()
        .map_err(|_| format!("`{s}` is not a colour (a name such as red, #rrggbb or 0-255)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_differ_and_user_themes_restyle_one_role() {
        let dark = Palette::builtin("dark").unwrap();
        let light = Palette::builtin("light").unwrap();
        let hc = Palette::builtin("high-contrast").unwrap();
        assert_ne!(dark, light);
        assert_ne!(dark, hc);
        let mut user = UserTheme {
            base: Some("light".into()),
            ..UserTheme::default()
        };
        user.roles.insert(
            "late".into(),
            StyleSpec {
                fg: Some("#ff0000".into()),
                bg: None,
                modifiers: vec!["bold".into()],
            },
        );
        let p = user.palette().unwrap();
        assert_eq!(p.get(Role::Late), bold().fg(Color::Rgb(255, 0, 0)));
        assert_eq!(p.get(Role::Title), light.get(Role::Title));
        user.roles.insert("nope".into(), StyleSpec::default());
        assert!(user.palette().unwrap_err().contains("unknown role `nope`"));
    }
}
