//! The UK Parliament's Written Questions API (source `uk-parliament`): a
//! circular question sent to five departments (one holding answer, one
//! correction, one withdrawn, one answering by cross-reference) found as a
//! detected family, decoys kept apart, every field read, a list page, and
//! bad input (a list page with `results: null`, HTML with scripts and
//! entities) reported with the rest loading.

use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::civil::date;
use qreview::corpus::load::load_paths;
use qreview::corpus::{Corpus, EventKind, FamilyEdit, FamilyKind, QuestionId, Source, Status};

fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

fn load(sub: &str) -> Corpus {
    load_paths(&[fixtures(sub)], &|_, _| {})
}

fn uk(id: u32) -> QuestionId {
    QuestionId::new(Source::UkParliament, &id.to_string())
}

fn events(c: &Corpus, id: u32) -> Vec<(EventKind, String)> {
    c.get(uk(id))
        .unwrap()
        .events
        .iter()
        .map(|e| (e.kind, format!("{} {}", e.date, e.label)))
        .collect()
}

#[test]
fn the_five_departments_form_one_detected_family_and_the_decoys_stay_out() {
    let c = load("uk/family");
    assert_eq!(c.questions.len(), 7);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let f = c.family_of(uk(1702001)).unwrap();
    let members: Vec<QuestionId> = f.members.iter().map(|m| m.id).collect();
    assert_eq!(members, (1702001..=1702005).map(uk).collect::<Vec<_>>());
    assert_eq!(
        f.kind,
        FamilyKind::Detected {
            why: "same author, same day, text identical but for the addressee".into()
        }
    );
    // Same author, same day, another question; same text, another member.
    for decoy in [1702006, 1702007] {
        assert_eq!(c.family_of(uk(decoy)).unwrap().members.len(), 1, "{decoy}");
    }
}

#[test]
fn labels_and_typed_ids() {
    let c = load("uk/family");
    let id = uk(1702001);
    assert_eq!(id.label(), "Commons UIN 9401, tabled 2024-01-15");
    assert_eq!(c.resolve("uk-parliament:1702001"), Ok(id));
    assert_eq!(c.resolve("9401"), Ok(id), "the UIN");
    assert_eq!(c.resolve("Commons UIN 9401, tabled 2024-01-15"), Ok(id));
}

#[test]
fn every_field_of_an_answered_record() {
    let c = load("uk/family");
    let q = c.get(uk(1702001)).unwrap();
    assert_eq!(q.author.as_deref(), Some("Ellen Marsh"));
    assert_eq!(q.party.as_deref(), Some("Independent"));
    assert_eq!(q.ministry.as_deref(), Some("Ministry of Defence"));
    assert_eq!(
        q.addressee.as_deref(),
        Some("Secretary of State for Defence")
    );
    assert_eq!(q.title.as_deref(), Some("Social Media: Expenditure"));
    assert_eq!(q.number, Some(9401));
    assert_eq!(q.sent(), Some(date(2024, 1, 15)));
    assert_eq!(q.deadline, Some(date(2024, 1, 18)));
    assert_eq!(q.answered(), Some(date(2024, 1, 22)));
    assert_eq!(q.days_to_answer, Some(7));
    assert_eq!(q.state(), Status::Answered);
    let answer = q.answer.as_ref().unwrap().text.as_str();
    assert_eq!(
        answer,
        "The Department's accounts are run by its communications directorate & cost £41,200 last year.\n\n\
         Platform | Accounts\nX | 2\nLinkedIn | 1\n- No personal data is shared."
    );
    assert!(!answer.contains("document.write"), "scripts are dropped");
}

#[test]
fn a_holding_answer_is_an_event_not_the_answer() {
    let c = load("uk/family");
    let q = c.get(uk(1702002)).unwrap();
    assert!(q.answer.is_none());
    assert_eq!(q.answered(), None);
    assert_eq!(q.state(), Status::Unanswered);
    assert_eq!(
        events(&c, 1702002),
        [
            (EventKind::Sent, "2024-01-15 tabled".into()),
            (EventKind::Other, "2024-01-18 holding answer".into())
        ]
    );
}

