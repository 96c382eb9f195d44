//! `cargo run --release --example gen_corpus -- --questions N --out DIR [--seed S] [--kind senate|records]`:
//! writes a deterministic synthetic corpus for scale tests and benchmarks:
//! Senate text pages (see `examples/synth/mod.rs`), or UK-style and
//! AN-style JSON records with circular families and decoys
//! (`examples/synth/records.rs`).

#[path = "synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut questions = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut records = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--questions", Some(v)) => questions = v.parse::<usize>().ok(),
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage("--seed takes a whole number"),
            },
            ("--kind", Some(v)) => match v.as_str() {
                "senate" => records = false,
                "records" => records = true,
                _ => return usage("--kind is senate or records"),
            },
            _ => return usage(&format!("unexpected argument {arg}")),
        }
    }
    let (Some(questions), Some(out)) = (questions, out) else {
        return usage("--questions N and --out DIR are required");
    };
    let start = std::time::Instant::now();
    let written = if records {
        synth::generate_records(questions, seed, &out)
    } else {
        synth::generate(questions, seed, &out)
    };
    match written {
        Ok(s) => {
            eprintln!(
                "wrote {} questions in {} families ({:.1} MB) to {} in {:.1?}",
                s.questions,
                s.families,
                s.bytes as f64 / 1e6,
                out.display(),
                start.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: cannot write the corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "gen_corpus: {problem}\nusage: gen_corpus --questions N --out DIR [--seed S] [--kind senate|records]"
    );
    ExitCode::from(2)
}
