//! The handlers behind [`super::ReviewAction`]: opening the editor, picker
//! and dialogs, their keys, and every change to the notes (each followed by
//! [`Effect::SaveNotes`]).

use crate::app::keymap::Key;
use crate::app::{App, Effect, View};
use crate::corpus::QuestionId;
use crate::notes::anchor::{self, Located};
use crate::notes::{SaveOutcome, Verdict};

use super::editor::{EditTarget, Editor, EditorOutcome};
use super::export::DialogOutcome;
use super::picker::{Choice, PickerOutcome, TagTarget};
use super::target::{self, describe};
use super::{
    Confirm, ExportFailure, Modal, OnYes, Picker, Selection, clamp_list, refresh_marks,
    refresh_reader, text_input,
};

/// After any change to the notes: marks, the Reader's header and the Notes
/// list follow it, and the store is saved.
fn changed(app: &mut App) -> Vec<Effect> {
    refresh_marks(app);
    refresh_reader(app);
    clamp_list(app);
    app.review.unsaved = true;
    vec![Effect::SaveNotes]
}

/// The question `a`, `t`, `r` and `V` act on in the current view.
fn current_question(app: &App) -> Option<QuestionId> {
    app.current_question()
}

/// The question of the note selected in the Notes view.
pub(crate) fn selected_question(app: &App) -> Option<QuestionId> {
    let id = app.review.list.selected()?;
    app.review.store.notes().note(id).map(|n| n.question)
}

pub(super) fn add_note(app: &mut App) {
    let Some(id) = current_question(app) else {
        app.message = Some("no question here to add a note to".into());
        return;
    };
    let mut anchor = None;
    let mut title = format!("New note on {id} · whole question");
    if let Some((qid, field, part)) = target::anchor_target(app)
        && let Some(q) = app.corpus.get(qid)
    {
        match anchor::for_part(q, field, &part) {
            Ok(a) => {
                title = format!("New note on {qid} · {}", describe(field, Some(&part)));
                anchor = Some(a);
            }
            Err(e) => app.message = Some(format!("{e}; the note is on the whole question")),
        }
    }
    open_editor(
        app,
        EditTarget::New {
            question: id,
            anchor,
        },
        title,
        "",
    );
}

fn open_editor(app: &mut App, target: EditTarget, title: String, text: &str) {
    app.review.selection = None;
    app.review.modal = Some(Modal::Editor(Box::new(Editor::new(target, title, text))));
}

pub(super) fn start_selection(app: &mut App) {
    match target::current_line(app) {
        Some(line) => {
            app.review.selection = Some(Selection {
                anchor: line,
                cursor: line,
            });
            app.message =
                Some("select lines: j/k extend, a or Enter adds a note, Esc cancels".into());
        }
        None => app.message = Some("no question or answer text in view to select".into()),
    }
}

fn selection_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(mut sel) = app.review.selection else {
        return Vec::new();
    };
    let last = app.reader.body.len().saturating_sub(1);
    match key {
        Key::Char('j') | Key::Down | Key::WheelDown => sel.cursor = (sel.cursor + 1).min(last),
        Key::Char('k') | Key::Up | Key::WheelUp => sel.cursor = sel.cursor.saturating_sub(1),
        Key::Char('g') => sel.cursor = 0,
        Key::Char('G') => sel.cursor = last,
        Key::Esc | Key::Char('v') => {
            app.review.selection = None;
            return Vec::new();
        }
        Key::Char('a') | Key::Enter => {
            let Some(id) = app.reader.id else {
                return Vec::new();
            };
            match target::selection_anchor(app, sel.range()) {
                Ok(a) => {
                    // The lines the user selected on screen, not paragraphs.
                    let n = sel.range().count();
                    let lines = if n == 1 {
                        "1 line".to_string()
                    } else {
                        format!("{n} lines")
                    };
                    let title = format!(
                        "New note on {id} · {} · {lines}",
                        describe(a.field, a.part.as_deref())
                    );
                    open_editor(
                        app,
                        EditTarget::New {
                            question: id,
                            anchor: Some(a),
                        },
                        title,
                        "",
                    );
                }
                Err(e) => app.message = Some(e),
            }
            return Vec::new();
        }
        _ => {}
    }
    app.review.selection = Some(sel);
    target::scroll_to(app, sel.cursor);
    Vec::new()
}

