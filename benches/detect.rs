//! Family detection on 200,000 generated UK-style and AN-style questions
//! (`examples/synth/records.rs`: circular families of 2–8 and decoys).
//! The records are parsed once, untimed; what is timed is building the
//! families again (listed, then detected), as a changed window or
//! threshold does.
//!
//! `cargo bench --bench detect`

#[path = "../examples/synth/mod.rs"]
mod synth;

use std::borrow::Cow;

use qreview::corpus::load::{self, SourceFile};
use qreview::corpus::{Corpus, Detection, FamilyKind, detect};

/// Questions in the benchmark corpus.
const QUESTIONS: usize = 200_000;

fn main() {
    divan::main();
}

fn corpus() -> Corpus {
    let mut files = Vec::with_capacity(QUESTIONS);
    let summary = synth::records::for_each_record(QUESTIONS, 7, |path, json| {
        files.push(SourceFile {
            path: path.display().to_string(),
            bytes: Cow::Owned(json.as_bytes().to_vec()),
        })
    });
    let corpus = load::load_sources(files, &|_, _| {});
    let detected = corpus
        .families
        .iter()
        .filter(|f| matches!(f.kind, FamilyKind::Detected { .. }))
        .count();
    eprintln!(
        "{} questions, {} circular families generated, {} detected",
        corpus.questions.len(),
        summary.families,
        detected
    );
    corpus
}

/// Listed families, detection and the family index, on 200,000 questions.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn regroup_200k(bencher: divan::Bencher) {
    let mut corpus = corpus();
    bencher.bench_local(|| corpus.regroup(Some(&Detection::default()), &[]));
}

/// Detection alone (candidates, shingles, comparisons), on 200,000 questions.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn detect_200k(bencher: divan::Bencher) {
    let corpus = corpus();
    bencher.bench_local(|| detect::detect(&corpus.questions, &Detection::default()));
}
