//! Fuzzy search over question metadata: id, title, ministry, addressee,
//! author, party and descriptors — never over question or answer bodies,
//! which would cost hundreds of milliseconds per keystroke.
//!
//! Each question becomes one line (`5-8902 · title · ministry · …`); the line
//! is folded one character for one (lower case, no accents), so the matched
//! character indices an engine returns are also indices into the line shown.
//! A query is split into words; every word must match; the score is the sum.
//! [`FuzzySession`] narrows incrementally: a query that extends the previous
//! one only rescans the previous hits, which gives the same result because
//! a longer word (or one more word) can only match fewer lines.

use std::ops::Range;

use crate::corpus::Corpus;

use super::matcher::Matcher;
use super::normalize::fold_char;

/// Which metadata field a span of a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaField {
    /// `5-8902`.
    Id,
    /// The title.
    Title,
    /// The short ministry label.
    Ministry,
    /// The addressee line.
    Addressee,
    /// The author's name.
    Author,
    /// The author's party.
    Party,
    /// The descriptors, joined by `, `.
    Descriptors,
}

/// Between fields of a line.
const SEPARATOR: &str = " · ";

/// Below this many candidates a query runs on one thread: spawning costs more.
const PARALLEL_FROM: usize = 2_000;

/// The metadata lines of a corpus, ready for fuzzy matching.
#[derive(Debug, Default)]
pub struct FuzzyIndex {
    lines: Vec<String>,
    folded: Vec<String>,
    spans: Vec<Vec<(MetaField, Range<usize>)>>,
}

/// One matching question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FuzzyHit {
    /// Index of the question in `corpus.questions`.
    pub question: usize,
    /// Sum of the words' scores; higher is better.
    pub score: u32,
}

impl FuzzyIndex {
    /// Builds one line per question of `corpus`.
    pub fn build(corpus: &Corpus) -> Self {
        let mut index = Self::default();
        for q in &corpus.questions {
            let mut line = String::new();
            let mut spans = Vec::new();
            let mut chars = 0;
            let mut add = |field: MetaField, text: &str| {
                if text.is_empty() {
                    return;
                }
                if !line.is_empty() {
                    line.push_str(SEPARATOR);
                    chars += SEPARATOR.chars().count();
                }
                let n = text.chars().count();
                spans.push((field, chars..chars + n));
                line.push_str(text);
                chars += n;
            };
            add(MetaField::Id, &q.id.to_string());
            add(MetaField::Title, q.title.as_deref().unwrap_or(""));
            add(MetaField::Ministry, q.ministry.as_deref().unwrap_or(""));
            add(MetaField::Addressee, q.addressee.as_deref().unwrap_or(""));
            add(MetaField::Author, q.author.as_deref().unwrap_or(""));
            add(MetaField::Party, q.party.as_deref().unwrap_or(""));
            add(MetaField::Descriptors, &q.descriptors.join(", "));
            // Line breaks or tabs inside a field would break the one-line form.
            let line: String = line
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            index.folded.push(line.chars().map(fold_char).collect());
            index.lines.push(line);
            index.spans.push(spans);
        }
        index
    }

    /// Number of lines (= questions).
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when the corpus had no questions.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The metadata line of a question, as matched and as it should be shown.
    pub fn line(&self, question: usize) -> &str {
        &self.lines[question]
    }

    /// Which field each character range of [`FuzzyIndex::line`] holds.
    pub fn spans(&self, question: usize) -> &[(MetaField, Range<usize>)] {
        &self.spans[question]
    }

    /// Every question matching `query`, best first (ties in corpus order).
    pub fn search<M: Matcher>(&self, matcher: &M, query: &str) -> Vec<FuzzyHit> {
        let all: Vec<usize> = (0..self.len()).collect();
        self.search_among(matcher, query, &all)
    }

    /// Like [`FuzzyIndex::search`], among `candidates` (indices in corpus order).
    pub fn search_among<M: Matcher>(
        &self,
        matcher: &M,
        query: &str,
        candidates: &[usize],
    ) -> Vec<FuzzyHit> {
        let words = words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let patterns: Vec<M::Pattern> = words.iter().map(|w| matcher.pattern(w)).collect();
        let run = |chunk: &[usize]| {
            let mut scratch = matcher.scratch();
            chunk
                .iter()
                .filter_map(|&q| {
                    let hay = &self.folded[q];
                    let mut total = 0u32;
                    for p in &patterns {
                        total = total.saturating_add(matcher.score(&mut scratch, p, hay)?);
                    }
                    Some(FuzzyHit {
                        question: q,
                        score: total,
                    })
                })
                .collect::<Vec<_>>()
        };
        let mut hits = if candidates.len() < PARALLEL_FROM {
            run(candidates)
        } else {
            let (a, b) = candidates.split_at(candidates.len() / 2);
            std::thread::scope(|scope| {
                let second = scope.spawn(|| run(b));
                let mut hits = run(a);
                hits.extend(
                    second
                        .join()
                        .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                );
                hits
            })
        };
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.question.cmp(&b.question)));
        hits
    }

    /// The character indices of [`FuzzyIndex::line`] matched by `query`, sorted.
    pub fn indices<M: Matcher>(&self, matcher: &M, query: &str, question: usize) -> Vec<usize> {
        let mut scratch = matcher.scratch();
        let mut out = Vec::new();
        for w in words(query) {
            let p = matcher.pattern(&w);
            matcher.indices(&mut scratch, &p, &self.folded[question], &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The query folded like the lines and split into words.
fn words(query: &str) -> Vec<String> {
    let folded: String = query.chars().map(fold_char).collect();
    folded.split_whitespace().map(str::to_string).collect()
}

/// A search being typed: remembers the last query and its hits so that the
/// next keystroke, when it extends the query, only rescans those hits.
#[derive(Debug, Default, Clone)]
pub struct FuzzySession {
    query: String,
    hits: Vec<FuzzyHit>,
}

impl FuzzySession {
    /// Runs `query`, narrowing from the previous hits when it extends the
    /// previous query; returns the hits, best first.
    pub fn update<M: Matcher>(
        &mut self,
        index: &FuzzyIndex,
        matcher: &M,
        query: &str,
    ) -> &[FuzzyHit] {
        let narrows = !words(&self.query).is_empty() && query.starts_with(self.query.as_str());
        self.hits = if narrows {
            let mut candidates: Vec<usize> = self.hits.iter().map(|h| h.question).collect();
            candidates.sort_unstable();
            index.search_among(matcher, query, &candidates)
        } else {
            index.search(matcher, query)
        };
        self.query = query.to_string();
        &self.hits
    }

    /// The hits of the last query.
    pub fn hits(&self) -> &[FuzzyHit] {
        &self.hits
    }

    /// The last query.
    pub fn query(&self) -> &str {
        &self.query
    }
}
