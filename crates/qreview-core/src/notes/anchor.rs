//! Anchors: making one from a part or a range of a question's text, and
//! finding it again when the corpus changed.
//!
//! The quote is the truth and the byte offsets a cache. [`locate`] checks the
//! offsets, else searches the quote (exactly, then with whitespace runs
//! collapsed, as re-wrapped text differs only there) and takes the match
//! nearest to the old place; a quote found nowhere leaves the note
//! *detached*: kept, shown as such, never deleted.

use std::ops::Range;

use super::model::{Anchor, Field, NoteId, NotesFile};
use crate::corpus::{Corpus, Part, Question};

/// Where an anchor stands in the current corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// At its recorded offsets.
    Exact(Range<usize>),
    /// Found again elsewhere (the text moved or was re-wrapped).
    Moved(Range<usize>),
    /// The quote is no longer in the text.
    Detached,
}

/// Why an anchor could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnchorError {
    /// The question has no text of that kind in this corpus.
    #[error("{id} has no {field} text in this corpus")]
    NoText {
        /// The question.
        id: String,
        /// `question` or `answer`.
        field: &'static str,
    },
    /// No part has this label or number.
    #[error("{id} has no {field} part `{part}` (parts: {known})")]
    NoPart {
        /// The question.
        id: String,
        /// `question` or `answer`.
        field: &'static str,
        /// What was asked for.
        part: String,
        /// The labels that exist.
        known: String,
    },
    /// The range is empty or not on character boundaries of the text.
    #[error("the selected range is empty or outside the text")]
    BadRange,
}

/// The text and parts of one field of a question.
pub fn field_text(q: &Question, field: Field) -> Option<(&str, &[Part])> {
    match field {
        Field::Question if !q.question.text.is_empty() => {
            Some((&q.question.text, &q.question.parts))
        }
        Field::Answer => q
            .answer
            .as_ref()
            .filter(|a| !a.text.is_empty())
            .map(|a| (a.text.as_str(), a.parts.as_slice())),
        Field::Question => None,
    }
}

/// Byte ranges of the parts inside the field's text, in order (a part whose
/// text cannot be found is left out).
pub fn part_spans<'p>(text: &str, parts: &'p [Part]) -> Vec<(&'p str, Range<usize>)> {
    let mut from = 0;
    let mut spans = Vec::new();
    for p in parts {
        if let Some(i) = text[from..].find(p.text.as_str()) {
            let start = from + i;
            spans.push((p.label.as_str(), start..start + p.text.len()));
            from = start + p.text.len();
        }
    }
    spans
}

/// The label of the part holding byte `at`. A part starts at the beginning
/// of its line, so its label (`1)`) belongs to it too.
pub fn part_at<'p>(text: &str, parts: &'p [Part], at: usize) -> Option<&'p str> {
    part_spans(text, parts)
        .into_iter()
        .rev()
        .find(|(_, r)| text[..r.start].rfind('\n').map_or(0, |i| i + 1) <= at)
        .map(|(label, _)| label)
}

/// The first sentence of `s` (at least 20 bytes long, so that `a.` or
/// `1.` at the start does not end it), or all of `s`.
pub fn first_sentence(s: &str) -> &str {
    let mut search = 0;
    while let Some(i) = s[search..].find(['.', '!', '?']) {
        let end = search + i + 1;
        let at_break = s[end..].is_empty() || s[end..].starts_with([' ', '\n']);
        if end >= 20 && at_break {
            return &s[..end];
        }
        search = end;
    }
    s
}

/// An anchor on a part, found by label (`2.`) or number (`2`), quoting the
/// whole part.
pub fn for_part(q: &Question, field: Field, part: &str) -> Result<Anchor, AnchorError> {
    let (text, parts) = field_text(q, field).ok_or_else(|| AnchorError::NoText {
        id: q.id.to_string(),
        field: field.name(),
    })?;
    let wanted = part.trim();
    let number: Option<u32> = wanted.parse().ok();
    let found = parts
        .iter()
        .find(|p| p.label == wanted)
        .or_else(|| {
            parts
                .iter()
                .find(|p| number.is_some() && p.number() == number)
        })
        .ok_or_else(|| AnchorError::NoPart {
            id: q.id.to_string(),
            field: field.name(),
            part: wanted.to_string(),
            known: parts
                .iter()
                .map(|p| p.label.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        })?;
    let span = part_spans(text, parts)
        .into_iter()
        .find(|(label, _)| *label == found.label)
        .map(|(_, r)| r)
        .ok_or(AnchorError::BadRange)?;
    // The note covers the whole part: its quote is everything the part says.
    let quote = found.text.as_str();
    Ok(Anchor {
        field,
        part: Some(found.label.clone()),
        quote: quote.to_string(),
        start: span.start,
        end: span.start + quote.len(),
    })
}

/// An anchor on exactly the bytes `range` of a field (a selection).
pub fn for_range(q: &Question, field: Field, range: Range<usize>) -> Result<Anchor, AnchorError> {
    let (text, parts) = field_text(q, field).ok_or_else(|| AnchorError::NoText {
        id: q.id.to_string(),
        field: field.name(),
    })?;
    let quote = text.get(range.clone()).ok_or(AnchorError::BadRange)?;
    if quote.trim().is_empty() {
        return Err(AnchorError::BadRange);
    }
    Ok(Anchor {
        field,
        part: part_at(text, parts, range.start).map(str::to_string),
        quote: quote.to_string(),
        start: range.start,
        end: range.end,
    })
}

/// An anchor on whole lines `first..=last` (0-based, lines split at `\n`).
pub fn for_lines(
    q: &Question,
    field: Field,
    first: usize,
    last: usize,
) -> Result<Anchor, AnchorError> {
    let (text, _) = field_text(q, field).ok_or_else(|| AnchorError::NoText {
        id: q.id.to_string(),
        field: field.name(),
    })?;
    let mut start = None;
    let mut offset = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i == first {
            start = Some(offset);
        }
        if i == last {
            let s = start.ok_or(AnchorError::BadRange)?;
            return for_range(q, field, s..offset + line.len());
        }
        offset += line.len() + 1;
    }
    Err(AnchorError::BadRange)
}

