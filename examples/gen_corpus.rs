//! `cargo run --release --example gen_corpus -- --questions N --out DIR [--seed S]`:
//! writes a deterministic synthetic corpus of Senate written questions (see
//! `examples/synth/mod.rs`) for scale tests and benchmarks.

#[path = "synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut questions = None;
    let mut out = None;
    let mut seed = 1u64;
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
            _ => return usage(&format!("unexpected argument {arg}")),
        }
    }
    let (Some(questions), Some(out)) = (questions, out) else {
        return usage("--questions N and --out DIR are required");
    };
    let start = std::time::Instant::now();
    match synth::generate(questions, seed, &out) {
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
    eprintln!("gen_corpus: {problem}\nusage: gen_corpus --questions N --out DIR [--seed S]");
    ExitCode::from(2)
}