pub(super) fn step_part(app: &mut App, forward: bool) {
    let starts = target::part_starts(&app.reader.origins);
    let shown = target::visible(app);
    let here = app.review.part_cursor.filter(|c| shown.contains(c));
    let next = if forward {
        let from = here.map_or(shown.start, |c| c + 1);
        starts.iter().copied().find(|&s| s >= from)
    } else {
        let before = here.unwrap_or(shown.end);
        starts.iter().copied().rfind(|&s| s < before)
    };
    let Some(line) = next else {
        let end = if forward { "last" } else { "first" };
        app.message = Some(format!("this is the {end} part"));
        return;
    };
    app.review.part_cursor = Some(line);
    target::scroll_to(app, line);
    if let Some(o) = &app.reader.origins[line] {
        app.message = Some(format!(
            "at {} — a adds a note here, v selects lines",
            describe(o.field, o.part.as_deref())
        ));
    }
}

pub(super) fn open_tag_picker(app: &mut App) {
    let notes = app.review.store.notes();
    let all = notes.tag_names();
    let (target, on) = if app.view == View::Notes {
        let Some(id) = app.review.list.selected().cloned() else {
            app.message = Some("no note selected".into());
            return;
        };
        let on = notes.note(&id).map(|n| n.tags.clone()).unwrap_or_default();
        (TagTarget::Note(id), on)
    } else {
        let Some(q) = current_question(app) else {
            app.message = Some("no question here to tag".into());
            return;
        };
        (TagTarget::Question(q), notes.review(q).tags)
    };
    app.review.modal = Some(Modal::Picker(Box::new(Picker::new(target, all, on))));
}

pub(super) fn open_filter_picker(app: &mut App) {
    let all = app.review.store.notes().tag_names();
    let on = app.review.list.tag.iter().cloned().collect();
    let picker = Picker::new(TagTarget::Filter, all, on);
    app.review.modal = Some(Modal::Picker(Box::new(picker)));
}

/// Applies a picked tag to its target.
fn apply_choice(app: &mut App, target: TagTarget, choice: Choice) -> Vec<Effect> {
    let (name, on) = match choice {
        Choice::Any => {
            app.review.list.tag = None;
            app.review.list.cursor = 0;
            clamp_list(app);
            return Vec::new();
        }
        Choice::Tag { name, on, .. } => (name, on),
        Choice::Create(name) => (name, false),
    };
    let notes = app.review.store.notes_mut();
    let result = match &target {
        TagTarget::Filter => {
            app.review.list.tag = Some(name);
            app.review.list.cursor = 0;
            clamp_list(app);
            return Vec::new();
        }
        TagTarget::Question(q) if on => Ok(notes.untag_question(*q, &name)),
        TagTarget::Question(q) => notes.tag_question(*q, &name),
        TagTarget::Note(id) if on => notes.untag_note(id, &name),
        TagTarget::Note(id) => notes.tag_note(id, &name),
    };
    if let Err(e) = result {
        app.message = Some(e.to_string());
        return Vec::new();
    }
    let what = match &target {
        TagTarget::Question(q) => q.to_string(),
        _ => "the note".to_string(),
    };
    app.message = Some(if on {
        format!("removed tag {name} from {what}")
    } else {
        format!("tagged {what} with {name}")
    });
    changed(app)
}

pub(super) fn cycle_status(app: &mut App) -> Vec<Effect> {
    let Some(q) = current_question(app) else {
        return Vec::new();
    };
    let s = app.review.store.notes_mut().cycle_status(q);
    app.message = Some(format!("{q}: {}", s.label()));
    changed(app)
}

