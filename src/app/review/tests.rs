//! Key-sequence tests of notes and review on the embedded corpus: adding,
//! cancelling with a confirmation, tagging, review status, verdict,
//! deleting with a confirmation, filtering, line selection, jumping, save
//! and export outcomes. No disk: effects are checked as data.

use super::*;
use crate::app::test_support::{default_app, header_text, id, synthetic_app};
use crate::app::{Action, press, update};
use crate::corpus::embedded;
use crate::export::Format;
use crate::notes::{Field, MergeReport, Verdict};

fn app() -> App {
    default_app((80, 24))
}

/// Types `text` character by character (spaces included).
fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| app.key(Key::Char(c))).collect()
}

/// 5-8902 in the Reader with the part cursor on answer part 2.
fn at_answer_part_2() -> App {
    let mut app = app();
    press(&mut app, "j j <enter> p p p p p p");
    assert_eq!(
        app.message.as_deref(),
        Some("at answer part 2. — a adds a note here, v selects lines")
    );
    app
}

fn header(app: &App) -> String {
    header_text(app)
}

fn notes(app: &App) -> &crate::notes::NotesFile {
    app.review.store.notes()
}

#[test]
fn a_adds_a_note_on_the_part_under_the_cursor_and_saves() {
    let mut app = at_answer_part_2();
    assert_eq!(
        target::anchor_target(&app),
        Some((id("5-8902"), Field::Answer, "2.".to_string()))
    );
    press(&mut app, "a");
    assert!(matches!(app.review.modal, Some(Modal::Editor(_))));
    // Keys of the keymap are text while the editor is open.
    assert!(typed(&mut app, "Counts likes q").is_empty());
    press(&mut app, "<enter>");
    typed(&mut app, "but no reach.");
    let effects = press(&mut app, "<c-s>");
    assert_eq!(effects, vec![Effect::SaveNotes]);
    assert!(app.review.modal.is_none());
    let n = &notes(&app).notes[0];
    assert_eq!(n.text, "Counts likes q\nbut no reach.");
    let a = n.anchor.as_ref().expect("anchored");
    assert_eq!((a.field, a.part.as_deref()), (Field::Answer, Some("2.")));
    assert!(
        a.quote.starts_with("a. Depuis le lancement officiel"),
        "{}",
        a.quote
    );
    assert_eq!(app.marks_of(id("5-8902")).notes, Some(1));
    assert!(header(&app).contains("1 note (●)"), "{}", header(&app));
    assert!(target::noted_lines(&app).iter().any(|&c| c > 0));
    assert!(
        app.review.unsaved,
        "unsaved until the save's outcome arrives"
    );
    update(
        &mut app,
        Action::Review(ReviewAction::Saved(Ok(SaveOutcome {
            written: true,
            merged: None,
        }))),
    );
    assert!(!app.review.unsaved);
    assert_eq!(app.message.as_deref(), Some("note added to 5-8902 · saved"));
}

#[test]
fn an_empty_note_is_refused_and_questions_view_notes_have_no_anchor() {
    let mut app = app();
    press(&mut app, "j j a");
    assert!(press(&mut app, "<c-s>").is_empty());
    assert!(matches!(app.review.modal, Some(Modal::Editor(_))));
    typed(&mut app, "whole question");
    assert_eq!(press(&mut app, "<c-s>"), vec![Effect::SaveNotes]);
    let n = &notes(&app).notes[0];
    assert_eq!((n.question, n.anchor.is_none()), (id("5-8902"), true));
}

#[test]
fn esc_asks_before_throwing_typed_text_away() {
    let mut app = at_answer_part_2();
    press(&mut app, "a <esc>");
    assert!(app.review.modal.is_none(), "nothing typed: closes at once");
    press(&mut app, "a");
    typed(&mut app, "draft");
    press(&mut app, "<esc>");
    let Some(Modal::Editor(ed)) = &app.review.modal else {
        panic!("the editor must stay open and ask");
    };
    assert!(ed.confirm_discard);
    press(&mut app, "n");
    typed(&mut app, "!");
    let Some(Modal::Editor(ed)) = &app.review.modal else {
        panic!("n goes back to editing");
    };
    assert_eq!(ed.text(), "draft!");
    assert!(press(&mut app, "<esc> y").is_empty());
    assert!(app.review.modal.is_none());
    assert!(notes(&app).notes.is_empty());
}

