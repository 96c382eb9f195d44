//! Figures, money and staff in an answer: a number with the word that says
//! what it counts (`1 565 likes`, `volgers: 2.085`), a currency (`€ 5.000`,
//! `£120,000`, `3 000 euros`) or a staff unit (`1,5 ETP`, `2 VTE`, `FTE`).
//! A number of months or days is a duration, never a count.
//!
//! Which platform a figure belongs to is decided by the extractor; this
//! module only reads what each number is.

use super::context::{fold, head, words};
use super::model::Metric;
use super::numbers::{Number, numbers};

/// Words that name a count, and the metric they count.
const METRIC_WORDS: [(&str, Metric); 33] = [
    ("likes", Metric::Likes),
    ("like", Metric::Likes),
    ("j'aime", Metric::Likes),
    ("vind-ik-leuks", Metric::Likes),
    ("vind-ik-leuk", Metric::Likes),
    ("fans", Metric::Likes),
    ("followers", Metric::Followers),
    ("follower", Metric::Followers),
    ("abonnés", Metric::Followers),
    ("abonné", Metric::Followers),
    ("volgers", Metric::Followers),
    ("volger", Metric::Followers),
    ("abonnees", Metric::Followers),
    ("tweets", Metric::Tweets),
    ("tweet", Metric::Tweets),
    ("tweeten", Metric::Tweets),
    ("posts", Metric::Posts),
    ("post", Metric::Posts),
    ("publications", Metric::Posts),
    ("berichten", Metric::Posts),
    ("publicaties", Metric::Posts),
    ("views", Metric::Views),
    ("vues", Metric::Views),
    ("weergaven", Metric::Views),
    ("vertoningen", Metric::Views),
    ("visionnages", Metric::Views),
    ("visualisations", Metric::Views),
    ("retweets", Metric::Retweets),
    ("retweet", Metric::Retweets),
    ("subscribers", Metric::Subscribers),
    ("subscriber", Metric::Subscribers),
    ("abonnements", Metric::Subscribers),
    ("inschrijvingen", Metric::Subscribers),
];

/// Words between a number and its metric word that do not break the link
/// (`1 565 mentions « j'aime »`, `2.000 nieuwe volgers`).
const FILLERS: [&str; 8] = [
    "mentions",
    "nieuwe",
    "new",
    "nouveaux",
    "nouvelles",
    "unique",
    "uniques",
    "total",
];

/// Units of time: a number before them is a duration.
const DURATIONS: [&str; 22] = [
    "mois", "maand", "maanden", "month", "months", "jour", "jours", "dag", "dagen", "day", "days",
    "an", "ans", "années", "jaar", "jaren", "year", "years", "semaines", "weken", "weeks",
    "heures",
];

