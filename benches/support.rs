//! Shared by the benchmarks: the 20,000-question synthetic corpus, generated
//! once into `target/bench-corpus/` (deterministic: same seed, same bytes),
//! and a small latency-percentile report.

#![allow(dead_code)]

#[path = "../examples/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[allow(unused_imports)]
pub use synth::for_each_file;

/// Questions in the scale corpus.
pub const QUESTIONS: usize = 20_000;
/// Its seed.
pub const SEED: u64 = 1;
/// The generator's version (2: answers speak of social media).
pub const GENERATOR: &str = "generator 2";

/// The scale corpus folder, generated on first use.
pub fn corpus_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    let dir = target.join(format!("bench-corpus/q{QUESTIONS}-s{SEED}"));
    let done = dir.join(".complete");
    // The marker names the generator's version: a corpus written by an
    // older generator is written again.
    let current = std::fs::read_to_string(&done).is_ok_and(|s| s.starts_with(GENERATOR));
    if !current {
        let _ = std::fs::remove_dir_all(&dir);
        let s = synth::generate(QUESTIONS, SEED, &dir).expect("write the bench corpus");
        eprintln!(
            "generated {} questions ({:.1} MB) in {}",
            s.questions,
            s.bytes as f64 / 1e6,
            dir.display()
        );
        std::fs::write(&done, format!("{GENERATOR} {} bytes\n", s.bytes)).expect("write marker");
    }
    dir
}

/// Bytes of the `.txt` files under `dir`.
pub fn bytes_under(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            total += bytes_under(&path);
        } else if path.extension().is_some_and(|e| e == "txt") {
            total += entry.metadata().map_or(0, |m| m.len());
        }
    }
    total
}

/// Times `f` once.
pub fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// `p50 / p99 / max` of a set of durations, in milliseconds.
pub fn percentiles(mut samples: Vec<Duration>) -> String {
    samples.sort_unstable();
    let at = |p: f64| {
        let i = ((samples.len() as f64 * p).ceil() as usize).clamp(1, samples.len()) - 1;
        samples[i].as_secs_f64() * 1e3
    };
    format!(
        "n={} p50={:.2} ms p99={:.2} ms max={:.2} ms",
        samples.len(),
        at(0.50),
        at(0.99),
        at(1.0)
    )
}
