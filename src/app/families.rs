//! The analyst's corrections of detected families, made in the Questions
//! view (split a question out of its detected family; join two questions'
//! families), and following an answer's cross-reference from the Reader.
//!
//! Corrections are stored in the notes file (never in the corpus) and the
//! families rebuilt from the corpus, the detection options and every
//! correction in order, so what is shown is always what a reload shows.

use std::sync::Arc;

use super::App;
use super::action::Effect;
use crate::corpus::{FamilyEdit, FamilyKind, QuestionId};

/// Rebuilds the families from the notes file's corrections and refreshes
/// what lists them.
pub fn regroup(app: &mut App) {
    let edits = app.review.store.notes().families.clone();
    let detection = app.detection;
    Arc::make_mut(&mut app.corpus).regroup(detection.as_ref(), &edits);
    app.questions.rebuild(&app.corpus);
    app.questions.scroll_into_view(app.list_rows());
    app.timeline = Default::default();
}

/// `X`: takes the selected question out of the family it was detected in.
pub fn split(app: &mut App) -> Vec<Effect> {
    let Some(id) = app.questions.selected_id() else {
        return Vec::new();
    };
    let detected = app
        .corpus
        .family_of(id)
        .is_some_and(|f| matches!(f.kind, FamilyKind::Detected { .. }) && f.members.len() > 1);
    if !detected {
        app.message = Some(format!(
            "{id} is not in a detected family; only detected families can be split"
        ));
        return Vec::new();
    }
    record(app, FamilyEdit::Split(id));
    app.message = Some(format!(
        "{id} taken out of its detected family (saved in the notes file)"
    ));
    vec![Effect::SaveNotes]
}

/// `J`: the first press marks the selected question's family; a press on a
/// question of another family joins the two.
pub fn join(app: &mut App) -> Vec<Effect> {
    let Some(id) = app.questions.selected_id() else {
        return Vec::new();
    };
    let Some(first) = app.join_from.take() else {
        app.join_from = Some(id);
        app.message = Some(format!(
            "{id}'s family marked: press J on a question of another family to join them, Esc to cancel"
        ));
        return Vec::new();
    };
    let same = |a: QuestionId, b: QuestionId| {
        app.corpus.family_of(a).map(|f| f.id) == app.corpus.family_of(b).map(|f| f.id)
    };
    if same(first, id) {
        app.message = Some(format!("{first} and {id} are already in one family"));
        return Vec::new();
    }
    record(app, FamilyEdit::Join(first, id));
    app.message = Some(format!(
        "families of {first} and {id} joined (saved in the notes file)"
    ));
    vec![Effect::SaveNotes]
}

fn record(app: &mut App, edit: FamilyEdit) {
    app.review.store.notes_mut().families.push(edit);
    app.review.unsaved = true;
    regroup(app);
    let (FamilyEdit::Split(id) | FamilyEdit::Join(_, id)) = edit;
    app.questions.select(id);
    app.questions.scroll_into_view(app.list_rows());
}

/// `f` in the Reader: opens the question the answer refers to ("I refer
/// the hon. Member to the answer … PQ 12345"), or says why it cannot.
pub fn follow_link(app: &mut App) {
    let Some(q) = app.reader.id.and_then(|id| app.corpus.get(id)) else {
        return;
    };
    let Some(link) = q.links.iter().find(|l| l.kind == "refers_to_answer") else {
        app.message = Some("this answer refers to no other question".into());
        return;
    };
    let target = app
        .corpus
        .resolve(&link.id)
        .ok()
        .filter(|t| app.corpus.get(*t).is_some());
    match target {
        Some(t) => {
            app.message = Some(format!("followed the answer's reference to PQ {}", link.id));
            app.open(t);
        }
        None => {
            app.message = Some(format!(
                "the answer refers to PQ {}, which is not in this corpus",
                link.id
            ));
        }
    }
}
