//! Words and their comparison form, for analysis only: splitting a text into
//! word tokens (with their byte ranges in the original) and folding a word to
//! lower case without accents so that `Inventorié` and `INVENTORIE` compare
//! equal.
//!
//! Folding itself is the search normaliser's (`search::normalize`): one
//! definition of "the same word" across the program.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

/// One word of a text: its byte range in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Number of the sentence the word belongs to (0-based, in text order).
    pub sentence: usize,
}

impl Token {
    /// The token's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Splits `text` into words: maximal runs of letters and digits. Apostrophes,
/// hyphens and punctuation separate words, so `l'atout` is `l` + `atout`
/// whichever apostrophe was typed. Sentences end at `.`, `!`, `?`, `;` or a
/// line break; a `.` glued to the next character (`2.5`, `Diplomatie.Belgium`)
/// does not end one.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut sentence = 0usize;
    let mut open: Option<usize> = None;
    // A sentence break seen since the last word; applied when the next word starts,
    // so that sentence numbers stay dense.
    let mut pending_break = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || is_combining_mark(c) {
            if open.is_none() {
                if pending_break && !out.is_empty() {
                    sentence += 1;
                }
                pending_break = false;
                open = Some(i);
            }
            continue;
        }
        if let Some(start) = open.take() {
            out.push(Token {
                start,
                end: i,
                sentence,
            });
        }
        let ends_sentence = match c {
            '!' | '?' | ';' | '\n' => true,
            '.' => chars.peek().is_none_or(|&(_, n)| !n.is_alphanumeric()),
            _ => false,
        };
        pending_break |= ends_sentence;
    }
    if let Some(start) = open {
        out.push(Token {
            start,
            end: text.len(),
            sentence,
        });
    }
    out
}

/// Number of words in `text`, as [`tokens`] counts them.
pub(crate) fn word_count(text: &str) -> usize {
    tokens(text).len()
}

/// Appends the comparison form of `word` to `out`: the search normaliser's
/// form (lower case, accents and ligatures folded), so that a passage shared
/// for analysis is one that search also finds in both answers.
pub(crate) fn fold_for_comparison(word: &str, out: &mut String) {
    crate::search::normalize::normalize_into(word, out);
}

/// The comparison form of a whole label (ministry names, for sorting).
pub(crate) fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_for_comparison(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn folds_case_accents_and_ligatures() {
        assert_eq!(folded("Inventorié"), "inventorie");
        assert_eq!(folded("ÉTAT"), "etat");
        assert_eq!(folded("sœur"), "soeur");
        assert_eq!(folded("Météorologie"), folded("METEOROLOGIE"));
        // Decomposed input folds like precomposed input.
        assert_eq!(folded("e\u{301}te\u{301}"), "ete");
        assert_eq!(folded("ﬁnancement"), "financement");
    }

    #[test]
    fn splits_words_on_apostrophes_and_punctuation() {
        assert_eq!(
            words("l'atout, d’un (SPF)… 1 565 likes"),
            ["l", "atout", "d", "un", "SPF", "1", "565", "likes"]
        );
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  -- ! "), 0);
    }

    #[test]
    fn byte_ranges_point_into_the_original() {
        let text = "Numérisé à 2.5 %";
        let t = tokens(text);
        assert_eq!(&text[t[0].range()], "Numérisé");
        assert_eq!(&text[t[1].range()], "à");
        assert_eq!(&text[t[2].range()], "2");
    }

    #[test]
    fn sentences_end_at_stops_but_not_inside_words() {
        let t = tokens("Un deux. Trois Diplomatie.Belgium quatre ? Cinq\nsix");
        let s: Vec<usize> = t.iter().map(|t| t.sentence).collect();
        assert_eq!(s, [0, 0, 1, 1, 1, 1, 2, 3]);
    }
}
