//! Parse throughput and load + index of the 20,000-question corpus.
//!
//! `cargo bench --bench load`

mod support;

use std::borrow::Cow;

use divan::counter::BytesCount;
use qreview::corpus::load::{self, SourceFile};
use qreview::corpus::senate_text;
use qreview::search::{FuzzyIndex, TextIndex};

fn main() {
    divan::main();
}

/// 400 generated pages (about 2 MB) held in memory.
fn pages() -> Vec<(String, String)> {
    let mut out = Vec::new();
    support::for_each_file(400, 3, |path, text| {
        out.push((path.display().to_string(), text.to_string()))
    });
    out
}

/// The Senate text parser alone, one thread.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_text(bencher: divan::Bencher) {
    let pages = pages();
    let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut diags = Vec::new();
        for (path, text) in &pages {
            divan::black_box(senate_text::parse(path, text, &mut diags));
        }
    });
}

/// 400 Chamber QRVA list responses of 25 full records each (about the
/// size of the text pages above), made from the test fixture with each
/// record given its own `SDOCNAME`.
fn chamber_files() -> Vec<(String, Vec<u8>)> {
    let one: serde_json::Value = serde_json::from_slice(include_bytes!(
        "../tests/fixtures/chamber/55-B012-3-0042-0000202100417.json"
    ))
    .expect("fixture is JSON");
    let item = &one["items"][0];
    (0..400)
        .map(|f| {
            let items: Vec<serde_json::Value> = (0..25)
                .map(|k| {
                    let mut item = item.clone();
                    let n = f * 25 + k;
                    item["SDOCNAME"] = format!("55-B{:03}-3-{n:04}-00002021{n:05}", f % 200).into();
                    item["QUESTNUM"] = n.into();
                    item
                })
                .collect();
            let file = serde_json::json!({"disclaimer": "", "items": items});
            (
                format!("qrva-{f}.json"),
                serde_json::to_vec_pretty(&file).unwrap(),
            )
        })
        .collect()
}

/// The Chamber QRVA reader alone (decode, JSON, records), one thread.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_chamber(bencher: divan::Bencher) {
    use qreview::formats::Format;
    let files = chamber_files();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (path, bytes) in &files {
            let parsed = qreview::formats::chamber_qrva::ChamberQrva.parse(path, bytes.clone());
            assert_eq!(parsed.records.len(), 25);
            divan::black_box(parsed);
        }
    });
}

/// Decoding, parsing and assembling files already in memory, all cores.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn load_in_memory(bencher: divan::Bencher) {
    let pages = pages();
    let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| {
            pages
                .iter()
                .map(|(p, t)| SourceFile {
                    path: p.clone(),
                    bytes: Cow::Owned(t.as_bytes().to_vec()),
                })
                .collect::<Vec<_>>()
        })
        .bench_values(|sources| load::load_sources(sources, &|_, _| {}));
}

/// Reading the 20,000 files from disk and building both search indexes.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn load_and_index_20k(bencher: divan::Bencher) {
    let dir = support::corpus_dir();
    let bytes = support::bytes_under(&dir) as usize;
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let corpus = load::load_paths(std::slice::from_ref(&dir), &|_, _| {});
        assert_eq!(corpus.questions.len(), support::QUESTIONS);
        // As the app builds them: the two indexes on two cores.
        let (text, fuzzy) = std::thread::scope(|scope| {
            let fuzzy = scope.spawn(|| FuzzyIndex::build(&corpus));
            (TextIndex::build(&corpus), fuzzy.join().unwrap())
        });
        (corpus, text, fuzzy)
    });
}

/// Building the two indexes from a loaded corpus.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn index_only_20k(bencher: divan::Bencher) {
    let dir = support::corpus_dir();
    let corpus = load::load_paths(std::slice::from_ref(&dir), &|_, _| {});
    bencher.bench(|| {
        std::thread::scope(|scope| {
            let fuzzy = scope.spawn(|| FuzzyIndex::build(&corpus));
            (TextIndex::build(&corpus), fuzzy.join().unwrap())
        })
    });
}
