//! Full-text search over question and answer texts.
//!
//! The index is the corpus's texts normalised once (see [`super::normalize`]),
//! piece by piece (see [`super::segments`]), laid end to end with a `\n`
//! between pieces — a normalised query never holds `\n`, so no hit spans two
//! pieces. It is cut into one shard per core; a query scans every shard on
//! its own thread with `memchr::memmem` (a one-byte term is counted per piece
//! with the vectorised `memchr` count instead).
//!
//! Ranking: a piece matches when it holds every term. Its score is
//! `Σ idf(t) × (1 + ln hits(t))` over the terms, with
//! `idf(t) = ln(1 + pieces / pieces holding t)`: more hits score higher but
//! with diminishing returns, and a hit of a rare term outweighs a hit of a
//! common one. Ties keep reading order (question id, question before answer,
//! intro before parts).

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::corpus::Corpus;

use super::normalize::normalize_into;
use super::query::Query;
use super::segments::{Field, Piece, pieces};
use super::snippet::{Snippet, snippet};

/// One piece in a shard's haystack.
#[derive(Debug, Clone, Copy)]
struct Seg {
    question: u32,
    field: Field,
    /// Part index, or `u32::MAX` for the intro.
    part: u32,
    start: u32,
    end: u32,
}

/// A slice of the corpus, searched by one thread.
#[derive(Debug, Default)]
struct Shard {
    haystack: String,
    segs: Vec<Seg>,
}

/// The normalised corpus texts, ready to search.
#[derive(Debug, Default)]
pub struct TextIndex {
    shards: Vec<Shard>,
    generation: u64,
}

/// Where one term occurs: per shard, `(piece, hits)` in piece order.
#[derive(Debug, Clone, Default)]
pub struct Postings(Vec<Vec<(u32, u32)>>);

impl Postings {
    /// Number of pieces holding the term.
    pub fn pieces(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }
}

/// Hands out index generations.
static GENERATION: AtomicU64 = AtomicU64::new(1);

/// One matching piece.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextHit {
    /// Index of the question in `corpus.questions`.
    pub question: usize,
    /// Question text or answer.
    pub field: Field,
    /// Index into that field's `parts`; `None` for the text before part 1.
    pub part: Option<usize>,
    /// Rank score (see the module documentation); higher is better.
    pub score: f32,
    /// Hits of all terms in the piece.
    pub count: u32,
}

