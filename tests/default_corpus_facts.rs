//! The embedded default corpus agrees with the facts table it was built from.

use qreview::corpus::{EventKind, embedded};

const TSV: &str = include_str!("fixtures/senate-5-8900-siblings.tsv");

#[test]
fn every_row_of_facts_is_in_the_corpus_and_nothing_more() {
    let corpus = embedded::load();
    let mut rows = TSV.lines();
    let header: Vec<&str> = rows.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let mut with_facts = 0;
    for row in rows {
        let cells: Vec<&str> = row.split('\t').collect();
        let cell = |name: &str| cells.get(col(name)).copied().unwrap_or("");
        let id = cell("number").parse().unwrap();
        let family = corpus
            .family_of(id)
            .expect("every number is a family member");
        assert_eq!(family.members.len(), 19);
        if cell("sent").is_empty() {
            assert!(corpus.get(id).is_none(), "{id} has no facts: a placeholder");
            continue;
        }
        with_facts += 1;
        let q = corpus.get(id).unwrap();
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        assert_eq!(q.author, opt(cell("author")), "{id}");
        assert_eq!(q.party, opt(cell("party")), "{id}");
        let fr = opt(cell("addressee_fr"));
        let nl = opt(cell("addressee_nl"));
        assert_eq!(q.addressee, fr.clone().or(nl.clone()), "{id}");
        if fr.is_some() {
            assert_eq!(q.translation.addressee, nl, "{id}");
        }
        assert_eq!(
            q.asked_in.map(|l| l.code().to_string()),
            opt(cell("asked_in")),
            "{id}"
        );
        assert_eq!(q.sent().map(|d| d.to_string()), opt(cell("sent")), "{id}");
        assert_eq!(
            q.answered().map(|d| d.to_string()),
            opt(cell("answered")),
            "{id}"
        );
        let reminders: Vec<String> = q
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Reminder)
            .map(|e| e.date.to_string())
            .collect();
        assert_eq!(
            reminders,
            cell("reminders")
                .split([';', ','])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>(),
            "{id}"
        );
        assert_eq!(q.url, opt(cell("source_url")), "{id}");
        assert_eq!(q.siblings.len(), 18, "{id}");
        assert_eq!(
            q.question.parts.len(),
            4,
            "{id}: the circular question from the seed"
        );
        if q.id.senate_parts().unwrap().1 != 8902 {
            assert!(q.answer.is_none(), "{id}: no answer text is invented");
        }
    }
    assert_eq!(with_facts, corpus.questions.len());
}