#[test]
fn t_tags_the_question_with_a_new_or_existing_tag_and_toggles_it_off() {
    let mut app = at_answer_part_2();
    press(&mut app, "t");
    typed(&mut app, "evasive");
    assert_eq!(press(&mut app, "<enter>"), vec![Effect::SaveNotes]);
    assert!(notes(&app).review(id("5-8902")).tags.contains("evasive"));
    assert!(header(&app).contains("tags: evasive"), "{}", header(&app));
    // Fuzzy: "evs" finds it; it is on, so Enter removes it.
    press(&mut app, "t");
    typed(&mut app, "evs");
    let Some(Modal::Picker(p)) = &app.review.modal else {
        panic!("picker open")
    };
    assert!(
        matches!(&p.choices[0], picker::Choice::Tag { name, on: true, .. } if name == "evasive")
    );
    press(&mut app, "<enter>");
    assert!(notes(&app).review(id("5-8902")).tags.is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("removed tag evasive from 5-8902")
    );
}

#[test]
fn r_cycles_the_review_status_shown_in_the_questions_view() {
    let mut app = app();
    press(&mut app, "j j r");
    assert_eq!(
        app.marks_of(id("5-8902")).review.as_deref(),
        Some(ReviewStatus::InProgress.label()),
        "the same words as the Reader and the Notes view"
    );
    assert_eq!(press(&mut app, "r"), vec![Effect::SaveNotes]);
    assert_eq!(
        app.marks_of(id("5-8902")).review.as_deref(),
        Some("reviewed")
    );
    assert_eq!(app.message.as_deref(), Some("5-8902: reviewed"));
    press(&mut app, "r");
    assert_eq!(app.marks_of(id("5-8902")).review, None);
}

#[test]
fn v_cycles_the_verdict_and_back_to_none() {
    let mut app = app();
    press(&mut app, "j j <enter> V");
    assert_eq!(
        notes(&app).review(id("5-8902")).verdict,
        Some(Verdict::Complete)
    );
    press(&mut app, "V");
    assert!(
        header(&app).contains("verdict: partial"),
        "{}",
        header(&app)
    );
    press(&mut app, "V V V");
    assert_eq!(notes(&app).review(id("5-8902")).verdict, None);
    assert_eq!(app.message.as_deref(), Some("5-8902: verdict cleared"));
}

/// Two notes: one on 5-8902 answer part 2 tagged `figures`, one on 5-8900.
fn two_notes() -> App {
    let mut app = at_answer_part_2();
    press(&mut app, "a");
    typed(&mut app, "Facebook likes only");
    press(&mut app, "<c-s> 1 g a");
    typed(&mut app, "Premier ministre: nothing");
    press(&mut app, "<c-s> 5");
    assert_eq!(app.view, View::Notes);
    // Rows go by question: 5-8900 first, 5-8902 last.
    press(&mut app, "G t");
    typed(&mut app, "figures");
    press(&mut app, "<enter>");
    app
}

#[test]
fn d_deletes_the_selected_note_only_after_y() {
    let mut app = two_notes();
    press(&mut app, "d");
    assert!(matches!(app.review.modal, Some(Modal::Confirm(_))));
    assert!(press(&mut app, "n").is_empty());
    assert_eq!(notes(&app).notes.len(), 2);
    press(&mut app, "d <esc>");
    assert_eq!(notes(&app).notes.len(), 2);
    assert_eq!(press(&mut app, "G d y"), vec![Effect::SaveNotes]);
    assert_eq!(notes(&app).notes.len(), 1);
    assert_eq!(notes(&app).notes[0].question, id("5-8900"));
    assert_eq!(app.marks_of(id("5-8902")).notes, None);
    assert_eq!(app.marks_of(id("5-8900")).notes, Some(1));
}

