//! Small text formatting shared by every output: the shell commands, the
//! exports and the terminal views. Cells are measured in terminal columns
//! (`unicode-width`), not bytes or characters; JSON never carries a character
//! that a terminal would act on or hide.

use jiff::civil::Date;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::sanitize;

/// What serde_json says went wrong, without the ` at line L column C` it
/// ends with: every message that quotes it already gives the position
/// (`path:line:` or `line L, column C:`), and says it once.
pub fn json_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    message
        .strip_suffix(&position)
        .unwrap_or(&message)
        .to_string()
}

/// `2013-04-30`, or `-`.
pub fn date(d: Option<Date>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// A number or `-`.
pub fn num(n: Option<i64>) -> String {
    n.map_or_else(|| "-".to_string(), |n| n.to_string())
}

/// A sanitised optional string, or `-`.
pub fn text(s: Option<&str>) -> String {
    s.map_or_else(|| "-".to_string(), |s| sanitize(s).into_owned())
}

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut,
/// then pads it with spaces to exactly `max` columns.
pub fn fit(s: &str, max: usize) -> String {
    let total = width(s);
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if total > max && used + cw + 1 > max {
            if max > used {
                out.push('…');
                used += 1;
            }
            break;
        }
        out.push(c);
        used += cw;
    }
    out.extend(std::iter::repeat_n(' ', max.saturating_sub(used)));
    out
}

/// Serialises a value as pretty JSON followed by a newline. Characters that
/// serde_json leaves as they are but a terminal would act on or hide (C1
/// controls, DEL, bidirectional and zero-width characters) are written as
/// `\uXXXX` escapes, so the JSON means the same and is safe on a terminal.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let raw = serde_json::to_string_pretty(value).expect("serialisable");
    let mut s = String::with_capacity(raw.len() + 1);
    for c in raw.chars() {
        // Outside strings JSON is ASCII, so only string contents are touched.
        let mut buf = [0; 4];
        let one: &str = c.encode_utf8(&mut buf);
        if c != '\n' && sanitize(one) != one {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                s.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            s.push(c);
        }
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_error_without_its_position() {
        let e = serde_json::from_str::<serde_json::Value>("[1,").unwrap_err();
        assert_eq!(json_error(&e), "EOF while parsing a value");
        assert!(e.to_string().ends_with("at line 1 column 3"));
    }

    #[test]
    fn fit_pads_and_cuts_by_display_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語", 4), "日… ");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn json_escapes_what_a_terminal_would_act_on() {
        let value = serde_json::json!({"t": "a\u{9b}31m\u{202e}b\u{200b}c é\t"});
        let out = to_json(&value);
        assert!(out.contains("a\\u009b31m\\u202eb\\u200bc é\\t"), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, value, "the escapes mean the same text");
    }
}
