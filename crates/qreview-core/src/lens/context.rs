//! An answer text prepared for the lens: its sentences, lines and parts,
//! and the small word-level helpers every extractor shares (folding case
//! and apostrophes, words before and after a position, clause limits).

use std::cell::OnceCell;
use std::ops::Range;

use super::model::Span;
use crate::corpus::Part;

/// Words that start a new clause: a negation before them does not reach
/// past them.
const CLAUSE_WORDS: [&str; 13] = [
    " mais ",
    " but ",
    " maar ",
    " however",
    " cependant",
    " toutefois",
    " tandis que ",
    " whereas ",
    " terwijl ",
    " daarentegen",
    " par contre",
    " en revanche",
    " wel ",
];

/// One answer, split for the extractors.
pub struct Context<'a> {
    /// The whole answer text.
    pub text: &'a str,
    sentences: Vec<Range<usize>>,
    parts: Vec<(String, Range<usize>)>,
    question_raw: &'a str,
    /// The question folded and squashed, made on first need.
    question: OnceCell<String>,
    /// The platforms the question names, found on first need.
    question_platforms: OnceCell<Vec<usize>>,
}

impl<'a> Context<'a> {
    /// Prepares `text` (with its `parts`) and the question it answers.
    pub fn new(text: &'a str, parts: &[Part], question: &'a str) -> Self {
        let parts = crate::notes::anchor::part_spans(text, parts)
            .into_iter()
            .map(|(label, r)| {
                // A part owns its line from the start (its label too).
                let start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
                (label.to_string(), start..r.end)
            })
            .collect();
        Context {
            text,
            sentences: sentences(text),
            parts,
            question_raw: question,
            question: OnceCell::new(),
            question_platforms: OnceCell::new(),
        }
    }

    /// The span of `start..end`, with the label of the part it falls in.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let part = self
            .parts
            .iter()
            .rev()
            .find(|(_, r)| r.start <= start)
            .map(|(l, _)| l.clone());
        Span { part, start, end }
    }

    /// The sentence holding byte `at`.
    pub fn sentence(&self, at: usize) -> Range<usize> {
        let i = self.sentences.partition_point(|r| r.end <= at);
        self.sentences
            .get(i)
            .cloned()
            .unwrap_or(at..at.min(self.text.len()))
    }

    /// The line (paragraph) holding byte `at`.
    pub fn line(&self, at: usize) -> Range<usize> {
        let start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i);
        start..end
    }

    /// Where the clause holding `at` starts: the sentence start, or after
    /// the last `;`, `:` or clause word (`mais`, `but`, `maar`) before `at`.
    pub fn clause_start(&self, at: usize) -> usize {
        let s = self.sentence(at).start;
        let before = &self.text[s..at];
        let mut start = s;
        if let Some(i) = before.rfind([';', ':']) {
            start = start.max(s + i + 1);
        }
        let lower = before.to_ascii_lowercase();
        for w in CLAUSE_WORDS {
            if let Some(i) = lower.rfind(w) {
                start = start.max(s + i + w.len());
            }
        }
        start
    }

    /// True when the question names the platform at `platform` of
    /// `catalog` (else the answer cannot be quoting the question about it).
    pub fn question_names(&self, catalog: &super::catalog::Catalog, platform: usize) -> bool {
        self.question_platforms
            .get_or_init(|| {
                catalog
                    .find(self.question_raw)
                    .into_iter()
                    .map(|h| h.platform)
                    .collect()
            })
            .contains(&platform)
    }

    /// True when `start..end` is inside a quotation of the question, or in
    /// a sentence that repeats the question word for word.
    pub fn quotes_question(&self, start: usize, end: usize) -> bool {
        if self.question_raw.trim().is_empty() {
            return false;
        }
        let question = self
            .question
            .get_or_init(|| squash(&fold(self.question_raw)));
        let line = self.line(start);
        if let Some(quoted) = enclosing_quote(
            &self.text[line.clone()],
            start - line.start,
            end - line.start,
        ) {
            let q = squash(&fold(quoted));
            if q.len() >= 20 && question.contains(&q) {
                return true;
            }
        }
        let sentence = squash(&fold(&self.text[self.sentence(start)]));
        sentence.len() >= 40 && question.contains(sentence.trim_end_matches(['.', '?']))
    }
}