#[test]
fn a_correction_is_an_event_and_the_original_is_kept() {
    let c = load("uk/family");
    let q = c.get(uk(1702003)).unwrap();
    assert!(
        events(&c, 1702003).contains(&(EventKind::Other, "2024-02-01 answer corrected".into()))
    );
    assert!(q.answer.as_ref().unwrap().text.contains("four accounts"));
    assert_eq!(q.further_answers.len(), 1);
    assert!(q.further_answers[0].text.contains("three accounts"));
}

#[test]
fn withdrawn_named_day_grouped_attachments_and_cross_references() {
    let c = load("uk/family");
    assert_eq!(c.get(uk(1702004)).unwrap().state(), Status::Withdrawn);
    let q = c.get(uk(1702005)).unwrap();
    assert!(
        events(&c, 1702005)
            .contains(&(EventKind::Other, "2024-01-18 named day: answer due".into()))
    );
    let links: Vec<(&str, &str)> = q
        .links
        .iter()
        .map(|l| (l.kind.as_str(), l.id.as_str()))
        .collect();
    assert_eq!(
        links,
        [("refers_to_answer", "9401"), ("grouped_with", "9410")]
    );
    assert_eq!(
        c.resolve(&q.links[0].id),
        Ok(uk(1702001)),
        "the link is followable"
    );
    assert_eq!(q.attachments.len(), 1);
    assert_eq!(q.attachments[0].title, "Social media spend 2023-24");
    assert!(q.attachments[0].url.ends_with("/1.pdf"));
}

#[test]
fn a_list_page_and_a_lords_question() {
    let c = load_paths(&[fixtures("uk/list-page.json")], &|_, _| {});
    assert_eq!(c.questions.len(), 2);
    let lords = c.get(uk(1702008)).unwrap();
    assert_eq!(lords.id.label(), "Lords UIN HL1234, tabled 2024-01-15");
    assert_eq!(
        lords.author.as_deref(),
        Some("Member 3001"),
        "no expanded member: the id"
    );
    assert_eq!(lords.addressee.as_deref(), Some("His Majesty's Government"));
    assert_eq!(c.resolve("HL1234"), Ok(uk(1702008)));
}

#[test]
fn bad_input_is_reported_and_the_rest_loads() {
    let c = load("uk/bad");
    assert_eq!(c.questions.len(), 1);
    let messages: Vec<String> = c.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("results-null.json:1:") && m.contains("\"results\": null")),
        "{messages:?}"
    );
    let q = c.get(uk(1702099)).unwrap();
    assert_eq!(
        q.answer.as_ref().unwrap().text.as_str(),
        "Entities & more: été — kept."
    );
    assert_eq!(
        q.question.text.as_str(),
        "To ask the Secretary of State for Defence, what <script> tags mean."
    );
}

#[test]
fn splits_and_joins_regroup_without_touching_the_questions() {
    let mut c = load("uk/family");
    let detection = qreview::corpus::Detection::default();
    c.regroup(Some(&detection), &[FamilyEdit::Split(uk(1702004))]);
    assert_eq!(c.family_of(uk(1702001)).unwrap().members.len(), 4);
    assert_eq!(c.family_of(uk(1702004)).unwrap().members.len(), 1);
    c.regroup(
        Some(&detection),
        &[
            FamilyEdit::Split(uk(1702004)),
            FamilyEdit::Join(uk(1702006), uk(1702001)),
        ],
    );
    let f = c.family_of(uk(1702006)).unwrap();
    assert_eq!(f.members.len(), 5);
    assert_eq!(
        f.kind,
        FamilyKind::Detected {
            why: "joined by the analyst".into()
        }
    );
    c.regroup(None, &[]);
    assert_eq!(
        c.family_of(uk(1702001)).unwrap().members.len(),
        1,
        "detection off"
    );
}

#[test]
fn list_json_says_the_family_is_detected_and_why() {
    let out = Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(["list", "--json"])
        .arg(fixtures("uk/family"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &rows[0];
    assert_eq!(first["source"], "uk-parliament");
    assert_eq!(first["family"]["kind"], "detected");
    assert_eq!(
        first["family"]["why"],
        "same author, same day, text identical but for the addressee"
    );
    assert_eq!(first["family"]["members"].as_array().unwrap().len(), 5);
    assert_eq!(
        rows[5]["family"],
        serde_json::Value::Null,
        "a decoy is alone"
    );
}
