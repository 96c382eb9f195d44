//! Our fuzzy-matcher trait and its two implementations: skim v2
//! (`fuzzy-matcher`) and `nucleo-matcher`.
//!
//! The rest of qreview sees only [`Matcher`], so the engine can be swapped
//! (the benchmarks run both). Both receive haystacks and patterns already
//! folded by [`super::normalize::fold_char`] (lower case, no accents), so
//! they are asked for plain case-insensitive subsequence matching, one word
//! of the query at a time.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Utf32Str};

/// A fuzzy matching engine.
///
/// A pattern is compiled once per keystroke and shared by the worker
/// threads; each thread owns one scratch value (engines that need mutable
/// working memory keep it there).
pub trait Matcher: Sync {
    /// One query word, compiled.
    type Pattern: Sync;
    /// Per-thread working memory.
    type Scratch: Send;

    /// The engine's name, for benchmarks and reports.
    fn name(&self) -> &'static str;
    /// Compiles one folded query word.
    fn pattern(&self, word: &str) -> Self::Pattern;
    /// Fresh working memory for one thread.
    fn scratch(&self) -> Self::Scratch;
    /// The score of `pattern` in `haystack`, or `None` when it does not match.
    fn score(
        &self,
        scratch: &mut Self::Scratch,
        pattern: &Self::Pattern,
        haystack: &str,
    ) -> Option<u32>;
    /// Like [`Matcher::score`], and appends the matched character indices of
    /// `haystack` to `indices` (not sorted, maybe repeated).
    fn indices(
        &self,
        scratch: &mut Self::Scratch,
        pattern: &Self::Pattern,
        haystack: &str,
        indices: &mut Vec<usize>,
    ) -> Option<u32>;
}

/// skim v2 from `fuzzy-matcher`: the default engine. Case is respected
/// because haystack and pattern are both folded to lower case already, which
/// spares a case conversion per character.
pub struct Skim(SkimMatcherV2);

impl Default for Skim {
    fn default() -> Self {
        Self(SkimMatcherV2::default().respect_case())
    }
}

impl Matcher for Skim {
    type Pattern = String;
    type Scratch = ();

    fn name(&self) -> &'static str {
        "skim-v2"
    }

    fn pattern(&self, word: &str) -> String {
        word.to_string()
    }

    fn scratch(&self) {}

    fn score(&self, _: &mut (), pattern: &String, haystack: &str) -> Option<u32> {
        let s = self.0.fuzzy_match(haystack, pattern)?;
        Some(s.clamp(0, i64::from(u32::MAX)) as u32)
    }

    fn indices(
        &self,
        _: &mut (),
        pattern: &String,
        haystack: &str,
        indices: &mut Vec<usize>,
    ) -> Option<u32> {
        let (s, found) = self.0.fuzzy_indices(haystack, pattern)?;
        indices.extend(found);
        Some(s.clamp(0, i64::from(u32::MAX)) as u32)
    }
}

/// `nucleo-matcher`, the engine of the helix editor's picker.
#[derive(Default)]
pub struct Nucleo;

/// nucleo's matrices and a buffer for non-ASCII haystacks.
pub struct NucleoScratch {
    matcher: nucleo_matcher::Matcher,
    chars: Vec<char>,
    found: Vec<u32>,
}

impl Matcher for Nucleo {
    type Pattern = Atom;
    type Scratch = NucleoScratch;

    fn name(&self) -> &'static str {
        "nucleo"
    }

    fn pattern(&self, word: &str) -> Atom {
        // Plain fuzzy atom: no `^`, `!`, `'` syntax, so a longer query never
        // matches more than a shorter one (incremental narrowing relies on it).
        Atom::new(
            word,
            CaseMatching::Ignore,
            Normalization::Never,
            AtomKind::Fuzzy,
            false,
        )
    }

    fn scratch(&self) -> NucleoScratch {
        NucleoScratch {
            matcher: nucleo_matcher::Matcher::new(Config::DEFAULT),
            chars: Vec::new(),
            found: Vec::new(),
        }
    }

    fn score(&self, s: &mut NucleoScratch, pattern: &Atom, haystack: &str) -> Option<u32> {
        let hay = Utf32Str::new(haystack, &mut s.chars);
        pattern.score(hay, &mut s.matcher).map(u32::from)
    }

    fn indices(
        &self,
        s: &mut NucleoScratch,
        pattern: &Atom,
        haystack: &str,
        indices: &mut Vec<usize>,
    ) -> Option<u32> {
        s.found.clear();
        let hay = Utf32Str::new(haystack, &mut s.chars);
        let score = pattern.indices(hay, &mut s.matcher, &mut s.found)?;
        indices.extend(s.found.iter().map(|&i| i as usize));
        Some(u32::from(score))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<M: Matcher>(m: &M) {
        let mut scratch = m.scratch();
        let hay = "5-8902 services publics federaux";
        let p = m.pattern("spf");
        assert!(m.score(&mut scratch, &p, hay).is_some(), "{}", m.name());
        assert!(m.score(&mut scratch, &m.pattern("zzz"), hay).is_none());
        let mut idx = Vec::new();
        m.indices(&mut scratch, &m.pattern("8902"), hay, &mut idx)
            .unwrap();
        idx.sort_unstable();
        assert_eq!(idx, vec![2, 3, 4, 5], "{}", m.name());
    }

    #[test]
    fn both_engines_match_and_give_indices() {
        check(&Skim::default());
        check(&Nucleo);
    }
}
