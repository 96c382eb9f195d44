//! Full-text hits grouped on identical passages: the question text that a
//! whole family shares is one result ("same text in 11 siblings"), so the
//! answers' hits are not buried under its copies. The app's result list and
//! `qreview search` group with this one function.

use std::collections::HashMap;

use super::{Field, TextHit, TextIndex};
use crate::corpus::Corpus;

/// Groups `hits` (best first) on identical passages: same field, same
/// text. Each group is best first; groups keep the order of their best hit.
pub fn identical_passages(corpus: &Corpus, hits: &[TextHit]) -> Vec<Vec<TextHit>> {
    let mut groups: Vec<Vec<TextHit>> = Vec::new();
    let mut by_text: HashMap<(Field, &str), usize> = HashMap::new();
    for hit in hits {
        let text = TextIndex::piece_text(corpus, hit).unwrap_or("");
        // An empty piece never stands for others.
        let key = (hit.field, text);
        match by_text.get(&key).filter(|_| !text.is_empty()) {
            Some(&g) => groups[g].push(*hit),
            None => {
                by_text.insert(key, groups.len());
                groups.push(vec![*hit]);
            }
        }
    }
    groups
}