pub(super) fn cycle_verdict(app: &mut App) -> Vec<Effect> {
    let Some(q) = current_question(app) else {
        return Vec::new();
    };
    let now = app.review.store.notes().review(q).verdict;
    let next = match now {
        None => Some(Verdict::ALL[0]),
        Some(v) => {
            let i = Verdict::ALL.iter().position(|x| *x == v).unwrap_or(0);
            Verdict::ALL.get(i + 1).copied()
        }
    };
    app.review.store.notes_mut().set_verdict(q, next);
    app.message = Some(format!(
        "{q}: verdict {}",
        next.map_or("cleared", Verdict::label)
    ));
    changed(app)
}

fn selected_note(app: &mut App) -> Option<crate::notes::NoteId> {
    let id = app.review.list.selected().cloned();
    if id.is_none() {
        app.message = Some("no note selected".into());
    }
    id
}

pub(super) fn edit_selected(app: &mut App) {
    let Some(id) = selected_note(app) else { return };
    let Some(note) = app.review.store.notes().note(&id) else {
        return;
    };
    let title = format!("Edit note on {}", note.question);
    let text = note.text.clone();
    open_editor(app, EditTarget::Existing(id), title, &text);
}

pub(super) fn ask_delete(app: &mut App) {
    let Some(id) = selected_note(app) else { return };
    let Some(note) = app.review.store.notes().note(&id) else {
        return;
    };
    let first = crate::app::wrap::fit(note.text.lines().next().unwrap_or(""), 30);
    let question = format!(
        "Delete the note on {} «{}»? y deletes, n keeps it",
        note.question,
        first.trim_end()
    );
    app.review.modal = Some(Modal::Confirm(Confirm {
        question,
        on_yes: OnYes::DeleteNote(id),
    }));
}

pub(super) fn jump_to_selected(app: &mut App) {
    let Some(id) = selected_note(app) else { return };
    jump_to_note(app, &id);
}

/// Opens the note's question in the Reader with its passage on screen (the
/// Notes view's and the Coding view's `Enter`).
pub(crate) fn jump_to_note(app: &mut App, id: &crate::notes::NoteId) {
    let Some(note) = app.review.store.notes().note(id).cloned() else {
        return;
    };
    if app.corpus.get(note.question).is_none() {
        app.message = Some(format!("{} is not in this corpus", note.question));
        return;
    }
    app.open(note.question);
    let Some(a) = &note.anchor else {
        app.message = Some(format!("note on {} as a whole", note.question));
        return;
    };
    let q = app.corpus.get(note.question).expect("checked above");
    let range = match anchor::locate(a, q) {
        Located::Exact(r) | Located::Moved(r) => r,
        Located::Detached => {
            app.message =
                Some("this note is detached: its quoted passage is no longer in the text".into());
            return;
        }
    };
    let Some((text, _)) = anchor::field_text(q, a.field) else {
        return;
    };
    let line = text[..range.start].matches('\n').count();
    let body = app
        .reader
        .origins
        .iter()
        .position(|o| matches!(o, Some(o) if o.field == a.field && o.line >= line));
    if let Some(b) = body {
        let rows = app.content_rows();
        let delta = b.saturating_sub(1) as isize - app.reader.scroll as isize;
        app.reader.scroll_by(delta, rows);
        app.review.part_cursor = Some(b);
    }
    app.message = Some(format!("note on {}", describe(a.field, a.part.as_deref())));
}