/// Lower case, typographic apostrophes as `'`.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .collect()
}

/// Runs of white space as one space, trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of `s` (folded), split at anything but letters, digits,
/// apostrophes and hyphens.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '+'))
        .filter(|w| !w.is_empty() && *w != "-" && *w != "'")
        .map(str::to_string)
        .collect()
}

/// The last `max_bytes` bytes of `text[from..to]`, cut at a character boundary.
pub fn tail(text: &str, from: usize, to: usize, max_bytes: usize) -> &str {
    let mut start = from.max(to.saturating_sub(max_bytes));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..to]
}

/// The first `max_bytes` bytes of `text[from..to]`, cut at a character boundary.
pub fn head(text: &str, from: usize, to: usize, max_bytes: usize) -> &str {
    let mut end = to.min(from + max_bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[from..end]
}

/// Sentence ranges: a sentence ends at a line break, or after `.`, `!`,
/// `?` followed by white space and a capital, a digit, a quote or the end.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // The stops are ASCII: a byte scan finds them without decoding UTF-8.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let end = match b {
            b'\n' => Some(i + 1),
            b'.' | b'!' | b'?' => {
                let rest = &text[i + 1..];
                let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
                let spaced = trimmed.len() < rest.len();
                let next = trimmed.chars().next();
                let ends = next.is_none()
                    || next == Some('\n')
                    || (spaced
                        && next.is_some_and(|n| {
                            n.is_uppercase() || n.is_ascii_digit() || "«\"“(".contains(n)
                        }));
                ends.then_some(i + 1)
            }
            _ => None,
        };
        if let Some(end) = end {
            if end > start {
                out.push(start..end);
            }
            start = end;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The text between the quote marks around `start..end` on one line, when
/// there are such marks.
fn enclosing_quote(line: &str, start: usize, end: usize) -> Option<&str> {
    let before = &line[..start];
    let after = &line[end..];
    let pairs = [('«', '»'), ('“', '”'), ('„', '”'), ('"', '"')];
    for (open, close) in pairs {
        let Some(o) = before.rfind(open) else {
            continue;
        };
        if open == close && before.matches(open).count() % 2 == 0 {
            continue;
        }
        if open != close && before[o..].contains(close) {
            continue;
        }
        if let Some(c) = after.find(close) {
            return Some(&line[o + open.len_utf8()..end + c]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_before_capitals_and_lines() {
        let t = "compte Twitter Belgium MFA. Nous avons Diplomatie.Belgium et 2 085 followers.\nb. Au sujet";
        let c = Context::new(t, &[], "");
        let s1 = c.sentence(5);
        assert_eq!(&t[s1], "compte Twitter Belgium MFA.");
        let s2 = c.sentence(40);
        assert!(t[s2].contains("Diplomatie.Belgium et 2 085"));
        assert_eq!(&t[c.line(t.len() - 2)], "b. Au sujet");
    }

    #[test]
    fn clauses_and_quotes() {
        let t = "Nous n'avons pas de compte TikTok, mais nous utilisons Instagram.";
        let c = Context::new(t, &[], "");
        let at = t.find("Instagram").unwrap();
        assert!(t[c.clause_start(at)..at].starts_with("nous utilisons"));
        let q = "Les SPF utilisent-ils Facebook pour communiquer avec les citoyens ?";
        let a = "Vous demandez « Les SPF utilisent-ils Facebook pour communiquer avec les citoyens ? » Non.";
        let c = Context::new(a, &[], q);
        let at = a.find("Facebook").unwrap();
        assert!(c.quotes_question(at, at + 8));
        let a2 = "Nous utilisons « Facebook » tous les jours.";
        let c2 = Context::new(a2, &[], q);
        let at = a2.find("Facebook").unwrap();
        assert!(!c2.quotes_question(at, at + 8));
    }

    #[test]
    fn words_fold_case_and_apostrophes() {
        assert_eq!(
            words("N’utilise AUCUN réseau"),
            ["n'utilise", "aucun", "réseau"]
        );
        assert_eq!(tail("abcdé", 0, 6, 2), "é");
    }
}
