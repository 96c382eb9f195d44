//! Part alignment: question part k ↔ answer part k, for any number of answers
//! side by side. Parts are the ones the corpus already split
//! (`corpus::parts::split_parts`: `1)`, `1.`, `1°`); an answer without them is
//! "not aligned" and shown whole. Sub-parts (`a)`, `a.`) stay inside their
//! part; [`sub_parts`] finds them for a view that wants to indent them.
//!
//! Everything borrows from the corpus, so a view may rebuild it every frame.

use std::ops::Range;

use serde::Serialize;

use super::fold::word_count;
use crate::corpus::parts::numbered_label;
use crate::corpus::{Answer, Corpus, Lang, Part, QuestionId, QuestionText};

/// How an answer lines up with the question's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    /// The answer is numbered; its parts are matched to the question's by number.
    Aligned,
    /// The answer has text but no numbering: show it whole, marked "not aligned".
    NotAligned,
    /// The corpus holds no answer text (unanswered, or metadata only).
    NoAnswerText,
}

/// A part of a text, borrowed: its label, its text, and where that text sits
/// in the whole text it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartSpan<'a> {
    /// The label as written (`1.`, `2)`, `3°`).
    pub label: &'a str,
    /// The part's text without its label; sub-parts stay inside.
    pub text: &'a str,
    /// Byte range of `text` inside the whole answer text, to map shared
    /// passages of whole answers onto this part (`shared::clip`). `None` when
    /// the part's text is not a slice of the whole (parts given apart in JSON).
    pub range: Option<Range<usize>>,
}

/// One answer column of an alignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerColumn<'a> {
    /// The question this answer belongs to.
    pub id: QuestionId,
    /// Whether its parts line up.
    pub status: AnswerStatus,
    /// The whole answer text (empty when there is none); what a
    /// [`AnswerStatus::NotAligned`] column shows.
    pub text: &'a str,
    /// Text before the answer's part 1 (an introduction), if any.
    pub preamble: Option<&'a str>,
}

/// One row: a part number, the question's text for it, and each answer's part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartRow<'a> {
    /// The part number (1, 2, …).
    pub number: u32,
    /// The question's label (`1)`), or the first answer's when the question
    /// has no such part.
    pub label: &'a str,
    /// The question's text for this part, if the question has it.
    pub question: Option<&'a str>,
    /// One entry per column, in column order: that answer's part, or `None`
    /// (no such part, or the answer is not aligned).
    pub answers: Vec<Option<PartSpan<'a>>>,
}

/// Question and answers aligned part by part: what the Compare view draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alignment<'a> {
    /// The whole question text; what to show when the question has no parts.
    pub question_text: &'a str,
    /// The question's text before its part 1 (context), if any.
    pub question_preamble: Option<&'a str>,
    /// The answers, in the order given.
    pub columns: Vec<AnswerColumn<'a>>,
    /// One row per part number found in the question or an aligned answer, ascending.
    pub rows: Vec<PartRow<'a>>,
}

/// Aligns `answers` (each with its question id; `None` = no answer text) to
/// the parts of `question`.
pub fn align<'a>(
    question: &'a QuestionText,
    answers: &[(QuestionId, Option<&'a Answer>)],
) -> Alignment<'a> {
    let columns: Vec<AnswerColumn<'a>> = answers
        .iter()
        .map(|&(id, answer)| column(id, answer))
        .collect();
    let answer_parts: Vec<Vec<(u32, PartSpan<'a>)>> = answers
        .iter()
        .zip(&columns)
        .map(|(&(_, answer), col)| match (answer, col.status) {
            (Some(a), AnswerStatus::Aligned) => numbered_spans(&a.text, &a.parts),
            _ => Vec::new(),
        })
        .collect();
    let question_parts = numbered_spans(&question.text, &question.parts);

    let mut numbers: Vec<u32> = question_parts
        .iter()
        .map(|(n, _)| *n)
        .chain(answer_parts.iter().flatten().map(|(n, _)| *n))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();

    let rows = numbers
        .into_iter()
        .map(|number| {
            let q = question_parts.iter().find(|(n, _)| *n == number);
            let answers: Vec<Option<PartSpan<'a>>> = answer_parts
                .iter()
                .map(|parts| {
                    parts
                        .iter()
                        .find(|(n, _)| *n == number)
                        .map(|(_, s)| s.clone())
                })
                .collect();
            let label = q
                .map(|(_, s)| s.label)
                .or_else(|| answers.iter().flatten().map(|s| s.label).next())
                .unwrap_or_default();
            PartRow {
                number,
                label,
                question: q.map(|(_, s)| s.text),
                answers,
            }
        })
        .collect();
    Alignment {
        question_text: &question.text,
        question_preamble: preamble(&question.text),
        columns,
        rows,
    }
}

/// Aligns the answers of the questions `ids` (Compare's columns, in order).
/// The question text is taken from the first of them that the corpus holds
/// with text, else from any loaded sibling: siblings share one question.
/// An id the corpus does not hold becomes a [`AnswerStatus::NoAnswerText`] column.
pub fn align_questions<'a>(corpus: &'a Corpus, ids: &[QuestionId]) -> Alignment<'a> {
    static EMPTY: std::sync::LazyLock<QuestionText> =
        std::sync::LazyLock::new(QuestionText::default);
    let has_text = |id: &QuestionId| {
        corpus
            .get(*id)
            .filter(|q| !q.question.text.is_empty())
            .map(|q| &q.question)
    };
    let family = ids
        .first()
        .and_then(|id| corpus.family_of(*id))
        .map(|f| f.members.iter().map(|m| m.id).collect::<Vec<_>>())
        .unwrap_or_default();
    let question = ids
        .iter()
        .find_map(has_text)
        .or_else(|| family.iter().find_map(has_text))
        .unwrap_or(&EMPTY);
    let answers: Vec<(QuestionId, Option<&Answer>)> = ids
        .iter()
        .map(|id| (*id, corpus.get(*id).and_then(|q| q.answer.as_ref())))
        .collect();
    align(question, &answers)
}

