//! The Assemblée nationale's open data (source `fr-an`): one JSON file per
//! question with single-object and list children, a reassigned ministry, a
//! question without answer, another kind of question marked, a detected
//! family, and zipped dumps read in place: a good one, one with
//! path-traversal entry names and one with a zip bomb (diagnostics, and the
//! rest loads).

use std::path::{Path, PathBuf};

use jiff::civil::date;
use qreview::corpus::load::load_paths;
use qreview::corpus::{Corpus, EventKind, FamilyKind, QuestionId, Source, Status};

fn fixture(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

fn load(sub: &str) -> Corpus {
    load_paths(&[fixture(sub)], &|_, _| {})
}

fn an(uid: &str) -> QuestionId {
    QuestionId::new(Source::FrAn, uid)
}

#[test]
fn a_question_with_single_object_children() {
    let c = load("fr-an");
    let q = c.get(an("QANR5L16QE1001")).unwrap();
    assert_eq!(q.legislature, Some(16));
    assert_eq!(q.number, Some(1001));
    assert_eq!(q.author.as_deref(), Some("PA720001"));
    assert_eq!(q.party.as_deref(), Some("ECOLO"));
    assert_eq!(
        q.addressee.as_deref(),
        Some("Ministère de l'intérieur et des outre-mer")
    );
    assert_eq!(q.ministry.as_deref(), Some("Intérieur"));
    assert_eq!(q.title.as_deref(), Some("administration: réseaux sociaux"));
    assert_eq!(
        q.descriptors,
        ["administration", "Usage des réseaux sociaux par l'État"]
    );
    assert_eq!(q.sent(), Some(date(2023, 1, 10)));
    assert_eq!(q.answered(), Some(date(2023, 3, 14)));
    assert_eq!(q.state(), Status::Answered);
    assert!(
        q.question
            .text
            .starts_with("Mme Anne Roux attire l'attention")
    );
    assert_eq!(
        q.answer.as_ref().unwrap().text.as_str(),
        "Le ministère dispose de trois comptes\u{a0}:\n\n- X ;\n- LinkedIn.\n\nAucune dépense de promotion n'a été engagée."
    );
    assert!(
        q.events
            .iter()
            .any(|e| e.kind == EventKind::Other && e.label == "Réponse publiée")
    );
    assert_eq!(
        q.url.as_deref(),
        Some("https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE1001")
    );
}

#[test]
fn list_children_and_a_reassigned_ministry() {
    let c = load("fr-an");
    let q = c.get(an("QANR5L16QE1002")).unwrap();
    assert_eq!(q.descriptors.len(), 3, "{:?}", q.descriptors);
    assert_eq!(
        q.ministry.as_deref(),
        Some("Travail"),
        "the ministry that answered"
    );
    assert_eq!(
        q.addressee.as_deref(),
        Some("Ministère de la santé et de la prévention"),
        "the one asked"
    );
    let reassigned: Vec<_> = q
        .events
        .iter()
        .filter(|e| e.label.starts_with("reassigned"))
        .collect();
    assert_eq!(reassigned.len(), 1);
    assert_eq!(reassigned[0].date, date(2023, 2, 7));
    assert_eq!(
        reassigned[0].label,
        "reassigned to Ministère du travail, du plein emploi et de l'insertion"
    );
    assert_eq!(q.answered(), Some(date(2023, 4, 4)));
    assert!(q.answer.as_ref().unwrap().text.contains("Comptes | 2"));
}

#[test]
fn no_textes_reponse_is_an_unanswered_question_with_its_renewal() {
    let c = load("fr-an");
    let q = c.get(an("QANR5L16QE1003")).unwrap();
    assert!(q.answer.is_none());
    assert_eq!(q.state(), Status::Unanswered);
    assert_eq!(q.reminders(), [date(2023, 4, 18)]);
    assert!(
        q.events
            .iter()
            .any(|e| e.label == "signalée" && e.date == date(2023, 5, 2))
    );
}

#[test]
fn other_kinds_are_listed_but_marked() {
    let c = load("fr-an");
    let q = c.get(an("QANR5L16QG5")).unwrap();
    assert!(
        q.descriptors
            .iter()
            .any(|d| d == "type QG (not a written question)")
    );
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.to_string().contains("QG, not a written question"))
    );
}

#[test]
fn the_same_text_to_two_ministers_is_a_detected_family() {
    let c = load("fr-an");
    let f = c.family_of(an("QANR5L16QE1001")).unwrap();
    let ids: Vec<&str> = f.members.iter().map(|m| m.id.reference()).collect();
    assert_eq!(ids, ["QANR5L16QE1001", "QANR5L16QE1002", "QANR5L16QE1003"]);
    assert!(
        matches!(&f.kind, FamilyKind::Detected { why } if why.contains("identical but for the addressee"))
    );
    assert_eq!(c.family_of(an("QANR5L16QG5")).unwrap().members.len(), 1);
}

#[test]
fn a_dump_is_read_in_place() {
    let c = load_paths(
        &[fixture("fr-an-zip/Questions_ecrites.json.zip")],
        &|_, _| {},
    );
    let ids: Vec<&str> = c.questions.iter().map(|q| q.id.reference()).collect();
    assert_eq!(ids, ["QANR5L16QE2001", "QANR5L16QE2002"]);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    assert!(
        c.questions[0]
            .origin
            .path
            .ends_with("Questions_ecrites.json.zip!/json/QANR5L16QE2001.json")
    );
}

#[test]
fn traversal_names_are_refused_and_the_rest_loads() {
    let c = load_paths(&[fixture("fr-an-zip/traversal.json.zip")], &|_, _| {});
    let ids: Vec<&str> = c.questions.iter().map(|q| q.id.reference()).collect();
    assert_eq!(ids, ["QANR5L16QE3002"]);
    let refused: Vec<String> = c
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .filter(|d| d.contains("leaves the archive"))
        .collect();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(refused[0].contains("!/../x.json"));
}

#[test]
fn a_zip_bomb_is_capped_and_the_rest_loads() {
    let c = load_paths(&[fixture("fr-an-zip/bomb.json.zip")], &|_, _| {});
    let ids: Vec<&str> = c.questions.iter().map(|q| q.id.reference()).collect();
    assert_eq!(ids, ["QANR5L16QE4002"]);
    assert!(c.diagnostics.iter().any(|d| d.is_error()
        && d.to_string().contains("huge.json")
        && d.to_string().contains("more than 8 MB")));
}

#[test]
fn a_broken_archive_is_one_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.json.zip");
    let whole = std::fs::read(fixture("fr-an-zip/Questions_ecrites.json.zip")).unwrap();
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let c = load_paths(&[path], &|_, _| {});
    assert!(c.questions.is_empty());
    assert_eq!(c.error_count(), 1, "{:?}", c.diagnostics);
}
