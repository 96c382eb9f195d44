//! Styled text without a terminal: lines made of segments that carry a
//! [`Tone`] (what the text *is*), which the `tui` layer maps to theme styles.
//! Every segment's text has been through [`crate::sanitize::sanitize`].

use crate::sanitize::sanitize;

use super::wrap::{fit, width, wrap};

/// What a piece of text is, for the theme to choose its look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// The question id and title.
    Title,
    /// A section heading (`QUESTION`, `ANSWER`).
    Heading,
    /// A field name or part label.
    Label,
    /// Secondary text and rules.
    Dim,
    /// Something deduced rather than read (inferred boundary or id).
    Inferred,
    /// An answer date or days to answer.
    Answered,
    /// A reminder or a missing answer.
    Late,
    /// The member being read, in the sibling bar.
    Current,
    /// A passage the two answers of the Compare view share.
    Shared,
    /// A hit of the search (drawn over the text's own tone).
    Match,
    /// A passage the social-media lens extracted (platform, account, figure).
    Fact,
}

/// A run of text with one tone. Its text can only be set through [`seg`],
/// which sanitises it, so the drawing may trust every segment:
///
/// ```compile_fail
/// use qreview::app::doc::{Segment, Tone};
/// let raw = Segment { text: "\u{1b}[2J".into(), tone: Tone::Plain };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    text: String,
    /// Its tone.
    pub tone: Tone,
}

impl Segment {
    /// The sanitised text, one line.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// One screen line.
pub type DocLine = Vec<Segment>;

/// A segment of sanitised `text`.
pub fn seg(text: &str, tone: Tone) -> Segment {
    Segment {
        text: sanitize(text).into_owned(),
        tone,
    }
}

/// A horizontal rule `width` columns wide.
pub fn rule(width: usize) -> DocLine {
    vec![seg(&"─".repeat(width), Tone::Dim)]
}

/// `label` then `text` wrapped to `width` with a hanging indent under the
/// label; at most `max_lines` lines, the last cut with `…` if needed.
pub fn labelled(
    label: &str,
    tone: Tone,
    text: &str,
    width_: usize,
    max_lines: usize,
) -> Vec<DocLine> {
    let label = sanitize(label);
    let indent = width(&label).max(1) + 1;
    let avail = width_.saturating_sub(indent).max(8);
    let mut chunks = wrap(&sanitize(text), avail);
    if chunks.len() > max_lines {
        let rest = chunks[max_lines - 1..].join(" ");
        chunks.truncate(max_lines - 1);
        chunks.push(fit(&rest, avail).trim_end().to_string());
    }
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let head = if i == 0 {
                format!("{label}{}", " ".repeat(indent - width(&label)))
            } else {
                " ".repeat(indent)
            };
            vec![seg(&head, tone), seg(&chunk, Tone::Plain)]
        })
        .collect()
}

/// Lays out `items` (each a few segments) left to right, `sep` columns apart,
/// starting a new line when the next item would pass `width`.
pub fn flow(items: Vec<DocLine>, sep: &str, width_: usize) -> Vec<DocLine> {
    let mut lines: Vec<DocLine> = Vec::new();
    let mut line: DocLine = Vec::new();
    let mut used = 0;
    for item in items {
        let w: usize = item.iter().map(|s| width(&s.text)).sum();
        if used > 0 && used + width(sep) + w > width_ {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(seg(sep, Tone::Dim));
            used += width(sep);
        }
        line.extend(item);
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The plain text of a line (for tests and searching the screen model).
pub fn text_of(line: &DocLine) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_text_hangs_under_its_label_and_is_sanitised() {
        let lines = labelled("1)", Tone::Label, "aaa bbb ccc\u{1b}[2J", 10, 9);
        let texts: Vec<String> = lines.iter().map(text_of).collect();
        assert_eq!(texts, vec!["1) aaa bbb", "   ccc␛[2J"]);
    }

    #[test]
    fn labelled_text_is_cut_to_its_line_budget() {
        let lines = labelled("To:", Tone::Label, "one two three four five six", 14, 2);
        assert_eq!(lines.len(), 2);
        assert!(text_of(&lines[1]).ends_with('…'));
    }

    #[test]
    fn flow_breaks_between_items() {
        let items = (0..4)
            .map(|i| vec![seg(&format!("item{i}"), Tone::Plain)])
            .collect();
        let lines = flow(items, "  ", 13);
        assert_eq!(
            lines.iter().map(text_of).collect::<Vec<_>>(),
            vec!["item0  item1", "item2  item3"]
        );
    }
}