/// Aligns the two languages of one question's answer: French on the left,
/// Dutch on the right, against the question in the language it was written
/// in. `None` when the corpus lacks the question or the answer in one of
/// the languages (each column would show the same text).
pub fn align_languages(corpus: &Corpus, id: QuestionId) -> Option<Alignment<'_>> {
    let q = corpus.get(id)?;
    let fr = q.answer_in(Lang::Fr)?;
    let nl = q.answer_in(Lang::Nl)?;
    if std::ptr::eq(fr, nl) {
        return None;
    }
    let question = q.text_lang().map_or(&q.question, |l| q.question_in(l));
    Some(align(question, &[(id, Some(fr)), (id, Some(nl))]))
}

/// A sub-part label at the start of `line`: one lower-case ASCII letter then
/// `)` or `.`, then a space (`a) `, `b. `). Returns the label and where the
/// text after it starts.
fn letter_label(line: &str) -> Option<(&str, usize)> {
    let b = line.as_bytes();
    let ok = b.len() >= 3
        && b[0].is_ascii_lowercase()
        && matches!(b[1], b')' | b'.')
        && matches!(b[2], b' ' | b'\t');
    ok.then(|| {
        (
            &line[..2],
            3 + (line[3..].len() - line[3..].trim_start().len()),
        )
    })
}

/// The lettered sub-parts (`a)`, `b.`) of a part's text, each starting at the
/// beginning of the text or of a line. Text before the first one is not
/// included. Empty when the part has no sub-parts.
pub fn sub_parts(text: &str) -> Vec<PartSpan<'_>> {
    let mut starts: Vec<(&str, usize, usize)> = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        if let Some((label, text_at)) = letter_label(line) {
            starts.push((label, offset, offset + text_at));
        }
        offset += line.len() + 1;
    }
    // Sub-parts must run a, b, c … from a; anything else is ordinary prose.
    let expected = (b'a'..).map(char::from);
    let consecutive = starts
        .iter()
        .zip(expected)
        .take_while(|((label, _, _), want)| label.starts_with(*want))
        .count();
    starts.truncate(consecutive);
    (0..starts.len())
        .map(|i| {
            let (label, _, begin) = starts[i];
            let end = starts.get(i + 1).map_or(text.len(), |s| s.1);
            let body = text[begin..end].trim_end();
            PartSpan {
                label,
                text: body,
                range: Some(begin..begin + body.len()),
            }
        })
        .collect()
}

/// Number of words in a text, counted as the shared-passage detector counts them.
pub fn words(text: &str) -> usize {
    word_count(text)
}

/// The column for one answer.
fn column(id: QuestionId, answer: Option<&Answer>) -> AnswerColumn<'_> {
    match answer.filter(|a| !a.text.trim().is_empty()) {
        None => AnswerColumn {
            id,
            status: AnswerStatus::NoAnswerText,
            text: "",
            preamble: None,
        },
        Some(a) => AnswerColumn {
            id,
            status: if a.parts.is_empty() {
                AnswerStatus::NotAligned
            } else {
                AnswerStatus::Aligned
            },
            text: &a.text,
            preamble: if a.parts.is_empty() {
                None
            } else {
                preamble(&a.text)
            },
        },
    }
}

/// Each part with its number, located in `whole`. Parts are matched in
/// order, so a part text that occurs twice is found at the right place.
fn numbered_spans<'a>(whole: &'a str, parts: &'a [Part]) -> Vec<(u32, PartSpan<'a>)> {
    let mut from = 0;
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let range = whole
                .get(from..)
                .and_then(|rest| rest.find(p.text.as_str()))
                .map(|at| from + at..from + at + p.text.len());
            if let Some(r) = &range {
                from = r.end;
            }
            // A part without a readable number keeps its place in the sequence.
            let number = p.number().unwrap_or(i as u32 + 1);
            (
                number,
                PartSpan {
                    label: &p.label,
                    text: &p.text,
                    range,
                },
            )
        })
        .collect()
}

