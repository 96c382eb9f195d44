//! Word wrapping by display width (`unicode-width`), so that wide characters
//! (CJK, emoji) keep columns aligned. Input must already be sanitised: one
//! line, no control characters.

use unicode_width::UnicodeWidthChar;

pub use crate::format::{fit, width};

/// Splits `text` into lines of at most `max` columns, breaking at spaces, and
/// inside a word only when the word alone is wider than a line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = width(word);
        let gap = usize::from(used > 0);
        if used + gap + w <= max {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += gap + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > max && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_within_width() {
        assert_eq!(wrap("aa bb cc dd", 5), vec!["aa bb", "cc dd"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let lines = wrap("日本語 日本", 6);
        assert_eq!(lines, vec!["日本語", "日本"]);
        assert!(lines.iter().all(|l| width(l) <= 6));
        assert_eq!(fit("日本語", 5), "日本…");
        assert_eq!(width(&fit("日本語", 4)), 4);
        assert_eq!(fit("ab", 4), "ab  ");
    }
}