impl TextIndex {
    /// Normalises every question and answer text of `corpus`, on all cores.
    pub fn build(corpus: &Corpus) -> Self {
        let n = corpus.questions.len();
        let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
        let shards = if n < 256 { 1 } else { cores };
        let per = n.div_ceil(shards).max(1);
        let ranges: Vec<Range<usize>> = (0..n).step_by(per).map(|s| s..(s + per).min(n)).collect();
        let shards = std::thread::scope(|scope| {
            let handles: Vec<_> = ranges
                .into_iter()
                .map(|r| scope.spawn(move || build_shard(corpus, r)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        Self {
            shards,
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Number of searchable pieces.
    pub fn pieces(&self) -> usize {
        self.shards.iter().map(|s| s.segs.len()).sum()
    }

    /// Bytes of normalised text held.
    pub fn text_bytes(&self) -> usize {
        self.shards.iter().map(|s| s.haystack.len()).sum()
    }

    /// Every piece holding all the query's terms, best first.
    pub fn search(&self, query: &Query) -> Vec<TextHit> {
        let postings: Vec<Postings> = query
            .terms()
            .iter()
            .map(|t| self.postings(t.text.as_bytes(), None))
            .collect();
        self.rank(&postings.iter().collect::<Vec<_>>())
    }

    /// Where `needle` occurs. `within`, when given, must hold every piece
    /// that holds `needle` (the postings of a substring of it): only those
    /// pieces are scanned.
    pub(crate) fn postings(&self, needle: &[u8], within: Option<&Postings>) -> Postings {
        Postings(self.on_shards(|i, shard| match within {
            None => shard.count(needle),
            Some(w) => shard.count_in(needle, &w.0[i]),
        }))
    }

    /// Pieces present in every list, scored and sorted best first.
    pub(crate) fn rank(&self, terms: &[&Postings]) -> Vec<TextHit> {
        if terms.is_empty() {
            return Vec::new();
        }
        let total = self.pieces().max(1) as f32;
        let idf: Vec<f32> = terms
            .iter()
            .map(|p| (1.0 + total / p.pieces().max(1) as f32).ln())
            .collect();
        // Each shard scores and sorts its own hits on its own thread; the
        // sorted lists are then merged.
        let per_shard = self.on_shards(|i, shard| {
            let lists: Vec<&[(u32, u32)]> = terms.iter().map(|p| p.0[i].as_slice()).collect();
            let mut hits = Vec::new();
            intersect(&lists, |seg, hits_per_term| {
                let s = shard.segs[seg as usize];
                let score = hits_per_term
                    .iter()
                    .zip(&idf)
                    .map(|(&c, idf)| idf * (1.0 + (c as f32).ln()))
                    .sum();
                hits.push(TextHit {
                    question: s.question as usize,
                    field: s.field,
                    part: (s.part != u32::MAX).then_some(s.part as usize),
                    score,
                    count: hits_per_term.iter().sum(),
                });
            });
            // Pieces are pushed in reading order; a stable sort keeps it among ties.
            hits.sort_by(|a, b| b.score.total_cmp(&a.score));
            hits
        });
        per_shard.into_iter().reduce(merge).unwrap_or_default()
    }

    /// Identifies this index, so a [`super::TextSession`] notices a rebuilt one.
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    /// The text of a hit's piece, as stored in the corpus.
    pub fn piece_text<'c>(corpus: &'c Corpus, hit: &TextHit) -> Option<&'c str> {
        let q = corpus.questions.get(hit.question)?;
        pieces(q)
            .into_iter()
            .find(|p| p.field == hit.field && p.part == hit.part)
            .map(|p| p.text)
    }

    /// A one-line extract of a hit's piece around its first hit, about
    /// `width` characters, with the hits marked.
    pub fn snippet(corpus: &Corpus, hit: &TextHit, query: &Query, width: usize) -> Snippet {
        let text = Self::piece_text(corpus, hit).unwrap_or("");
        snippet(text, &query.find_in(text), width)
    }

    /// Runs `f(shard number, shard)` on every shard, the shards after the
    /// first on their own threads.
    fn on_shards<T: Send>(&self, f: impl Fn(usize, &Shard) -> T + Sync) -> Vec<T> {
        match self.shards.as_slice() {
            [] => Vec::new(),
            [only] => vec![f(0, only)],
            [first, rest @ ..] => std::thread::scope(|scope| {
                let f = &f;
                let handles: Vec<_> = rest
                    .iter()
                    .enumerate()
                    .map(|(i, s)| scope.spawn(move || f(i + 1, s)))
                    .collect();
                let mut out = vec![f(0, first)];
                out.extend(
                    handles
                        .into_iter()
                        .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
                );
                out
            }),
        }
    }
}

fn build_shard(corpus: &Corpus, range: Range<usize>) -> Shard {
    let bytes: usize = corpus.questions[range.clone()]
        .iter()
        .map(|q| q.question.text.len() + q.answer.as_ref().map_or(0, |a| a.text.len()) + 16)
        .sum();
    let mut shard = Shard {
        haystack: String::with_capacity(bytes),
        segs: Vec::new(),
    };
    for qi in range {
        for Piece { field, part, text } in pieces(&corpus.questions[qi]) {
            let start = shard.haystack.len() as u32;
            normalize_into(text, &mut shard.haystack);
            shard.segs.push(Seg {
                question: qi as u32,
                field,
                part: part.map_or(u32::MAX, |p| p as u32),
                start,
                end: shard.haystack.len() as u32,
            });
            shard.haystack.push('\n');
        }
    }
    shard.haystack.shrink_to_fit();
    shard
}

impl Shard {
    /// `(piece, hits)` for every piece holding `needle`, in piece order.
    fn count(&self, needle: &[u8]) -> Vec<(u32, u32)> {
        let hay = self.haystack.as_bytes();
        let mut out = Vec::new();
        if let [byte] = needle {
            for (i, s) in self.segs.iter().enumerate() {
                let n = memchr::memchr_iter(*byte, &hay[s.start as usize..s.end as usize]).count();
                if n > 0 {
                    out.push((i as u32, n as u32));
                }
            }
            return out;
        }
        let finder = memchr::memmem::Finder::new(needle);
        let mut seg = 0usize;
        for at in finder.find_iter(hay) {
            while self.segs[seg].end as usize <= at {
                seg += 1;
            }
            match out.last_mut() {
                Some((s, n)) if *s == seg as u32 => *n += 1,
                _ => out.push((seg as u32, 1)),
            }
        }
        out
    }

    /// Like [`Shard::count`], scanning only the pieces of `within`.
    fn count_in(&self, needle: &[u8], within: &[(u32, u32)]) -> Vec<(u32, u32)> {
        let hay = self.haystack.as_bytes();
        let finder = memchr::memmem::Finder::new(needle);
        within
            .iter()
            .filter_map(|&(i, _)| {
                let s = self.segs[i as usize];
                let piece = &hay[s.start as usize..s.end as usize];
                let n = match needle {
                    [byte] => memchr::memchr_iter(*byte, piece).count(),
                    _ => finder.find_iter(piece).count(),
                };
                (n > 0).then_some((i, n as u32))
            })
            .collect()
    }
}

/// Merges two lists sorted best first; among equal scores, `a` (the earlier
/// shard, so the earlier questions) comes first.
fn merge(a: Vec<TextHit>, b: Vec<TextHit>) -> Vec<TextHit> {
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        if y.score > x.score {
            out.extend(b.next());
        } else {
            out.extend(a.next());
        }
    }
    out.extend(a);
    out.extend(b);
    out
}

/// Calls `found(piece, hits per term)` for every piece present in all lists
/// (each sorted by piece), walking them together.
fn intersect(lists: &[&[(u32, u32)]], mut found: impl FnMut(u32, &[u32])) {
    let Some(shortest) = lists.iter().min_by_key(|l| l.len()) else {
        return;
    };
    let mut cursors = vec![0usize; lists.len()];
    let mut per_term = vec![0u32; lists.len()];
    'pieces: for &(seg, _) in shortest.iter() {
        for (t, list) in lists.iter().enumerate() {
            let c = &mut cursors[t];
            while *c < list.len() && list[*c].0 < seg {
                *c += 1;
            }
            match list.get(*c) {
                Some(&(s, n)) if s == seg => per_term[t] = n,
                _ => continue 'pieces,
            }
        }
        found(seg, &per_term);
    }
}
