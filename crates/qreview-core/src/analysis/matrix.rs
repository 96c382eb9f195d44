//! The answer matrix of a family: one row per sibling, one column per question
//! part; each cell says whether that part was answered and how long the
//! answer is in words. Built on [`align`], so a cell and the
//! Compare view agree on what "part k of this answer" is.

use serde::Serialize;

use super::align::{self, AnswerStatus};
use crate::corpus::{Corpus, Family, QuestionId};

/// One sibling's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixRow {
    /// The sibling.
    pub id: QuestionId,
    /// Its ministry label.
    pub ministry: Option<String>,
    /// How its answer lines up with the parts.
    pub status: AnswerStatus,
    /// Days from sending to answer.
    pub days: Option<i64>,
    /// Words of its answer to each part (same order as [`Matrix::parts`]);
    /// `None`: that part is not answered separately (missing part, answer not
    /// numbered, or no answer text).
    pub cells: Vec<Option<usize>>,
    /// Words of the whole answer (0 without answer text).
    pub words: usize,
}

/// A family's matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    /// The part columns: number and label (`1)`), ascending.
    pub parts: Vec<(u32, String)>,
    /// One row per member of the family, by id.
    pub rows: Vec<MatrixRow>,
}

/// Builds the matrix of `family`.
pub fn matrix(corpus: &Corpus, family: &Family) -> Matrix {
    let ids: Vec<QuestionId> = family.members.iter().map(|m| m.id).collect();
    let al = align::align_questions(corpus, &ids);
    let parts = al
        .rows
        .iter()
        .map(|r| (r.number, r.label.to_string()))
        .collect();
    let rows = al
        .columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let q = corpus.get(col.id);
            MatrixRow {
                id: col.id,
                ministry: q.and_then(|q| q.ministry.clone()),
                status: col.status,
                days: q.and_then(|q| q.days_to_answer),
                cells: al
                    .rows
                    .iter()
                    .map(|r| r.answers[c].as_ref().map(|s| align::words(s.text)))
                    .collect(),
                words: align::words(col.text),
            }
        })
        .collect();
    Matrix { parts, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_family_matrix() {
        let corpus = crate::corpus::embedded::load();
        let m = matrix(&corpus, &corpus.families[0]);
        let labels: Vec<&str> = m.parts.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["1)", "2)", "3)", "4)"]);
        assert_eq!(m.rows.len(), 19);
        let r = m
            .rows
            .iter()
            .find(|r| r.id.senate_parts().unwrap().1 == 8902)
            .unwrap();
        assert_eq!(r.status, AnswerStatus::Aligned);
        assert_eq!(r.days, Some(293));
        assert!(r.cells.iter().all(|c| c.is_some_and(|w| w > 10)));
        // The whole answer also counts its four labels (`1.` … `4.`) as words.
        assert_eq!(r.cells.iter().flatten().sum::<usize>() + 4, r.words);
        // Siblings whose answer text is not in the corpus have empty rows.
        let other = m
            .rows
            .iter()
            .find(|r| r.id.senate_parts().unwrap().1 == 8904)
            .unwrap();
        assert_eq!(other.status, AnswerStatus::NoAnswerText);
        assert_eq!((other.days, other.words), (Some(8), 0));
        assert!(other.cells.iter().all(Option::is_none));
    }
}
