//! Anchors survive a changed corpus: found again by their quote when the
//! text moved or was re-wrapped, and reported detached (never dropped) when
//! the quote is gone. Runs on the embedded corpus (question 5-8902).

use qreview::corpus::{Corpus, Question, QuestionId, embedded};
use qreview::notes::anchor::{self, Located};
use qreview::notes::{Field, NotesFile};

fn id() -> QuestionId {
    QuestionId::senate(5, 8902)
}

/// The embedded corpus with 5-8902's answer text and parts changed by `f`.
fn edited(f: impl Fn(&str) -> String) -> Corpus {
    let mut questions: Vec<Question> = embedded::load().questions;
    let q = questions.iter_mut().find(|q| q.id == id()).unwrap();
    let a = q.answer.as_mut().unwrap();
    a.text = f(&a.text).into();
    for p in &mut a.parts {
        p.text = f(&p.text).into();
    }
    Corpus::new(questions, Vec::new())
}

fn anchored_note() -> (NotesFile, qreview::notes::NoteId, qreview::notes::Anchor) {
    let corpus = embedded::load();
    let q = corpus.get(id()).unwrap();
    let a = anchor::for_part(q, Field::Answer, "2").unwrap();
    assert_eq!(a.part.as_deref(), Some("2."));
    assert!(
        a.quote
            .starts_with("a. Depuis le lancement officiel de notre page Facebook")
    );
    // The whole part, not its first sentence.
    let part2 = &q.answer.as_ref().unwrap().parts[1];
    assert_eq!(a.quote, part2.text.as_str());
    assert!(a.quote.len() > 200 && a.quote.contains("États-Unis. "));
    let text = &q.answer.as_ref().unwrap().text;
    assert_eq!(&text[a.start..a.end], a.quote);
    assert_eq!(anchor::locate(&a, q), Located::Exact(a.start..a.end));
    let mut notes = NotesFile::default();
    let nid = notes
        .add_note(
            id(),
            "likes, but no evaluation",
            &["evasive".into()],
            Some(a.clone()),
        )
        .unwrap();
    (notes, nid, a)
}

#[test]
fn anchor_moves_with_inserted_text() {
    let (mut notes, nid, before) = anchored_note();
    let corpus = edited(|t| t.replacen("1. ", "1. Introduction ajoutée plus tard. ", 1));
    let report = anchor::refresh(&mut notes, &corpus);
    assert_eq!(report.moved, vec![nid.clone()]);
    assert!(report.detached.is_empty());
    let after = notes.note(&nid).unwrap().anchor.clone().unwrap();
    let shift = "Introduction ajoutée plus tard. ".len();
    assert_eq!(after.start, before.start + shift);
    assert_eq!(after.quote, before.quote);
    assert_eq!(after.part.as_deref(), Some("2."));
    let text = &corpus.get(id()).unwrap().answer.as_ref().unwrap().text;
    assert_eq!(&text[after.start..after.end], after.quote);
    // A second refresh finds it in place.
    assert!(anchor::refresh(&mut notes, &corpus).moved.is_empty());
}

#[test]
fn anchor_survives_rewrapped_text() {
    let (mut notes, nid, _) = anchored_note();
    let corpus = edited(|t| t.replace("page Facebook, nous avons", "page Facebook,\nnous  avons"));
    let report = anchor::refresh(&mut notes, &corpus);
    assert_eq!(report.moved, vec![nid.clone()]);
    let after = notes.note(&nid).unwrap().anchor.clone().unwrap();
    assert!(
        after.quote.contains("Facebook,\nnous  avons"),
        "{}",
        after.quote
    );
    let text = &corpus.get(id()).unwrap().answer.as_ref().unwrap().text;
    assert_eq!(&text[after.start..after.end], after.quote);
}

#[test]
fn anchor_whose_quote_is_gone_is_detached_and_kept() {
    let (mut notes, nid, before) = anchored_note();
    let corpus = edited(|t| t.replace("1 565 likes", "beaucoup de mentions"));
    let report = anchor::refresh(&mut notes, &corpus);
    assert_eq!(report.detached, vec![nid.clone()]);
    let note = notes.note(&nid).unwrap();
    assert_eq!(
        note.anchor.as_ref(),
        Some(&before),
        "a detached anchor is left as it was"
    );
    assert_eq!(note.text, "likes, but no evaluation");
    assert_eq!(
        anchor::locate(&before, corpus.get(id()).unwrap()),
        Located::Detached
    );
}

#[test]
fn anchors_on_selected_lines_and_questions_not_loaded() {
    let corpus = embedded::load();
    let q = corpus.get(id()).unwrap();
    let a = anchor::for_lines(q, Field::Question, 2, 3).unwrap();
    assert!(a.quote.starts_with("1) Les SPF"), "{}", a.quote);
    assert!(a.quote.contains("\n2) Comment"));
    assert_eq!(a.part.as_deref(), Some("1)"));
    assert!(anchor::for_part(q, Field::Answer, "9").is_err());
    let mut notes = NotesFile::default();
    let far = notes
        .add_note(QuestionId::senate(5, 1), "elsewhere", &[], Some(a))
        .unwrap();
    let report = anchor::refresh(&mut notes, &corpus);
    assert_eq!(report.not_loaded, vec![far]);
}
