//! Speed of shared-passage detection on answers of a few thousand words, the
//! size the Compare view recomputes when the pair of answers changes.
//! Run: `cargo bench --bench shared_passages`.

use qreview::analysis::shared::shared_passages;
use qreview::corpus::{QuestionId, embedded};

fn main() {
    divan::main();
}

/// The 5-8902 answer (about 900 words) repeated with numbered variations, so
/// the texts are long, mostly distinct, and still share some runs.
fn texts(words: usize) -> (String, String) {
    let corpus = embedded::load();
    let seed = &corpus
        .get(QuestionId::senate(5, 8902))
        .and_then(|q| q.answer.as_ref())
        .expect("the default corpus holds the 5-8902 answer")
        .text;
    let seed_words: Vec<&str> = seed.split_whitespace().collect();
    let make = |salt: usize| {
        (0..words)
            .map(|i| {
                let w = seed_words[i % seed_words.len()];
                // Every 5th word differs between the two texts, except in one
                // stretch they share verbatim.
                if i % 5 == 0 && !(1000..1100).contains(&i) {
                    format!("{w}{salt}")
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    (make(1), make(2))
}

#[divan::bench(args = [1000, 3000, 6000])]
fn two_answers(bencher: divan::Bencher, words: usize) {
    let (a, b) = texts(words);
    bencher.bench(|| shared_passages(divan::black_box(&a), divan::black_box(&b)));
}