/// A key for whatever is open: modal first, then the selection.
pub(super) fn modal_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(modal) = app.review.modal.take() else {
        return selection_key(app, key);
    };
    match modal {
        Modal::Editor(mut ed) => match ed.key(key) {
            EditorOutcome::Continue => app.review.modal = Some(Modal::Editor(ed)),
            EditorOutcome::Close => app.message = Some("note not saved".into()),
            EditorOutcome::Unchanged => app.message = Some("no change: nothing saved".into()),
            EditorOutcome::Save(text) => return save_editor(app, *ed, text),
        },
        Modal::Picker(mut p) => match p.key(key) {
            PickerOutcome::Continue => app.review.modal = Some(Modal::Picker(p)),
            PickerOutcome::Close => {}
            PickerOutcome::Chose(choice) => return apply_choice(app, p.target.clone(), choice),
        },
        Modal::Export(mut d) => match d.key(key) {
            DialogOutcome::Continue => app.review.modal = Some(Modal::Export(d)),
            DialogOutcome::Close => {}
            DialogOutcome::Write {
                format,
                path,
                force,
            } => {
                app.review.modal = Some(Modal::Export(d));
                return vec![Effect::Export {
                    format,
                    path,
                    force,
                    shown: shown_notes(app),
                }];
            }
        },
        Modal::ReviewMenu(q) => return review_menu_key(app, q, key),
        Modal::Confirm(c) => match key {
            Key::Char('y') => return confirmed(app, c.on_yes),
            Key::Char('n') | Key::Esc => {
                if c.on_yes == OnYes::Quit {
                    app.review.quitting = false;
                }
            }
            _ => app.review.modal = Some(Modal::Confirm(c)),
        },
        Modal::FilterText(mut area) => match key {
            Key::Enter => {}
            Key::Esc => {
                app.review.list.text.clear();
                clamp_list(app);
            }
            k => {
                text_input::edit_line(&mut area, k);
                app.review.list.text = text_input::text(&area);
                app.review.list.cursor = 0;
                clamp_list(app);
                app.review.modal = Some(Modal::FilterText(area));
            }
        },
    }
    Vec::new()
}

fn save_editor(app: &mut App, ed: Editor, text: String) -> Vec<Effect> {
    if text.trim().is_empty() {
        app.message = Some("an empty note is not saved: type some text, or Esc".into());
        app.review.modal = Some(Modal::Editor(Box::new(ed)));
        return Vec::new();
    }
    let notes = app.review.store.notes_mut();
    let result = match ed.target {
        EditTarget::New { question, anchor } => notes
            .add_note(question, &text, &[], anchor)
            .map(|_| format!("note added to {question}")),
        EditTarget::Existing(id) => notes.edit_note(&id, &text).map(|()| "note changed".into()),
    };
    match result {
        Ok(m) => {
            app.message = Some(m);
            changed(app)
        }
        Err(e) => {
            app.message = Some(e.to_string());
            Vec::new()
        }
    }
}

fn confirmed(app: &mut App, on_yes: OnYes) -> Vec<Effect> {
    match on_yes {
        // Quitting with notes unsaved is a failure the shell must see.
        OnYes::Quit => vec![Effect::Fail(
            "quit without saving the notes: the last changes are lost".into(),
        )],
        OnYes::DeleteNote(id) => match app.review.store.notes_mut().delete_note(&id) {
            Ok(n) => {
                app.message = Some(format!("deleted the note on {}", n.question));
                changed(app)
            }
            Err(e) => {
                app.message = Some(e.to_string());
                Vec::new()
            }
        },
    }
}

/// The outcome of a save: says what happened; a merge brought changes from
/// disk, so everything shown follows them.
pub(super) fn saved(app: &mut App, outcome: Result<SaveOutcome, String>) -> Vec<Effect> {
    match outcome {
        Ok(o) => {
            app.review.unsaved = false;
            app.review.problem = None;
            // Any merge may have brought changes the report does not list
            // (a review status, a tag): everything shown follows the store.
            if o.merged.is_some() {
                refresh_marks(app);
                refresh_reader(app);
                clamp_list(app);
            }
            if let Some(report) = o.merged.filter(|r| !r.is_empty()) {
                let n = report.added.len()
                    + report.updated.len()
                    + report.removed.len()
                    + report.kept.len()
                    + report.conflicts.len()
                    + report.review_conflicts.len();
                let mut m = format!("merged {n} change(s) from disk");
                if !report.conflicts.is_empty() {
                    m.push_str(&format!(
                        "; {} note(s) edited on both sides: both versions kept",
                        report.conflicts.len()
                    ));
                }
                app.message = Some(m);
            } else if o.written {
                let keep = app.message.take();
                app.message = Some(match keep {
                    Some(m) => format!("{m} · saved"),
                    None => "saved".into(),
                });
            }
            if std::mem::take(&mut app.review.quitting) {
                return vec![Effect::Quit];
            }
        }
        Err(e) => {
            app.review.unsaved = true;
            app.message = Some(format!("NOT SAVED: {e}"));
            if app.review.quitting {
                app.review.modal = Some(Modal::Confirm(Confirm {
                    question: format!(
                        "The notes could not be saved: {e}. Quit anyway and lose the unsaved changes? y quits, n stays"
                    ),
                    on_yes: OnYes::Quit,
                }));
            }
        }
    }
    Vec::new()
}

