//! Hits of the committed query in laid-out text (the Reader's body, the
//! Compare columns): where to highlight, and the list `n`/`N` step through.
//!
//! Lines are searched in blocks of consecutive non-empty lines joined with
//! `\n`, which normalisation folds to a space, so a phrase wrapped over two
//! screen lines is still found; its hit is then cut at the line break.
//! Computed in `update` when the text or the query changes, never per frame.

use std::ops::Range;

use crate::app::doc::{DocLine, text_of};
use crate::search::Query;

/// One highlighted run: a line and a byte range of that line's text (its
/// segments' texts end to end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineSpan {
    /// Index of the line.
    pub line: usize,
    /// Bytes of the line's text.
    pub range: Range<usize>,
    /// Which hit it belongs to (index into [`DocMarks::hits`]).
    pub hit: usize,
}

/// The hits of a query in one list of lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMarks {
    /// What the marks were computed for (query, question, layout); a change
    /// recomputes them.
    pub key: u64,
    /// Highlighted runs, sorted by line then position.
    pub spans: Vec<LineSpan>,
    /// The first line of each hit, in reading order.
    pub hits: Vec<usize>,
    /// The hit `n`/`N` last moved to.
    pub current: Option<usize>,
}

impl DocMarks {
    /// Finds every hit of `query` in `lines`.
    pub fn find(lines: &[DocLine], query: &Query, key: u64) -> Self {
        let mut marks = DocMarks {
            key,
            ..Self::default()
        };
        if query.is_empty() {
            return marks;
        }
        let mut at = 0;
        while at < lines.len() {
            if lines[at].is_empty() {
                at += 1;
                continue;
            }
            let end = (at..lines.len())
                .find(|&i| lines[i].is_empty())
                .unwrap_or(lines.len());
            marks.block(&lines[at..end], at, query);
            at = end;
        }
        marks
    }

    /// Searches lines `first..` joined by `\n`.
    fn block(&mut self, lines: &[DocLine], first: usize, query: &Query) {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            starts.push(text.len());
            text.push_str(&text_of(line));
        }
        for hit in query.find_in(&text) {
            let number = self.hits.len();
            let mut first_line = None;
            for (i, &start) in starts.iter().enumerate() {
                let end = starts.get(i + 1).map_or(text.len(), |s| s - 1);
                let (mut s, mut e) = (hit.start.max(start), hit.end.min(end));
                if s >= e {
                    continue;
                }
                // A phrase cut at a line break: not the indent or the break.
                let piece = &text[s..e];
                s += piece.len() - piece.trim_start().len();
                e -= piece.len() - piece.trim_end().len();
                if s < e {
                    first_line.get_or_insert(first + i);
                    self.spans.push(LineSpan {
                        line: first + i,
                        range: s - start..e - start,
                        hit: number,
                    });
                }
            }
            if let Some(line) = first_line {
                self.hits.push(line);
            }
        }
    }

    /// The highlighted runs of line `line`.
    pub fn on_line(&self, line: usize) -> &[LineSpan] {
        let from = self.spans.partition_point(|s| s.line < line);
        let to = self.spans.partition_point(|s| s.line <= line);
        &self.spans[from..to]
    }

    /// The hit after (`forward`) or before the current one, wrapping; with
    /// none current, the first hit at or below line `top` (the last above
    /// `top` going back). Returns the hit and whether the search wrapped.
    pub fn step(&mut self, forward: bool, top: usize) -> Option<(usize, bool)> {
        let n = self.hits.len();
        if n == 0 {
            return None;
        }
        let (to, wrapped) = match (self.current, forward) {
            (Some(i), true) if i + 1 < n => (i + 1, false),
            (Some(_), true) => (0, true),
            (Some(i), false) if i > 0 => (i - 1, false),
            (Some(_), false) => (n - 1, true),
            (None, true) => match self.hits.iter().position(|&l| l >= top) {
                Some(i) => (i, false),
                None => (0, true),
            },
            (None, false) => match self.hits.iter().rposition(|&l| l < top) {
                Some(i) => (i, false),
                None => (n - 1, true),
            },
        };
        self.current = Some(to);
        Some((to, wrapped))
    }
}

/// The scroll offset that shows `line` in a window of `height` rows starting
/// at `scroll`: unchanged when it is visible, else `line` a third down.
pub fn scroll_to(line: usize, scroll: usize, height: usize) -> usize {
    if line >= scroll && line < scroll + height.max(1) {
        scroll
    } else {
        line.saturating_sub(height / 3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::doc::{Tone, seg};

    fn lines(texts: &[&str]) -> Vec<DocLine> {
        texts
            .iter()
            .map(|t| {
                if t.is_empty() {
                    Vec::new()
                } else {
                    vec![seg("    ", Tone::Label), seg(t, Tone::Plain)]
                }
            })
            .collect()
    }

    #[test]
    fn finds_hits_per_line_and_phrases_across_a_wrap() {
        let doc = lines(&["les médias", "sociaux et", "", "MÉDIAS encore"]);
        let m = DocMarks::find(&doc, &Query::parse("\"medias sociaux\""), 1);
        assert_eq!(m.hits, vec![0]);
        let cut: Vec<(usize, String)> = m
            .spans
            .iter()
            .map(|s| (s.line, text_of(&doc[s.line])[s.range.clone()].to_string()))
            .collect();
        assert_eq!(cut, vec![(0, "médias".into()), (1, "sociaux".into())]);
        let m = DocMarks::find(&doc, &Query::parse("medias"), 1);
        assert_eq!(m.hits, vec![0, 3]);
        assert_eq!(m.on_line(3).len(), 1);
        assert!(m.on_line(2).is_empty());
    }

    #[test]
    fn steps_forward_and_back_with_wrapping() {
        let doc = lines(&["a x", "b", "x", "", "x"]);
        let mut m = DocMarks::find(&doc, &Query::parse("x"), 1);
        assert_eq!(m.hits, vec![0, 2, 4]);
        assert_eq!(
            m.step(true, 1),
            Some((1, false)),
            "first at or below the top"
        );
        assert_eq!(m.step(true, 0), Some((2, false)));
        assert_eq!(m.step(true, 0), Some((0, true)));
        assert_eq!(m.step(false, 0), Some((2, true)));
        assert_eq!(scroll_to(30, 0, 10), 27);
        assert_eq!(scroll_to(5, 0, 10), 0);
    }
}
