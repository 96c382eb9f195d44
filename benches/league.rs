//! The ministry league table and the coding matrix over the 20,000-question
//! synthetic corpus (generated once by `support`, deterministic) and 10,000
//! notes tagged with twelve tags (plus 2,000 whole-question tags).
//! Target: each under 50 ms.
//!
//! `cargo bench --bench league`

mod support;

use std::sync::OnceLock;

use qreview::analysis::deadline::DeadlineRules;
use qreview::analysis::filter::QuestionFilter;
use qreview::analysis::league;
use qreview::corpus::{Corpus, load};
use qreview::notes::NotesFile;
use qreview::review::coding_matrix;

fn main() {
    divan::main();
}

/// Notes in the benchmark.
const NOTES: usize = 10_000;
const TAGS: [&str; 12] = [
    "evasive",
    "figures",
    "budget",
    "staff",
    "privacy",
    "late",
    "refers",
    "vague",
    "complete",
    "legal",
    "eu",
    "follow-up",
];

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = support::corpus_dir();
        let c = load::load_paths(std::slice::from_ref(&dir), &|_, _| {});
        assert_eq!(c.questions.len(), support::QUESTIONS);
        c
    })
}

/// 10,000 notes spread over the corpus, one to three tags each, and 2,000
/// questions tagged as a whole (deterministic).
fn notes() -> &'static NotesFile {
    static NOTES_FILE: OnceLock<NotesFile> = OnceLock::new();
    NOTES_FILE.get_or_init(|| {
        let c = corpus();
        let mut f = NotesFile::default();
        let mut x: u64 = 7;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as usize
        };
        for i in 0..NOTES {
            let q = c.questions[next() % c.questions.len()].id;
            let tags: Vec<String> = (0..1 + next() % 3)
                .map(|_| TAGS[next() % TAGS.len()].to_string())
                .collect();
            f.add_note(q, &format!("note {i}"), &tags, None)
                .expect("valid tags");
        }
        for _ in 0..2_000 {
            let q = c.questions[next() % c.questions.len()].id;
            f.questions
                .entry(q)
                .or_default()
                .tags
                .insert(TAGS[next() % TAGS.len()].to_string());
        }
        assert_eq!(f.notes.len(), NOTES);
        f
    })
}

/// Computing the table, the rules built once as the app does.
#[divan::bench(sample_count = 20)]
fn league_table_20k(bencher: divan::Bencher) {
    let c = corpus();
    let rules = DeadlineRules::default();
    let today = jiff::civil::date(2026, 1, 1);
    bencher.bench(|| league::league(c, &rules, today, &QuestionFilter::default()));
}

/// Sorting the computed table by on-time %, descending.
#[divan::bench(sample_count = 20)]
fn league_sort_20k(bencher: divan::Bencher) {
    let rows = league::league(
        corpus(),
        &DeadlineRules::default(),
        jiff::civil::date(2026, 1, 1),
        &QuestionFilter::default(),
    );
    bencher
        .with_inputs(|| rows.clone())
        .bench_local_values(|mut r| {
            league::sort(&mut r, league::LeagueColumn::OnTimePct, true);
            r
        });
}

/// Building the deadline rules (three centuries of Belgian holidays).
#[divan::bench(sample_count = 20)]
fn deadline_rules() -> DeadlineRules {
    DeadlineRules::default()
}

/// The coding matrix of 10,000 notes over 20,000 questions.
#[divan::bench(sample_count = 20)]
fn coding_matrix_20k_10k_notes(bencher: divan::Bencher) {
    let (c, n) = (corpus(), notes());
    bencher.bench(|| coding_matrix(c, n, &QuestionFilter::default()));
}