/// Finds an anchor in the question's current text.
pub fn locate(anchor: &Anchor, q: &Question) -> Located {
    let Some((text, _)) = field_text(q, anchor.field) else {
        return Located::Detached;
    };
    if anchor.quote.is_empty() {
        return Located::Detached;
    }
    if text.get(anchor.start..anchor.end) == Some(anchor.quote.as_str()) {
        return Located::Exact(anchor.start..anchor.end);
    }
    let nearest = |ranges: Vec<Range<usize>>| {
        ranges
            .into_iter()
            .min_by_key(|r| r.start.abs_diff(anchor.start))
    };
    let exact: Vec<Range<usize>> = text
        .match_indices(anchor.quote.as_str())
        .map(|(i, m)| i..i + m.len())
        .collect();
    if let Some(r) = nearest(exact) {
        return Located::Moved(r);
    }
    match nearest(find_collapsed(text, &anchor.quote)) {
        Some(r) => Located::Moved(r),
        None => Located::Detached,
    }
}

/// `s` with whitespace runs collapsed to one space, and for every byte of
/// the result the byte offset it came from in `s`.
fn collapse(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                map.push(i);
            }
            in_space = true;
        } else {
            in_space = false;
            out.push(c);
            map.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
    }
    (out, map)
}

/// Matches of `quote` in `text` ignoring differences in whitespace.
fn find_collapsed(text: &str, quote: &str) -> Vec<Range<usize>> {
    let (hay, map) = collapse(text);
    let (needle, _) = collapse(quote.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle.as_str())
        .map(|(i, m)| {
            let last = i + m.len() - 1;
            let end_char = text[map[last]..].chars().next().map_or(0, char::len_utf8);
            map[i]..map[last] + end_char
        })
        .collect()
}

/// What [`refresh`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorReport {
    /// Anchors found elsewhere; their offsets (and part) were updated.
    pub moved: Vec<NoteId>,
    /// Anchors whose quote is gone; the notes are kept.
    pub detached: Vec<NoteId>,
    /// Notes about questions not in this corpus (left alone).
    pub not_loaded: Vec<NoteId>,
}

/// Finds every anchor again in `corpus`, updating the offsets and part of
/// those that moved (without touching `updated`: the note did not change).
/// Returns which moved, which are detached and which could not be checked.
pub fn refresh(notes: &mut NotesFile, corpus: &Corpus) -> AnchorReport {
    let mut report = AnchorReport::default();
    for note in &mut notes.notes {
        let Some(anchor) = note.anchor.as_mut() else {
            continue;
        };
        let Some(q) = corpus.get(note.question) else {
            report.not_loaded.push(note.id.clone());
            continue;
        };
        match locate(anchor, q) {
            Located::Exact(_) => {}
            Located::Moved(r) => {
                let (text, parts) = field_text(q, anchor.field).expect("located in it");
                anchor.quote = text[r.clone()].to_string();
                anchor.part = part_at(text, parts, r.start).map(str::to_string);
                anchor.start = r.start;
                anchor.end = r.end;
                report.moved.push(note.id.clone());
            }
            Located::Detached => report.detached.push(note.id.clone()),
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_skips_leading_labels() {
        assert_eq!(
            first_sentence("a. Depuis le lancement, nous avons 1 565 likes. Ensuite"),
            "a. Depuis le lancement, nous avons 1 565 likes."
        );
        assert_eq!(first_sentence("no end"), "no end");
    }

    #[test]
    fn collapsed_search_maps_back_to_original_bytes() {
        let text = "un  texte\nré-écrit ici";
        let r = find_collapsed(text, "texte ré-écrit");
        assert_eq!(r.len(), 1);
        assert_eq!(&text[r[0].clone()], "texte\nré-écrit");
    }
}
