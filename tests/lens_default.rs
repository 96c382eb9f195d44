//! The social-media lens on the default corpus: 5-8902's answer (the seed)
//! gives exactly the facts its text states.

use qreview::corpus::{QuestionId, embedded};
use qreview::lens::{Catalog, Metric, SignalKind, extract};

#[test]
fn seed_answer_gives_exactly_its_platforms_accounts_and_figures() {
    let corpus = embedded::load();
    let q = corpus.get(QuestionId::senate(5, 8902)).unwrap();
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
    let q = corpus.get(QuestionId::senate(5, 8902)).unwrap();
    // The question names @SPF_Finances, @belgiumbe and Twitter: none of it
    // is the answer's.
    assert!(q.question.text.contains("@SPF_Finances"));
    let lens = extract(q, Catalog::builtin());
    let tw = lens.fact("twitter").unwrap();
    assert!(!tw.account.as_ref().unwrap().name.starts_with('@'));
}

fn qreview(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .env("QREVIEW_NOTES", dir.path().join("notes.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn show_json_has_the_platforms_field() {
    let v: serde_json::Value =
        serde_json::from_str(&qreview(&["show", "5-8902", "--json"])).unwrap();
    let p = &v["platforms"];
    assert_eq!(p[0]["platform"], "Facebook");
    assert_eq!(p[0]["used"], true);
    assert_eq!(p[0]["account"], "Diplomatie.Belgium");
    assert_eq!(p[0]["metrics"], serde_json::json!({"likes": 1565}));
    assert_eq!(p[0]["part"], "1.");
    let (s, e) = (
        p[0]["start"].as_u64().unwrap() as usize,
        p[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&v["answer"]["text"].as_str().unwrap()[s..e], "Facebook");
    assert_eq!(
        p[1]["metrics"],
        serde_json::json!({"tweets": 648, "followers": 2085})
    );
    assert!(p[1].get("money").is_none());
}

#[test]
fn platforms_command_prints_the_table_as_text_and_csv() {
    let text = qreview(&["platforms"]);
    assert!(
        text.contains("Facebook  used · Diplomatie.Belgium · 1,565 likes"),
        "{text}"
    );
    assert!(
        text.contains("5-8900  Premier ministre\n  (no answer text in this corpus)"),
        "{text}"
    );
    let csv = qreview(&["platforms", "--csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("question,ministry,platform,state,account,likes,followers,tweets")
    );
    assert!(
        csv.contains("5-8902,Affaires étrangères,Twitter,used,Belgium MFA,,2085,648,"),
        "{csv}"
    );
}

#[test]
fn exports_carry_the_table() {
    let md = qreview(&["export", "--format", "markdown"]);
    assert!(md.contains("## Social media"), "{md}");
    assert!(
        md.contains("| 5-8902 | Affaires étrangères | used · Diplomatie.Belgium · 1,565 likes |"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&qreview(&["export", "--format", "json"])).unwrap();
    assert!(
        json["platforms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["question"] == "5-8902")
    );
}