#[test]
fn the_notes_view_filters_by_text_tag_and_status() {
    let mut app = two_notes();
    let shown = |app: &App| {
        app.review
            .list
            .rows(notes(app), &app.corpus)
            .iter()
            .map(|r| r.question.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(&app), ["5-8900", "5-8902"]);
    let tagged = notes(&app).notes.iter().find(|n| !n.tags.is_empty());
    assert_eq!(tagged.map(|n| n.question), Some(id("5-8902")));
    // Text, case and accents ignored, applied while typing.
    press(&mut app, "f");
    typed(&mut app, "MINISTRE");
    assert_eq!(shown(&app), ["5-8900"]);
    press(&mut app, "<esc>");
    assert_eq!(shown(&app).len(), 2, "Esc clears the text filter");
    // Tag.
    press(&mut app, "T");
    typed(&mut app, "fig");
    press(&mut app, "<enter>");
    assert_eq!(app.review.list.tag.as_deref(), Some("figures"));
    assert_eq!(shown(&app), ["5-8902"]);
    press(&mut app, "x");
    // Status: 5-8900 in progress.
    press(&mut app, "1 g r 5 S");
    assert_eq!(app.review.list.status, Some(ReviewStatus::Unreviewed));
    assert_eq!(shown(&app), ["5-8902"]);
    press(&mut app, "S");
    assert_eq!(shown(&app), ["5-8900"]);
    press(&mut app, "x");
    assert_eq!(shown(&app).len(), 2);
}

#[test]
fn enter_in_the_notes_view_jumps_to_the_anchor() {
    let mut app = two_notes();
    press(&mut app, "G <enter>");
    assert_eq!(
        (app.view, app.reader.id),
        (View::Reader, Some(id("5-8902")))
    );
    let line = app.review.part_cursor.expect("cursor on the anchor");
    let o = app.reader.origins[line].as_ref().expect("a text line");
    assert_eq!((o.field, o.part.as_deref()), (Field::Answer, Some("2.")));
    assert!(target::visible(&app).contains(&line));
}

#[test]
fn a_line_selection_anchors_to_exactly_those_lines() {
    let mut app = at_answer_part_2();
    let start = app.review.part_cursor.expect("part cursor");
    press(&mut app, "v j j");
    assert_eq!(
        app.review.selection,
        Some(Selection {
            anchor: start,
            cursor: start + 2
        })
    );
    press(&mut app, "<enter>");
    typed(&mut app, "three screen lines");
    press(&mut app, "<c-s>");
    let a = notes(&app).notes[0].anchor.clone().expect("anchored");
    let q = app.corpus.get(id("5-8902")).expect("loaded");
    let (text, _) = crate::notes::anchor::field_text(q, Field::Answer).expect("answer");
    let origin = |i: usize| app.reader.origins[i].clone().expect("a text line");
    assert_eq!(
        (origin(start).line, origin(start + 2).line),
        (origin(start).line, origin(start).line),
        "three screen lines of one paragraph"
    );
    assert_eq!(
        (a.start, a.end),
        (origin(start).range.start, origin(start + 2).range.end)
    );
    assert_eq!(&text[a.start..a.end], a.quote);
    assert!(
        !a.quote.contains('\n'),
        "not the whole paragraph: {}",
        a.quote
    );
    // Exactly the words on those three screen lines, nothing before or after.
    let shown: Vec<String> = (start..=start + 2)
        .map(|i| {
            app.reader.body[i]
                .iter()
                .skip(1)
                .map(|s| s.text())
                .collect::<String>()
        })
        .collect();
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&a.quote), words(&shown.join(" ")));
    // Esc leaves a selection without a note.
    press(&mut app, "v <esc>");
    assert_eq!(app.review.selection, None);
    assert_eq!(notes(&app).notes.len(), 1);
}

#[test]
fn save_outcomes_reach_the_status_line_and_a_failed_save_asks_before_quitting() {
    let mut app = app();
    press(&mut app, "j j r");
    let merged = MergeReport {
        added: vec![crate::notes::NoteId("x".into())],
        ..MergeReport::default()
    };
    update(
        &mut app,
        Action::Review(ReviewAction::Saved(Ok(SaveOutcome {
            written: true,
            merged: Some(merged),
        }))),
    );
    assert_eq!(app.message.as_deref(), Some("merged 1 change(s) from disk"));
    press(&mut app, "r");
    update(
        &mut app,
        Action::Review(ReviewAction::Saved(Err(
            "cannot save notes: read-only".into()
        ))),
    );
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .starts_with("NOT SAVED")
    );
    assert!(app.review.unsaved);
    // Quit retries the save first...
    assert_eq!(press(&mut app, "q"), vec![Effect::SaveNotes]);
    // ...and asks when it fails again.
    let effects = update(
        &mut app,
        Action::Review(ReviewAction::Saved(Err("still read-only".into()))),
    );
    assert!(effects.is_empty());
    assert!(matches!(app.review.modal, Some(Modal::Confirm(ref c)) if c.on_yes == OnYes::Quit));
    assert!(press(&mut app, "n").is_empty());
    press(&mut app, "q");
    update(
        &mut app,
        Action::Review(ReviewAction::Saved(Err("no".into()))),
    );
    // Quitting anyway is a failure (exit 2), not a clean quit.
    assert_eq!(
        press(&mut app, "y"),
        vec![Effect::Fail(
            "quit without saving the notes: the last changes are lost".into()
        )]
    );
}

