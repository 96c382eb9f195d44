//! The analysis library on the embedded default corpus (5-8902 and its 18
//! siblings): what the Timeline and Compare views will show for it.

use jiff::civil::date;
use qreview::analysis::align::{self, AnswerStatus};
use qreview::analysis::axis::DateAxis;
use qreview::analysis::timeline::{self, SortKey};
use qreview::analysis::{figures, shared};
use qreview::corpus::{QuestionId, embedded};

fn id(n: u32) -> QuestionId {
    QuestionId::senate(5, n)
}

#[test]
fn timeline_of_the_default_family() {
    let corpus = embedded::load();
    let family = corpus.family_of(id(8902)).unwrap();
    let mut rows = timeline::rows(&corpus, family, date(2025, 1, 1));
    assert_eq!(rows.len(), 19);
    timeline::sort_rows(&mut rows, SortKey::Days);
    let dated: Vec<(u32, i64)> = rows
        .iter()
        .filter_map(|r| {
            r.bar
                .map(|b| (r.member.id.senate_parts().unwrap().1, b.days))
        })
        .collect();
    assert_eq!(dated.len(), 11);
    assert_eq!(dated[0], (8904, 8));
    assert_eq!(dated[10], (8902, 293));
    assert!(rows.iter().all(|r| r.bar.is_none_or(|b| !b.open)));
    let reminded: Vec<u32> = rows
        .iter()
        .filter(|r| !r.member.reminders.is_empty())
        .map(|r| r.member.id.senate_parts().unwrap().1)
        .collect();
    assert_eq!(reminded, [8906, 8902]);

    // The figures panel agrees with the rows.
    let f = figures::family(&corpus, family);
    assert_eq!(f.fastest.map(|e| (e.id, e.days)), Some((id(8904), 8)));
    assert_eq!(f.slowest.map(|e| (e.id, e.days)), Some((id(8902), 293)));
    assert_eq!(f.reminded, 2);

    // A shared axis over the family: the 5-8902 bar spans it.
    let (start, end) = timeline::date_range(&rows).unwrap();
    let axis = DateAxis::new(start, end, 100);
    let bar = rows
        .iter()
        .find(|r| r.member.id == id(8902))
        .unwrap()
        .bar
        .unwrap();
    assert_eq!((axis.column(bar.start), axis.column(bar.end)), (0, 99));
    let ticks = axis.ticks();
    assert_eq!(ticks.first().map(|t| t.label.as_str()), Some("May 2013"));
    assert!(ticks.len() >= 5);
}

#[test]
fn compare_5_8902_with_a_sibling_without_answer_text() {
    let corpus = embedded::load();
    let al = align::align_questions(&corpus, &[id(8902), id(8904)]);
    assert_eq!(
        al.columns.iter().map(|c| c.status).collect::<Vec<_>>(),
        [AnswerStatus::Aligned, AnswerStatus::NoAnswerText]
    );
    assert_eq!(al.rows.len(), 4);
    let labels: Vec<(&str, &str)> = al
        .rows
        .iter()
        .map(|r| (r.label, r.answers[0].as_ref().unwrap().label))
        .collect();
    assert_eq!(
        labels,
        [("1)", "1."), ("2)", "2."), ("3)", "3."), ("4)", "4.")]
    );
    let part2 = al.rows[1].answers[0].as_ref().unwrap();
    let subs = align::sub_parts(part2.text);
    assert_eq!(
        subs.iter().map(|s| s.label).collect::<Vec<_>>(),
        ["a.", "b."]
    );
    assert!(subs[1].text.starts_with("Au sujet du compte Twitter"));
    assert!(al.rows.iter().all(|r| r.answers[1].is_none()));
}

#[test]
fn the_answer_shares_nothing_with_its_question() {
    // The question and the answer of 5-8902 use the same vocabulary (SPF,
    // médias sociaux, compétence) but no passage is copied between them.
    let corpus = embedded::load();
    let q = corpus.get(id(8902)).unwrap();
    let s = shared::shared_passages(&q.question.text, &q.answer.as_ref().unwrap().text);
    assert!(s.is_empty(), "{s:?}");
}
