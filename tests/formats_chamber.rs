//! The Chamber's QRVA JSON (source `be-chamber`): one record and a list
//! response with several answers, both languages, glued text split into
//! parts, statuses; bad records give `path:line: message` and the rest
//! loads; a mixed folder is read with the right format per file.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jiff::civil::date;
use proptest::prelude::*;
use qreview::corpus::load::{SourceFile, load_paths, load_sources};
use qreview::corpus::{Corpus, EventKind, Lang, QuestionId, Source, Status};

const ONE: &[u8] = include_bytes!("fixtures/chamber/55-B012-3-0042-0000202100417.json");
const LIST: &[u8] = include_bytes!("fixtures/chamber/list-55-two-answers.json");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn file(path: &str, bytes: impl Into<Vec<u8>>) -> SourceFile {
    SourceFile {
        path: path.to_string(),
        bytes: Cow::Owned(bytes.into()),
    }
}

fn load(files: Vec<SourceFile>) -> Corpus {
    load_sources(files, &|_, _| {})
}

fn chamber(reference: &str) -> QuestionId {
    QuestionId::new(Source::BeChamber, reference)
}

fn qreview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// No parser panic was caught and turned into a diagnostic.
fn no_caught_panic(c: &Corpus) -> bool {
    c.diagnostics
        .iter()
        .all(|d| !d.message.contains("internal error"))
}

#[test]
fn one_record_in_both_languages() {
    let c = load(vec![file("c/one.json", ONE)]);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let q = c.get(chamber("55-B012-3-0042-0000202100417")).unwrap();
    assert_eq!(q.id.to_string(), "55 B012 Q0042");
    assert_eq!(q.source, Source::BeChamber);
    assert_eq!((q.legislature, q.number), (Some(55), Some(42)));
    assert_eq!(q.author.as_deref(), Some("Anna Vermeulen"));
    assert_eq!(q.party.as_deref(), Some("Groen"));
    assert_eq!(q.asked_in, Some(Lang::Nl));
    assert_eq!(q.sent(), Some(date(2021, 3, 15)));
    assert_eq!(q.deadline, Some(date(2021, 4, 15)), "a plausible DELAIDAT");
    assert_eq!(q.answered(), Some(date(2021, 5, 20)));
    assert_eq!(q.days_to_answer, Some(66));
    let answer_event = q
        .events
        .iter()
        .find(|e| e.kind == EventKind::Answer)
        .unwrap();
    assert_eq!(answer_event.label, "answer published (B012)");
    assert_eq!(q.state(), Status::Answered);
    // The written side is the asked language; the other is the translation.
    assert_eq!(
        q.title_in(Lang::Nl),
        Some("Gebruik van sociale media door Defensie")
    );
    assert_eq!(
        q.title_in(Lang::Fr),
        Some("Utilisation des médias sociaux par la Défense")
    );
    assert_eq!(q.ministry_in(Lang::Nl), Some("Landsverdediging"));
    assert_eq!(q.ministry_in(Lang::Fr), Some("Défense"));
    assert_eq!(
        q.descriptors_in(Lang::Nl),
        [
            "sociale media",
            "landsverdediging",
            "communicatie",
            "Facebook"
        ]
    );
    assert_eq!(q.descriptors_in(Lang::Fr)[0], "média social");
    // Glued sentences and sub-questions split back into parts.
    let nl = q.question_in(Lang::Nl);
    assert_eq!(nl.parts.len(), 3, "{}", nl.text.as_str());
    assert_eq!(nl.parts[1].label, "2.");
    assert!(
        nl.parts[1]
            .text
            .as_str()
            .starts_with("Hoeveel personeelsleden")
    );
    assert!(
        nl.text
            .as_str()
            .starts_with("Defensie is actief op verschillende sociale media.\nIk heb")
    );
    let fr = q.question_in(Lang::Fr);
    assert_eq!(fr.parts.len(), 3);
    assert!(fr.parts[2].text.as_str().starts_with("Quel en est le coût"));
    let answer_fr = q.answer_in(Lang::Fr).unwrap();
    let answer_nl = q.answer_in(Lang::Nl).unwrap();
    assert_eq!((answer_fr.parts.len(), answer_nl.parts.len()), (3, 3));
    assert!(answer_fr.text.as_str().contains("Cinq personnes"));
    assert!(answer_nl.text.as_str().contains("Vijf personen"));
    let published = answer_nl.published.as_ref().unwrap();
    assert_eq!(published.bulletin, "B012");
    assert_eq!(published.date, Some(date(2021, 5, 20)));
    assert_eq!(answer_nl.received, None, "published, not received");
}

