//! Every Senate text layout, parsed from fixtures written after the layouts in
//! `facts/senate-page-layouts.md`, and the seed document itself.

use std::path::PathBuf;

use jiff::civil::date;
use qreview::corpus::{Boundary, Corpus, EventKind, Lang, Question, QuestionId, load};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layouts")
        .join(name)
}

fn load_one(name: &str) -> Corpus {
    load::load_paths(&[fixture(name)], &|_, _| {})
}

fn only(corpus: &Corpus) -> &Question {
    assert_eq!(corpus.questions.len(), 1, "{:?}", corpus.diagnostics);
    &corpus.questions[0]
}

fn id(s: &str) -> QuestionId {
    s.parse().unwrap()
}

fn kinds(q: &Question) -> Vec<(jiff::civil::Date, EventKind)> {
    q.events.iter().map(|e| (e.date, e.kind)).collect()
}

#[test]
fn seed_alone_parses_with_inferred_id_and_boundary() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("crates/qreview-core/assets/000_2da824b8edb94aec.txt");
    let corpus = load::load_paths(&[path], &|_, _| {});
    let q = only(&corpus);
    assert_eq!(q.id, id("5-8902"));
    assert!(q.id_inferred);
    assert_eq!(q.descriptors.len(), 5);
    assert_eq!(q.descriptors[4], "médias sociaux");
    assert_eq!(
        kinds(q),
        vec![
            (date(2013, 4, 30), EventKind::Sent),
            (date(2013, 12, 18), EventKind::Reminder),
            (date(2014, 2, 17), EventKind::Answer)
        ]
    );
    assert_eq!(q.siblings.len(), 18);
    assert!(!q.siblings.contains(&id("5-8902")));
    let labels: Vec<&str> = q.question.parts.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["1)", "2)", "3)", "4)"]);
    let answer = q.answer.as_ref().unwrap();
    let labels: Vec<&str> = answer.parts.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["1.", "2.", "3.", "4."]);
    assert_eq!(answer.boundary, Boundary::Inferred);
    assert!(answer.parts[1].text.starts_with("a. Depuis"));
    assert!(
        answer.parts[1]
            .text
            .contains("\nb. Au sujet du compte Twitter")
    );
    assert_eq!(q.days_to_answer, Some(293));
    assert_eq!(q.author, None, "the stripped page names no author");
    assert_eq!((q.origin.first_line, q.origin.last_line), (1, 56));
    assert!(
        q.title
            .as_deref()
            .unwrap()
            .starts_with("Services publics fédéraux")
    );
    assert_eq!(corpus.error_count(), 0);
}

#[test]
fn default_corpus_adds_the_metadata() {
    let corpus = qreview::corpus::embedded::load();
    assert_eq!(corpus.error_count(), 0, "{:?}", corpus.diagnostics);
    let q = corpus.get(id("5-8902")).unwrap();
    assert!(q.id_inferred);
    assert_eq!(q.author.as_deref(), Some("Martine Taelman"));
    assert_eq!(q.party.as_deref(), Some("Open Vld"));
    assert_eq!(
        q.addressee.as_deref(),
        Some(
            "au vice-premier ministre et ministre des Affaires étrangères, du Commerce extérieur et des Affaires européennes"
        )
    );
    assert_eq!(q.ministry.as_deref(), Some("Affaires étrangères"));
    assert_eq!(q.asked_in, Some(Lang::Nl));
    assert_eq!(q.days_to_answer, Some(293));
    assert!(q.answer.is_some());
    // One family of nineteen: eleven known, eight placeholders.
    assert_eq!(corpus.families.len(), 1);
    let family = &corpus.families[0];
    assert_eq!(family.members.len(), 19);
    assert_eq!(family.loaded(), 11);
    assert!(corpus.get(id("5-8907")).is_none());
    // Siblings with facts carry the circular question but no answer text.
    let q = corpus.get(id("5-8904")).unwrap();
    assert_eq!(q.question.parts.len(), 4);
    assert!(q.answer.is_none());
    assert_eq!(q.answered(), Some(date(2013, 5, 8)));
    assert_eq!(
        q.translation.title.as_deref(),
        Some("Federale overheidsdiensten - Communicatie met burgers - Gebruik van sociale media")
    );
    // 5-8903's own page names no author: none is invented.
    assert_eq!(corpus.get(id("5-8903")).unwrap().author, None);
}

