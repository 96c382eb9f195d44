//! State and actions of the Coding view: the coding matrix of ministries ×
//! tags (`review::coding`, computed when the view opens, since notes only
//! change in other views), the cell cursor, and the list of a cell's
//! passages (`Enter`), each of which opens in the Reader (`Enter` again).
//! Drawing is in `tui/views/coding.rs`.

use std::sync::Arc;

use crate::analysis::filter::QuestionFilter;
use crate::notes::NoteId;
use crate::review::{CodingMatrix, coding_matrix};

use super::{App, View};

/// What a key does in the Coding view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodingAction {
    /// Next ministry (passages list: next passage).
    Down,
    /// Previous ministry (passages list: previous passage).
    Up,
    /// Next tag.
    Right,
    /// Previous tag.
    Left,
    /// List the cell's passages; in that list, open the passage in the Reader.
    Open,
}

/// The Coding view's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodingState {
    /// The matrix (`None` until the view is first shown).
    pub matrix: Option<Arc<CodingMatrix>>,
    /// Selected ministry (row).
    pub row: usize,
    /// Selected tag (column).
    pub column: usize,
    /// The notes of the cell whose passages are listed.
    pub passages: Option<Vec<NoteId>>,
    /// Selected passage in that list.
    pub passage: usize,
}

/// Key `7`: computes the matrix from the notes as they are now and shows it.
pub fn show(app: &mut App) {
    app.view = View::Coding;
    app.overlay = None;
    let matrix = coding_matrix(
        &app.corpus,
        app.review.store.notes(),
        &QuestionFilter::default(),
    );
    let c = &mut app.coding;
    c.row = c.row.min(matrix.ministries.len().saturating_sub(1));
    c.column = c.column.min(matrix.tags.len().saturating_sub(1));
    c.matrix = Some(Arc::new(matrix));
    c.passages = None;
}

/// Esc: closes the passages list, else goes back to the Questions view.
pub fn back(app: &mut App) {
    if app.coding.passages.take().is_none() {
        app.view = View::Questions;
    }
}

/// Applies a Coding action.
pub fn update(app: &mut App, action: CodingAction) {
    use CodingAction as A;
    let Some(matrix) = app.coding.matrix.clone() else {
        return;
    };
    let c = &mut app.coding;
    if let Some(list) = &c.passages {
        let n = list.len();
        match action {
            A::Down => c.passage = (c.passage + 1).min(n.saturating_sub(1)),
            A::Up => c.passage = c.passage.saturating_sub(1),
            A::Open => {
                if let Some(id) = list.get(c.passage).cloned() {
                    super::review::change::jump_to_note(app, &id);
                }
            }
            A::Left | A::Right => {
                app.message = Some("in a cell's passages: Enter opens one, Esc goes back".into())
            }
        }
        return;
    }
    let (rows, columns) = (matrix.ministries.len(), matrix.tags.len());
    match action {
        A::Down => c.row = (c.row + 1).min(rows.saturating_sub(1)),
        A::Up => c.row = c.row.saturating_sub(1),
        A::Right => c.column = (c.column + 1).min(columns.saturating_sub(1)),
        A::Left => c.column = c.column.saturating_sub(1),
        A::Open => match matrix.cell(c.row, c.column) {
            Some(cell) if !cell.notes.is_empty() => {
                c.passages = Some(cell.notes.clone());
                c.passage = 0;
            }
            Some(cell) if !cell.question_tags.is_empty() => {
                let ids: Vec<String> = cell.question_tags.iter().map(|q| q.to_string()).collect();
                app.message = Some(format!(
                    "no passage here; tagged as a whole: {}",
                    ids.join(", ")
                ));
            }
            _ => app.message = Some("nothing carries this tag here".into()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::test_support::{default_app, id};
    use crate::notes::Store;

    #[test]
    fn enter_lists_the_passages_and_opens_one() {
        let mut app = default_app((100, 30));
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("notes.json")).unwrap();
        let q = app.corpus.get(id("5-8902")).unwrap().clone();
        let text = q.answer.as_ref().unwrap().text.to_string();
        let quote = text.lines().nth(2).unwrap().to_string();
        let start = text.find(&quote).unwrap();
        let anchor = crate::notes::Anchor {
            field: crate::notes::Field::Answer,
            part: None,
            quote: quote.clone(),
            start,
            end: start + quote.len(),
        };
        let note = store
            .notes_mut()
            .add_note(id("5-8902"), "why", &["evasive".to_string()], Some(anchor))
            .unwrap();
        let _ = app.attach_notes(store, None);
        crate::app::update(&mut app, Action::ShowView(View::Coding));
        let m = app.coding.matrix.clone().unwrap();
        assert_eq!(m.tags, ["evasive"]);
        update(&mut app, CodingAction::Open);
        assert_eq!(app.coding.passages.as_deref(), Some(&[note][..]));
        update(&mut app, CodingAction::Open);
        assert_eq!(app.view, View::Reader);
        assert_eq!(app.reader.id, Some(id("5-8902")));
    }
}
