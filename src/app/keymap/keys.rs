//! [`Key`]: a key press or a mouse-wheel step in the application's own
//! terms, and its notation (`j`, `<enter>`, `<c-c>`) parsed and shown.

use std::fmt;

/// A key press or a mouse-wheel step, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character (`j`, `G`, `?`, `]`).
    Char(char),
    /// A character typed with Ctrl held.
    Ctrl(char),
    /// A character typed with Alt held.
    Alt(char),
    /// A function key, F1 to F12.
    F(u8),
    /// Shift-Tab.
    BackTab,
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Tab.
    Tab,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Backspace (text input).
    Backspace,
    /// Delete (text input).
    Delete,
    /// Mouse wheel towards the user's screen top.
    WheelUp,
    /// Mouse wheel towards the bottom.
    WheelDown,
}

/// The names accepted in `<…>` by [`Key::parse`], and shown in help.
const NAMED: [(&str, Key, &str); 17] = [
    ("backtab", Key::BackTab, "Shift-Tab"),
    ("enter", Key::Enter, "Enter"),
    ("esc", Key::Esc, "Esc"),
    ("up", Key::Up, "↑"),
    ("down", Key::Down, "↓"),
    ("pgup", Key::PageUp, "PgUp"),
    ("pgdn", Key::PageDown, "PgDn"),
    ("home", Key::Home, "Home"),
    ("end", Key::End, "End"),
    ("wheelup", Key::WheelUp, "wheel↑"),
    ("wheeldown", Key::WheelDown, "wheel↓"),
    ("bs", Key::Backspace, "Backspace"),
    ("del", Key::Delete, "Del"),
    ("left", Key::Left, "←"),
    ("right", Key::Right, "→"),
    ("tab", Key::Tab, "Tab"),
    ("space", Key::Char(' '), "Space"),
];

impl Key {
    /// Parses the keymap notation: `j`, `?`, `<enter>`, `<pgdn>`, `<c-c>`
    /// (Ctrl), `<a-x>` (Alt), `<f5>`, `<backtab>` or `<s-tab>`, `<s-j>` (= `J`).
    pub fn parse(s: &str) -> Option<Key> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => return Some(Key::Char(c)),
            (Some('<'), Some(_)) if s.ends_with('>') => {}
            _ => return None,
        }
        let name = &s[1..s.len() - 1];
        if let Some(c) = name.strip_prefix("c-") {
            let mut cs = c.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) => Some(Key::Ctrl(c)),
                _ => None,
            };
        }
        if let Some(c) = name.strip_prefix("a-") {
            let mut cs = c.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) => Some(Key::Alt(c)),
                _ => None,
            };
        }
        if let Some(rest) = name.strip_prefix("s-") {
            let mut cs = rest.chars();
            return match (cs.next(), cs.next()) {
                _ if rest == "tab" => Some(Key::BackTab),
                (Some(c), None) if c.is_alphabetic() => c.to_uppercase().next().map(Key::Char),
                _ => None,
            };
        }
        if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            return (1..=12).contains(&n).then_some(Key::F(n));
        }
        NAMED.iter().find(|(n, ..)| *n == name).map(|(_, k, _)| *k)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "Ctrl-{c}"),
            Key::Alt(c) => write!(f, "Alt-{c}"),
            Key::F(n) => write!(f, "F{n}"),
            k => {
                let name = NAMED.iter().find(|(_, n, _)| n == k).map_or("?", |e| e.2);
                f.write_str(name)
            }
        }
    }
}
