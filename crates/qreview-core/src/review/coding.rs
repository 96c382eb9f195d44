//! The coding matrix: ministries × tags. Rows are the ministries of the
//! questions that carry a tag, columns the tags used in the notes; each cell
//! holds the notes (passages) carrying the tag, the questions they are on,
//! and apart from them the questions tagged as a whole.
//!
//! A plain function returning data, so the TUI, `qreview matrix` and the
//! exports all call the same one.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::filter::QuestionFilter;
use crate::analysis::league::{group_key, label_key, ministry_of};
use crate::corpus::{Corpus, QuestionId};
use crate::notes::{NoteId, NotesFile};

/// One cell: what carries one tag in one ministry's questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CodingCell {
    /// Notes carrying the tag, in reading order (question, then the
    /// passage's place in it; notes on a whole question first).
    pub notes: Vec<NoteId>,
    /// Distinct questions those notes are on, by id.
    pub questions: Vec<QuestionId>,
    /// Questions tagged as a whole (review record), by id.
    pub question_tags: Vec<QuestionId>,
}

impl CodingCell {
    /// True when nothing carries the tag here.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.question_tags.is_empty()
    }
}

/// The matrix: `cells[row][column]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CodingMatrix {
    /// Row labels: ministries by label, the unknown ministry (`None`) last.
    pub ministries: Vec<Option<String>>,
    /// Column labels: tags, sorted.
    pub tags: Vec<String>,
    /// One row per ministry, one cell per tag.
    pub cells: Vec<Vec<CodingCell>>,
    /// Tagged notes on questions the corpus (or the filter) leaves out.
    pub unplaced_notes: usize,
}

impl CodingMatrix {
    /// The cell at `row`, `column`.
    pub fn cell(&self, row: usize, column: usize) -> Option<&CodingCell> {
        self.cells.get(row)?.get(column)
    }

    /// True when no tag is used on any counted question.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }
}

// Cells and labels as every table prints them (CLI, TUI, reports).

/// A cell as the grid prints it: `3/2` (3 notes on 2 questions), `+1` for a
/// question tagged as a whole, `·` when empty.
pub fn cell(c: &CodingCell) -> String {
    if c.is_empty() {
        return "·".into();
    }
    let mut s = String::new();
    if !c.notes.is_empty() {
        s.push_str(&format!("{}/{}", c.notes.len(), c.questions.len()));
    }
    if !c.question_tags.is_empty() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&format!("+{}", c.question_tags.len()));
    }
    s
}

/// A ministry label, `ministry unknown` when absent (one wording
/// everywhere: [`crate::corpus::display::UNKNOWN_MINISTRY`]).
pub fn ministry(m: &Option<String>) -> String {
    crate::format::text(Some(crate::corpus::display::ministry_label(m.as_deref())))
}

