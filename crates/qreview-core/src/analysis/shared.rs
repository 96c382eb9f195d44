//! Passages two answers share: identical sentences, or runs of
//! [`MIN_RUN_WORDS`] or more consecutive words, compared case- and
//! accent-insensitively. The result is byte ranges in each *original* text,
//! merged and sorted, so a view can highlight them directly.
//!
//! Words are interned to integers and runs are found by hashing word n-grams,
//! so the cost is linear in the length of the texts (no pairwise string
//! comparison); cheap enough to recompute per frame on answers of a few
//! thousand words, though a view may cache the result per pair of answers.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use serde::Serialize;

use super::fold::{Token, fold_for_comparison, tokens};

/// A run of this many consecutive identical words is a shared passage.
/// Below it, common phrases (`dans le cadre de`, `en ce qui concerne`) would
/// light up everywhere.
pub const MIN_RUN_WORDS: usize = 8;

/// An identical sentence shorter than a run counts from this many words up;
/// shorter ones (`Non.`, `Pourquoi ce choix ?`) are too common to mean copying.
pub const MIN_SENTENCE_WORDS: usize = 4;

/// The passages two texts share, as byte ranges of each original text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SharedPassages {
    /// Ranges in the first text, sorted, disjoint and merged.
    pub a: Vec<Range<usize>>,
    /// Ranges in the second text, sorted, disjoint and merged.
    pub b: Vec<Range<usize>>,
    /// Number of words of the first text inside a shared passage.
    pub words_a: usize,
    /// Number of words of the second text inside a shared passage.
    pub words_b: usize,
}

impl SharedPassages {
    /// True when the texts share nothing.
    pub fn is_empty(&self) -> bool {
        self.a.is_empty() && self.b.is_empty()
    }
}

/// Finds the passages that `a` and `b` share (see the module doc).
pub fn shared_passages(a: &str, b: &str) -> SharedPassages {
    let (tok_a, tok_b) = (tokens(a), tokens(b));
    let mut interner = Interner::default();
    let ids_a = interner.ids(a, &tok_a);
    let ids_b = interner.ids(b, &tok_b);
    let mut mark_a = vec![false; ids_a.len()];
    let mut mark_b = vec![false; ids_b.len()];

    mark_matches(
        windows(&ids_a, MIN_RUN_WORDS),
        windows(&ids_b, MIN_RUN_WORDS),
        &mut mark_a,
        &mut mark_b,
    );
    mark_matches(
        sentences(&ids_a, &tok_a),
        sentences(&ids_b, &tok_b),
        &mut mark_a,
        &mut mark_b,
    );

    SharedPassages {
        words_a: mark_a.iter().filter(|m| **m).count(),
        words_b: mark_b.iter().filter(|m| **m).count(),
        a: ranges(&tok_a, &mark_a),
        b: ranges(&tok_b, &mark_b),
    }
}

/// The parts of `ranges` that fall inside `within`, shifted so that
/// `within.start` is 0: turns ranges of a whole answer into ranges of one of
/// its parts (see `align::PartSpan::range`).
pub fn clip(ranges: &[Range<usize>], within: Range<usize>) -> Vec<Range<usize>> {
    ranges
        .iter()
        .filter_map(|r| {
            let start = r.start.max(within.start);
            let end = r.end.min(within.end);
            (start < end).then(|| start - within.start..end - within.start)
        })
        .collect()
}

/// A fast non-cryptographic hasher (the Fx multiply-rotate scheme): keys are
/// words and word ids of local texts, so resistance to crafted collisions is
/// not needed, and the default SipHash costs most of the run time.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Folded words mapped to small integers, shared by both texts.
#[derive(Default)]
struct Interner {
    ids: FastMap<String, u32>,
    buf: String,
}

impl Interner {
    /// The id of every token of `text`.
    fn ids(&mut self, text: &str, toks: &[Token]) -> Vec<u32> {
        toks.iter()
            .map(|t| {
                self.buf.clear();
                fold_for_comparison(&text[t.range()], &mut self.buf);
                if let Some(&id) = self.ids.get(self.buf.as_str()) {
                    return id;
                }
                let id = self.ids.len() as u32;
                self.ids.insert(self.buf.clone(), id);
                id
            })
            .collect()
    }
}

/// Every window of `n` consecutive words, as (key, token range).
fn windows(ids: &[u32], n: usize) -> impl Iterator<Item = (&[u32], Range<usize>)> {
    ids.windows(n).enumerate().map(move |(i, w)| (w, i..i + n))
}

