//! The text a detected family is compared on: the question without whom it
//! is addressed to, as word tokens, and its set of word shingles.
//!
//! The addressee is taken out in three ways, each a rule the sources show:
//! the UK's opening clause ("To ask the Secretary of State for Defence,"),
//! the French "… attention de M. le ministre de l'intérieur sur …" span, and
//! the question's own addressee or ministry name where the text has it (so
//! a Chamber text naming its minister compares equal to its twin).

use crate::corpus::model::Question;

/// Words per shingle: three keeps a changed word from hiding (it breaks
/// three shingles) while a reworded minister's title costs only a few.
pub const SHINGLE_WORDS: usize = 3;

/// The normalised words of `q`'s text without its addressee.
pub fn words(q: &Question) -> Vec<String> {
    let text = normalised(q);
    kept(&text).map(str::to_string).collect()
}

/// The hashes of [`words`], without allocating a string per word: what
/// detection compares.
pub fn word_hashes(q: &Question) -> Vec<u64> {
    let text = normalised(q);
    kept(&text).map(hash_word).collect()
}

/// `q`'s text in lower case, without the addressee.
fn normalised(q: &Question) -> String {
    let text = q.question.text.as_str();
    let text = strip_uk_opening(text);
    let lower = text.to_lowercase();
    let mut lower = strip_french_minister(&lower);
    // The question's own addressee and ministry, where the text names them
    // as written (a Chamber text addressing "Madame la Ministre de la
    // Justice"): whole phrases only, so a word they share with the body
    // ("Department") stays in every copy alike.
    for name in [q.addressee.as_deref(), q.ministry.as_deref()]
        .into_iter()
        .flatten()
    {
        let name = name.trim().to_lowercase();
        if name.len() >= 4 && lower.contains(&name) {
            lower = lower.replace(&name, " ");
        }
    }
    lower
}

/// The words compared: articles dropped, possessives made one.
fn kept(text: &str) -> impl Iterator<Item = &str> {
    tokens(text)
        .filter(|w| !ARTICLES.contains(w))
        .map(|w| if POSSESSIVES.contains(&w) { "his" } else { w })
}

/// FNV-1a: a word's hash, stable across runs and platforms.
fn hash_word(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One shingle's hash from its words' hashes (order matters).
fn combine(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15, |h, w| {
        (h ^ w).wrapping_mul(0xbf58_476d_1ce4_e5b9).rotate_left(31)
    })
}

/// Articles, which members' copies add or drop ("in the last year").
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// Possessives that follow the minister ("his Department", "her
/// Department"): one word for all, so a sibling differs only by who asks.
const POSSESSIVES: [&str; 4] = ["his", "her", "its", "their"];

/// Words: runs of letters and digits.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// "To ask the Secretary of State for Defence, how many …" → "how many …".
fn strip_uk_opening(text: &str) -> &str {
    let t = text.trim_start();
    let Some(head) = t.get(..7) else {
        return t;
    };
    if !head.eq_ignore_ascii_case("to ask ") {
        return t;
    }
    match t.find(',') {
        Some(comma) if comma < 160 => &t[comma + 1..],
        _ => t,
    }
}

/// "… attire l'attention de m. le ministre de l'intérieur sur la …" →
/// "… attire l'attention de sur la …": the minister's title up to the
/// "sur" that opens the subject (within a title's length).
fn strip_french_minister(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut rest = lower;
    while let Some(mut at) = find_minister(rest) {
        // Take the civility and article before the title too ("m. le").
        if let Some(c) = CIVILITIES.iter().find(|c| rest[..at].ends_with(*c)) {
            at -= c.len();
        }
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        match after.find(" sur ").filter(|&end| end < 220) {
            Some(end) => rest = &after[end..],
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// What stands before a minister's title, longest first.
const CIVILITIES: [&str; 9] = [
    "monsieur le ",
    "madame la ",
    "madame le ",
    "mme la ",
    "mme le ",
    "m. le ",
    "m. la ",
    "le ",
    "la ",
];

fn find_minister(s: &str) -> Option<usize> {
    ["ministre", "secrétaire d'état", "secrétaire d’état"]
        .iter()
        .filter_map(|m| s.find(m))
        .min()
}

/// The sorted, distinct hashes of the word shingles of `words` (a text
/// shorter than one shingle is one shingle of all its words).
pub fn shingles(words: &[String]) -> Vec<u64> {
    let hashes: Vec<u64> = words.iter().map(|w| hash_word(w)).collect();
    shingles_of(&hashes)
}

/// [`shingles`] from the words' hashes ([`word_hashes`]).
pub fn shingles_of(words: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = if words.len() <= SHINGLE_WORDS {
        vec![combine(words)]
    } else {
        words.windows(SHINGLE_WORDS).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted shingle sets: shared / all.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{QuestionId, Source, Text};

    fn q(text: &str, addressee: Option<&str>) -> Question {
        let mut q = Question::new(QuestionId::new(Source::UkParliament, "1"));
        q.question.text = Text::from(text);
        q.addressee = addressee.map(str::to_string);
        q
    }

    #[test]
    fn the_uk_opening_clause_is_taken_out() {
        let a = words(&q(
            "To ask the Secretary of State for Defence, how many accounts?",
            None,
        ));
        let b = words(&q(
            "To ask the Secretary of State for Health and Social Care, how many accounts?",
            None,
        ));
        assert_eq!(a, b);
        assert_eq!(a, ["how", "many", "accounts"]);
    }

    #[test]
    fn the_french_minister_is_taken_out() {
        let a = words(&q(
            "Mme X attire l'attention de M. le ministre de l'intérieur sur les comptes.",
            None,
        ));
        let b = words(&q(
            "Mme X attire l'attention de Mme la ministre de la santé et de la prévention sur les comptes.",
            None,
        ));
        assert_eq!(a, b);
    }

    #[test]
    fn words_of_the_own_addressee_are_taken_out() {
        let a = words(&q(
            "Can the Minister of Mobility say how many accounts?",
            Some("Minister of Mobility"),
        ));
        let b = words(&q(
            "Can the Minister of Justice say how many accounts?",
            Some("Minister of Justice"),
        ));
        assert_eq!(a, b);
    }

    #[test]
    fn similarity_is_jaccard_of_shingles() {
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let a = shingles(&w("a b c d e"));
        assert_eq!(similarity(&a, &a), 1.0);
        let b = shingles(&w("a b c d f"));
        assert!((similarity(&a, &b) - 0.5).abs() < 1e-9, "2 shared of 4");
        assert_eq!(similarity(&shingles(&w("x y z w")), &a), 0.0);
    }
}