/// The coding matrix of `notes` over the questions of `corpus` that
/// `filter` passes. Only tags in use there, and ministries carrying one, appear.
pub fn coding_matrix(corpus: &Corpus, notes: &NotesFile, filter: &QuestionFilter) -> CodingMatrix {
    // Ministry keys interned to small numbers; each distinct label folded once.
    let mut keys: Vec<(Option<String>, Option<String>)> = Vec::new(); // (key, label)
    let mut key_index: HashMap<Option<String>, usize> = HashMap::new();
    let mut seen: HashMap<(Option<&str>, Option<&str>), usize> = HashMap::new();
    let mut of: HashMap<QuestionId, usize> = HashMap::new();
    for q in filter.questions(corpus) {
        let label = ministry_of(q);
        let k = match seen.get(&label_key(q)) {
            Some(&k) => k,
            None => {
                let key = group_key(q);
                let k = *key_index.entry(key.clone()).or_insert_with(|| {
                    keys.push((key, label.map(str::to_string)));
                    keys.len() - 1
                });
                seen.insert(label_key(q), k);
                k
            }
        };
        of.insert(q.id, k);
    }
    // Tags interned too; cells by (ministry, tag) number.
    let mut tag_index: HashMap<&str, usize> = HashMap::new();
    let mut tag_names: Vec<&str> = Vec::new();
    let mut cells: HashMap<(usize, usize), CodingCell> = HashMap::new();
    let mut unplaced_notes = 0;
    // Passages in reading order: by question, then where they stand in it.
    let mut ordered: Vec<&crate::notes::Note> = notes.notes.iter().collect();
    ordered.sort_by_key(|n| {
        let at = n.anchor.as_ref().map(|a| (a.field, a.start));
        (n.question, at, &n.id)
    });
    for n in ordered {
        if n.tags.is_empty() {
            continue;
        }
        let Some(&k) = of.get(&n.question) else {
            unplaced_notes += 1;
            continue;
        };
        for tag in &n.tags {
            let t = *tag_index.entry(tag.as_str()).or_insert_with(|| {
                tag_names.push(tag.as_str());
                tag_names.len() - 1
            });
            let cell = cells.entry((k, t)).or_default();
            cell.notes.push(n.id.clone());
            // Deduplicated once sorted, below.
            cell.questions.push(n.question);
        }
    }
    for (id, review) in &notes.questions {
        let Some(&k) = of.get(id) else { continue };
        for tag in &review.tags {
            let t = *tag_index.entry(tag.as_str()).or_insert_with(|| {
                tag_names.push(tag.as_str());
                tag_names.len() - 1
            });
            cells.entry((k, t)).or_default().question_tags.push(*id);
        }
    }
    // Columns by tag name, rows by ministry key (the unknown one last).
    let mut tag_order: Vec<usize> = (0..tag_names.len()).collect();
    tag_order.sort_by_key(|&t| tag_names[t]);
    let mut used: Vec<usize> = cells.keys().map(|&(k, _)| k).collect();
    used.sort_unstable();
    used.dedup();
    used.sort_by(|&a, &b| {
        (keys[a].0.is_none(), &keys[a].0).cmp(&(keys[b].0.is_none(), &keys[b].0))
    });
    let grid = used
        .iter()
        .map(|&k| {
            tag_order
                .iter()
                .map(|&t| {
                    let mut cell = cells.remove(&(k, t)).unwrap_or_default();
                    cell.questions.sort_unstable();
                    cell.questions.dedup();
                    cell.question_tags.sort_unstable();
                    cell
                })
                .collect()
        })
        .collect();
    CodingMatrix {
        ministries: used.iter().map(|&k| keys[k].1.clone()).collect(),
        tags: tag_order
            .iter()
            .map(|&t| tag_names[t].to_string())
            .collect(),
        cells: grid,
        unplaced_notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{Anchor, Field, Note, QuestionReview};
    use jiff::Timestamp;

    fn note(id: &str, q: &str, tags: &[&str], quote: &str) -> Note {
        Note {
            id: NoteId(id.into()),
            question: q.parse().unwrap(),
            anchor: Some(Anchor {
                field: Field::Answer,
                part: None,
                quote: quote.into(),
                start: 0,
                end: quote.len(),
            }),
            text: String::new(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            created: Timestamp::UNIX_EPOCH,
            updated: Timestamp::UNIX_EPOCH,
            conflict_of: None,
            extra: Default::default(),
        }
    }

    fn notes() -> NotesFile {
        let mut f = NotesFile {
            notes: vec![
                note("01", "5-8902", &["evasive"], "a"),
                note("02", "5-8902", &["evasive", "figures"], "b"),
                note("03", "5-8904", &["figures"], "c"),
                note("04", "5-8903", &["figures"], "d"),
                note("05", "5-9999", &["figures"], "e"),
                note("06", "5-8904", &[], "f"),
            ],
            ..Default::default()
        };
        let mut review = QuestionReview::default();
        review.tags.insert("evasive".into());
        f.questions.insert("5-8904".parse().unwrap(), review);
        f
    }

    #[test]
    fn ministries_by_tags_on_the_default_corpus() {
        let corpus = crate::corpus::embedded::load();
        let m = coding_matrix(&corpus, &notes(), &QuestionFilter::default());
        assert_eq!(m.tags, ["evasive", "figures"]);
        assert_eq!(
            m.ministries,
            [
                Some("Affaires étrangères".to_string()),
                Some("Pensions".into()),
                None
            ]
        );
        let ae_evasive = m.cell(0, 0).unwrap();
        assert_eq!(ae_evasive.notes.len(), 2);
        assert_eq!(ae_evasive.questions, ["5-8902".parse().unwrap()]);
        assert_eq!(m.cell(0, 1).unwrap().notes, [NoteId("02".into())]);
        // Pensions: evasive only as a whole-question tag, shown apart.
        let p_evasive = m.cell(1, 0).unwrap();
        assert!(p_evasive.notes.is_empty());
        assert_eq!(p_evasive.question_tags, ["5-8904".parse().unwrap()]);
        assert_eq!(m.cell(1, 1).unwrap().notes.len(), 1);
        // 5-8903 has no ministry label: the last row.
        assert_eq!(m.cell(2, 1).unwrap().questions, ["5-8903".parse().unwrap()]);
        assert!(m.cell(2, 0).unwrap().is_empty());
        assert_eq!(m.unplaced_notes, 1);
    }

    #[test]
    fn the_filter_leaves_questions_out() {
        let corpus = crate::corpus::embedded::load();
        let filter = QuestionFilter {
            legislature: Some(4),
            ..Default::default()
        };
        let m = coding_matrix(&corpus, &notes(), &filter);
        assert!(m.is_empty());
        assert_eq!(m.unplaced_notes, 5);
        let empty = coding_matrix(&corpus, &NotesFile::default(), &QuestionFilter::default());
        assert!(empty.is_empty() && empty.ministries.is_empty());
    }
}