#[test]
fn french_web_page() {
    let corpus = load_one("fr-web-5-8916.txt");
    let q = only(&corpus);
    assert_eq!(q.id, id("5-8916"));
    assert!(!q.id_inferred);
    assert_eq!(
        (q.author.as_deref(), q.party.as_deref()),
        (Some("Martine Taelman"), Some("Open Vld"))
    );
    assert!(
        q.addressee
            .as_deref()
            .unwrap()
            .starts_with("à la secrétaire d'État à l'Asile")
    );
    assert_eq!(q.asked_in, Some(Lang::Nl));
    assert_eq!(q.date, Some(date(2013, 4, 30)));
    assert_eq!(q.descriptors.len(), 5);
    assert_eq!(
        kinds(q),
        vec![
            (date(2013, 4, 30), EventKind::Sent),
            (date(2013, 6, 4), EventKind::Answer)
        ]
    );
    assert_eq!(q.siblings.len(), 18);
    assert_eq!(q.question.parts.len(), 4);
    assert!(q.question.text.starts_with("Ces dernières années"));
    let a = q.answer.as_ref().unwrap();
    assert_eq!(a.boundary, Boundary::Marker);
    assert_eq!(a.received, Some(date(2013, 6, 4)));
    assert_eq!(a.parts.len(), 4);
    assert_eq!(
        a.parts[1].text,
        "a. Réponse de test, premier point.\nb. Réponse de test, second point."
    );
    assert!(a.text.starts_with("Texte de réponse fictif"));
    assert_eq!(q.days_to_answer, Some(35));
    assert_eq!(corpus.warning_count(), 0, "{:?}", corpus.diagnostics);
}

#[test]
fn dutch_web_page_with_repaired_body() {
    let corpus = load_one("nl-web-5-8905.txt");
    let q = only(&corpus);
    assert_eq!(q.id, id("5-8905"));
    assert_eq!(
        q.title.as_deref(),
        Some("Federale overheidsdiensten - Communicatie met burgers - Gebruik van sociale media")
    );
    assert_eq!(
        q.addressee.as_deref(),
        Some("aan de vice-eersteminister en minister van Binnenlandse Zaken en Gelijke Kansen")
    );
    assert_eq!(q.ministry.as_deref(), Some("Binnenlandse Zaken"));
    assert_eq!(q.asked_in, Some(Lang::Nl));
    assert_eq!(q.events[0].label, "Verzending vraag");
    assert_eq!(q.days_to_answer, Some(171));
    assert!(q.question.text.contains("(potentiële) klanten"));
    assert!(q.question.text.contains("officiële persberichten"));
    let a = q.answer.as_ref().unwrap();
    assert_eq!(a.received, Some(date(2013, 10, 18)));
    assert!(a.text.contains("Viscoöperatie"));
    let repairs: Vec<_> = corpus
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("mis-decoded"))
        .collect();
    assert_eq!(repairs.len(), 2);
    assert!(repairs[0].to_string().contains("nl-web-5-8905.txt:33:"));
}

#[test]
fn french_print() {
    let corpus = load_one("fr-print-5-8913.txt");
    let q = only(&corpus);
    assert_eq!(q.id, id("5-8913"));
    assert_eq!(q.author.as_deref(), Some("Martine Taelman"));
    assert_eq!(q.ministry.as_deref(), Some("Environnement"));
    assert_eq!(q.date, Some(date(2013, 4, 30)));
    assert_eq!(q.descriptors.len(), 5);
    assert_eq!(q.siblings.len(), 18);
    assert_eq!(q.asked_in, Some(Lang::Nl));
    let a = q.answer.as_ref().unwrap();
    assert!(a.parts.is_empty(), "an unnumbered answer has no parts");
    assert_eq!(q.days_to_answer, Some(129));
}

