//! The one gate between corpus or notes text and a terminal.
//!
//! Every string drawn by the TUI or printed by a shell command passes through
//! [`sanitize`]: control characters become visible marks, so no escape
//! sequence (clipboard write, title change, screen clear) reaches the
//! terminal; bidirectional overrides and zero-width characters are removed so
//! what is shown is what is stored; tabs become spaces.
//!
//! The rule list of what is invisible lives here only ([`is_invisible`] and
//! [`is_variation_selector`]); the search snippets, the JSON printer and the
//! tag names ask this module rather than keeping lists of their own.

use std::borrow::Cow;

/// Spaces a tab becomes.
const TAB: &str = "    ";

/// Makes `s` safe to draw on one terminal line.
///
/// C0 controls (including ESC, BEL, CR and LF) become their Unicode control
/// pictures (`␛`, `␇`, …), DEL becomes `␡`, C1 controls become `�`;
/// Invisible characters ([`is_invisible`]) are removed, and so is a
/// variation selector that stands alone (at the start, or after a space, a
/// control or another selector), where it would select nothing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !needs_sanitizing(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_variation_selector(c) {
            if out.chars().next_back().is_some_and(takes_selector) {
                out.push(c);
            }
            continue;
        }
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

/// True when [`sanitize`] would change `s`. Runs over every line printed,
/// so printable ASCII, which never needs work, is skipped byte by byte.
pub fn needs_sanitizing(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x7f).contains(&b) {
            i += 1;
            continue;
        }
        if b < 0x80 {
            return true;
        }
        // A non-ASCII character: look at it, and for a variation selector
        // at the character before it.
        let c = s[i..].chars().next().unwrap_or(' ');
        if needs_work(c)
            || (is_variation_selector(c) && !s[..i].chars().next_back().is_some_and(takes_selector))
        {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

fn needs_work(c: char) -> bool {
    c.is_control() || is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// True when a variation selector after `c` selects a presentation of it
/// (a visible character that is not itself a selector).
fn takes_selector(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && !is_variation_selector(c)
}

/// Variation selectors: U+FE00–U+FE0F and U+E0100–U+E01EF.
pub fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}')
}

/// Characters that take no cell or draw nothing, so that two strings that
/// look the same would differ: bidirectional embeddings, overrides, isolates
/// and marks (U+061C, U+200E, U+200F); zero-width characters; the soft
/// hyphen; Hangul fillers (U+115F, U+1160, U+3164, U+FFA0); invisible
/// mathematical operators (U+2061–U+2064); deprecated format characters
/// (U+206A–U+206F); interlinear annotation marks (U+FFF9–U+FFFB); and tag
/// characters (U+E0000–U+E007F).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206a}'..='\u{206f}'
            | '\u{feff}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{00ad}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{ffa0}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
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
    fn removes_soft_hyphens_fillers_and_tag_characters() {
        let hidden = [
            '\u{ad}',
            '\u{115f}',
            '\u{1160}',
            '\u{3164}',
            '\u{ffa0}',
            '\u{2061}',
            '\u{2064}',
            '\u{206a}',
            '\u{206f}',
            '\u{fff9}',
            '\u{fffb}',
            '\u{e0000}',
            '\u{e0041}',
            '\u{e007f}',
        ];
        for c in hidden {
            assert_eq!(sanitize(&format!("a{c}b")), "ab", "U+{:04X}", c as u32);
        }
        // Two tag names that look alike are told apart once cleaned.
        assert_eq!(sanitize("\u{200b}=z"), sanitize("=z"));
    }

    #[test]
    fn keeps_variation_selectors_only_after_a_base() {
        assert_eq!(sanitize("\u{2764}\u{fe0f}"), "\u{2764}\u{fe0f}");
        assert!(matches!(sanitize("\u{2764}\u{fe0f}"), Cow::Borrowed(_)));
        assert_eq!(
            sanitize("\u{fe0f}a \u{fe0e}b\u{fe0f}\u{fe0f}"),
            "a b\u{fe0f}"
        );
        assert_eq!(sanitize("\u{e0100}x"), "x");
    }

    #[test]
    fn output_never_holds_a_control() {
        let all: String = (0u32..0x3000)
            .chain(0xfe00..0x10000)
            .chain(0xe0000..0xe01f0)
            .filter_map(char::from_u32)
            .collect();
        assert!(
            !sanitize(&all)
                .chars()
                .any(|c| c.is_control() || is_invisible(c))
        );
        assert!(!needs_sanitizing(&sanitize(&all)));
    }
}
