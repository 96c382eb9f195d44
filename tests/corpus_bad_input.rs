//! Bad input never stops a load and never panics: each file yields
//! `path:line: message` diagnostics and the rest of the corpus still loads.

use std::borrow::Cow;

use proptest::prelude::*;
use qreview::corpus::load::{SourceFile, load_sources};
use qreview::corpus::{Corpus, QuestionId};

const SEED: &[u8] = include_bytes!("../crates/qreview-core/assets/000_2da824b8edb94aec.txt");
/// Pages in every layout, to mutate.
const PAGES: [&[u8]; 5] = [
    SEED,
    include_bytes!("fixtures/layouts/fr-web-5-8916.txt"),
    include_bytes!("fixtures/layouts/nl-web-5-8905.txt"),
    include_bytes!("fixtures/layouts/bilingual-print-5-8904.txt"),
    include_bytes!("fixtures/layouts/fr-print-5-8913.txt"),
];
/// The same pages as the Senate serves them (HTML), to mutate.
const HTML_PAGES: [&[u8]; 4] = [
    include_bytes!("fixtures/html/fr-web-5-8916.html"),
    include_bytes!("fixtures/html/nl-web-5-8905.html"),
    include_bytes!("fixtures/html/bilingual-print-5-8904.html"),
    include_bytes!("fixtures/html/fr-print-5-8913.html"),
];
const FAMILY: &[u8] = include_bytes!("../crates/qreview-core/assets/senate-5-8900-family.json");

fn file(path: &str, bytes: impl Into<Vec<u8>>) -> SourceFile {
    SourceFile {
        path: path.to_string(),
        bytes: Cow::Owned(bytes.into()),
    }
}

fn load(files: Vec<SourceFile>) -> Corpus {
    load_sources(files, &|_, _| {})
}

/// The good part of every corpus below: one well-formed page.
fn good() -> SourceFile {
    file("good/5-8902.txt", SEED)
}

/// No parser panic was caught and turned into a diagnostic: the loader
/// catches panics, so "never panics" must be checked here.
fn no_caught_panic(c: &Corpus) -> bool {
    c.diagnostics
        .iter()
        .all(|d| !d.message.contains("internal error"))
}

fn assert_good_still_loads(c: &Corpus) {
    let q = c
        .get("5-8902".parse().unwrap())
        .expect("the good file still loads");
    assert_eq!(q.days_to_answer, Some(293));
}

fn messages(c: &Corpus) -> Vec<String> {
    c.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn empty_file() {
    let c = load(vec![file("bad/empty.txt", ""), good()]);
    assert_good_still_loads(&c);
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.starts_with("bad/empty.txt: error: empty file")),
        "{:?}",
        messages(&c)
    );
}

#[test]
fn binary_file() {
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let c = load(vec![file("bad/image.txt", bytes), good()]);
    assert_good_still_loads(&c);
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.contains("bad/image.txt") && m.contains("binary"))
    );
}

#[test]
fn truncated_page() {
    // Cut inside the sibling list, before the gap that would give the id.
    let at = std::str::from_utf8(SEED).unwrap().find("5-8903").unwrap();
    let cut = &SEED[..at];
    let c = load(vec![file("bad/truncated.txt", cut), good()]);
    assert_good_still_loads(&c);
    let m = messages(&c);
    assert!(
        m.iter()
            .any(|m| m.starts_with("bad/truncated.txt:1: error: no question id")),
        "{m:?}"
    );
}

/// True when no parser panicked: the loader contains a panic as an
/// "internal error" diagnostic, so "never panics" must look for one.
fn no_internal_error(c: &Corpus) -> bool {
    !c.diagnostics
        .iter()
        .any(|d| d.message.contains("internal error"))
}

#[test]
fn a_huge_header_line_is_cut_with_a_warning() {
    let title = "médias sociaux ".repeat(100_000);
    let page = format!("Question écrite n° 5-1234\n{title}\nQuestion\nText.\n");
    let c = load(vec![file("bad/5-1234.txt", page)]);
    let q = c
        .get("5-1234".parse().unwrap())
        .expect("the question loads");
    let kept = q.title.as_deref().unwrap_or("");
    assert!(!kept.is_empty() && kept.len() <= 4096, "{}", kept.len());
    assert!(title.starts_with(kept));
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.starts_with("bad/5-1234.txt:2: warning: the title is longer than 4 kB")),
        "{:?}",
        messages(&c)
    );
    assert!(no_internal_error(&c));
}

#[test]
fn a_stray_byte_keeps_a_utf8_page_utf8() {
    // The French web page, valid UTF-8, with one stray byte at its end.
    let mut page = include_bytes!("fixtures/layouts/fr-web-5-8916.txt").to_vec();
    page.push(0xC3);
    let c = load(vec![file("bad/page.txt", page)]);
    assert_eq!(c.questions.len(), 1, "{:?}", messages(&c));
    let q = c.get("5-8916".parse().unwrap()).expect("the id is read");
    assert!(
        q.title.as_deref().unwrap_or("").contains("médias"),
        "{:?}",
        q.title
    );
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.contains("not valid UTF-8 with U+FFFD")),
        "{:?}",
        messages(&c)
    );
}

