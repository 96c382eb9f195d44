//! The labelled set that justifies [`DEFAULT_THRESHOLD`], and detection
//! on families with decoys.

use super::*;
use crate::corpus::model::{Event, EventKind};
use crate::corpus::{QuestionId, Text};

fn q(
    source: Source,
    reference: &str,
    author: &str,
    day: i8,
    addressee: &str,
    text: &str,
) -> Question {
    let mut q = Question::new(QuestionId::new(source, reference));
    q.author = Some(author.into());
    q.addressee = Some(addressee.into());
    q.question.text = Text::from(text);
    q.events.push(Event {
        date: jiff::civil::date(2024, 1, day),
        kind: EventKind::Sent,
        label: "tabled".into(),
    });
    q
}

fn sim(a: &str, b: &str) -> f64 {
    let qa = q(Source::UkParliament, "a", "x", 1, "", a);
    let qb = q(Source::UkParliament, "b", "x", 1, "", b);
    shingle::similarity(
        &shingle::shingles(&shingle::words(&qa)),
        &shingle::shingles(&shingle::words(&qb)),
    )
}

const BASE: &str = "To ask the Secretary of State for Defence, how many social media accounts his Department operates; and how much his Department spent on paid promotion on those accounts in the last financial year.";

/// Siblings as members word them: another addressee, "her" for "his",
/// a dropped article, a changed phrase, other punctuation.
const SIBLINGS: [&str; 5] = [
    "To ask the Secretary of State for Health and Social Care, how many social media accounts his Department operates; and how much his Department spent on paid promotion on those accounts in the last financial year.",
    "To ask the Secretary of State for Education, how many social media accounts her Department operates; and how much her Department spent on paid promotion on those accounts in the last financial year.",
    "To ask the Chancellor of the Exchequer, how many social media accounts his Department operates; and how much his Department spent on paid promotion on those accounts in the most recent financial year.",
    "To ask the Secretary of State for the Home Department, how many social media accounts his Department operates; and how much his Department spent on paid promotion on those accounts in last financial year.",
    "To ask the Minister for the Cabinet Office, how many social media accounts his Department operates, and how much his Department spent on paid promotion on those accounts in the last financial year.",
];

/// The same author's other questions that day, on the same subject and
/// opening the same way: these must stay apart.
const DECOYS: [&str; 5] = [
    "To ask the Secretary of State for Defence, how many social media accounts his Department operates; and how many staff manage those accounts.",
    "To ask the Secretary of State for Defence, how much his Department spent on paid promotion on social media in the last financial year by platform.",
    "To ask the Secretary of State for Defence, whether his Department has a policy on the use of social media by ministers.",
    "To ask the Secretary of State for Defence, how many social media accounts his Department closed in the last financial year; and for what reasons.",
    "To ask the Secretary of State for Defence, what guidance his Department issues to staff on paid promotion on social media accounts.",
];

#[test]
fn the_default_threshold_separates_the_labelled_set() {
    let positives: Vec<f64> = SIBLINGS.iter().map(|s| sim(BASE, s)).collect();
    let negatives: Vec<f64> = DECOYS.iter().map(|s| sim(BASE, s)).collect();
    let lowest_positive = positives.iter().copied().fold(1.0, f64::min);
    let highest_negative = negatives.iter().copied().fold(0.0, f64::max);
    assert!(
        lowest_positive >= DEFAULT_THRESHOLD + 0.1,
        "a sibling scores {lowest_positive:.2} (all: {positives:.2?})"
    );
    assert!(
        highest_negative <= DEFAULT_THRESHOLD - 0.1,
        "a decoy scores {highest_negative:.2} (all: {negatives:.2?})"
    );
}

#[test]
fn a_uk_family_is_found_and_the_decoys_stay_apart() {
    let uk = Source::UkParliament;
    let mut qs = vec![q(
        uk,
        "100",
        "Ellen Marsh",
        15,
        "Secretary of State for Defence",
        BASE,
    )];
    for (i, s) in SIBLINGS.iter().enumerate() {
        qs.push(q(uk, &format!("{}", 101 + i), "Ellen Marsh", 15, "", s));
    }
    // Decoys: the same author the same day asking something else, and the
    // same text asked by another member.
    qs.push(q(uk, "200", "Ellen Marsh", 15, "", DECOYS[0]));
    qs.push(q(uk, "201", "Ellen Marsh", 15, "", DECOYS[1]));
    qs.push(q(uk, "300", "Tom Reed", 15, "", SIBLINGS[0]));
    // The same text by the same author a week later is another sending.
    qs.push(q(uk, "400", "Ellen Marsh", 22, "", SIBLINGS[1]));
    let found = detect(&qs, &Detection::default());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].members, [0, 1, 2, 3, 4, 5]);
    assert!(
        found[0].why.starts_with("same author, same day, text "),
        "{}",
        found[0].why
    );

    let wide = detect(
        &qs,
        &Detection {
            window_days: 7,
            ..Detection::default()
        },
    );
    assert_eq!(
        wide[0].members,
        [0, 1, 2, 3, 4, 5, 9],
        "a week's window takes the later one"
    );
    assert!(
        wide[0].why.contains("tabled within 7 days"),
        "{}",
        wide[0].why
    );
}

#[test]
fn identical_french_texts_but_the_minister_say_so() {
    let an = Source::FrAn;
    let t = |m: &str| {
        format!(
            "Mme Anne Roux attire l'attention de {m} sur l'usage des réseaux sociaux par les services de l'État. Elle lui demande combien de comptes sont ouverts."
        )
    };
    let qs = vec![
        q(
            an,
            "QANR5L16QE1",
            "PA1",
            10,
            "Ministère de l'intérieur",
            &t("M. le ministre de l'intérieur"),
        ),
        q(
            an,
            "QANR5L16QE2",
            "PA1",
            10,
            "Ministère de la santé",
            &t("Mme la ministre de la santé et de la prévention"),
        ),
        q(
            an,
            "QANR5L16QE3",
            "PA2",
            10,
            "Ministère de la santé",
            &t("Mme la ministre de la santé et de la prévention"),
        ),
    ];
    let found = detect(&qs, &Detection::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].members, [0, 1]);
    assert_eq!(
        found[0].why,
        "same author, same day, text identical but for the addressee"
    );
}

#[test]
fn listed_and_senate_questions_are_left_to_their_lists() {
    let mut a = q(Source::BeSenate, "5-1", "X", 1, "", BASE);
    a.id = QuestionId::senate(5, 1);
    let mut b = q(Source::BeSenate, "5-2", "X", 1, "", BASE);
    b.id = QuestionId::senate(5, 2);
    let mut c = q(Source::BeChamber, "c1", "X", 1, "", BASE);
    c.siblings.push(QuestionId::new(Source::BeChamber, "c9"));
    let d = q(Source::BeChamber, "c2", "X", 1, "", BASE);
    assert!(detect(&[a, b, c, d], &Detection::default()).is_empty());
}

#[test]
fn why_never_rounds_up_to_identical() {
    assert_eq!(why(0, 0.996), "same author, same day, text 99% identical");
    assert_eq!(
        why(1, 0.97),
        "same author, tabled within 1 day, text 97% identical"
    );
}