#[test]
fn a_list_response_with_several_answers_and_states() {
    let c = load(vec![file("c/list.json", LIST)]);
    assert_eq!(c.questions.len(), 3);
    let q = c.get(chamber("55-B014-9-0007-0000202100522")).unwrap();
    assert_eq!(q.asked_in, Some(Lang::Fr));
    // The first answer is the answer, the second a further answer; each
    // publication is an event.
    assert!(
        q.answer
            .as_ref()
            .unwrap()
            .text
            .as_str()
            .contains("en cours")
    );
    assert_eq!(q.further_answers.len(), 1);
    assert_eq!(q.further_answers[0].parts.len(), 2);
    let published: Vec<_> = q
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Answer)
        .map(|e| e.date)
        .collect();
    assert_eq!(published, [date(2021, 6, 3), date(2021, 9, 15)]);
    assert_eq!(q.answered(), Some(date(2021, 6, 3)));
    // `{"br": null}` in one language: the other stands alone.
    assert_eq!(q.question_in(Lang::Nl).parts.len(), 2);
    // The DELAIDAT four years on is reported, not used.
    assert_eq!(q.deadline, None);
    let warning = c
        .diagnostics
        .iter()
        .find(|d| d.message.contains("DELAIDAT"))
        .unwrap();
    assert_eq!(warning.path, "c/list.json");
    assert_eq!(warning.line, Some(7));
    // A summary of a cancelled question is withdrawn, not unanswered.
    let withdrawn = c.get(chamber("55-B015-3-0051-0000202100600")).unwrap();
    assert_eq!(withdrawn.state(), Status::Withdrawn);
    assert!(withdrawn.is_metadata_only());
    let open = c.get(chamber("55-B016-3-0052-0000202100601")).unwrap();
    assert_eq!(open.state(), Status::Unanswered);
}

#[test]
fn a_list_summary_and_the_full_record_merge_into_one() {
    let summary = r#"{"start": 0, "total": 1, "items": [{
  "link": {"href": "http://data.dekamer.be/v0/qrva/55-B012-3-0042-0000202100417", "rel": "self"},
  "SDOCNAME": "55-B012-3-0042-0000202100417",
  "TITF": "Utilisation des médias sociaux par la Défense",
  "TITN": "Gebruik van sociale media door Defensie",
  "AUT": "Anna\n      Vermeulen,\n      Groen",
  "MAINTHESAF": "média social", "MAINTHESAN": "sociale media",
  "STATUSQ": "answerReceived",
  "DEPTF": "Ministre de la Défense", "DEPTN": "Minister van Defensie"
}]}"#;
    let c = load(vec![
        file("c/list.json", summary.as_bytes()),
        file("c/one.json", ONE),
    ]);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    assert_eq!(c.questions.len(), 1);
    let q = &c.questions[0];
    assert_eq!(q.state(), Status::Answered);
    assert_eq!(q.descriptors_in(Lang::Nl).len(), 4, "the full list kept");
    assert!(q.answer.is_some());
}

#[test]
fn bad_records_are_reported_and_the_rest_loads() {
    let broken = br#"{"items": [
  {"ID": 1, "LEGISL": 55, "DOCNAME": "x", "TITF": null},
  {"SDOCNAME": "55-B001-1-0001-0000000000001", "ID": 2, "DOCNAME": "1", "TEXTQF": {"br": null}, "TEXTQN": null, "DEPOTDAT": null, "AUT": null, "LANG": null, "DELAIDAT": "soon", "PUBLICA1": 7, "NUMA1": "x", "TEXTA1F": {"br": [null, 3]}},
  "not a record",
  {"SDOCNAME": "55-B001-1-0002-0000000000002", "TITN": "Goed", "DEPOTDAT": "20210101", "LANG": "N"}
]}"#;
    let c = load(vec![
        file("bad/list.json", broken.to_vec()),
        file("bad/truncated.json", ONE[..ONE.len() / 2].to_vec()),
        file(
            "bad/items.json",
            br#"{"items": {"SDOCNAME": "a-b"}}"#.to_vec(),
        ),
        file("good/one.json", ONE),
    ]);
    assert!(no_caught_panic(&c), "{:?}", c.diagnostics);
    assert!(c.get(chamber("55-B012-3-0042-0000202100417")).is_some());
    assert!(c.get(chamber("55-B001-1-0002-0000000000002")).is_some());
    let sparse = c.get(chamber("55-B001-1-0001-0000000000001")).unwrap();
    assert!(sparse.question.text.is_empty() && sparse.answer.is_none());
    let said = |path: &str, needle: &str| {
        c.diagnostics
            .iter()
            .any(|d| d.path == path && d.message.contains(needle))
    };
    assert!(said("bad/list.json", "record #1 has no SDOCNAME"));
    assert!(said("bad/list.json", "record #3 has no SDOCNAME"));
    assert!(said("bad/list.json", "has no question text"));
    assert!(said("bad/list.json", "has no DEPOTDAT"));
    assert!(said("bad/list.json", "DELAIDAT that is not a date"));
    assert!(said("bad/truncated.json", "not valid JSON"));
    assert!(said("bad/items.json", "\"items\" is not a list"));
    for d in &c.diagnostics {
        assert!(d.to_string().starts_with(&d.path), "{d}");
    }
}