#[test]
fn utf16_is_named() {
    let text = "Question écrite n° 5-1236\nTitre\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let c = load(vec![file("bad/utf16.txt", bytes), good()]);
    assert_good_still_loads(&c);
    assert!(
        messages(&c)
            .iter()
            .any(|m| m == "bad/utf16.txt: error: UTF-16 is not supported; save the file as UTF-8"),
        "{:?}",
        messages(&c)
    );
}

#[test]
fn ten_megabyte_single_line() {
    let line = "médias sociaux ".repeat(700_000);
    assert!(line.len() > 10_000_000);
    let c = load(vec![file("bad/5-1.txt", line), good()]);
    assert_good_still_loads(&c);
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.starts_with("bad/5-1.txt:1: warning: line of"))
    );
}

#[test]
fn nul_bytes_are_dropped_with_a_warning() {
    let mut bytes = SEED.to_vec();
    bytes.insert(200, 0);
    bytes.insert(100, 0);
    let c = load(vec![file("nul/5-8902.txt", bytes)]);
    assert_good_still_loads(&c);
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.contains("nul/5-8902.txt:") && m.contains("control character"))
    );
}

#[test]
fn windows_1252_crlf_and_bom() {
    let text = std::str::from_utf8(SEED).unwrap().replace('\n', "\r\n");
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let c = load(vec![file("cp/5-8902.txt", cp1252.into_owned())]);
    let q = c.get("5-8902".parse().unwrap()).unwrap();
    assert_eq!(q.days_to_answer, Some(293));
    assert!(q.question.text.contains("médias sociaux"));
    assert!(q.answer.as_ref().unwrap().text.contains("sœur"));
    assert!(messages(&c).iter().any(|m| m.contains("Windows-1252")));

    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(SEED);
    let c = load(vec![file("bom/5-8902.txt", bom)]);
    assert_eq!(c.questions[0].title, load(vec![good()]).questions[0].title);
    assert!(c.diagnostics.iter().all(|d| !d.message.contains("control")));
}

#[test]
fn wrong_json() {
    let c = load(vec![
        file(
            "bad/corpus.json",
            "{\"format\": \"qreview-corpus\",\n \"version\": 1,\n \"questions\": [ {\"id\": 5} ,\n",
        ),
        good(),
    ]);
    assert_good_still_loads(&c);
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.starts_with("bad/corpus.json:4: error: not valid JSON")),
        "{:?}",
        messages(&c)
    );

    let c = load(vec![
        file(
            "bad/other.json",
            "{\"format\": \"qreview-notes\", \"version\": 1}",
        ),
        good(),
    ]);
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.contains("not a qreview corpus file"))
    );

    let bad_record = "{\"format\": \"qreview-corpus\", \"version\": 1, \"questions\": [\n {\"id\": \"5-1\", \"events\": [{\"date\": \"2013-02-30\", \"kind\": \"sent\"}]},\n {\"id\": \"5-2\"}\n]}";
    let c = load(vec![file("bad/records.json", bad_record)]);
    assert_eq!(c.questions.len(), 1, "the valid record loads");
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.starts_with("bad/records.json:2: error: question record #1 is invalid"))
    );
}

#[test]
fn duplicate_ids_with_conflicting_content() {
    let other = std::str::from_utf8(SEED)
        .unwrap()
        .replace("1 565 likes", "9 999 likes");
    let c = load(vec![good(), file("dup/5-8902.txt", other)]);
    assert_eq!(c.questions.len(), 1);
    assert!(
        c.questions[0]
            .answer
            .as_ref()
            .unwrap()
            .text
            .contains("1 565 likes"),
        "the first is kept"
    );
    assert!(messages(&c).iter().any(|m| m.starts_with("dup/5-8902.txt:1: error: 5-8902 is also loaded from good/5-8902.txt:1 with different content")));

    let c = load(vec![good(), file("same/5-8902.txt", SEED)]);
    assert_eq!(c.error_count(), 0);
    let dup: Vec<String> = messages(&c)
        .into_iter()
        .filter(|m| m.contains("also loaded"))
        .collect();
    assert_eq!(dup.len(), 1);
    assert!(dup[0].starts_with("same/5-8902.txt:1: warning: 5-8902 is also loaded from good/5-8902.txt:1 with the same content"));

    let a = "{\"format\": \"qreview-corpus\", \"version\": 1, \"questions\": [{\"id\": \"5-1\", \"author\": \"A\"}]}";
    let b = "{\"format\": \"qreview-corpus\", \"version\": 1, \"questions\": [{\"id\": \"5-1\", \"author\": \"B\"}]}";
    let c = load(vec![file("a.json", a), file("b.json", b)]);
    assert_eq!(c.questions[0].author.as_deref(), Some("A"));
    assert!(
        messages(&c)
            .iter()
            .any(|m| m.starts_with("b.json:1: error: record 5-1 conflicts"))
    );
}

