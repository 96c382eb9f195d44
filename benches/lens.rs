//! The social-media lens over the 20,000-question synthetic corpus: every
//! answer's platforms, accounts, figures, negations and policy signals,
//! and the whole table with corrections.
//!
//! `cargo bench --bench lens`

mod support;

use qreview::corpus::load;
use qreview::lens::{Catalog, Table, extract};

fn main() {
    divan::main();
}

/// Extraction over every question of the corpus, one thread.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn extract_20000(bencher: divan::Bencher) {
    let corpus = load::load_paths(&[support::corpus_dir()], &|_, _| {});
    assert_eq!(corpus.questions.len(), support::QUESTIONS);
    let catalog = Catalog::builtin();
    bencher.bench(|| {
        let mut facts = 0;
        for q in &corpus.questions {
            facts += divan::black_box(extract(q, catalog)).platforms.len();
        }
        facts
    });
}

/// The whole table (extraction, corrections, cells), as the Platforms view
/// and `qreview platforms` build it.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn table_20000(bencher: divan::Bencher) {
    let corpus = load::load_paths(&[support::corpus_dir()], &|_, _| {});
    let catalog = Catalog::builtin();
    bencher.bench(|| Table::build(&corpus, &[], &[], catalog));
}
