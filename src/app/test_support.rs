//! Helpers shared by the app's key-sequence tests: the corpora they run on,
//! ids, and the Reader's text as plain strings. Test-only.

use std::path::PathBuf;

use super::App;
use super::doc::{DocLine, text_of};
use crate::corpus::{Corpus, QuestionId, embedded, load};

/// A question id from its text.
pub fn id(s: &str) -> QuestionId {
    s.parse().expect("valid id")
}

/// The synthetic test family (9-100 … 9-104) of `tests/fixtures`.
pub fn synthetic_corpus() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/synthetic-family");
    load::load_paths(&[dir], &|_, _| {})
}

/// The Chamber's QRVA records of `tests/fixtures/chamber` (both languages).
pub fn chamber_corpus() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chamber");
    load::load_paths(&[dir], &|_, _| {})
}

/// The app on the embedded corpus at `size`.
pub fn default_app(size: (u16, u16)) -> App {
    App::with_corpus(embedded::load(), size)
}

/// The app on the synthetic family at `size`.
pub fn synthetic_app(size: (u16, u16)) -> App {
    App::with_corpus(synthetic_corpus(), size)
}

/// Lines of a laid-out document as one string.
pub fn lines_text(lines: &[DocLine]) -> String {
    lines.iter().map(text_of).collect::<Vec<_>>().join("\n")
}

/// The Reader's header as text.
pub fn header_text(app: &App) -> String {
    lines_text(&app.reader.header)
}

/// The Reader's body as text.
pub fn body_text(app: &App) -> String {
    lines_text(&app.reader.body)
}
