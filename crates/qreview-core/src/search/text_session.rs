//! Full-text search as it is typed: each keystroke reuses what the previous
//! ones found.
//!
//! The session keeps the postings (pieces and hit counts) of recent terms.
//! A term seen before is not scanned again; a term that contains a recent
//! term (`medi` after `med`, `sociaux` after `soc`) occurs only in pieces
//! holding that term, so only those are scanned. Postings stay exact, so the
//! ranking is the same as a fresh [`TextIndex::search`], which the tests check.

use std::sync::Arc;

use super::fulltext::{Postings, TextHit, TextIndex};
use super::query::Query;

/// Postings kept: the current query's terms plus a few earlier ones, so that
/// backspacing is cheap too.
const KEPT: usize = 8;

/// A full-text search being typed against one [`TextIndex`].
#[derive(Debug, Default, Clone)]
pub struct TextSession {
    generation: u64,
    cache: Vec<(String, Arc<Postings>)>,
}

impl TextSession {
    /// Runs `query`; the hits equal `index.search(query)`. A session used
    /// with a rebuilt index forgets what it knew.
    pub fn search(&mut self, index: &TextIndex, query: &Query) -> Vec<TextHit> {
        if self.generation != index.generation() {
            self.cache.clear();
            self.generation = index.generation();
        }
        let mut current: Vec<(String, Arc<Postings>)> = Vec::new();
        for term in query.terms() {
            let known = self.cache.iter().find(|(t, _)| *t == term.text);
            let postings = match known {
                Some((_, p)) => Arc::clone(p),
                None => {
                    let within = self
                        .cache
                        .iter()
                        .filter(|(t, _)| term.text.contains(t.as_str()))
                        .min_by_key(|(_, p)| p.pieces())
                        .map(|(_, p)| Arc::clone(p));
                    Arc::new(index.postings(term.text.as_bytes(), within.as_deref()))
                }
            };
            current.push((term.text.clone(), postings));
        }
        let hits = index.rank(&current.iter().map(|(_, p)| p.as_ref()).collect::<Vec<_>>());
        self.cache
            .retain(|(t, _)| !current.iter().any(|(c, _)| c == t));
        current.append(&mut self.cache);
        current.truncate(KEPT);
        self.cache = current;
        hits
    }
}