/// The outcome of an export.
pub(super) fn exported(app: &mut App, outcome: Result<String, ExportFailure>) {
    let Some(Modal::Export(d)) = app.review.modal.as_mut() else {
        if let Ok(m) = outcome {
            app.message = Some(m);
        }
        return;
    };
    match outcome {
        Ok(m) => {
            app.review.modal = None;
            app.message = Some(m);
        }
        Err(ExportFailure::Exists(path)) => d.confirm_overwrite = Some(path),
        Err(ExportFailure::Other(e)) => {
            d.confirm_overwrite = None;
            d.error = Some(e);
        }
    }
}

/// The notes an export from the app holds: those the Notes view's filter
/// shows, or `None` (all) when no filter is set.
pub(crate) fn shown_notes(app: &App) -> Option<std::collections::BTreeSet<crate::notes::NoteId>> {
    let list = &app.review.list;
    list.filtered().then(|| {
        list.notes(app.review.store.notes(), &app.corpus)
            .into_iter()
            .map(|n| n.id.clone())
            .collect()
    })
}

/// The keys of the review menu: a status by its number, a verdict by its
/// first letter.
pub const REVIEW_MENU: [(char, MenuChoice); 8] = [
    (
        '1',
        MenuChoice::Status(crate::notes::ReviewStatus::Unreviewed),
    ),
    (
        '2',
        MenuChoice::Status(crate::notes::ReviewStatus::InProgress),
    ),
    (
        '3',
        MenuChoice::Status(crate::notes::ReviewStatus::Reviewed),
    ),
    ('c', MenuChoice::Verdict(Some(Verdict::Complete))),
    ('p', MenuChoice::Verdict(Some(Verdict::Partial))),
    ('e', MenuChoice::Verdict(Some(Verdict::Evasive))),
    ('n', MenuChoice::Verdict(Some(Verdict::NoAnswer))),
    ('x', MenuChoice::Verdict(None)),
];

/// One line of the review menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuChoice {
    /// Set this review status.
    Status(crate::notes::ReviewStatus),
    /// Set this verdict (`None` clears it).
    Verdict(Option<Verdict>),
}

/// `m`: the review menu of the current question.
pub(super) fn open_review_menu(app: &mut App) {
    match current_question(app) {
        Some(q) => app.review.modal = Some(Modal::ReviewMenu(q)),
        None => app.message = Some("no question here to review".into()),
    }
}

/// A key in the review menu: a choice sets it and closes the menu, Esc
/// closes it, anything else leaves it open.
fn review_menu_key(app: &mut App, q: QuestionId, key: Key) -> Vec<Effect> {
    if key == Key::Esc {
        return Vec::new();
    }
    let Key::Char(c) = key else {
        app.review.modal = Some(Modal::ReviewMenu(q));
        return Vec::new();
    };
    let Some(&(_, choice)) = REVIEW_MENU.iter().find(|(k, _)| *k == c) else {
        app.review.modal = Some(Modal::ReviewMenu(q));
        return Vec::new();
    };
    let notes = app.review.store.notes_mut();
    app.message = Some(match choice {
        MenuChoice::Status(s) => {
            notes.set_status(q, s);
            format!("{q}: {}", s.label())
        }
        MenuChoice::Verdict(v) => {
            notes.set_verdict(q, v);
            format!("{q}: verdict {}", v.map_or("cleared", Verdict::label))
        }
    });
    changed(app)
}
