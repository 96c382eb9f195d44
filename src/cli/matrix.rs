//! `qreview matrix`: the coding matrix (`review::coding`, the same cells the
//! Coding view shows) as a text grid, CSV or JSON. A cell reads
//! `notes/questions` with whole-question tags after a `+`.

use super::{fit, text, to_json};
use crate::export::csv::neutralise;
use crate::review::CodingMatrix;

pub use crate::review::coding::{cell, ministry};

/// The text grid: ministries down, tags across.
pub fn render(m: &CodingMatrix) -> String {
    if m.is_empty() {
        return "no tagged notes on these questions\n".into();
    }
    let name_w = m
        .ministries
        .iter()
        .map(|r| crate::format::width(&ministry(r)))
        .max()
        .unwrap_or(0)
        .clamp(10, 32);
    let col_w: Vec<usize> = m
        .tags
        .iter()
        .map(|t| crate::format::width(&text(Some(t))).clamp(6, 20) + 2)
        .collect();
    let mut out = fit("MINISTRY", name_w + 1);
    for (t, w) in m.tags.iter().zip(&col_w) {
        out.push_str(&fit(&text(Some(t)), *w));
    }
    out = out.trim_end().to_string() + "\n";
    for (r, row) in m.ministries.iter().zip(&m.cells) {
        let mut line = format!("{} ", fit(&ministry(r), name_w));
        for (c, w) in row.iter().zip(&col_w) {
            line.push_str(&fit(&cell(c), *w));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str("cells: notes/questions carrying the tag; +N questions tagged as a whole\n");
    if m.unplaced_notes > 0 {
        out.push_str(&format!(
            "{} tagged note(s) on questions not counted here\n",
            m.unplaced_notes
        ));
    }
    out
}

/// The CSV: one row per non-empty cell.
pub fn render_csv(m: &CodingMatrix) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let io = "writing CSV to memory cannot fail";
    w.write_record([
        "ministry",
        "tag",
        "notes",
        "questions",
        "question_tags",
        "note_ids",
    ])
    .expect(io);
    for (r, row) in m.ministries.iter().zip(&m.cells) {
        for (t, c) in m.tags.iter().zip(row) {
            if c.is_empty() {
                continue;
            }
            let ids: Vec<&str> = c.notes.iter().map(|n| n.0.as_str()).collect();
            w.write_record([
                neutralise(&text(Some(r.as_deref().unwrap_or("")))).into_owned(),
                neutralise(&text(Some(t))).into_owned(),
                c.notes.len().to_string(),
                c.questions.len().to_string(),
                c.question_tags.len().to_string(),
                ids.join(" "),
            ])
            .expect(io);
        }
    }
    String::from_utf8(w.into_inner().expect(io)).expect("CSV of UTF-8 cells is UTF-8")
}

/// The matrix as JSON (`ministries`, `tags`, `cells[row][column]`).
pub fn render_json(m: &CodingMatrix) -> String {
    to_json(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::NoteId;
    use crate::review::CodingCell;

    #[test]
    fn cells_read_notes_over_questions_and_whole_question_tags() {
        let mut c = CodingCell::default();
        assert_eq!(cell(&c), "·");
        c.notes = vec![NoteId("a".into()), NoteId("b".into())];
        c.questions = vec!["5-8902".parse().unwrap()];
        assert_eq!(cell(&c), "2/1");
        c.question_tags = vec!["5-8904".parse().unwrap()];
        assert_eq!(cell(&c), "2/1 +1");
    }

    #[test]
    fn grid_and_csv() {
        let m = CodingMatrix {
            ministries: vec![Some("Pensions".into()), None],
            tags: vec!["=evil".into(), "figures".into()],
            cells: vec![
                vec![
                    CodingCell::default(),
                    CodingCell {
                        notes: vec![NoteId("n1".into())],
                        questions: vec!["5-8904".parse().unwrap()],
                        question_tags: vec![],
                    },
                ],
                vec![
                    CodingCell {
                        notes: vec![],
                        questions: vec![],
                        question_tags: vec!["5-8903".parse().unwrap()],
                    },
                    CodingCell::default(),
                ],
            ],
            unplaced_notes: 0,
        };
        let grid = render(&m);
        let lines: Vec<&str> = grid.lines().collect();
        assert!(lines[1].starts_with("Pensions") && lines[1].ends_with("1/1"));
        assert!(lines[2].starts_with("ministry unknown") && lines[2].contains("+1"));
        let csv_text = render_csv(&m);
        let mut r = csv::Reader::from_reader(csv_text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!((&rows[0][1], &rows[0][5]), ("figures", "n1"));
        assert_eq!(&rows[1][1], "'=evil");
    }
}
