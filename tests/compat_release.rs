//! Files written by the release before questions had a source still load:
//! `tests/fixtures/release-0.1/` holds a `qreview import` corpus and a notes
//! file made with that binary. A bare `5-8902` there means
//! `be-senate:5-8902`; notes saved from now on record the source.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use qreview::corpus::{QuestionId, Source, load};
use qreview::notes::Store;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/release-0.1")
        .join(name)
}

fn qreview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .output()
        .expect("binary runs")
}

#[test]
fn an_old_corpus_file_loads_as_senate_questions() {
    let corpus = load::load_paths(&[fixture("corpus-v1.json")], &|_, _| {});
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    let ids: Vec<String> = corpus.questions.iter().map(|q| q.id.qualified()).collect();
    assert_eq!(ids, ["be-senate:5-8902", "be-senate:5-8916"]);
    let q = corpus.get(QuestionId::senate(5, 8902)).unwrap();
    assert_eq!(q.source, Source::BeSenate);
    assert!(q.siblings.iter().all(|s| s.source() == Source::BeSenate));
    assert!(q.siblings.contains(&QuestionId::senate(5, 8900)));
    // The old `source` object (file and lines) is read as the origin.
    assert!(
        q.origin.path.ends_with("nl-print-5-8902.txt"),
        "{:?}",
        q.origin
    );
    assert!(q.origin.last_line > q.origin.first_line);
    assert!(q.answer.is_none() && !q.question.parts.is_empty());
    let answered = corpus.get(QuestionId::senate(5, 8916)).unwrap();
    assert!(!answered.answer.as_ref().unwrap().parts.is_empty());
}

#[test]
fn an_old_notes_file_loads_and_is_saved_with_sources() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    std::fs::copy(fixture("notes-v1.json"), &path).unwrap();
    let mut store = Store::open(&path).unwrap();
    let questions: Vec<QuestionId> = store.notes().notes.iter().map(|n| n.question).collect();
    assert_eq!(
        questions,
        [
            QuestionId::senate(5, 8902),
            QuestionId::senate(5, 8904),
            QuestionId::senate(5, 8916)
        ]
    );
    let anchored = &store.notes().notes[0];
    assert_eq!(
        anchored.anchor.as_ref().unwrap().part.as_deref(),
        Some("2.")
    );

    store.notes_mut().set_status(
        QuestionId::senate(5, 8916),
        qreview::notes::ReviewStatus::Reviewed,
    );
    store.save().unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.contains("\"question\": \"be-senate:5-8902\""),
        "{written}"
    );
    assert!(written.contains("\"be-senate:5-8916\": {"), "{written}");
    assert!(!written.contains("\"question\": \"5-89"), "{written}");
    let again = Store::open(&path).unwrap();
    assert_eq!(again.notes().notes, store.notes().notes);
}

#[test]
fn old_notes_are_listed_against_the_default_corpus() {
    let notes = fixture("notes-v1.json");
    let o = qreview(&["notes", "list", "--notes", notes.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("5-8902") && out.contains("Slow answer"),
        "{out}"
    );
    assert!(out.contains("5-8904") && out.contains("Fast"), "{out}");
}

#[test]
fn json_output_gives_the_reference_as_id_and_the_source_beside_it() {
    let o = qreview(&["show", "be-senate:5-8902", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["id"], "5-8902");
    assert_eq!(v["source"], "be-senate");
    assert_eq!(v["legislature"], 5);
    assert_eq!(v["number"], 8902);
    assert!(
        v["origin"]["path"]
            .as_str()
            .unwrap()
            .starts_with("embedded:")
    );
    assert_eq!(v["siblings"][0], "5-8900");
}
