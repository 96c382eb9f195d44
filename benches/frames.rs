//! Drawing one frame of each view at 200×60 into ratatui's `TestBackend`,
//! on the default corpus and on the 20,000-question synthetic corpus
//! (generated once by `support`, deterministic). Target: under 4 ms.
//!
//! `cargo bench --bench frames`

mod support;

use std::cell::RefCell;

use qreview::app::keymap::Key;
use qreview::app::{App, press};
use qreview::corpus::{embedded, load};
use qreview::tui::theme::Theme;
use qreview::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SIZE: (u16, u16) = (200, 60);

/// The corpora measured.
const CORPORA: [&str; 2] = ["default", "20k"];

/// A loaded and indexed application per corpus, built once per thread
/// (divan runs these benchmarks on one thread; the app is not `Sync`).
fn base(corpus: &'static str) -> App {
    thread_local! {
        static APPS: RefCell<Vec<(&'static str, App)>> = const { RefCell::new(Vec::new()) };
    }
    APPS.with_borrow_mut(|apps| {
        if let Some((_, app)) = apps.iter().find(|(name, _)| *name == corpus) {
            return app.clone();
        }
        let c = match corpus {
            "default" => embedded::load(),
            _ => {
                let dir = support::corpus_dir();
                let c = load::load_paths(std::slice::from_ref(&dir), &|_, _| {});
                assert_eq!(c.questions.len(), support::QUESTIONS);
                c
            }
        };
        let mut app = App::with_corpus(c, SIZE);
        app.today = jiff::civil::date(2026, 1, 1);
        apps.push((corpus, app.clone()));
        app
    })
}

/// Draws the screen of `corpus` after `keys`, once per iteration.
fn frame(bencher: divan::Bencher, corpus: &'static str, keys: &str) {
    let mut app = base(corpus);
    press(&mut app, keys);
    let theme = Theme::colored();
    let mut term = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test terminal");
    bencher.bench_local(|| {
        term.draw(|f| views::render(&app, &theme, f.area(), f.buffer_mut()))
            .expect("draw");
    });
}

#[divan::bench(args = CORPORA, sample_count = 30)]
fn questions(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "j j");
}

#[divan::bench(args = CORPORA, sample_count = 30)]
fn reader(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "<enter>");
}

/// The Reader at a search hit: the highlighted text.
#[divan::bench(args = CORPORA, sample_count = 30)]
fn reader_with_hits(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "/ m e d i a s <enter>");
}

#[divan::bench(args = CORPORA, sample_count = 30)]
fn compare(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "<enter> c");
}

#[divan::bench(args = CORPORA, sample_count = 30)]
fn compare_matrix(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "<enter> c m");
}

#[divan::bench(args = CORPORA, sample_count = 30)]
fn timeline(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "4");
}

#[divan::bench(args = CORPORA, sample_count = 30)]
fn timeline_families(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "4 f");
}

#[divan::bench(args = CORPORA, sample_count = 30)]
fn notes(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "5");
}

/// The ministry league table (computed when the view opens, drawn here).
#[divan::bench(args = CORPORA, sample_count = 30)]
fn ministries(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "6");
}

/// The coding matrix (no notes: the empty matrix and its hint).
#[divan::bench(args = CORPORA, sample_count = 30)]
fn coding(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "7");
}

/// The search panel with the results of `medias`.
#[divan::bench(args = CORPORA, sample_count = 30)]
fn search_results(bencher: divan::Bencher, corpus: &'static str) {
    frame(bencher, corpus, "/ m e d i a s");
}

/// One keystroke in the search prompt on the 20,000-question corpus, as the
/// event loop runs it on the UI thread: both searches (incremental, after
/// the keystrokes before it) and the rows on screen prepared. The argument
/// is the text once the key is typed; the last character is the one timed.
#[divan::bench(
    args = ["m", "me", "medi", "medias", "medias s", "medias sociaux", "affaires etrangeres"],
    sample_count = 10
)]
fn prompt_keystroke_20k(bencher: divan::Bencher, typed: &str) {
    let (before, last) = typed.split_at(typed.len() - 1);
    let mut app = base("20k");
    press(&mut app, "/");
    for c in before.chars() {
        app.key(Key::Char(c));
    }
    let last = last.chars().next().expect("one character");
    bencher
        .with_inputs(|| app.clone())
        .bench_local_values(|mut app| {
            app.key(Key::Char(last));
            app
        });
}