#[test]
fn json_record_names_the_text_file() {
    let stripped: String = std::str::from_utf8(SEED)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("5-8901"))
        .collect::<Vec<_>>()
        .join("\n");
    let record = "{\"format\": \"qreview-corpus\", \"version\": 1, \"questions\": [{\"id\": \"5-8902\", \"file\": \"page.txt\", \"author\": \"Martine Taelman\"}]}";
    let c = load(vec![
        file("x/page.txt", stripped),
        file("x/meta.json", record),
    ]);
    let q = c.get("5-8902".parse().unwrap()).unwrap();
    assert!(!q.id_inferred);
    assert_eq!(q.author.as_deref(), Some("Martine Taelman"));
    assert_eq!(q.origin.path, "x/page.txt");
}

#[test]
fn metadata_record_merges_with_text_of_the_same_id() {
    let c = load(vec![file("f.json", FAMILY), good()]);
    assert_eq!(c.error_count(), 0, "{:?}", messages(&c));
    let q = c.get(QuestionId::senate(5, 8902)).unwrap();
    assert_eq!(q.author.as_deref(), Some("Martine Taelman"));
    assert_eq!(q.origin.path, "good/5-8902.txt");
    assert!(q.answer.is_some());
    assert!(q.url.as_deref().unwrap().contains("NR=8902"));
}

/// A mutation of a page: a few byte edits, insertions, deletions, maybe a truncation.
fn mutated_seed() -> impl Strategy<Value = Vec<u8>> {
    mutated(&PAGES, &[])
}

/// A mutation of an HTML page: byte edits as above, plus markup pasted in
/// at random places (unclosed tags, comments, entities, scripts).
fn mutated_html() -> impl Strategy<Value = Vec<u8>> {
    mutated(
        &HTML_PAGES,
        &[
            "<",
            "</td>",
            "<table>",
            "<!--",
            "<script>",
            "<nav>",
            "&#",
            "&eacute",
            "<br>",
            "\"",
            "<td class=menu>",
            "</html>",
            "<li>",
            "<pre>",
            "\u{a0}",
        ],
    )
}

/// Pages with random edits: byte changes, insertions of bytes or of
/// `snippets`, deletions, and maybe a truncation.
fn mutated(
    pages: &'static [&'static [u8]],
    snippets: &'static [&'static str],
) -> impl Strategy<Value = Vec<u8>> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..12);
    (
        0..pages.len(),
        edits,
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(move |(page, edits, cut, truncate)| {
            let mut bytes = pages[page].to_vec();
            for (at, byte, op) in edits {
                let i = at.index(bytes.len().max(1));
                match op {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 => bytes.insert(i.min(bytes.len()), byte),
                    3 if !snippets.is_empty() => {
                        let snippet = snippets[usize::from(byte) % snippets.len()].as_bytes();
                        let i = i.min(bytes.len());
                        bytes.splice(i..i, snippet.iter().copied());
                    }
                    _ if i < bytes.len() => {
                        bytes.remove(i);
                    }
                    _ => {}
                }
            }
            if truncate {
                bytes.truncate(cut.index(bytes.len().max(1)));
            }
            bytes
        })
}

proptest! {
    // 200 cases keep CI fast; PROPTEST_CASES=20000 runs a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096), json in any::<bool>()) {
        let name = if json { "r/5-7.json" } else { "r/5-7.txt" };
        let c = load(vec![file(name, bytes), good()]);
        prop_assert!(no_caught_panic(&c), "{:?}", c.diagnostics);
        assert_good_still_loads(&c);
        for d in &c.diagnostics {
            prop_assert!(d.path.starts_with("r/") || d.path.starts_with("good/"));
        }
        prop_assert!(no_internal_error(&c), "{:?}", messages(&c));
    }

    #[test]
    fn mutated_seed_never_panics(bytes in mutated_seed()) {
        let c = load(vec![file("m/page.txt", bytes)]);
        prop_assert!(no_caught_panic(&c), "{:?}", c.diagnostics);
        for q in &c.questions {
            prop_assert!(q.origin.first_line <= q.origin.last_line);
            // The chronology, when read, stays in the page's order.
            let _ = q.days_to_answer;
        }
        prop_assert!(no_internal_error(&c), "{:?}", messages(&c));
    }

    #[test]
    fn mutated_html_never_panics(bytes in mutated_html(), as_txt in any::<bool>()) {
        // HTML is recognised by content, so a `.txt` name reads the same way.
        let name = if as_txt { "m/page.txt" } else { "m/page.html" };
        let c = load(vec![file(name, bytes), good()]);
        assert_good_still_loads(&c);
        for d in &c.diagnostics {
            prop_assert!(
                !d.message.contains("internal error"),
                "a parser panic was caught: {d}"
            );
        }
        for q in &c.questions {
            prop_assert!(q.origin.first_line <= q.origin.last_line);
        }
    }

    #[test]
    fn mutated_json_never_panics(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = FAMILY.to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let c = load(vec![file("m/family.json", bytes), good()]);
        prop_assert!(no_caught_panic(&c), "{:?}", c.diagnostics);
        prop_assert!(c.get("5-8902".parse().unwrap()).is_some());
        prop_assert!(no_internal_error(&c), "{:?}", messages(&c));
    }
}
