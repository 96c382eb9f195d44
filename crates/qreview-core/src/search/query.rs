//! A full-text query: words (all must match, in any order) and "quoted
//! phrases", normalised like the corpus so that `medias` finds `médias`.
//!
//! Every term is a substring to find in normalised text; a phrase is one term
//! holding spaces. Typographic quotes (`“…”`, `«…»`) open and close phrases
//! too, since normalisation folds them to `"`.

use std::ops::Range;

use super::normalize::{Normalized, normalize};

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

/// One thing to find: a word or a phrase, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The normalised text to find.
    pub text: String,
    /// True when it was written in quotes.
    pub phrase: bool,
}

impl Query {
    /// Parses what the user typed. An unclosed quote runs to the end, so a
    /// phrase being typed already searches. Repeated terms count once.
    pub fn parse(input: &str) -> Self {
        let normalized = normalize(input);
        let mut terms: Vec<Term> = Vec::new();
        for (i, piece) in normalized.split('"').enumerate() {
            let inside_quotes = i % 2 == 1;
            let mut add = |text: &str, phrase: bool| {
                if !text.is_empty() && !terms.iter().any(|t| t.text == text) {
                    terms.push(Term {
                        text: text.to_string(),
                        phrase,
                    });
                }
            };
            if inside_quotes {
                add(piece.trim(), true);
            } else {
                piece.split(' ').for_each(|w| add(w, false));
            }
        }
        Self { terms }
    }

    /// The terms, in the order written.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every hit of every term in `text` (original, not normalised), as byte
    /// ranges of `text`, sorted, overlapping hits merged. This is what the
    /// Reader and Compare views highlight and what `n`/`N` step through.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let normalized = Normalized::new(text);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in &self.terms {
            let finder = memchr::memmem::Finder::new(term.text.as_bytes());
            for at in finder.find_iter(normalized.text.as_bytes()) {
                ranges.push(normalized.original_range(text, at..at + term.text.len()));
            }
        }
        merge(ranges)
    }
}

/// Sorts ranges and merges those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &Query) -> Vec<(&str, bool)> {
        q.terms()
            .iter()
            .map(|t| (t.text.as_str(), t.phrase))
            .collect()
    }

    #[test]
    fn words_and_phrases() {
        let q = Query::parse("Médias  \"réseaux SOCIAUX\" l’État");
        assert_eq!(
            texts(&q),
            vec![
                ("medias", false),
                ("reseaux sociaux", true),
                ("l'etat", false)
            ]
        );
        // Typographic quotes make phrases too; an open quote runs to the end.
        let q = Query::parse("« mise en œuvre » “good news");
        assert_eq!(
            texts(&q),
            vec![("mise en oeuvre", true), ("good news", true)]
        );
        assert!(Query::parse("  \"\"  ").is_empty());
        assert_eq!(Query::parse("spf SPF").terms().len(), 1);
    }

    #[test]
    fn finds_hits_in_the_original_text() {
        let text = "Les médias sociaux\net les MÉDIAS traditionnels; mise en œuvre";
        let q = Query::parse("medias oeuvre");
        let hits: Vec<&str> = q.find_in(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(hits, vec!["médias", "MÉDIAS", "œuvre"]);
        // A phrase matches across a line break.
        let q = Query::parse("\"medias sociaux et\"");
        let hits: Vec<&str> = q.find_in(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(hits, vec!["médias sociaux\net"]);
    }

    #[test]
    fn overlapping_hits_merge() {
        let q = Query::parse("soci ociaux");
        assert_eq!(q.find_in("sociaux"), vec![0..7]);
    }
}
