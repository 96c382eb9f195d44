//! Text typed into the notes screens (the note editor, the tag picker's
//! query, the export path, the Notes view's text filter), held in a
//! `ratatui-textarea` [`TextArea`]: it does the editing (cursor, words,
//! undo) while this module feeds it the application's own [`Key`]s, so the
//! `app` layer still sees no terminal events.
//!
//! The text area is used as an editing model only: nothing here draws, and
//! no terminal type is imported. Text placed in it is sanitised first, and
//! typed characters that `sanitize` would change (controls, bidirectional
//! and zero-width characters) are dropped, so what it later draws is safe.

use ratatui_textarea::{CursorMove, Input, Key as TaKey, TextArea, WrapMode};

use crate::app::keymap::Key;
use crate::sanitize::sanitize;

/// The characters of an edited text that the terminal must not receive,
/// each shown as a visible mark while editing and given back on save, so
/// that editing a note never changes what it stores except where typed.
///
/// Tabs and line breaks are not hidden: the text area draws tabs as spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Each mark and the character it stands for, in order of appearance.
    pairs: Vec<(char, char)>,
}

/// Marks for characters without a control picture: circled letters, then
/// circled numbers, chosen because a note almost never holds them.
const MARK_POOL: [std::ops::RangeInclusive<u32>; 2] = [0x24b6..=0x24e9, 0x2460..=0x24b5];

/// True when the terminal must not receive `c` while editing.
fn hidden(c: char) -> bool {
    c != '\n' && c != '\t' && !shows_as_is(c)
}

impl Marks {
    /// `text` with each hidden character replaced by its mark, and the
    /// marks. A character gets its control picture (`␛`) when it has one,
    /// else a circled letter; never a character `text` already holds.
    pub fn hide(text: &str) -> (String, Self) {
        let mut marks = Self::default();
        let shown = text
            .chars()
            .map(|c| {
                if !hidden(c) {
                    return c;
                }
                if let Some(&(m, _)) = marks.pairs.iter().find(|(_, o)| *o == c) {
                    return m;
                }
                let picture = match c as u32 {
                    n @ 0..0x20 => char::from_u32(0x2400 + n),
                    0x7f => Some('␡'),
                    _ => None,
                };
                let free = |m: &char| !text.contains(*m) && !marks.is_mark(*m);
                let mark = picture
                    .into_iter()
                    .chain(
                        MARK_POOL
                            .iter()
                            .cloned()
                            .flatten()
                            .filter_map(char::from_u32),
                    )
                    .find(free)
                    // Only a text holding every pooled mark gets here.
                    .unwrap_or('\u{fffd}');
                marks.pairs.push((mark, c));
                mark
            })
            .collect();
        (shown, marks)
    }

    /// True when nothing was hidden.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// True when `c` stands for a hidden character.
    pub fn is_mark(&self, c: char) -> bool {
        c != '\u{fffd}' && self.pairs.iter().any(|(m, _)| *m == c)
    }

    /// The marks used, for telling the user (`␛ Ⓐ`).
    pub fn shown(&self) -> String {
        let marks: Vec<String> = self.pairs.iter().map(|(m, _)| m.to_string()).collect();
        marks.join(" ")
    }

    /// `text` with every mark turned back into the character it stands for.
    pub fn restore(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                self.pairs
                    .iter()
                    .find(|(m, _)| *m == c && self.is_mark(c))
                    .map_or(c, |(_, o)| *o)
            })
            .collect()
    }
}

/// A multi-line text area holding `text` with its hidden characters shown
/// as marks (see [`Marks`]), with the cursor at its end and words wrapped.
pub fn multi_line(text: &str) -> (TextArea<'static>, Marks) {
    let (shown, marks) = Marks::hide(text);
    let lines: Vec<String> = shown.split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    // The theme draws the box; the cursor line needs no underline.
    area.set_cursor_line_style(Default::default());
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    (area, marks)
}

/// A one-line text area holding `text`, cursor at its end.
pub fn single_line(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![sanitize(text).replace('\n', " ")]);
    area.set_cursor_line_style(Default::default());
    area.move_cursor(CursorMove::End);
    area
}

