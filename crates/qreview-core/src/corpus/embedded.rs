//! The default corpus compiled into the binary: the seed page of 5-8902 and
//! the metadata of its eighteen siblings.

use super::Corpus;
use super::load::{self, SourceFile};

/// Files under `assets/`, with the names they are reported under.
pub const FILES: [(&str, &[u8]); 2] = [
    (
        "embedded:assets/000_2da824b8edb94aec.txt",
        include_bytes!("../../assets/000_2da824b8edb94aec.txt"),
    ),
    (
        "embedded:assets/senate-5-8900-family.json",
        include_bytes!("../../assets/senate-5-8900-family.json"),
    ),
];

/// The embedded files as load sources.
pub fn sources() -> Vec<SourceFile> {
    FILES
        .iter()
        .map(|(path, bytes)| SourceFile {
            path: (*path).to_string(),
            bytes: (*bytes).into(),
        })
        .collect()
}

/// Loads the default corpus.
pub fn load() -> Corpus {
    load::load_sources(sources(), &|_, _| {})
}
