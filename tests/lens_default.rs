//! The social-media lens on the default corpus: 5-8902's answer (the seed)
//! gives exactly the facts its text states.

use qreview::corpus::{QuestionId, embedded};
use qreview::lens::{Catalog, Metric, SignalKind, extract};

#[test]
fn seed_answer_gives_exactly_its_platforms_accounts_and_figures() {
    let corpus = embedded::load();
    let q = corpus.get(QuestionId::new(5, 8902)).unwrap();
    let lens = extract(q, Catalog::builtin());
    let text = &q.answer.as_ref().unwrap().text;
    let fb = lens.fact("facebook").expect("Facebook");
    assert!(fb.used);
    assert_eq!(fb.account.as_ref().unwrap().name, "Diplomatie.Belgium");
    assert_eq!(fb.metrics.len(), 1);
    assert_eq!(fb.metric(Metric::Likes), Some(1565));
    let likes = &fb.metrics[0].span;
    assert_eq!(&text[likes.start..likes.end], "1 565 likes");
    assert_eq!(likes.part.as_deref(), Some("2."));

    let tw = lens.fact("twitter").expect("Twitter");
    assert!(tw.used);
    assert_eq!(tw.account.as_ref().unwrap().name, "Belgium MFA");
    assert_eq!(tw.metrics.len(), 2);
    assert_eq!(tw.metric(Metric::Tweets), Some(648));
    assert_eq!(tw.metric(Metric::Followers), Some(2085));

    // The answer also names three accounts without figures ("Nous avons
    // également un compte Google+, un compte Vimeo et Youtube"); nothing
    // else is used, and nothing is said not to be used.
    let others: Vec<(&str, bool)> = lens
        .platforms
        .iter()
        .filter(|f| f.id != "facebook" && f.id != "twitter")
        .map(|f| (f.id.as_str(), f.used))
        .collect();
    assert_eq!(
        others,
        [("youtube", true), ("vimeo", true), ("googleplus", true)]
    );
    for f in lens
        .platforms
        .iter()
        .filter(|f| f.id != "facebook" && f.id != "twitter")
    {
        assert!(
            f.account.is_none() && f.metrics.is_empty() && f.money.is_none(),
            "{}",
            f.id
        );
    }
    // Every span's text contains the platform's name.
    for f in &lens.platforms {
        for m in &f.mentions {
            assert!(
                text[m.start..m.end]
                    .to_lowercase()
                    .contains(&f.name.to_lowercase()[..4])
            );
        }
    }
    // Guidelines ("instructions") and a review ("peer review") are said;
    // the answer refers to no other answer.
    let kinds: Vec<SignalKind> = lens
        .signals
        .iter()
        .filter(|s| s.present)
        .map(|s| s.kind)
        .collect();
    assert!(kinds.contains(&SignalKind::Charter) && kinds.contains(&SignalKind::Moderation));
    assert!(lens.refers_to.is_none());
}

#[test]
fn question_only_platforms_and_handles_are_not_facts() {
    let corpus = embedded::load();
    let q = corpus.get(QuestionId::new(5, 8902)).unwrap();
    // The question names @SPF_Finances, @belgiumbe and Twitter: none of it
    // is the answer's.
    assert!(q.question.text.contains("@SPF_Finances"));
    let lens = extract(q, Catalog::builtin());
    let tw = lens.fact("twitter").unwrap();
    assert!(!tw.account.as_ref().unwrap().name.starts_with('@'));
}