/// Currency marks before or after an amount, and their code.
const CURRENCIES: [(&str, &str); 12] = [
    ("€", "EUR"),
    ("eur", "EUR"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("pounds", "GBP"),
    ("livres", "GBP"),
    ("$", "USD"),
    ("usd", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
];

/// Staff units (full-time equivalents).
const STAFF_UNITS: [&str; 11] = [
    "etp",
    "vte",
    "fte",
    "fte's",
    "équivalent temps plein",
    "équivalents temps plein",
    "voltijdse equivalent",
    "voltijdse equivalenten",
    "voltijds equivalent",
    "full-time equivalent",
    "full-time equivalents",
];

/// What one number in the text is.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A count of `metric`; `word` is where its metric word stands.
    Count {
        /// What is counted.
        metric: Metric,
        /// The count.
        value: u64,
        /// The whole figure, number and word.
        start: usize,
        /// Its end.
        end: usize,
        /// The metric word as written (folded).
        word: String,
    },
    /// An amount of money.
    Money {
        /// Amount (multiplied by `million`/`miljoen` when written).
        amount: f64,
        /// `EUR`, `GBP`, `USD`.
        currency: &'static str,
        /// Start (the currency mark when it comes first).
        start: usize,
        /// End.
        end: usize,
    },
    /// Staff in full-time equivalents.
    Staff {
        /// FTE.
        fte: f64,
        /// Start.
        start: usize,
        /// End (after the unit).
        end: usize,
    },
}

/// Every figure, amount and staff count in `text`, in order.
pub fn readings(text: &str) -> Vec<Reading> {
    numbers(text)
        .into_iter()
        .filter_map(|n| read(text, n))
        .collect()
}

/// What the number `n` is, if anything the lens keeps.
fn read(text: &str, n: Number) -> Option<Reading> {
    // Glued to a letter or a dash (`5-8902`, `H2`): an id or a code.
    if text[..n.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == '-' || c == '/')
    {
        return None;
    }
    let after = &text[n.end..];
    let before = &text[..n.start];
    if let Some(m) = money(text, n, before) {
        return Some(m);
    }
    if let Some(s) = staff(n, after) {
        return Some(s);
    }
    if after.starts_with('%') || !n.whole {
        return None;
    }
    // A count's word follows after a space (a date, an id or a part label
    // `2.` has none); only then are the next words read.
    let spaced = after.starts_with([' ', '\u{a0}', '\u{202f}']);
    let after_words = if spaced {
        words(head(after, 0, after.len(), 48))
    } else {
        Vec::new()
    };
    if after_words
        .first()
        .is_some_and(|w| DURATIONS.contains(&w.as_str()))
    {
        return None;
    }
    // "1 565 likes", "648 tweets", "1.565 mentions « j'aime »".
    for (i, w) in after_words.iter().take(3).enumerate() {
        if let Some(metric) = metric_of(w) {
            let end = word_end(text, n.end, w, i)?;
            return Some(Reading::Count {
                metric,
                value: n.value as u64,
                start: n.start,
                end,
                word: w.clone(),
            });
        }
        if !FILLERS.contains(&w.as_str()) {
            break;
        }
    }
    // "volgers: 2.085", "likes (1 565)".
    let lead = before.trim_end_matches([' ', '\u{a0}']);
    let lead = lead
        .strip_suffix([':', '('])?
        .trim_end_matches([' ', '\u{a0}']);
    let word_start = lead
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || "-'’".contains(c))
        .last()
        .map(|(i, _)| i)?;
    let word = fold(&lead[word_start..]);
    let metric = metric_of(&word)?;
    Some(Reading::Count {
        metric,
        value: n.value as u64,
        start: word_start,
        end: n.end,
        word,
    })
}

/// The metric a (folded) word names.
fn metric_of(w: &str) -> Option<Metric> {
    METRIC_WORDS.iter().find(|(k, _)| *k == w).map(|&(_, m)| m)
}

/// Byte offset just past the `index`-th word after `from` (the word `w`).
fn word_end(text: &str, from: usize, w: &str, index: usize) -> Option<usize> {
    let lower = fold(head(text, from, text.len(), 120));
    // Folding can change lengths for a few letters; then give the word start only.
    let mut at = 0;
    for _ in 0..index {
        at += lower[at..].find(|c: char| c.is_whitespace())? + 1;
    }
    let i = lower[at..].find(w)? + at + w.len();
    let end = from + i;
    text.is_char_boundary(end).then_some(end)
}

