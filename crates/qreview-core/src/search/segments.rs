//! The searchable pieces of a question: its text and its answer, each cut
//! into the text before the first numbered part and the parts themselves.
//!
//! Full-text hits name the piece they are in, so results can say
//! "answer, part 2." and the Reader can jump to it.

use crate::corpus::parts::numbered_label;
use crate::corpus::{Part, Question};

pub use crate::corpus::Field;

/// One searchable piece of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    /// Question or answer.
    pub field: Field,
    /// Index into that field's `parts`; `None` for the text before the first
    /// part (or the whole text when it has no numbered parts).
    pub part: Option<usize>,
    /// The piece's text, as stored in the corpus.
    pub text: &'a str,
}

/// The pieces of `q` in reading order: question intro, question parts,
/// answer intro, answer parts. Empty pieces are left out.
pub fn pieces(q: &Question) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    push_field(
        &mut out,
        Field::Question,
        &q.question.text,
        &q.question.parts,
    );
    if let Some(a) = &q.answer {
        push_field(&mut out, Field::Answer, &a.text, &a.parts);
    }
    out
}

fn push_field<'a>(out: &mut Vec<Piece<'a>>, field: Field, text: &'a str, parts: &'a [Part]) {
    let intro = if parts.is_empty() { text } else { intro(text) };
    if !intro.trim().is_empty() {
        out.push(Piece {
            field,
            part: None,
            text: intro,
        });
    }
    for (i, p) in parts.iter().enumerate() {
        if !p.text.is_empty() {
            out.push(Piece {
                field,
                part: Some(i),
                text: &p.text,
            });
        }
    }
}

/// The lines before the one that opens part 1 (as `parts::split_parts` cuts).
fn intro(text: &str) -> &str {
    let mut at = 0;
    for line in text.split('\n') {
        if numbered_label(line).is_some_and(|(n, _, _)| n == 1) {
            return text[..at].trim_end();
        }
        at += line.len() + 1;
    }
    text
}

/// The label shown for a piece: the part's label (`2.`), or `-` for the intro.
pub fn part_label(q: &Question, field: Field, part: Option<usize>) -> Option<&str> {
    let parts = match field {
        Field::Question => &q.question.parts,
        Field::Answer => &q.answer.as_ref()?.parts,
    };
    Some(parts.get(part?)?.label.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{QuestionId, embedded};

    #[test]
    fn default_corpus_pieces_follow_the_parts() {
        let corpus = embedded::load();
        let q = corpus.get(QuestionId::senate(5, 8902)).unwrap();
        let p = pieces(q);
        let q_parts = p
            .iter()
            .filter(|p| p.field == Field::Question && p.part.is_some());
        assert_eq!(q_parts.count(), q.question.parts.len());
        assert!(p[0].text.starts_with("Ces dernières années"));
        assert!(p[0].text.ends_with("questions suivantes :"));
        assert_eq!(p[0].part, None);
        let answer = p.iter().find(|p| p.field == Field::Answer).unwrap();
        assert_eq!(answer.part, Some(0));
        assert_eq!(part_label(q, Field::Answer, Some(1)), Some("2."));
    }
}
