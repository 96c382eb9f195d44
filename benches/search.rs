//! Per-keystroke search latency on the 20,000-question corpus.
//!
//! `cargo bench --bench search`. Before divan's table, prints p50/p99/max
//! over every keystroke of a set of typed queries (divan reports medians,
//! not percentiles): fuzzy with incremental narrowing (as the TUI runs it),
//! fuzzy fresh, and full text with the 20 snippets a results list shows,
//! through a `TextSession` (as the TUI runs it) and fresh.

mod support;

use std::sync::LazyLock;
use std::time::Duration;

use qreview::corpus::{Corpus, load};
use qreview::search::{
    FuzzyIndex, FuzzySession, Matcher, Nucleo, Query, Skim, TextIndex, TextSession,
};

/// Loaded once for every benchmark.
static CORPUS: LazyLock<(Corpus, TextIndex, FuzzyIndex)> = LazyLock::new(|| {
    let dir = support::corpus_dir();
    let corpus = load::load_paths(&[dir], &|_, _| {});
    let text = TextIndex::build(&corpus);
    let fuzzy = FuzzyIndex::build(&corpus);
    (corpus, text, fuzzy)
});

/// What an analyst types in the fuzzy picker.
const FUZZY_QUERIES: [&str; 5] = [
    "affaires etrangeres",
    "taelman medias",
    "4-8902",
    "energie renouvelable",
    "finances fonction publique",
];

/// What an analyst types in full-text search.
const TEXT_QUERIES: [&str; 5] = [
    "medias sociaux",
    "\"mise en oeuvre\"",
    "reseaux",
    "cour des comptes",
    "protection des donnees",
];

/// Results a list shows, whose snippets are built per keystroke.
const SHOWN: usize = 20;

/// Every prefix of `q`, as typed.
fn keystrokes(q: &str) -> Vec<&str> {
    q.char_indices()
        .map(|(i, c)| &q[..i + c.len_utf8()])
        .collect()
}

fn fuzzy_typing<M: Matcher>(m: &M, narrow: bool) -> Vec<Duration> {
    let (_, _, index) = &*CORPUS;
    let mut samples = Vec::new();
    for _ in 0..3 {
        for q in FUZZY_QUERIES {
            let mut session = FuzzySession::default();
            for prefix in keystrokes(q) {
                let (_, t) = support::time(|| {
                    let hits = if narrow {
                        session.update(index, m, prefix).to_vec()
                    } else {
                        index.search(m, prefix)
                    };
                    for h in hits.iter().take(SHOWN) {
                        divan::black_box(index.indices(m, prefix, h.question));
                    }
                });
                samples.push(t);
            }
        }
    }
    samples
}

fn text_typing(session: bool) -> Vec<Duration> {
    let (corpus, index, _) = &*CORPUS;
    let mut samples = Vec::new();
    for _ in 0..3 {
        for q in TEXT_QUERIES {
            let mut typing = TextSession::default();
            for prefix in keystrokes(q) {
                let (_, t) = support::time(|| {
                    let query = Query::parse(prefix);
                    let hits = if session {
                        typing.search(index, &query)
                    } else {
                        index.search(&query)
                    };
                    for h in hits.iter().take(SHOWN) {
                        divan::black_box(TextIndex::snippet(corpus, h, &query, 100));
                    }
                });
                samples.push(t);
            }
        }
    }
    samples
}

fn main() {
    let (corpus, text, _) = &*CORPUS;
    println!(
        "corpus: {} questions, {} text pieces, {:.1} MB normalised",
        corpus.questions.len(),
        text.pieces(),
        text.text_bytes() as f64 / 1e6
    );
    println!(
        "keystroke latency, fuzzy skim-v2, narrowing: {}",
        support::percentiles(fuzzy_typing(&Skim::default(), true))
    );
    println!(
        "keystroke latency, fuzzy skim-v2, fresh:     {}",
        support::percentiles(fuzzy_typing(&Skim::default(), false))
    );
    println!(
        "keystroke latency, fuzzy nucleo, narrowing:  {}",
        support::percentiles(fuzzy_typing(&Nucleo, true))
    );
    println!(
        "keystroke latency, fuzzy nucleo, fresh:      {}",
        support::percentiles(fuzzy_typing(&Nucleo, false))
    );
    println!(
        "keystroke latency, full text + 20 snippets, session: {}",
        support::percentiles(text_typing(true))
    );
    println!(
        "keystroke latency, full text + 20 snippets, fresh:   {}",
        support::percentiles(text_typing(false))
    );
    if std::env::var_os("QREVIEW_BENCH_PERCENTILES_ONLY").is_none() {
        divan::main();
    }
}

/// Keystrokes of "medias sociaux", each a fresh fuzzy query.
const PREFIXES: [&str; 5] = ["m", "me", "medi", "medias s", "medias sociaux"];

/// One fuzzy keystroke without narrowing (the first keystroke's cost).
#[divan::bench(types = [Skim, Nucleo], args = PREFIXES, sample_count = 10, sample_size = 1)]
fn fuzzy_keystroke<M: Matcher + Default>(prefix: &str) -> usize {
    let (_, _, index) = &*CORPUS;
    index.search(&M::default(), prefix).len()
}

/// One full-text keystroke: search plus the snippets of the first 20 hits.
#[divan::bench(args = PREFIXES, sample_count = 10, sample_size = 1)]
fn text_keystroke(prefix: &str) -> usize {
    let (corpus, index, _) = &*CORPUS;
    let query = Query::parse(prefix);
    let hits = index.search(&query);
    for h in hits.iter().take(SHOWN) {
        divan::black_box(TextIndex::snippet(corpus, h, &query, 100));
    }
    hits.len()
}
