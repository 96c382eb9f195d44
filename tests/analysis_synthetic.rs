//! The analysis library on the synthetic test family (`tests/fixtures/synthetic-family`,
//! fictional ministries, ids 9-100 … 9-104): parsing as intended, part
//! alignment, shared passages, figures, timeline, ministries and matrix.

use std::path::PathBuf;

use jiff::civil::date;
use qreview::analysis::align::{self, AnswerStatus};
use qreview::analysis::shared::{self, shared_passages};
use qreview::analysis::timeline::{self, SortKey};
use qreview::analysis::{figures, matrix, ministries};
use qreview::corpus::{Boundary, Corpus, EventKind, QuestionId, load};

fn corpus() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/synthetic-family");
    load::load_paths(&[dir], &|_, _| {})
}

fn id(n: u32) -> QuestionId {
    QuestionId::senate(9, n)
}

fn answer(corpus: &Corpus, n: u32) -> &str {
    &corpus.get(id(n)).unwrap().answer.as_ref().unwrap().text
}

#[test]
fn fixture_parses_as_intended() {
    let c = corpus();
    assert_eq!(c.error_count(), 0, "{:?}", c.diagnostics);
    let ids: Vec<String> = c.questions.iter().map(|q| q.id.to_string()).collect();
    assert_eq!(ids, ["9-100", "9-101", "9-102", "9-103", "9-104"]);
    assert_eq!(c.families.len(), 1);
    for q in &c.questions {
        assert!(
            q.title
                .as_deref()
                .unwrap()
                .starts_with("SYNTHETIC TEST FAMILY")
        );
        assert!(q.ministry.as_deref().unwrap().starts_with("SYNTHETIC "));
        assert_eq!(q.question.parts.len(), 3, "{}", q.id);
        assert_eq!(q.siblings.len(), 4);
    }
    let boundaries: Vec<Option<Boundary>> = c
        .questions
        .iter()
        .map(|q| q.answer.as_ref().map(|a| a.boundary))
        .collect();
    assert_eq!(
        boundaries,
        [
            Some(Boundary::Inferred),
            Some(Boundary::Inferred),
            Some(Boundary::Marker),
            Some(Boundary::Inferred),
            None
        ]
    );
    let q101 = c.get(id(101)).unwrap();
    let kinds: Vec<EventKind> = q101.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [EventKind::Sent, EventKind::Reminder, EventKind::Answer]
    );
}

#[test]
fn alignment_of_numbered_sub_lettered_and_unnumbered_answers() {
    let c = corpus();
    let ids: Vec<QuestionId> = (100..=104).map(id).collect();
    let al = align::align_questions(&c, &ids);
    let status: Vec<AnswerStatus> = al.columns.iter().map(|col| col.status).collect();
    assert_eq!(
        status,
        [
            AnswerStatus::Aligned,
            AnswerStatus::Aligned,
            AnswerStatus::NotAligned,
            AnswerStatus::Aligned,
            AnswerStatus::NoAnswerText
        ]
    );
    assert!(
        al.question_preamble
            .unwrap()
            .starts_with("Ceci est une question SYNTHÉTIQUE")
    );
    assert_eq!(al.rows.len(), 3);
    let labels: Vec<&str> = al.rows.iter().map(|r| r.label).collect();
    assert_eq!(labels, ["1)", "2)", "3)"]);

    // Part 2: `2.` with a./b. inside, `2)`, nothing for the unnumbered answer, `2°`.
    let row = &al.rows[1];
    assert!(row.question.unwrap().starts_with("Quel budget"));
    let a100 = row.answers[0].as_ref().unwrap();
    assert_eq!(a100.label, "2.");
    let subs = align::sub_parts(a100.text);
    assert_eq!(
        subs.iter().map(|s| s.label).collect::<Vec<_>>(),
        ["a.", "b."]
    );
    assert!(subs[1].text.starts_with("En 2020"));
    assert_eq!(row.answers[1].as_ref().unwrap().label, "2)");
    assert_eq!(row.answers[2], None);
    assert_eq!(row.answers[3].as_ref().unwrap().label, "2°");
    assert!(
        row.answers[3]
            .as_ref()
            .unwrap()
            .text
            .starts_with("Dans le cadre")
    );

    // Part 1 of 9-101 holds a) and b).
    let a101 = al.rows[0].answers[1].as_ref().unwrap();
    let subs = align::sub_parts(a101.text);
    assert_eq!(
        subs.iter().map(|s| s.label).collect::<Vec<_>>(),
        ["a)", "b)"]
    );

    // The unnumbered answer is shown whole.
    assert!(
        al.columns[2]
            .text
            .starts_with("Le service fictif de la Météorologie")
    );
}