#[test]
fn dutch_print_with_french_author_preposition() {
    let corpus = load_one("nl-print-5-8902.txt");
    let q = only(&corpus);
    assert_eq!(q.id, id("5-8902"));
    assert_eq!(q.author.as_deref(), Some("Martine Taelman"));
    assert_eq!(q.ministry.as_deref(), Some("Buitenlandse Zaken"));
    assert_eq!(q.events.len(), 3);
    assert_eq!(q.events[1].kind, EventKind::Reminder);
    assert_eq!(q.days_to_answer, Some(293));
    assert_eq!(q.question.parts.len(), 4);
    assert!(q.answer.is_none(), "no answer text on this page");
}

#[test]
fn bilingual_print_counts_repeats_once() {
    let corpus = load_one("bilingual-print-5-8904.txt");
    let q = only(&corpus);
    assert_eq!(q.id, id("5-8904"));
    assert_eq!(q.events.len(), 2, "chronology printed twice, counted once");
    assert_eq!(
        q.siblings.len(),
        18,
        "cross-references printed twice, counted once"
    );
    assert_eq!(
        q.title.as_deref(),
        Some(
            "Services publics fédéraux - Communication avec les citoyens - Recours aux médias sociaux"
        )
    );
    assert_eq!(
        q.translation.title.as_deref(),
        Some("Federale overheidsdiensten - Communicatie met burgers - Gebruik van sociale media")
    );
    assert_eq!(q.descriptors[0], "ministère");
    assert_eq!(q.translation.descriptors[0], "ministerie");
    assert_eq!(
        q.addressee.as_deref(),
        Some("au vice-premier ministre et ministre des Pensions")
    );
    assert_eq!(
        q.translation.addressee.as_deref(),
        Some("aan de vice-eersteminister en minister van Pensioenen")
    );
    assert_eq!(q.asked_in, None, "the excerpt has no language line");
    assert!(q.question.text.is_empty());
    assert_eq!(q.days_to_answer, Some(8));
}

#[test]
fn stripped_page_takes_its_id_from_the_file_name() {
    let corpus = load_one("stripped-5-8903.txt");
    let q = only(&corpus);
    assert_eq!(q.id, id("5-8903"));
    assert!(!q.id_inferred);
    assert_eq!(q.author, None);
    assert!(q.answer.is_none());
    assert_eq!(q.days_to_answer, Some(29));
}

#[test]
fn chronology_extras_and_typed_links() {
    let corpus = load_one("fr-web-extras-8-101.txt");
    let q = only(&corpus);
    assert_eq!(q.deadline, Some(date(2023, 4, 6)));
    assert_eq!(q.reminders().len(), 2);
    let other = q
        .events
        .iter()
        .find(|e| e.kind == EventKind::Other)
        .unwrap();
    assert_eq!(other.label, "Dossier clôturé");
    assert_eq!(q.siblings, vec![id("8-100")]);
    let links: Vec<(&str, &str)> = q
        .links
        .iter()
        .map(|l| (l.kind.as_str(), l.id.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("reintroduced_as", "9-804"),
            ("reintroduction_of", "7-3802"),
            ("requalification_of", "8-3466")
        ]
    );
    assert_eq!(q.asked_in, Some(Lang::Fr));
    assert!(q.answer.is_none());

    let corpus = load_one("nl-web-extras-8-102.txt");
    let q = only(&corpus);
    assert_eq!(q.deadline, Some(date(2010, 3, 4)));
    assert_eq!(q.events[1].label, "Einde zittingsperiode");
    assert_eq!(q.events[1].kind, EventKind::Other);
    assert!(q.siblings.is_empty());
    assert_eq!(q.links[0].kind, "requalification_of");
    assert_eq!(q.asked_in, Some(Lang::Fr));
    assert_eq!(q.question.text, "Fictieve vraagtekst zonder antwoord.");
}

