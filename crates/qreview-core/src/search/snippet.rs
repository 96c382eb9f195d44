//! One-line extracts around a hit, with the hit ranges inside the extract.
//!
//! A snippet is already safe to print: line breaks and other whitespace become
//! single spaces, and characters that [`crate::sanitize::sanitize`] would
//! change (controls, bidirectional and zero-width marks) are left out, so
//! `sanitize(&snippet.text)` returns it unchanged and the ranges stay valid.

use std::borrow::Cow;
use std::ops::Range;

use crate::sanitize::sanitize;

/// An extract of a text with the hits marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The extract, on one line; `…` where the text was cut.
    pub text: String,
    /// Byte ranges of `text` that are hits, sorted, not overlapping.
    pub hits: Vec<Range<usize>>,
}

/// Characters of context kept before the first hit.
const LEAD: usize = 24;

/// Builds a snippet of about `width` characters of `text` around its densest
/// run of `hits` (byte ranges of `text`, sorted).
pub fn snippet(text: &str, hits: &[Range<usize>], width: usize) -> Snippet {
    let width = width.max(8);
    let start = window_start(text, anchor(hits, width));
    let mut out = Snippet::default();
    if start > 0 {
        out.text.push('…');
    }
    // (original offset, snippet offset) at every character kept, to move ranges.
    let mut at: Vec<(usize, usize)> = Vec::new();
    let mut chars = 0;
    let mut last_space = start > 0;
    let mut end = text.len();
    let mut buf = [0u8; 4];
    for (i, c) in text[start..].char_indices() {
        let i = start + i;
        if chars >= width {
            end = i;
            break;
        }
        at.push((i, out.text.len()));
        if c.is_whitespace() || c.is_control() {
            if !last_space {
                out.text.push(' ');
                chars += 1;
                last_space = true;
            }
            continue;
        }
        if !c.is_ascii() && matches!(sanitize(c.encode_utf8(&mut buf)), Cow::Owned(_)) {
            continue;
        }
        out.text.push(c);
        chars += 1;
        last_space = false;
    }
    at.push((end, out.text.len()));
    let to_snippet = |offset: usize| {
        let k = at.partition_point(|&(o, _)| o < offset);
        at.get(k).map_or(out.text.len(), |&(_, s)| s)
    };
    for r in hits {
        if r.end <= start || r.start >= end {
            continue;
        }
        let range = to_snippet(r.start.max(start))..to_snippet(r.end.min(end));
        if !range.is_empty() {
            out.hits.push(range);
        }
    }
    if end < text.len() {
        let trimmed = out.text.trim_end().len();
        out.text.truncate(trimmed);
        out.text.push('…');
        for r in &mut out.hits {
            r.end = r.end.min(trimmed);
        }
        out.hits.retain(|r| !r.is_empty());
    }
    out
}

/// The hit to centre on: the first of the run holding the most hits within
/// about two thirds of the width (bytes stand in for characters here).
fn anchor(hits: &[Range<usize>], width: usize) -> usize {
    let reach = width * 2 / 3;
    let mut best = (0, hits.first().map_or(0, |r| r.start));
    for (i, r) in hits.iter().enumerate() {
        let run = hits[i..]
            .iter()
            .take_while(|h| h.end <= r.start + reach)
            .count();
        if run > best.0 {
            best = (run, r.start);
        }
    }
    best.1
}

/// Where the extract starts: `LEAD` characters before `hit`, moved forward to
/// the start of a word when one is near.
fn window_start(text: &str, hit: usize) -> usize {
    let before = &text[..hit];
    let Some((start, _)) = before.char_indices().rev().nth(LEAD) else {
        return 0;
    };
    match text[start..hit].find(char::is_whitespace) {
        Some(space) => {
            let at = start + space;
            at + text[at..].chars().next().map_or(0, char::len_utf8)
        }
        None => start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::Query;

    fn marked(s: &Snippet) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in &s.hits {
            out.push_str(&s.text[at..r.start]);
            out.push('[');
            out.push_str(&s.text[r.clone()]);
            out.push(']');
            at = r.end;
        }
        out.push_str(&s.text[at..]);
        out
    }

    #[test]
    fn short_text_is_whole_with_hits_marked() {
        let text = "Les médias\nsociaux et les MÉDIAS";
        let s = snippet(text, &Query::parse("medias").find_in(text), 80);
        assert_eq!(marked(&s), "Les [médias] sociaux et les [MÉDIAS]");
    }

    #[test]
    fn long_text_is_cut_around_the_first_hit() {
        let text = format!(
            "{} le réseau fédéral {}",
            "mot ".repeat(40),
            "suite ".repeat(40)
        );
        let s = snippet(&text, &Query::parse("reseau").find_in(&text), 40);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(marked(&s).contains("[réseau]"), "{}", marked(&s));
        assert!(s.text.chars().count() <= 42);
    }

    #[test]
    fn snippet_centres_on_the_densest_run_of_hits() {
        let text = format!("sociaux {} les médias sociaux", "mot ".repeat(40));
        let s = snippet(&text, &Query::parse("medias sociaux").find_in(&text), 40);
        assert!(marked(&s).contains("[médias] [sociaux]"), "{}", marked(&s));
    }

    #[test]
    fn snippet_is_already_sanitised() {
        let text = "a\u{1b}[2J médias\u{202e} b\tc";
        let s = snippet(text, &Query::parse("medias").find_in(text), 80);
        assert_eq!(sanitize(&s.text), s.text.as_str());
        assert_eq!(marked(&s), "a [2J [médias] b c");
    }
}