/// The text of a text area, its lines joined with `\n`.
pub fn text(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

/// True when `sanitize` leaves `c` as it is: not a control, bidirectional
/// or zero-width character (those would reach the screen raw if typed).
pub fn shows_as_is(c: char) -> bool {
    let mut buf = [0; 4];
    let one: &str = c.encode_utf8(&mut buf);
    sanitize(one) == one
}

/// The text area's own input for `key`, `None` for keys it must not see
/// (characters the terminal must not receive, mouse wheel).
fn input(key: Key) -> Option<Input> {
    let plain = |key| Input {
        key,
        ..Input::default()
    };
    Some(match key {
        Key::Char(c) if !shows_as_is(c) => return None,
        Key::Char(c) => plain(TaKey::Char(c)),
        Key::Ctrl(c) => Input {
            key: TaKey::Char(c),
            ctrl: true,
            ..Input::default()
        },
        Key::Enter => plain(TaKey::Enter),
        Key::Esc => plain(TaKey::Esc),
        Key::Up => plain(TaKey::Up),
        Key::Down => plain(TaKey::Down),
        Key::Left => plain(TaKey::Left),
        Key::Right => plain(TaKey::Right),
        Key::PageUp => plain(TaKey::PageUp),
        Key::PageDown => plain(TaKey::PageDown),
        Key::Home => plain(TaKey::Home),
        Key::End => plain(TaKey::End),
        Key::Backspace => plain(TaKey::Backspace),
        Key::Delete => plain(TaKey::Delete),
        // Alt-b/Alt-f move by word, as in the text area's own defaults.
        Key::Alt(c) if shows_as_is(c) => Input {
            key: TaKey::Char(c),
            alt: true,
            ..Input::default()
        },
        Key::Alt(_) | Key::F(_) | Key::BackTab => return None,
        Key::Tab | Key::WheelUp | Key::WheelDown => return None,
    })
}

/// Applies `key` to a multi-line area; true when the text changed.
pub fn edit(area: &mut TextArea<'_>, key: Key) -> bool {
    // Ctrl-m would insert a line break and Ctrl-j/k delete text: only
    // Enter breaks lines, and only the documented editing keys act.
    match input(key) {
        Some(i) => area.input(i),
        None => false,
    }
}

/// Applies `key` to a one-line area (no line breaks, no history keys that
/// could bring one back); true when the text changed.
pub fn edit_line(area: &mut TextArea<'_>, key: Key) -> bool {
    match key {
        Key::Enter | Key::Up | Key::Down | Key::PageUp | Key::PageDown | Key::Ctrl('m') => false,
        Key::Ctrl('u') | Key::Ctrl('r') => false,
        _ => edit(area, key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_and_line_breaks_reach_the_area_but_control_characters_do_not() {
        let (mut a, _) = multi_line("");
        for c in "ab".chars() {
            edit(&mut a, Key::Char(c));
        }
        edit(&mut a, Key::Enter);
        edit(&mut a, Key::Char('\u{1b}'));
        edit(&mut a, Key::Char('c'));
        assert_eq!(text(&a), "ab\nc");
        edit(&mut a, Key::Backspace);
        assert_eq!(text(&a), "ab\n");
    }

    #[test]
    fn hidden_characters_become_marks_that_restore_exactly() {
        let original = "a\tb\u{1b}c\u{200b}d\u{202e}e\u{9b}\r\n␛ Ⓐ\u{1b}";
        let (shown, marks) = Marks::hide(original);
        assert!(
            shown
                .chars()
                .all(|c| c == '\n' || c == '\t' || shows_as_is(c))
        );
        assert!(shown.starts_with("a\tb"), "tabs stay: {shown}");
        // ESC cannot be `␛` (the text holds one) nor `Ⓐ`: the marks never
        // collide with the text's own characters.
        assert_eq!(marks.shown().chars().filter(|c| *c != ' ').count(), 5);
        assert!(!marks.is_mark('␛') && !marks.is_mark('Ⓐ'));
        assert_eq!(marks.restore(&shown), original);
        let (plain, none) = Marks::hide("plain\ttext");
        assert_eq!((plain.as_str(), none.is_empty()), ("plain\ttext", true));
    }

    #[test]
    fn typed_bidi_and_zero_width_characters_are_dropped() {
        let (mut a, _) = multi_line("");
        let mut l = single_line("");
        for c in ['a', '\u{202e}', 'b', '\u{200b}', '\u{feff}', 'c', '\u{9b}'] {
            edit(&mut a, Key::Char(c));
            edit_line(&mut l, Key::Char(c));
        }
        assert_eq!(text(&a), "abc");
        assert_eq!(text(&l), "abc");
    }

    #[test]
    fn existing_text_is_sanitised_and_one_line_areas_refuse_breaks() {
        let (a, marks) = multi_line("x\u{1b}[2J\ny");
        assert_eq!(text(&a), "x␛[2J\ny");
        assert_eq!(marks.restore(&text(&a)), "x\u{1b}[2J\ny");
        let mut l = single_line("path");
        edit_line(&mut l, Key::Enter);
        edit_line(&mut l, Key::Char('s'));
        assert_eq!(text(&l), "paths");
    }
}