#[test]
fn copied_paragraph_is_found_in_both_answers() {
    let c = corpus();
    let (a, b) = (answer(&c, 100), answer(&c, 101));
    let s = shared_passages(a, b);
    assert_eq!(s.a.len(), 1, "{s:?}");
    assert_eq!(s.b.len(), 1, "{s:?}");
    let in_a = &a[s.a[0].clone()];
    let in_b = &b[s.b[0].clone()];
    assert!(in_a.starts_with("Chaque registre est inventorié"), "{in_a}");
    assert!(in_a.ends_with("par un agent désigné"), "{in_a}");
    assert!(in_b.starts_with("CHAQUE REGISTRE est inventorie"), "{in_b}");
    assert!(in_b.ends_with("par un agent designe"), "{in_b}");
    assert!(s.words_a >= 30 && s.words_a == s.words_b, "{s:?}");

    // Mapped onto parts: part 1 of 9-100, part 2 of 9-101.
    let al = align::align_questions(&c, &[id(100), id(101)]);
    let part = |row: usize, col: usize| al.rows[row].answers[col].clone().unwrap();
    let p1 = part(0, 0);
    let clipped = shared::clip(&s.a, p1.range.clone().unwrap());
    assert_eq!(clipped.len(), 1);
    assert_eq!(&p1.text[clipped[0].clone()], in_a);
    let p2 = part(1, 1);
    let clipped = shared::clip(&s.b, p2.range.clone().unwrap());
    assert_eq!(&p2.text[clipped[0].clone()], in_b);
    assert!(shared::clip(&s.a, part(1, 0).range.unwrap()).is_empty());
}

#[test]
fn no_false_positives_between_the_other_answers() {
    // These answers share common words and near-miss phrases: "dans le cadre de
    // ses missions" (6 words), "n'a pas de plan de conservation" (7), "Un plan
    // de conservation existe depuis" (6), and the one-word sentence "Non.".
    let c = corpus();
    for (x, y) in [(100, 102), (100, 103), (101, 102), (101, 103), (102, 103)] {
        let s = shared_passages(answer(&c, x), answer(&c, y));
        assert!(s.is_empty(), "9-{x} / 9-{y}: {s:?}");
    }
}

#[test]
fn figures_of_the_synthetic_family() {
    let c = corpus();
    let f = figures::family(&c, &c.families[0]);
    assert_eq!(f.members.len(), 5);
    assert_eq!((f.answered, f.unanswered, f.not_in_corpus), (4, 1, 0));
    assert_eq!(f.reminded, 3);
    // 16, 42, 119, 177 days.
    assert_eq!(f.median_days, Some(80.5));
    assert_eq!(f.fastest.map(|e| (e.id, e.days)), Some((id(102), 16)));
    assert_eq!(f.slowest.map(|e| (e.id, e.days)), Some((id(103), 177)));
    // Reminded 6/4/2021: 9-101 answered 27 days later, 9-103 85 days later.
    assert_eq!(f.median_reminder_to_answer, Some(56.0));
}

#[test]
fn timeline_of_the_synthetic_family() {
    let c = corpus();
    let family = &c.families[0];
    let mut rows = timeline::rows(&c, family, date(2021, 7, 1));
    timeline::sort_rows(&mut rows, SortKey::Days);
    let order: Vec<u32> = rows
        .iter()
        .map(|r| r.member.id.senate_parts().unwrap().1)
        .collect();
    assert_eq!(order, [102, 100, 101, 103, 104]);
    let open = rows[4].bar.unwrap();
    assert!(open.open);
    assert_eq!((open.end, open.days), (date(2021, 7, 1), 178));
    assert_eq!(
        timeline::date_range(&rows),
        Some((date(2021, 1, 4), date(2021, 7, 1)))
    );
    let events = timeline::events(&c, family);
    // 5 sent, 3 reminders, 4 answers.
    assert_eq!(events.len(), 12);
    assert_eq!((events[5].kind, events[5].id), (EventKind::Answer, id(102)));
    assert_eq!(events[6].date, date(2021, 2, 15));
    let reminders: Vec<u32> = events
        .iter()
        .filter(|e| e.kind == EventKind::Reminder)
        .map(|e| e.id.senate_parts().unwrap().1)
        .collect();
    assert_eq!(reminders, [101, 103, 104]);
}

#[test]
fn ministries_and_matrix_of_the_synthetic_family() {
    let c = corpus();
    let table = ministries::by_ministry(&c);
    assert_eq!(table.len(), 5);
    assert_eq!(table[0].ministry.as_deref(), Some("SYNTHETIC Archivage"));
    let signal = table.iter().find(|m| m.questions == [id(104)]).unwrap();
    assert_eq!(
        (signal.answered, signal.unanswered, signal.reminded),
        (0, 1, 1)
    );
    assert_eq!(signal.median_days, None);

    let m = matrix::matrix(&c, &c.families[0]);
    assert_eq!(m.parts.len(), 3);
    let row = |n: u32| m.rows.iter().find(|r| r.id == id(n)).unwrap();
    assert!(row(100).cells.iter().all(Option::is_some));
    assert_eq!(row(102).status, AnswerStatus::NotAligned);
    assert!(row(102).cells.iter().all(Option::is_none));
    assert!(row(102).words > 20);
    assert_eq!(row(104).status, AnswerStatus::NoAnswerText);
    assert_eq!(row(104).words, 0);
}
