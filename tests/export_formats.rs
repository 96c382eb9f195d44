//! The export writers on the embedded corpus: review status and verdict in
//! the tables, detached anchors marked, notes on questions outside the
//! corpus kept, terminal escapes neutralised.

use qreview::corpus::{Corpus, QuestionId, embedded};
use qreview::export::{self, Filter, Format};
use qreview::notes::anchor;
use qreview::notes::{Field, NotesFile, ReviewStatus, Verdict};

fn id(n: u32) -> QuestionId {
    QuestionId::senate(5, n)
}

fn notes(corpus: &Corpus) -> NotesFile {
    let mut f = NotesFile::default();
    let a = anchor::for_part(corpus.get(id(8902)).unwrap(), Field::Answer, "4").unwrap();
    f.add_note(
        id(8902),
        "peer review claimed\u{1b}[2J",
        &["evasive".into()],
        Some(a),
    )
    .unwrap();
    f.set_status(id(8902), ReviewStatus::Reviewed);
    f.set_verdict(id(8902), Some(Verdict::Partial));
    f.tag_question(id(8902), "slow").unwrap();
    f.add_note(id(1), "a question from another corpus", &[], None)
        .unwrap();
    f
}

/// The embedded corpus with part 4 of 5-8902's answer rewritten.
fn rewritten() -> Corpus {
    let mut qs = embedded::load().questions;
    let q = qs.iter_mut().find(|q| q.id == id(8902)).unwrap();
    let a = q.answer.as_mut().unwrap();
    a.text = a
        .text
        .replace("Nous n’avons jusqu’ici eu aucune", "Il n’y a eu aucune")
        .into();
    Corpus::new(qs, Vec::new())
}

#[test]
fn markdown_table_shows_status_verdict_tags_and_outside_notes() {
    let corpus = embedded::load();
    let f = notes(&corpus);
    let md = export::render(Format::Markdown, &corpus, &f, &Filter::default()).unwrap();
    assert!(md.contains("| 5-8902 | Affaires étrangères | 2013-04-30 | 2014-02-17 | 293 | 1 (2013-12-18) | reviewed | partial | slow |"), "{md}");
    assert!(md.contains("· answer, part 4. · tags: evasive"));
    assert!(md.contains("> Nous n’avons jusqu’ici eu aucune information erronée"));
    assert!(md.contains("peer review claimed␛[2J") && !md.contains('\u{1b}'));
    assert!(md.contains("## Questions not in this corpus"));
    assert!(md.contains("a question from another corpus"));
    assert!(!md.contains("no longer in the corpus"));
    // A sibling known only by number: its reminders are unknown, not 0.
    assert!(
        md.contains("| 5-8907 | ministry unknown | - | - | - | unknown |"),
        "{md}"
    );
    assert!(
        md.contains("| 5-8904 | Pensions | 2013-04-30 | 2013-05-08 | 8 | 0 |"),
        "{md}"
    );
}

#[test]
fn detached_anchor_is_marked_in_every_format() {
    let f = notes(&embedded::load());
    let corpus = rewritten();
    let md = export::render(Format::Markdown, &corpus, &f, &Filter::default()).unwrap();
    assert!(md.contains("answer, part 4. (detached)"), "{md}");
    assert!(md.contains("> *(this passage is no longer in the corpus)*"));
    let csv = export::render(Format::Csv, &corpus, &f, &Filter::default()).unwrap();
    assert!(
        csv.contains(",answer, part 4. (detached),")
            || csv.contains("\"answer, part 4. (detached)\""),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(
        &export::render(Format::Json, &corpus, &f, &Filter::default()).unwrap(),
    )
    .unwrap();
    let q = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "5-8902")
        .unwrap();
    assert_eq!(q["notes"][0]["anchor_state"], "detached");
    assert_eq!(q["status"], "reviewed");
    assert_eq!(q["verdict"], "partial");
    assert_eq!(json["tags"]["evasive"], serde_json::json!({}));
}

#[test]
fn json_keeps_text_exactly_and_marks_outside_questions() {
    let corpus = embedded::load();
    let f = notes(&corpus);
    let out = export::render(Format::Json, &corpus, &f, &Filter::default()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let qs = json["questions"].as_array().unwrap();
    assert_eq!(
        qs.len(),
        20,
        "19 family members and one question outside the corpus"
    );
    let outside = qs.iter().find(|q| q["id"] == "5-1").unwrap();
    assert_eq!(outside["loaded"], false);
    assert_eq!(
        outside["notes"][0]["text"],
        "a question from another corpus"
    );
    let q = qs.iter().find(|q| q["id"] == "5-8902").unwrap();
    assert_eq!(q["notes"][0]["text"], "peer review claimed\u{1b}[2J");
    assert!(
        !out.contains('\u{1b}'),
        "JSON escapes the control character"
    );
}

#[test]
fn export_to_writes_atomically_and_refuses_to_overwrite() {
    let corpus = embedded::load();
    let f = notes(&corpus);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(Format::Csv.default_file_name());
    export::export_to(
        &path,
        Format::Csv,
        &corpus,
        &f,
        &Filter::default(),
        false,
        &[],
    )
    .unwrap();
    let first = std::fs::read(&path).unwrap();
    let err = export::export_to(
        &path,
        Format::Json,
        &corpus,
        &f,
        &Filter::default(),
        false,
        &[],
    )
    .unwrap_err();
    assert!(err.to_string().contains("already exists"));
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

#[test]
fn an_export_of_chosen_notes_holds_only_them_and_their_questions() {
    let corpus = embedded::load();
    let f = notes(&corpus);
    let only = f
        .notes
        .iter()
        .find(|n| n.question == id(1))
        .map(|n| n.id.clone())
        .expect("the outside note");
    let filter = Filter {
        notes: Some([only].into_iter().collect()),
        ..Filter::default()
    };
    let md = export::render(Format::Markdown, &corpus, &f, &filter).unwrap();
    assert!(md.contains("a question from another corpus"), "{md}");
    assert!(!md.contains("peer review claimed"), "{md}");
    assert!(!md.contains("| 5-8902 |"), "{md}");
}
