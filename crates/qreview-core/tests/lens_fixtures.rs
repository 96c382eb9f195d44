//! The social-media lens on answers in French, Dutch and English: every
//! number form, negations, a platform named only in the question, an answer
//! that refers to another, and a UK-style answer with money.

use proptest::prelude::*;
use qreview_core::corpus::QuestionId;
use qreview_core::lens::{Catalog, Metric, extract_text};

const QUESTION_FR: &str = "1) Les SPF recourent-ils aux médias sociaux ? Par exemple Instagram ou @SPF_Finances sur Twitter ?";

fn lens(answer: &str, question: &str) -> qreview_core::lens::Lens {
    extract_text(answer, &[], question, Catalog::builtin())
}

#[test]
fn french_numbers_negations_and_question_only_platforms() {
    let a = "Le SPF dispose d'une page Facebook « SPF Santé » qui compte 1\u{a0}565 j'aime et 2\u{202f}085 abonnés. \
             Sur YouTube, nos vidéos ont 12.000 vues. Le SPF n'utilise aucune messagerie. \
             Nous ne disposons pas d'un compte TikTok. Le compte a été ouvert il y a environ 6 mois.";
    let l = lens(a, QUESTION_FR);
    let fb = l.fact("facebook").unwrap();
    assert!(fb.used);
    assert_eq!(fb.account.as_ref().unwrap().name, "SPF Santé");
    assert_eq!(fb.metric(Metric::Likes), Some(1565));
    assert_eq!(fb.metric(Metric::Followers), Some(2085));
    assert_eq!(
        l.fact("youtube").unwrap().metric(Metric::Views),
        Some(12000)
    );
    assert!(!l.fact("messaging").unwrap().used);
    assert!(!l.fact("tiktok").unwrap().used);
    // Instagram and Twitter are only in the question.
    assert!(l.fact("instagram").is_none() && l.fact("twitter").is_none());
    // No figure counts the six months.
    assert!(
        l.platforms
            .iter()
            .flat_map(|f| &f.metrics)
            .all(|m| m.value != 6)
    );
}

#[test]
fn dutch_forms_and_negations() {
    let a = "De FOD heeft een Facebookpagina met 1.565 vind-ik-leuks en een Twitteraccount @FODFin met 2,085 volgers en 648 tweets. \
             Wij hebben geen account op Instagram. De FOD maakt geen gebruik van LinkedIn. \
             Er is geen richtlijn; de communicatiecel volgt de statistieken op.";
    let l = lens(a, "");
    let fb = l.fact("facebook").unwrap();
    assert!(fb.used);
    assert_eq!(fb.metric(Metric::Likes), Some(1565));
    let tw = l.fact("twitter").unwrap();
    assert_eq!(tw.account.as_ref().unwrap().name, "@FODFin");
    assert_eq!(tw.metric(Metric::Followers), Some(2085));
    assert_eq!(tw.metric(Metric::Tweets), Some(648));
    assert!(!l.fact("instagram").unwrap().used);
    assert!(!l.fact("linkedin").unwrap().used);
    let kinds: Vec<(&str, bool)> = l
        .signals
        .iter()
        .map(|s| (s.kind.name(), s.present))
        .collect();
    assert!(kinds.contains(&("charter", false)));
    assert!(kinds.contains(&("team", true)));
    assert!(kinds.contains(&("evaluation", true)));
}

#[test]
fn no_social_media_at_all_and_references() {
    let l = lens(
        "Mon administration n'utilise aucun réseau social.",
        QUESTION_FR,
    );
    let none = l.fact("social_media").unwrap();
    assert!(!none.used);
    let l = lens(
        "I refer to the answer given by the Prime Minister to question 5-8900.",
        "",
    );
    assert!(l.platforms.is_empty());
    assert_eq!(l.refers_to.unwrap().ids, [QuestionId::senate(5, 8900)]);
}

#[test]
fn uk_style_answer_with_money_and_staff() {
    let a = "The Department spent £120,000 on paid social media advertising in 2022-23. \
             Two press officers (1.5 FTE) run our Twitter account @UKGovDept, which has 45,300 followers. \
             The Department does not use TikTok.";
    let l = lens(a, "");
    let sm = l.fact("social_media").unwrap();
    assert!(sm.used);
    let money = sm.money.as_ref().unwrap();
    assert_eq!((money.amount, money.currency.as_str()), (120_000.0, "GBP"));
    assert_eq!(&a[money.span.start..money.span.end], "£120,000");
    let tw = l.fact("twitter").unwrap();
    assert_eq!(tw.staff.as_ref().unwrap().fte, 1.5);
    assert_eq!(tw.account.as_ref().unwrap().name, "@UKGovDept");
    assert_eq!(tw.metric(Metric::Followers), Some(45_300));
    assert!(!l.fact("tiktok").unwrap().used);
}

/// Words the property test builds answers from: platform names, figures,
/// negations and filler, in three languages.
const PIECES: &[&str] = &[
    "Facebook",
    "Twitter",
    "X (formerly Twitter)",
    "Instagram",
    "YouTube",
    "Google+",
    "TikTok",
    "page",
    "compte",
    "account",
    "Facebookpagina",
    "1 565",
    "1.565",
    "1,565",
    "2\u{a0}085",
    "likes",
    "volgers",
    "abonnés",
    "tweets",
    "€",
    "£",
    "120,000",
    "ETP",
    "FTE",
    "n'utilise",
    "aucun",
    "geen",
    "niet",
    "does not use",
    "réseau social",
    "médias sociaux",
    "«",
    "»",
    "\"",
    "@Handle_1",
    ".",
    ",",
    ";",
    ":",
    "\n",
    "2.",
    "a.",
    "mais",
    "charte",
    "é",
    "’",
    "6 mois",
];

proptest! {
    #[test]
    fn never_panics_and_spans_stay_inside_naming_their_platform(
        picks in proptest::collection::vec(0..PIECES.len(), 0..60),
        question in proptest::collection::vec(0..PIECES.len(), 0..10),
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let q: String = question.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let catalog = Catalog::builtin();
        let l = extract_text(&text, &[], &q, catalog);
        for f in &l.platforms {
            let def = &catalog.platforms()[catalog.index_of(&f.id).unwrap()];
            for m in &f.mentions {
                prop_assert!(m.start <= m.end && m.end <= text.len());
                let seen = text[m.start..m.end].to_lowercase();
                prop_assert!(
                    def.aliases.iter().chain(&def.exact).any(|a| seen.contains(&a.to_lowercase())),
                    "{} does not name {}", seen, f.id
                );
            }
            for s in f.metrics.iter().map(|m| &m.span).chain(f.account.iter().map(|a| &a.span)) {
                prop_assert!(s.start <= s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
        for s in &l.signals {
            prop_assert!(s.span.end <= text.len());
        }
    }
}