#[test]
fn export_dialog_asks_before_overwriting() {
    let mut app = app();
    press(&mut app, "e <tab>");
    let Some(Modal::Export(d)) = &app.review.modal else {
        panic!("dialog open")
    };
    assert_eq!(
        (d.format, d.path()),
        (Format::Csv, "qreview-notes.csv".to_string())
    );
    let effects = press(&mut app, "<enter>");
    let path = std::path::PathBuf::from("qreview-notes.csv");
    assert_eq!(
        effects,
        vec![Effect::Export {
            format: Format::Csv,
            path: path.clone(),
            force: false,
            shown: None,
        }]
    );
    update(
        &mut app,
        Action::Review(ReviewAction::Exported(Err(ExportFailure::Exists(
            path.clone(),
        )))),
    );
    // Any key but y keeps the file.
    assert!(press(&mut app, "j").is_empty());
    assert_eq!(
        press(&mut app, "y"),
        vec![Effect::Export {
            format: Format::Csv,
            path,
            force: true,
            shown: None,
        }]
    );
    update(
        &mut app,
        Action::Review(ReviewAction::Exported(Ok(
            "exported 0 note(s) as csv to /x".into(),
        ))),
    );
    assert!(app.review.modal.is_none());
    assert_eq!(
        app.message.as_deref(),
        Some("exported 0 note(s) as csv to /x")
    );
}

#[test]
fn anchors_are_refreshed_when_the_corpus_arrives() {
    let corpus = embedded::load();
    let q = corpus.get(id("5-8902")).expect("loaded");
    let mut a = crate::notes::anchor::for_part(q, Field::Answer, "2").expect("part 2");
    a.start += 5;
    a.end += 5;
    let mut gone = a.clone();
    gone.quote = "a passage that is nowhere".into();
    let mut store = Store::empty("notes.json");
    store
        .notes_mut()
        .add_note(id("5-8902"), "moved", &[], Some(a))
        .expect("add");
    store
        .notes_mut()
        .add_note(id("5-8902"), "gone", &[], Some(gone))
        .expect("add");
    let mut app = App::new((80, 24), None);
    assert!(app.attach_notes(store, None).is_empty(), "no corpus yet");
    let effects = update(&mut app, Action::from(corpus));
    assert_eq!(
        effects,
        vec![Effect::SaveNotes, Effect::IndexSearch],
        "moved offsets are saved"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("1 note(s) detached")
    );
    press(&mut app, "j j <enter>");
    assert!(header(&app).contains("detached: «gone"), "{}", header(&app));
    assert_eq!(app.marks_of(id("5-8902")).notes, Some(2));
}

#[test]
fn notes_in_compare_go_to_the_focused_column_and_part() {
    let mut app = synthetic_app((160, 48));
    press(&mut app, "3 p <tab>");
    let (right, part) = app.compare.focused().expect("a focused column");
    let part = part.expect("a numbered part").to_string();
    assert_eq!(app.current_question(), Some(right));
    assert_eq!(
        target::anchor_target(&app),
        Some((right, Field::Answer, part.clone()))
    );
    press(&mut app, "a");
    typed(&mut app, "copied from the left");
    assert_eq!(press(&mut app, "<c-s>"), vec![Effect::SaveNotes]);
    let n = &notes(&app).notes[0];
    assert_eq!(n.question, right);
    assert_eq!(
        n.anchor.as_ref().and_then(|a| a.part.as_deref()),
        Some(part.as_str())
    );
    // Review status from Compare acts on the focused question too.
    press(&mut app, "r");
    assert_ne!(
        notes(&app).review(right).status,
        crate::notes::ReviewStatus::Unreviewed
    );
}

/// An app on the default corpus holding `n` notes on 5-8902, Notes view shown.
fn many_notes(n: usize) -> App {
    let mut store = Store::empty("notes.json");
    for i in 0..n {
        store
            .notes_mut()
            .add_note(id("5-8902"), &format!("note {i}"), &[], None)
            .expect("add");
    }
    let mut app = app();
    assert!(app.attach_notes(store, None).is_empty());
    press(&mut app, "5");
    app
}

