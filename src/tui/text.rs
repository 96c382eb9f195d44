//! Turning text into ratatui spans and lines. Corpus strings reach the
//! screen only through [`span`] (which calls [`crate::sanitize::sanitize`])
//! or as [`DocLine`]s, whose segments the `app` layer already sanitised.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::doc::{DocLine, Tone};
use crate::app::search::marks::LineSpan;
use crate::sanitize::sanitize;

use super::theme::Theme;

/// A span of sanitised `s`.
pub fn span(s: &str, style: Style) -> Span<'static> {
    Span::styled(sanitize(s).into_owned(), style)
}

/// A document line with the theme's styles.
pub fn doc_line(line: &DocLine, theme: &Theme) -> Line<'static> {
    Line::from(
        line.iter()
            .map(|s| Span::styled(s.text().to_string(), theme.tone(s.tone)))
            .collect::<Vec<_>>(),
    )
}

/// A document line with the search hits in `marks` (byte ranges of the
/// line's text) drawn in the match style over the segments' own styles;
/// the hit `current` (if any) is underlined as well.
pub fn doc_line_marked(
    line: &DocLine,
    theme: &Theme,
    marks: &[LineSpan],
    current: Option<usize>,
) -> Line<'static> {
    if marks.is_empty() {
        return doc_line(line, theme);
    }
    let mut spans = Vec::new();
    let mut at = 0;
    for s in line {
        let base = theme.tone(s.tone);
        let (start, end) = (at, at + s.text().len());
        let mut cut = start;
        for m in marks
            .iter()
            .filter(|m| m.range.start < end && m.range.end > start)
        {
            let (ms, me) = (m.range.start.max(start), m.range.end.min(end));
            if ms > cut {
                spans.push(Span::styled(
                    s.text()[cut - start..ms - start].to_string(),
                    base,
                ));
            }
            let style = if Some(m.hit) == current {
                theme.current_match()
            } else {
                theme.tone(Tone::Match)
            };
            spans.push(Span::styled(
                s.text()[ms - start..me - start].to_string(),
                base.patch(style),
            ));
            cut = me;
        }
        if cut < end {
            spans.push(Span::styled(s.text()[cut - start..].to_string(), base));
        }
        at = end;
    }
    Line::from(spans)
}

/// Spans of `text` with the byte ranges `hits` (sorted, within `text`) in
/// `hit` style and the rest in `plain`; every piece is sanitised.
pub fn marked(text: &str, hits: &[Range<usize>], plain: Style, hit: Style) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in hits {
        let (s, e) = (r.start.clamp(at, text.len()), r.end.clamp(at, text.len()));
        if s > at {
            out.push(span(&text[at..s], plain));
        }
        if e > s {
            out.push(span(&text[s..e], hit));
        }
        at = e;
    }
    if at < text.len() {
        out.push(span(&text[at..], plain));
    }
    out
}
