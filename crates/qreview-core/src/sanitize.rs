//! The one gate between corpus or notes text and a terminal.
//!
//! Every string drawn by the TUI or printed by a shell command passes through
//! [`sanitize`]: control characters become visible marks, so no escape
//! sequence (clipboard write, title change, screen clear) reaches the
//! terminal; bidirectional overrides and zero-width characters are removed so
//! what is shown is what is stored; tabs become spaces.

use std::borrow::Cow;

/// Spaces a tab becomes.
const TAB: &str = "    ";

/// Makes `s` safe to draw on one terminal line.
///
/// C0 controls (including ESC, BEL, CR and LF) become their Unicode control
/// pictures (`␛`, `␇`, …), DEL becomes `␡`, C1 controls become `�`;
/// U+202A–U+202E, U+2066–U+2069 and U+200B–U+200F, U+2060, U+FEFF are removed.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_work) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str(TAB),
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�')),
            '\u{7f}' => out.push('␡'),
            '\u{80}'..='\u{9f}' => out.push('�'),
            // Line and paragraph separators break lines in some terminals.
            '\u{2028}' | '\u{2029}' => out.push('␤'),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_work(c: char) -> bool {
    c.is_control() || is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Bidirectional embeddings, overrides, isolates and marks (U+061C, U+200E,
/// U+200F), and zero-width characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{061c}'
            | '\u{180e}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("médias sociaux – œuvre 日本"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_become_visible_marks() {
        let osc52 = "a\u{1b}]52;c;SGVsbG8=\u{7}b";
        assert_eq!(sanitize(osc52), "a␛]52;c;SGVsbG8=␇b");
        assert_eq!(sanitize("\u{1b}[2J\u{9b}31m\u{7f}"), "␛[2J�31m␡");
        assert_eq!(sanitize("x\r\ny"), "x␍␊y");
    }

    #[test]
    fn removes_bidi_and_zero_width_and_expands_tabs() {
        assert_eq!(sanitize("a\u{202e}b\u{2066}c\u{200b}d\u{feff}"), "abcd");
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("a\u{2028}b\u{61c}c\u{180e}"), "a␤bc");
    }

    #[test]
    fn output_never_holds_a_control() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(
            !sanitize(&all)
                .chars()
                .any(|c| c.is_control() || is_invisible(c))
        );
    }
}