/// Lines before the first line numbered 1, trimmed; `None` when there are none.
fn preamble(text: &str) -> Option<&str> {
    let mut offset = 0;
    for line in text.split('\n') {
        if matches!(numbered_label(line), Some((1, _, _))) {
            let before = text[..offset].trim();
            return (!before.is_empty()).then_some(before);
        }
        offset += line.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parts::split_parts;
    use crate::corpus::{Boundary, QuestionId};

    fn question(text: &str) -> QuestionText {
        let text = crate::corpus::Text::from(text);
        QuestionText {
            parts: split_parts(&text),
            text,
        }
    }

    fn answer(text: &str) -> Answer {
        let text = crate::corpus::Text::from(text);
        Answer {
            parts: split_parts(&text),
            text,
            boundary: Boundary::Marker,
            received: None,
            published: None,
        }
    }

    fn id(n: u32) -> QuestionId {
        QuestionId::senate(9, n)
    }

    const Q: &str = "Intro.\n1) Un ?\n2) Deux ?\n3) Trois ?";

    #[test]
    fn numbered_answers_align_part_by_part_whatever_the_mark() {
        let q = question(Q);
        let dot = answer("Réponse générale.\n1. Un.\n2. Deux.\n3. Trois.");
        let degree = answer("1° Uno.\n2° Duo.");
        let al = align(&q, &[(id(1), Some(&dot)), (id(2), Some(&degree))]);
        assert_eq!(al.question_preamble, Some("Intro."));
        assert_eq!(al.columns[0].status, AnswerStatus::Aligned);
        assert_eq!(al.columns[0].preamble, Some("Réponse générale."));
        assert_eq!(al.rows.len(), 3);
        let row2 = &al.rows[1];
        assert_eq!(
            (row2.number, row2.label, row2.question),
            (2, "2)", Some("Deux ?"))
        );
        let a = row2.answers[0].as_ref().unwrap();
        assert_eq!((a.label, a.text), ("2.", "Deux."));
        assert_eq!(&dot.text[a.range.clone().unwrap()], "Deux.");
        assert_eq!(row2.answers[1].as_ref().unwrap().text, "Duo.");
        // The second answer has no part 3.
        assert_eq!(al.rows[2].answers[1], None);
    }

    #[test]
    fn unnumbered_and_missing_answers_are_flagged() {
        let q = question(Q);
        let prose = answer("Nous ne sommes pas compétents.\nVoir mes collègues.");
        let empty = answer("  ");
        let al = align(
            &q,
            &[(id(1), Some(&prose)), (id(2), None), (id(3), Some(&empty))],
        );
        let status: Vec<AnswerStatus> = al.columns.iter().map(|c| c.status).collect();
        assert_eq!(
            status,
            [
                AnswerStatus::NotAligned,
                AnswerStatus::NoAnswerText,
                AnswerStatus::NoAnswerText
            ]
        );
        assert_eq!(al.columns[0].text, prose.text);
        assert_eq!(al.rows.len(), 3);
        assert!(
            al.rows
                .iter()
                .all(|r| r.answers.iter().all(Option::is_none))
        );
    }

    #[test]
    fn extra_answer_parts_get_their_own_row() {
        let q = question("1) Seule question ?");
        let a = answer("1) Oui.\n2) Et ceci en plus.");
        let al = align(&q, &[(id(1), Some(&a))]);
        assert_eq!(al.rows.len(), 2);
        assert_eq!(al.rows[1].question, None);
        assert_eq!(al.rows[1].label, "2)");
    }

    #[test]
    fn sub_parts_stay_inside_and_can_be_listed() {
        let q = question(Q);
        let a = answer("1. Un.\n2. a. Premier point.\nsuite\nb) Second point.\n3. Trois.");
        let al = align(&q, &[(id(1), Some(&a))]);
        let part2 = al.rows[1].answers[0].as_ref().unwrap();
        assert_eq!(part2.text, "a. Premier point.\nsuite\nb) Second point.");
        let subs = sub_parts(part2.text);
        let got: Vec<(&str, &str)> = subs.iter().map(|s| (s.label, s.text)).collect();
        assert_eq!(
            got,
            [("a.", "Premier point.\nsuite"), ("b)", "Second point.")]
        );
        assert_eq!(&part2.text[subs[1].range.clone().unwrap()], "Second point.");
    }

    #[test]
    fn prose_that_looks_like_a_letter_is_not_a_sub_part() {
        assert!(sub_parts("A l'inverse, rien.\nc. pas une liste").is_empty());
        assert!(sub_parts("Pas de sous-parties.").is_empty());
    }

    #[test]
    fn counts_words() {
        assert_eq!(words("L'usage des médias sociaux, 2.5 fois."), 8);
    }
}
