//! Fuzzy search over question metadata: id, title, ministry, addressee,
//! author, party and descriptors — never over question or answer bodies,
//! which would cost hundreds of milliseconds per keystroke.
//!
//! Each question is shown as one line (`5-8902 · title · ministry · …`). A
//! query is split into words; every word must fuzzy-match one of the
//! question's fields, and the score is the sum over words of the best field
//! score. Fields are folded one character for one (lower case, no accents),
//! so the matched character indices an engine returns, shifted by the field's
//! place in the line, are indices into the line shown.
//! [`FuzzySession`] narrows incrementally: a query that extends the previous
//! one only rescans the previous hits, which gives the same result because
//! a longer word (or one more word) can only match fewer lines.

use std::borrow::Cow;
use std::collections::HashMap;
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
    /// One descriptor (descriptors follow each other, joined by `, `).
    Descriptors,
}

impl MetaField {
    /// How much a match in this field counts: a word found in the id, the
    /// ministry or the addressee tells one question from its siblings; one
    /// found in the title or the descriptors (which a family shares) does
    /// not, so it ranks below.
    pub fn weight(self) -> u32 {
        match self {
            MetaField::Id | MetaField::Ministry | MetaField::Addressee => 4,
            MetaField::Author | MetaField::Party => 2,
            MetaField::Title | MetaField::Descriptors => 1,
        }
    }
}

/// Between fields of a line.
const SEPARATOR: &str = " · ";

/// Below this many values a query runs on one thread: spawning costs more.
const PARALLEL_FROM: usize = 2_000;

/// One field of one question: which field, its distinct value, and the
/// characters of the question's line it occupies.
#[derive(Debug, Clone)]
struct FieldRef {
    field: MetaField,
    value: u32,
    chars: Range<usize>,
}

/// The metadata of a corpus, ready for fuzzy matching.
///
/// Field values repeat a lot (siblings share title, author and descriptors;
/// a government has a few dozen addressees), so each distinct value is stored
/// and scored once per keystroke, then every question adds up the scores of
/// its fields: about a tenth of the work of matching whole lines.
#[derive(Debug, Default)]
pub struct FuzzyIndex {
    lines: Vec<String>,
    fields: Vec<Vec<FieldRef>>,
    spans: Vec<Vec<(MetaField, Range<usize>)>>,
    /// Distinct field values, folded one character for one.
    values: Vec<String>,
}

/// One matching question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FuzzyHit {
    /// Index of the question in `corpus.questions`.
    pub question: usize,
    /// Sum over the query's words of the best score among the fields, a
    /// near-whole match counted times its field's [`MetaField::weight`];
    /// higher is better.
    pub score: u32,
}