#[test]
fn a_folder_loads_recursively_into_families() {
    let corpus = load::load_paths(&[fixture("")], &|_, _| {});
    assert_eq!(corpus.error_count(), 0, "{:?}", corpus.diagnostics);
    assert_eq!(corpus.questions.len(), 8);
    let family = corpus.family_of(id("5-8902")).unwrap();
    assert_eq!(family.members.len(), 19);
    assert_eq!(family.loaded(), 6);
}

#[test]
fn one_file_may_hold_several_pages() {
    let a = std::fs::read_to_string(fixture("fr-web-5-8916.txt")).unwrap();
    let b = std::fs::read_to_string(fixture("nl-web-5-8905.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("both.txt");
    std::fs::write(&path, format!("{a}{b}")).unwrap();
    let corpus = load::load_paths(&[path], &|_, _| {});
    assert_eq!(corpus.questions.len(), 2, "{:?}", corpus.diagnostics);
    let first = corpus.get(id("5-8905")).unwrap();
    let second = corpus.get(id("5-8916")).unwrap();
    let a_lines = a.lines().count();
    assert_eq!(
        (second.origin.first_line, second.origin.last_line),
        (1, a_lines)
    );
    assert_eq!(first.origin.first_line, a_lines + 1);
    assert!(
        second
            .answer
            .as_ref()
            .unwrap()
            .text
            .ends_with("quatrième question.")
    );
}

#[test]
fn no_break_spaces_in_labels_are_read_like_spaces() {
    let page = std::fs::read_to_string(fixture("fr-web-5-8916.txt"))
        .unwrap()
        .replace(" : ", "\u{a0}: ")
        .replace(
            "Réponse reçue le 4 juin 2013 :",
            "Réponse\u{a0}reçue le 4\u{a0}juin 2013\u{202f}: Texte sur la même ligne.",
        )
        .replace("n° 5-8916", "n°\u{a0}5-8916");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    std::fs::write(&path, page).unwrap();
    let corpus = load::load_paths(&[path], &|_, _| {});
    let q = only(&corpus);
    assert_eq!(q.id, id("5-8916"));
    assert_eq!(q.siblings.len(), 18);
    assert_eq!(q.asked_in, Some(Lang::Nl));
    let a = q.answer.as_ref().expect("the marker is found");
    assert_eq!(a.received, Some(date(2013, 6, 4)));
    assert!(
        a.text.starts_with("Texte sur la même ligne."),
        "{}",
        &a.text[..40]
    );
    assert_eq!(a.parts.len(), 4);
}

#[test]
fn answer_text_on_the_marker_line_is_kept_with_or_without_a_colon() {
    for (marker, first) in [
        (
            "Réponse reçue le 4 juin 2013 Le ministre répond.",
            "Le ministre répond.",
        ),
        (
            "Réponse reçue le 4 juin 2013 Le ministre répond: voici.",
            "Le ministre répond: voici.",
        ),
        (
            "Réponse reçue le 4\u{a0}juin 2013\u{a0}: Le ministre\u{a0}répond.",
            "Le ministre\u{a0}répond.",
        ),
    ] {
        let page = std::fs::read_to_string(fixture("fr-web-5-8916.txt"))
            .unwrap()
            .replace("Réponse reçue le 4 juin 2013 :", marker);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.txt");
        std::fs::write(&path, page).unwrap();
        let corpus = load::load_paths(&[path], &|_, _| {});
        let a = only(&corpus).answer.clone().expect("an answer");
        assert!(
            a.text.starts_with(first),
            "{marker:?} gave {:?}",
            &a.text[..30]
        );
        assert_eq!(a.received, Some(date(2013, 6, 4)));
    }
}