#[test]
fn the_notes_list_keeps_its_cursor_in_view_after_a_resize() {
    let mut app = many_notes(20);
    press(&mut app, "G");
    assert_eq!(app.review.list.cursor, 19);
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 14,
        },
    );
    let rows = list_rows(&app);
    let list = &app.review.list;
    assert!(
        list.offset <= list.cursor && list.cursor < list.offset + rows,
        "cursor {} outside rows {}..{}",
        list.cursor,
        list.offset,
        list.offset + rows
    );
}

#[test]
fn notes_attached_after_the_corpus_save_their_moved_anchors() {
    let corpus = embedded::load();
    let q = corpus.get(id("5-8902")).expect("loaded");
    let mut a = crate::notes::anchor::for_part(q, Field::Answer, "2").expect("part 2");
    a.start += 5;
    a.end += 5;
    let mut store = Store::empty("notes.json");
    store
        .notes_mut()
        .add_note(id("5-8902"), "moved", &[], Some(a))
        .expect("add");
    let mut app = App::with_corpus(corpus, (80, 24));
    assert_eq!(app.attach_notes(store, None), vec![Effect::SaveNotes]);
    assert!(app.review.unsaved);
}

#[test]
fn editing_a_note_keeps_its_hidden_characters_and_saves_only_a_change() {
    let stored = "col\tumn \u{1b}[31m red\u{200b}\u{202e}\nnext";
    let mut store = Store::empty("notes.json");
    store
        .notes_mut()
        .add_note(id("5-8902"), stored, &[], None)
        .expect("add");
    let updated = store.notes().notes[0].updated;
    let mut app = app();
    assert!(app.attach_notes(store, None).is_empty());
    press(&mut app, "5 E");
    let Some(Modal::Editor(ed)) = &app.review.modal else {
        panic!("the editor is open");
    };
    assert!(ed.title.contains("hidden characters"), "{}", ed.title);
    let shown = text_input::text(&ed.area);
    assert!(
        shown
            .chars()
            .all(|c| c == '\n' || c == '\t' || text_input::shows_as_is(c))
    );
    assert!(
        press(&mut app, "<c-s>").is_empty(),
        "nothing changed: no save"
    );
    assert!(app.review.modal.is_none());
    assert_eq!(app.message.as_deref(), Some("no change: nothing saved"));
    assert_eq!(notes(&app).notes[0].text, stored);
    assert_eq!(notes(&app).notes[0].updated, updated);
    assert!(!app.review.unsaved);
    // A real change keeps every hidden character; a typed mark is refused.
    press(&mut app, "E");
    typed(&mut app, "!␛");
    assert_eq!(press(&mut app, "<c-s>"), vec![Effect::SaveNotes]);
    assert_eq!(notes(&app).notes[0].text, format!("{stored}!"));
}

/// The cached rows and gutter counts equal what the notes and layout give now.
fn assert_caches_fresh(app: &App) {
    assert_eq!(
        app.review.list.shown,
        app.review.list.rows(notes(app), &app.corpus),
        "Notes rows"
    );
    assert_eq!(app.review.noted, target::noted_lines(app), "gutter counts");
}

#[test]
fn the_notes_rows_and_gutter_counts_are_kept_in_state_and_follow_every_change() {
    let mut app = at_answer_part_2();
    assert_caches_fresh(&app);
    press(&mut app, "a");
    typed(&mut app, "first");
    press(&mut app, "<c-s>");
    assert!(app.review.noted.iter().any(|&n| n > 0));
    assert_caches_fresh(&app);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert_caches_fresh(&app);
    press(&mut app, "5");
    assert_eq!(app.review.list.shown.len(), 1);
    assert_eq!(app.review.list.selected(), Some(&notes(&app).notes[0].id));
    press(&mut app, "f");
    typed(&mut app, "nothing like it");
    assert!(app.review.list.shown.is_empty());
    press(&mut app, "<esc> x");
    assert_caches_fresh(&app);
    press(&mut app, "d y");
    assert!(app.review.list.shown.is_empty());
    assert_caches_fresh(&app);
    update(&mut app, Action::from(embedded::load()));
    assert_caches_fresh(&app);
}

#[test]
fn hidden_whitespace_at_the_end_of_a_note_survives_an_edit() {
    for stored in ["abc\r", "abc\u{2028}", "abc\u{85}"] {
        let mut store = Store::empty("notes.json");
        store
            .notes_mut()
            .add_note(id("5-8902"), stored, &[], None)
            .expect("add");
        let mut app = app();
        assert!(app.attach_notes(store, None).is_empty());
        press(&mut app, "5 E <home>");
        typed(&mut app, "x");
        assert_eq!(press(&mut app, "<c-s>"), vec![Effect::SaveNotes]);
        let text = &notes(&app).notes[0].text;
        assert_eq!(*text, format!("x{stored}"), "the hidden end is kept");
    }
}