/// Every sentence long enough to count, as (key, token range).
fn sentences<'a>(
    ids: &'a [u32],
    toks: &[Token],
) -> impl Iterator<Item = (&'a [u32], Range<usize>)> + use<'a> {
    let mut spans = Vec::new();
    let mut start = 0;
    for i in 1..=toks.len() {
        if i == toks.len() || toks[i].sentence != toks[start].sentence {
            if i - start >= MIN_SENTENCE_WORDS {
                spans.push(start..i);
            }
            start = i;
        }
    }
    spans.into_iter().map(move |r| (&ids[r.clone()], r))
}

/// Marks the token ranges whose keys occur in both texts. Occurrences of a
/// key in `a` are chained (no vector per key), and each distinct key marks
/// them once, so repetitive texts stay linear.
fn mark_matches<'k>(
    a: impl Iterator<Item = (&'k [u32], Range<usize>)>,
    b: impl Iterator<Item = (&'k [u32], Range<usize>)>,
    mark_a: &mut [bool],
    mark_b: &mut [bool],
) {
    const END: usize = usize::MAX;
    let items: Vec<(&[u32], Range<usize>)> = a.collect();
    let mut head: FastMap<&[u32], usize> = FastMap::default();
    head.reserve(items.len());
    let mut next = vec![END; items.len()];
    for (i, (key, _)) in items.iter().enumerate().rev() {
        if let Some(previous) = head.insert(key, i) {
            next[i] = previous;
        }
    }
    let mut done = vec![false; items.len()];
    for (key, range) in b {
        if let Some(&first) = head.get(key) {
            mark_b[range].fill(true);
            if !done[first] {
                done[first] = true;
                let mut i = first;
                while i != END {
                    mark_a[items[i].1.clone()].fill(true);
                    i = next[i];
                }
            }
        }
    }
}

/// Byte ranges covering each run of marked tokens.
fn ranges(toks: &[Token], marks: &[bool]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut previous_marked = false;
    for (t, &m) in toks.iter().zip(marks) {
        if m {
            match out.last_mut() {
                Some(last) if previous_marked => last.end = t.end,
                _ => out.push(t.range()),
            }
        }
        previous_marked = m;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn finds_a_copied_run_across_case_and_accents() {
        let a = "Premier point. Chaque registre est inventorié dans une base de données interne, puis rangé.";
        let b = "Autre chose ici : CHAQUE REGISTRE est inventorie dans une base de donnees interne. Fin";
        let s = shared_passages(a, b);
        assert_eq!(
            texts(a, &s.a),
            ["Chaque registre est inventorié dans une base de données interne"]
        );
        assert_eq!(
            texts(b, &s.b),
            ["CHAQUE REGISTRE est inventorie dans une base de donnees interne"]
        );
        assert_eq!((s.words_a, s.words_b), (10, 10));
    }

    #[test]
    fn seven_words_are_not_a_run() {
        let a = "Alpha dans le cadre de ses missions le service omega.";
        let b = "Beta dans le cadre de ses missions le bureau gamma.";
        // "dans le cadre de ses missions le" is 7 words, one short of a run.
        assert!(shared_passages(a, b).is_empty());
    }

    #[test]
    fn common_short_words_in_another_order_are_not_shared() {
        let a = "le la les de des du et à en un une le la les de des du et à en un une";
        let b = "de le et la des les du à un en une de le et la des les du à un en une";
        assert!(shared_passages(a, b).is_empty());
    }

    #[test]
    fn identical_short_sentences_count_from_four_words() {
        let a = "Non. Nous ne disposons pas de chiffres. Oui.";
        let b = "Non. Oui. Nous ne disposons pas de chiffres.";
        let s = shared_passages(a, b);
        assert_eq!(texts(a, &s.a), ["Nous ne disposons pas de chiffres"]);
        assert_eq!(texts(b, &s.b), ["Nous ne disposons pas de chiffres"]);
    }

    #[test]
    fn adjacent_matches_merge_and_repeats_are_all_marked() {
        let run = "un deux trois quatre cinq six sept huit";
        let a = format!("{run} {run} x");
        let b = format!("y {run}");
        let s = shared_passages(&a, &b);
        assert_eq!(s.a, vec![0..run.len() * 2 + 1]);
        assert_eq!(texts(&b, &s.b), [run]);
    }

    #[test]
    fn empty_and_disjoint_texts() {
        assert!(shared_passages("", "").is_empty());
        assert!(shared_passages("un deux trois", "").is_empty());
        assert!(
            shared_passages(
                "Les SPF recourent aux médias sociaux.",
                "Le service ne publie rien."
            )
            .is_empty()
        );
    }

    #[test]
    fn clips_to_a_part() {
        assert_eq!(clip(&[2..5, 8..20, 30..40], 4..25), vec![0..1, 4..16]);
        assert!(clip(&[0..3, 9..12], 3..9).is_empty());
    }
}
