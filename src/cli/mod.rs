//! Output of the shell commands (`check`, `list`, `show`, `stats`, `import`),
//! built as strings so that it is tested without a process. Every corpus
//! string goes through [`crate::sanitize::sanitize`] before it is printed.

pub mod check;
pub mod export;
pub mod list;
pub mod notes;
pub mod search;
pub mod show;
pub mod stats;

use std::path::PathBuf;

use jiff::civil::Date;

use crate::corpus::{Corpus, embedded, load};
use crate::sanitize::sanitize;

/// Loads `paths`, or the embedded default corpus when there are none.
pub fn load_corpus(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync)) -> Corpus {
    if paths.is_empty() {
        embedded::load()
    } else {
        load::load_paths(paths, progress)
    }
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

/// Pads a cell to `width` columns (display width, not bytes), cutting with `…`.
pub fn cell(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if total > width && used + w + 1 > width {
            out.push('…');
            used += 1;
            break;
        }
        out.push(c);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// Serialises a value as pretty JSON followed by a newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("serialisable");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_pad_and_cut_by_display_width() {
        assert_eq!(cell("abc", 5), "abc  ");
        assert_eq!(cell("abcdef", 4), "abc…");
        assert_eq!(cell("日本語", 4), "日… ");
    }
}