#[test]
fn a_merge_that_only_changed_a_review_status_refreshes_what_is_shown() {
    let mut app = app();
    press(&mut app, "j j");
    let q = id("5-8902");
    // What a merge with another instance's save leaves in the store.
    app.review
        .store
        .notes_mut()
        .set_status(q, crate::notes::ReviewStatus::InProgress);
    update(
        &mut app,
        Action::Review(ReviewAction::Saved(Ok(SaveOutcome {
            written: true,
            merged: Some(MergeReport::default()),
        }))),
    );
    assert_eq!(app.marks_of(q).review.as_deref(), Some("in progress"));
    assert_caches_fresh(&app);
}

#[test]
fn a_note_on_the_whole_question_is_shown_in_the_readers_header() {
    let mut app = app();
    press(&mut app, "j j a");
    typed(&mut app, "Ask the ministry for the reach figures");
    press(&mut app, "<c-s>");
    assert_eq!(notes(&app).notes[0].anchor, None);
    press(&mut app, "<enter>");
    let head = crate::app::test_support::header_text(&app);
    assert!(
        head.contains("on the question: «Ask the ministry for the reach figures»"),
        "{head}"
    );
}

#[test]
fn a_on_a_part_anchors_the_whole_part() {
    let mut app = at_answer_part_2();
    press(&mut app, "a");
    typed(&mut app, "whole part");
    press(&mut app, "<c-s>");
    let a = notes(&app).notes[0].anchor.clone().expect("anchored");
    let q = app.corpus.get(id("5-8902")).expect("loaded");
    let part = &q.answer.as_ref().expect("answer").parts[1];
    assert_eq!(
        (a.part.as_deref(), a.quote.as_str()),
        (Some("2."), part.text.as_str())
    );
}

#[test]
fn export_from_the_app_writes_what_the_notes_filter_shows() {
    let mut app = two_notes();
    press(&mut app, "T");
    typed(&mut app, "fig");
    press(&mut app, "<enter>");
    let tagged: std::collections::BTreeSet<crate::notes::NoteId> = notes(&app)
        .notes
        .iter()
        .filter(|n| n.tags.contains("figures"))
        .map(|n| n.id.clone())
        .collect();
    assert_eq!(tagged.len(), 1);
    press(&mut app, "e");
    let effects = press(&mut app, "<enter>");
    match effects.as_slice() {
        [Effect::Export { shown, .. }] => assert_eq!(shown.as_ref(), Some(&tagged)),
        other => panic!("{other:?}"),
    }
    // Without a filter: every note.
    press(&mut app, "<esc> x e");
    match press(&mut app, "<enter>").as_slice() {
        [Effect::Export { shown, .. }] => assert_eq!(*shown, None),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_review_menu_sets_status_and_verdict_directly() {
    let mut app = app();
    press(&mut app, "j j R");
    assert!(matches!(app.review.modal, Some(Modal::ReviewMenu(q)) if q == id("5-8902")));
    let effects = press(&mut app, "3");
    assert_eq!(effects, vec![Effect::SaveNotes]);
    assert!(app.review.modal.is_none());
    assert_eq!(
        notes(&app).review(id("5-8902")).status,
        ReviewStatus::Reviewed
    );
    press(&mut app, "R z");
    assert!(
        app.review.modal.is_some(),
        "an unknown key keeps the menu open"
    );
    press(&mut app, "e");
    assert_eq!(
        notes(&app).review(id("5-8902")).verdict,
        Some(crate::notes::Verdict::Evasive)
    );
    assert_eq!(app.message.as_deref(), Some("5-8902: verdict evasive"));
    press(&mut app, "R x");
    assert_eq!(notes(&app).review(id("5-8902")).verdict, None);
    press(&mut app, "R <esc>");
    assert!(app.review.modal.is_none());
}

#[test]
fn a_save_retry_saves_only_what_is_still_unsaved() {
    let mut app = app();
    press(&mut app, "j j r");
    assert!(app.review.unsaved);
    assert_eq!(
        update(&mut app, Action::Review(ReviewAction::RetrySave)),
        vec![Effect::SaveNotes]
    );
    app.review.unsaved = false;
    assert!(update(&mut app, Action::Review(ReviewAction::RetrySave)).is_empty());
}