impl FuzzyIndex {
    /// Builds one line per question of `corpus`.
    pub fn build(corpus: &Corpus) -> Self {
        let mut index = Self::default();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut folded = String::new();
        for q in &corpus.questions {
            let mut line = String::new();
            let mut refs = Vec::new();
            let mut chars = 0;
            let id = q.id.to_string();
            let mut fields = vec![
                (MetaField::Id, id.as_str()),
                (MetaField::Title, q.title.as_deref().unwrap_or("")),
                (MetaField::Ministry, q.ministry.as_deref().unwrap_or("")),
                (MetaField::Addressee, q.addressee.as_deref().unwrap_or("")),
                (MetaField::Author, q.author.as_deref().unwrap_or("")),
                (MetaField::Party, q.party.as_deref().unwrap_or("")),
            ];
            // Each descriptor is its own value: thesaurus terms repeat across
            // the whole corpus, their combinations do not.
            fields.extend(
                q.descriptors
                    .iter()
                    .map(|d| (MetaField::Descriptors, d.as_str())),
            );
            // The other language's labels, so that a Dutch query finds a
            // French page and the other way round.
            let t = &q.translation;
            fields.push((MetaField::Title, t.title.as_deref().unwrap_or("")));
            fields.push((MetaField::Ministry, t.ministry.as_deref().unwrap_or("")));
            // A known ministry by its name in both languages (a Dutch label
            // is found by `Défense`).
            if let Some(m) = q.ministry_entity() {
                for name in [m.fr, m.nl] {
                    if Some(name) != q.ministry.as_deref() && Some(name) != t.ministry.as_deref() {
                        fields.push((MetaField::Ministry, name));
                    }
                }
            }
            fields.push((MetaField::Addressee, t.addressee.as_deref().unwrap_or("")));
            fields.extend(
                t.descriptors
                    .iter()
                    .map(|d| (MetaField::Descriptors, d.as_str())),
            );
            let mut previous = None;
            for (field, text) in fields {
                if text.trim().is_empty() {
                    continue;
                }
                let joiner = match previous {
                    None => "",
                    Some(MetaField::Descriptors) if field == MetaField::Descriptors => ", ",
                    Some(_) => SEPARATOR,
                };
                previous = Some(field);
                line.push_str(joiner);
                chars += joiner.chars().count();
                // Line breaks or tabs inside a field would break the one-line form.
                let shown: Cow<str> = if text.chars().any(char::is_control) {
                    Cow::Owned(
                        text.chars()
                            .map(|c| if c.is_control() { ' ' } else { c })
                            .collect(),
                    )
                } else {
                    Cow::Borrowed(text)
                };
                folded.clear();
                folded.extend(shown.chars().map(fold_char));
                let n = shown.chars().count();
                let value = match seen.get(folded.as_str()) {
                    Some(&v) => v,
                    None => {
                        let v = index.values.len() as u32;
                        index.values.push(folded.clone());
                        seen.insert(folded.clone(), v);
                        v
                    }
                };
                refs.push(FieldRef {
                    field,
                    value,
                    chars: chars..chars + n,
                });
                line.push_str(&shown);
                chars += n;
            }
            index
                .spans
                .push(refs.iter().map(|r| (r.field, r.chars.clone())).collect());
            index.fields.push(refs);
            index.lines.push(line);
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

    /// The metadata line of a question (fields joined by ` · `), as it should
    /// be shown; [`FuzzyIndex::indices`] are character indices into it.
    pub fn line(&self, question: usize) -> &str {
        &self.lines[question]
    }

    /// Which field each character range of [`FuzzyIndex::line`] holds (one
    /// range per descriptor).
    pub fn spans(&self, question: usize) -> &[(MetaField, Range<usize>)] {
        &self.spans[question]
    }

    /// Every question matching `query`, best first (ties in corpus order).
    /// Each word of the query must fuzzy-match one of the question's fields.
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
        // Only the values the candidates use are scored.
        let mut needed = vec![false; self.values.len()];
        for &q in candidates {
            for f in &self.fields[q] {
                needed[f.value as usize] = true;
            }
        }
        let wanted: Vec<u32> = (0..self.values.len() as u32)
            .filter(|&v| needed[v as usize])
            .collect();
        let scores: Vec<Vec<Option<u32>>> = words
            .iter()
            .map(|w| self.score_values(matcher, w, &matcher.pattern(w), &wanted))
            .collect();
        let whole: Vec<u32> = words.iter().map(|w| whole_word_score(matcher, w)).collect();
        let mut hits: Vec<FuzzyHit> = candidates
            .iter()
            .filter_map(|&q| {
                let mut total = 0u32;
                for (word, &whole) in scores.iter().zip(&whole) {
                    let best = self.fields[q]
                        .iter()
                        .filter_map(|f| Some(weighted(word[f.value as usize]?, f.field, whole)))
                        .max()?;
                    total = total.saturating_add(best);
                }
                Some(FuzzyHit {
                    question: q,
                    score: total,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.question.cmp(&b.question)));
        hits
    }

    /// Scores of `pattern` for the values `wanted` (others stay `None`),
    /// split over two threads when there are many.
    fn score_values<M: Matcher>(
        &self,
        matcher: &M,
        word: &str,
        pattern: &M::Pattern,
        wanted: &[u32],
    ) -> Vec<Option<u32>> {
        let run = |chunk: &[u32]| {
            let mut scratch = matcher.scratch();
            chunk
                .iter()
                .map(|&v| {
                    let value = &self.values[v as usize];
                    // Most values cannot match at all (a letter in an id, a
                    // digit in a title); finding that out costs a few memchr.
                    if !is_subsequence(word, value) {
                        return None;
                    }
                    matcher.score(&mut scratch, pattern, value)
                })
                .collect::<Vec<_>>()
        };
        let found = if wanted.len() < PARALLEL_FROM {
            run(wanted)
        } else {
            let (a, b) = wanted.split_at(wanted.len() / 2);
            std::thread::scope(|scope| {
                let second = scope.spawn(|| run(b));
                let mut found = run(a);
                found.extend(
                    second
                        .join()
                        .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                );
                found
            })
        };
        let mut scores = vec![None; self.values.len()];
        for (&v, s) in wanted.iter().zip(found) {
            scores[v as usize] = s;
        }
        scores
    }

    /// The character indices of [`FuzzyIndex::line`] matched by `query`,
    /// sorted: for each word, those in the field that scored best.
    pub fn indices<M: Matcher>(&self, matcher: &M, query: &str, question: usize) -> Vec<usize> {
        let mut scratch = matcher.scratch();
        let mut out = Vec::new();
        let mut found = Vec::new();
        for w in words(query) {
            let p = matcher.pattern(&w);
            let mut best: Option<(u32, usize, Vec<usize>)> = None;
            for (k, f) in self.fields[question].iter().enumerate() {
                found.clear();
                let value = &self.values[f.value as usize];
                if let Some(s) = matcher.indices(&mut scratch, &p, value, &mut found)
                    && best.as_ref().is_none_or(|(b, _, _)| s > *b)
                {
                    best = Some((s, k, found.clone()));
                }
            }
            if let Some((_, k, idx)) = best {
                let start = self.fields[question][k].chars.start;
                out.extend(idx.into_iter().map(|i| start + i));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// What a match of the whole word, its letters together, scores at least:
/// both engines give a matched character 16 points before bonuses and gap
/// penalties. Computed, not asked of the engine: a call on a short haystack
/// between two searches would change what skim's reused buffers hold.
fn whole_word_score<M: Matcher>(_matcher: &M, word: &str) -> u32 {
    16 * word.chars().count() as u32
}

/// A field's score counted with its [`MetaField::weight`] when the word
/// was found whole there (at least [`whole_word_score`]: contiguous letters
/// earn bonuses above it, scattered ones lose gap penalties below it);
/// letters scattered over a long addressee count only once, so they never
/// outrank the word itself found in the title.
fn weighted(score: u32, field: MetaField, whole: u32) -> u32 {
    if score >= whole {
        score.saturating_mul(field.weight())
    } else {
        score
    }
}

/// True when the characters of `needle` appear in `hay` in order: the
/// necessary condition of every fuzzy match, checked without the engine.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    let hay = hay.as_bytes();
    let mut at = 0;
    let mut buf = [0u8; 4];
    for c in needle.chars() {
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        let found = match bytes {
            [b] => memchr::memchr(*b, &hay[at..]),
            _ => memchr::memmem::find(&hay[at..], bytes),
        };
        match found {
            Some(i) => at += i + bytes.len(),
            None => return false,
        }
    }
    true
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