#[test]
fn a_mixed_folder_is_read_with_the_right_format_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, to: &str| {
        std::fs::copy(fixtures().join(from), dir.path().join(to)).unwrap();
    };
    copy("layouts/fr-web-5-8916.txt", "5-8916.txt");
    copy("chamber/55-B012-3-0042-0000202100417.json", "qrva-one.json");
    copy("chamber/list-55-two-answers.json", "qrva-list.json");
    copy("release-0.1/corpus-v1.json", "corpus.json");
    // Content decides before the extension: a page saved as .json.
    copy("layouts/nl-web-5-8905.txt", "5-8905.json");
    let c = load_paths(&[dir.path().to_path_buf()], &|_, _| {});
    let formats: Vec<(String, Option<&str>)> = c
        .files
        .iter()
        .map(|f| {
            let name = Path::new(&f.path).file_name().unwrap().to_string_lossy();
            (name.into_owned(), f.format)
        })
        .collect();
    assert_eq!(
        formats,
        [
            ("5-8905.json".to_string(), Some("senate-text")),
            ("5-8916.txt".to_string(), Some("senate-text")),
            ("corpus.json".to_string(), Some("qreview-json")),
            ("qrva-list.json".to_string(), Some("be-chamber-qrva")),
            ("qrva-one.json".to_string(), Some("be-chamber-qrva")),
        ]
    );
    let sources: Vec<Source> = c.questions.iter().map(|q| q.source).collect();
    assert_eq!(
        sources.iter().filter(|s| **s == Source::BeSenate).count(),
        3
    );
    assert_eq!(
        sources.iter().filter(|s| **s == Source::BeChamber).count(),
        4
    );
    // Senate first, then the Chamber: ordered by source.
    assert!(sources.is_sorted());
    // Families never mix sources.
    for f in &c.families {
        assert!(f.members.iter().all(|m| m.id.source() == f.id.source()));
    }

    let path = dir.path().to_str().unwrap();
    let o = qreview(&["list", "--json", path]);
    let items: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let chamber_item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "55-B012-3-0042-0000202100417")
        .unwrap();
    assert_eq!(chamber_item["source"], "be-chamber");
    assert_eq!(chamber_item["format"], "be-chamber-qrva");
    let check = String::from_utf8(qreview(&["check", path]).stdout).unwrap();
    assert!(
        check.contains("qrva-one.json: read as be-chamber-qrva (1 found)"),
        "{check}"
    );
    assert!(
        check.contains("5-8916.txt: read as senate-text (1 found)"),
        "{check}"
    );
}

#[test]
fn ids_are_typed_qualified_bare_or_as_shown() {
    let dir = fixtures().join("chamber");
    let path = dir.to_str().unwrap();
    for typed in [
        "be-chamber:55-B012-3-0042-0000202100417",
        "55-B012-3-0042-0000202100417",
        "55 B012 Q0042",
    ] {
        let o = qreview(&["show", typed, path, "--json"]);
        assert!(
            o.status.success(),
            "{typed}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["id"], "55-B012-3-0042-0000202100417");
        assert_eq!(v["source"], "be-chamber");
    }
    let o = qreview(&["show", "be-chamber:55-B999-1-0001-1", path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not in this corpus"));
}

#[test]
fn a_reference_two_sources_share_is_ambiguous_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("layouts/fr-web-5-8916.txt"),
        dir.path().join("5-8916.txt"),
    )
    .unwrap();
    let clash = br#"{"items": [{"SDOCNAME": "5-8916", "TITF": "Homonyme", "LANG": "F"}]}"#;
    std::fs::write(dir.path().join("clash.json"), clash).unwrap();
    let path = dir.path().to_str().unwrap();
    let o = qreview(&["show", "5-8916", path]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("`5-8916` is ambiguous in this corpus: it could be be-chamber:5-8916 or be-senate:5-8916"),
        "{err}"
    );
    let o = qreview(&["show", "be-senate:5-8916", path, "--json"]);
    assert!(o.status.success());
    let notes = dir.path().join("notes.json");
    let o = qreview(&[
        "notes",
        "add",
        "be-chamber:5-8916",
        "the homonym",
        path,
        "--notes",
        notes.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let written = std::fs::read_to_string(&notes).unwrap();
    assert!(
        written.contains("\"question\": \"be-chamber:5-8916\""),
        "{written}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(100),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_chamber_records_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = LIST.to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let c = load(vec![file("m/qrva.json", bytes), file("good/one.json", ONE)]);
        prop_assert!(no_caught_panic(&c), "{:?}", c.diagnostics);
        prop_assert!(c.get(chamber("55-B012-3-0042-0000202100417")).is_some());
    }

    #[test]
    fn chamber_records_with_fields_nulled_never_panic(
        nulls in prop::collection::vec(any::<prop::sample::Index>(), 1..12),
    ) {
        let mut root: serde_json::Value = serde_json::from_slice(ONE).unwrap();
        let item = root["items"][0].as_object_mut().unwrap();
        let keys: Vec<String> = item.keys().cloned().collect();
        for n in nulls {
            let key = &keys[n.index(keys.len())];
            item.insert(key.clone(), serde_json::Value::Null);
        }
        let bytes = serde_json::to_vec(&root).unwrap();
        let c = load(vec![file("m/one.json", bytes)]);
        prop_assert!(no_caught_panic(&c), "{:?}", c.diagnostics);
    }
}