/// An amount: a currency mark right before or after the number.
fn money(text: &str, n: Number, before: &str) -> Option<Reading> {
    let pre = before.trim_end_matches([' ', '\u{a0}']);
    // The last few characters, folded once (the longest mark is 7 bytes).
    let tail_start = (pre.len().saturating_sub(8)..=pre.len())
        .find(|&i| pre.is_char_boundary(i))
        .unwrap_or(pre.len());
    let pre_tail = fold(&pre[tail_start..]);
    for (mark, code) in CURRENCIES {
        if !pre_tail.ends_with(mark) {
            continue;
        }
        let Some(at) = pre.len().checked_sub(mark.len()) else {
            continue;
        };
        if !pre.is_char_boundary(at) {
            continue;
        }
        if pre[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let (mult, end) = multiplier(text, n.end);
        return Some(Reading::Money {
            amount: n.value * mult,
            currency: code,
            start: at,
            end,
        });
    }
    let (mult, mut end) = multiplier(text, n.end);
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let next = words(head(rest, 0, rest.len(), 20));
    let first = next.first().map(String::as_str).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    for (mark, code) in CURRENCIES {
        let hit = if mark.chars().all(char::is_alphabetic) {
            first == mark
        } else {
            trimmed.starts_with(mark)
        };
        if hit {
            end += gap + mark.len();
            return Some(Reading::Money {
                amount: n.value * mult,
                currency: code,
                start: n.start,
                end,
            });
        }
    }
    None
}

/// `million`/`miljoen` after a number: the factor and where the word ends.
fn multiplier(text: &str, end: usize) -> (f64, usize) {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let gap = rest.len() - trimmed.len();
    let start = head(trimmed, 0, trimmed.len(), 8).to_ascii_lowercase();
    for (w, f) in [
        ("millions", 1e6),
        ("million", 1e6),
        ("miljoen", 1e6),
        ("mln", 1e6),
    ] {
        if start.starts_with(w) {
            return (f, end + gap + w.len());
        }
    }
    (1.0, end)
}

/// Staff: a number followed by `ETP`, `VTE`, `FTE` or the words in full.
fn staff(n: Number, after: &str) -> Option<Reading> {
    let trimmed = after.trim_start_matches([' ', '\u{a0}']);
    let gap = after.len() - trimmed.len();
    let lower = fold(head(trimmed, 0, trimmed.len(), 40));
    let mut best: Option<usize> = None;
    for u in STAFF_UNITS {
        if lower.starts_with(u)
            && !lower[u.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            best = Some(best.map_or(u.len(), |b: usize| b.max(u.len())));
        }
    }
    let len = best?;
    let mut end = n.end + gap + len;
    while !after.is_char_boundary(end - n.end) {
        end += 1;
    }
    Some(Reading::Staff {
        fte: n.value,
        start: n.start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<Reading> {
        readings(text).into_iter().next()
    }

    #[test]
    fn counts_with_their_words() {
        let t = "Nous comptons 648 tweets pour 2 085 followers.";
        let r = readings(t);
        assert_eq!(r.len(), 2);
        let Reading::Count {
            metric, start, end, ..
        } = &r[1]
        else {
            panic!()
        };
        assert_eq!(*metric, Metric::Followers);
        assert_eq!(&t[*start..*end], "2 085 followers");
        assert!(matches!(
            one("1.565 vind-ik-leuks"),
            Some(Reading::Count {
                metric: Metric::Likes,
                ..
            })
        ));
        assert!(matches!(
            one("1 565 mentions « J’aime »"),
            Some(Reading::Count {
                metric: Metric::Likes,
                ..
            })
        ));
        assert!(matches!(
            one("aantal volgers: 2.085"),
            Some(Reading::Count {
                metric: Metric::Followers,
                ..
            })
        ));
        assert!(matches!(
            one("12 000 vues"),
            Some(Reading::Count {
                metric: Metric::Views,
                ..
            })
        ));
    }

    #[test]
    fn durations_ids_and_bare_numbers_are_not_counts() {
        assert_eq!(one("il y a environ 6 mois"), None);
        assert_eq!(one("en Egypte (75) suivi de la France(34)"), None);
        assert_eq!(one("question 5-8902 likes"), None);
        assert_eq!(one("plus de 60 ont aujourd'hui leur page"), None);
    }

    #[test]
    fn money_and_staff() {
        let t = "£120,000 on paid social media advertising";
        let Some(Reading::Money {
            amount,
            currency,
            start,
            end,
        }) = one(t)
        else {
            panic!()
        };
        assert_eq!((amount, currency), (120_000.0, "GBP"));
        assert_eq!(&t[start..end], "£120,000");
        let Some(Reading::Money {
            amount, currency, ..
        }) = one("un budget de 15 000 euros")
        else {
            panic!()
        };
        assert_eq!((amount, currency), (15_000.0, "EUR"));
        let Some(Reading::Money { amount, .. }) = one("€ 1,2 miljoen") else {
            panic!()
        };
        assert_eq!(amount, 1_200_000.0);
        let t = "soit 1,5 ETP pour les réseaux";
        let Some(Reading::Staff { fte, start, end }) = one(t) else {
            panic!()
        };
        assert_eq!((fte, &t[start..end]), (1.5, "1,5 ETP"));
        assert!(matches!(one("2 VTE"), Some(Reading::Staff { .. })));
        assert!(matches!(one("0.5 FTE"), Some(Reading::Staff { .. })));
    }
}
