//! Writes a large `qreview-notes` file for the notes benchmarks: N notes
//! (default 100,000) on the embedded corpus's questions, each with a few
//! lines of text, two tags and, for one in three, an anchor, in the exact
//! shape qreview writes (so it loads without a normalising pass).
//!
//! `cargo run --release --example gen_notes -- 100000 /tmp/notes-100k.json`
//!
//! With `--time FILE` it instead reports, best of five, how long `serde_json`
//! alone takes to parse FILE (into a `Value`) and how long qreview's notes
//! parser takes: the baseline of the notes benchmarks in `BENCHMARKS.md`;
//! with `--parse-once FILE` it reads and parses FILE once with `serde_json`
//! and exits (the same baseline, as a process).

use qreview::corpus::{Field, QuestionId};
use qreview::notes::file::to_bytes;
use qreview::notes::model::{Anchor, Note, NoteId, NotesFile};

/// Best of five runs of `f`, in milliseconds.
fn best_ms(mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let start = std::time::Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() -> std::io::Result<()> {
    // One parse by serde_json alone, in a process of its own, to time with
    // `/usr/bin/time` next to `qreview notes list`.
    if std::env::args().nth(1).as_deref() == Some("--parse-once") {
        let path = std::env::args()
            .nth(2)
            .unwrap_or_else(|| "notes-100k.json".into());
        let bytes = std::fs::read(&path)?;
        let v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        std::hint::black_box(v);
        return Ok(());
    }
    if std::env::args().nth(1).as_deref() == Some("--time") {
        let path = std::env::args()
            .nth(2)
            .unwrap_or_else(|| "notes-100k.json".into());
        let bytes = std::fs::read(&path)?;
        let json = best_ms(|| {
            let v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
            std::hint::black_box(v);
        });
        let notes = best_ms(|| {
            let f = qreview::notes::file::parse(&bytes).expect("a notes file");
            std::hint::black_box(f);
        });
        println!("serde_json::Value parse: {json:.0} ms; qreview notes parse: {notes:.0} ms");
        return Ok(());
    }
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let path = args.next().unwrap_or_else(|| "notes-100k.json".into());
    let mut file = NotesFile::default();
    let t: jiff::Timestamp = "2024-05-01T09:00:00Z".parse().expect("a time");
    for i in 0..count {
        let question = QuestionId::senate(5, 8900 + (i % 19) as u32);
        let anchor = (i % 3 == 0).then(|| Anchor {
            field: Field::Answer,
            part: Some(format!("{}.", i % 4 + 1)),
            quote: "Les médias sociaux sont utilisés pour informer le public".into(),
            start: 10,
            end: 66,
        });
        file.notes.push(Note {
            id: NoteId(format!("{:012x}-{:08x}", 0x0190_0000_0000u64 + i as u64, i)),
            question,
            anchor,
            text: format!(
                "Note {i}: la réponse ne dit pas combien de personnes gèrent les comptes.\n\
                 À vérifier dans le rapport annuel du SPF; comparer avec 5-89{:02}.\n\
                 Suivi demandé le {}.",
                i % 19,
                t
            ),
            tags: ["évasive".to_string(), format!("thème-{}", i % 12)]
                .into_iter()
                .collect(),
            created: t,
            updated: t,
            conflict_of: None,
            extra: Default::default(),
        });
    }
    let bytes = to_bytes(&file);
    std::fs::write(&path, &bytes)?;
    eprintln!("wrote {count} notes ({} bytes) to {path}", bytes.len());
    Ok(())
}
