//! Question identifiers (`L-N`, e.g. `5-8902`): parsing, ordering, display.
//!
//! Owns nothing but the identifier type; finding an id inside a document is
//! the parser's job.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A written question's identifier: legislature and number (`5-8902`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId {
    /// Legislature (the `5` of `5-8902`).
    pub legislature: u16,
    /// Number inside the legislature (the `8902` of `5-8902`).
    pub number: u32,
}

impl QuestionId {
    /// Builds an id from its two numbers.
    pub const fn new(legislature: u16, number: u32) -> Self {
        Self {
            legislature,
            number,
        }
    }

    /// Finds the first `L-N` token in `text` (digits on both sides of a dash,
    /// not glued to other digits), e.g. in a file name `5-8902.txt`.
    pub fn find_in(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'-' && i > 0 && bytes[i - 1].is_ascii_digit() {
                let mut start = i;
                while start > 0 && bytes[start - 1].is_ascii_digit() {
                    start -= 1;
                }
                let mut end = i + 1;
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
                // A date such as 2013-04-30 is not an id: refuse tokens glued
                // to further dashes or slashes, and legislatures over 99.
                let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
                let glued =
                    (start >= 2 && matches!(bytes[start - 1], b'-' | b'/') && digit_at(start - 2))
                        || (end < bytes.len()
                            && matches!(bytes[end], b'-' | b'/')
                            && digit_at(end + 1));
                if end > i + 1
                    && !glued
                    && i - start <= 2
                    && let Ok(id) = text[start..end].parse()
                {
                    return Some(id);
                }
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
        None
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.legislature, self.number)
    }
}

/// Why a string is not a question id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a question id (expected legislature-number, e.g. 5-8902)")]
pub struct BadId(pub String);

impl FromStr for QuestionId {
    type Err = BadId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadId(s.to_string());
        let (l, n) = s.trim().split_once('-').ok_or_else(bad)?;
        let all_digits =
            |t: &str| !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(l) || !all_digits(n) {
            return Err(bad());
        }
        Ok(Self::new(
            l.parse().map_err(|_| bad())?,
            n.parse().map_err(|_| bad())?,
        ))
    }
}

impl Serialize for QuestionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for QuestionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays() {
        let id: QuestionId = "5-8902".parse().unwrap();
        assert_eq!(id, QuestionId::new(5, 8902));
        assert_eq!(id.to_string(), "5-8902");
        assert!("5-".parse::<QuestionId>().is_err());
        assert!("x-1".parse::<QuestionId>().is_err());
        assert!("99999-1".parse::<QuestionId>().is_err());
    }

    #[test]
    fn finds_in_file_names() {
        assert_eq!(
            QuestionId::find_in("5-8902.txt"),
            Some(QuestionId::new(5, 8902))
        );
        assert_eq!(
            QuestionId::find_in("q_4-6660_nl.txt"),
            Some(QuestionId::new(4, 6660))
        );
        assert_eq!(QuestionId::find_in("000_2da824b8edb94aec.txt"), None);
        assert_eq!(QuestionId::find_in("2013-04-30.txt"), None);
        assert_eq!(QuestionId::find_in("1234-5.txt"), None);
        assert_eq!(
            QuestionId::find_in("stripped-5-8903.txt"),
            Some(QuestionId::new(5, 8903))
        );
        assert_eq!(
            QuestionId::find_in("5-8903-fr.txt"),
            Some(QuestionId::new(5, 8903))
        );
        assert_eq!(QuestionId::find_in("notes"), None);
    }

    #[test]
    fn orders_by_legislature_then_number() {
        let mut ids = [
            QuestionId::new(5, 10),
            QuestionId::new(4, 99),
            QuestionId::new(5, 9),
        ];
        ids.sort();
        assert_eq!(ids[0], QuestionId::new(4, 99));
        assert_eq!(ids[2], QuestionId::new(5, 10));
    }
}
