//! Question identity: a source (which parliament's data) and that source's
//! own reference, interned into a `Copy` handle.
//!
//! Owns the identifier type, its parsing (`be-senate:5-8902`, bare `5-8902`)
//! and its order; finding an id inside a document is the parser's job, and
//! resolving a bare reference against a loaded corpus is [`super::Corpus::resolve`].

use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use super::source::Source;

/// One interned identity. Entries live for the whole program (ids are few:
/// a few per question), so handles can be plain references.
#[derive(Debug)]
struct Entry {
    source: Source,
    reference: Box<str>,
    /// The reference cut into digit and non-digit runs, for natural order.
    key: Vec<Chunk>,
    /// What users are shown (the Chamber's `55 B012 Q0042`).
    label: Box<str>,
    /// A label that needs more than the reference (the UK's `Commons UIN
    /// 12345, tabled 2024-01-15`), set once by the format that reads the
    /// record; it wins over `label`.
    shown: OnceLock<Box<str>>,
}

/// A run of a reference: a number (compared by value) or other text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Chunk {
    Number(u64, usize),
    Text(Box<str>),
}

/// A written question's identity: its source and the source's reference
/// (`be-senate:5-8902`). A `Copy` handle into a global interner: equal ids
/// are the same entry, so comparing and hashing never touch the text.
#[derive(Clone, Copy)]
pub struct QuestionId(&'static Entry);

type Table = HashMap<(Source, Box<str>), &'static Entry>;

fn table() -> &'static Mutex<Table> {
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

impl QuestionId {
    /// The id of `reference` in `source` (trimmed), interned.
    pub fn new(source: Source, reference: &str) -> Self {
        let reference = reference.trim();
        let mut table = table().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = table.get(&(source, reference.into())) {
            return Self(entry);
        }
        let entry: &'static Entry = Box::leak(Box::new(Entry {
            source,
            reference: reference.into(),
            key: natural_key(reference),
            label: source.label_of(reference).into(),
            shown: OnceLock::new(),
        }));
        table.insert((source, reference.into()), entry);
        Self(entry)
    }

    /// A Belgian Senate id from its legislature and number (`5-8902`).
    pub fn senate(legislature: u16, number: u32) -> Self {
        Self::new(Source::BeSenate, &format!("{legislature}-{number}"))
    }

    /// Which parliament's data the question comes from.
    pub fn source(self) -> Source {
        self.0.source
    }

    /// The source's own reference, as the parliament writes it (`5-8902`).
    pub fn reference(self) -> &'static str {
        &self.0.reference
    }

    /// The reference as users are shown it (the Chamber's `55 B012 Q0042`;
    /// for the Senate the reference itself).
    pub fn label(self) -> &'static str {
        self.0.shown.get().unwrap_or(&self.0.label)
    }

    /// The label without its trailing qualification, for narrow columns:
    /// a UK question's `Commons UIN 12345` without `, tabled 2024-01-15`.
    pub fn short_label(self) -> &'static str {
        let label = self.label();
        label.split_once(", ").map_or(label, |(head, _)| head)
    }

    /// Sets the label users are shown when it takes more than the reference
    /// (the house and tabled date of a UK question). The first label set
    /// stays: a record read twice names the same question the same way.
    pub fn show_as(self, label: &str) {
        let _ = self.0.shown.set(label.into());
    }

    /// `source:reference`, accepted back by [`FromStr`].
    pub fn qualified(self) -> String {
        format!("{}:{}", self.source().name(), self.reference())
    }

    /// A Senate id's legislature and number; `None` for other sources.
    pub fn senate_parts(self) -> Option<(u16, u32)> {
        if self.source() != Source::BeSenate {
            return None;
        }
        parse_senate(self.reference())
    }

    /// Finds the first Senate `L-N` token in `text` (digits on both sides of
    /// a dash, not glued to other digits), e.g. in a file name `5-8902.txt`.
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
                    && let Some((l, n)) = parse_senate(&text[start..end])
                {
                    return Some(Self::senate(l, n));
                }
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
        None
    }
}

/// `L-N` with digits only on both sides (at most nine each).
fn parse_senate(s: &str) -> Option<(u16, u32)> {
    let (l, n) = s.split_once('-')?;
    let all_digits =
        |t: &str| !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(l) || !all_digits(n) {
        return None;
    }
    Some((l.parse().ok()?, n.parse().ok()?))
}

/// Digit runs as numbers, the rest as text, so `5-900` sorts before `5-8902`.
fn natural_key(reference: &str) -> Vec<Chunk> {
    let mut key = Vec::new();
    let mut rest = reference;
    while let Some(c) = rest.chars().next() {
        let digits = c.is_ascii_digit();
        let end = rest
            .find(|ch: char| ch.is_ascii_digit() != digits)
            .unwrap_or(rest.len());
        let run = &rest[..end];
        key.push(match run.parse::<u64>() {
            // Leading zeros break ties (`007` after `7`) so distinct
            // references never compare equal.
            Ok(n) if digits => Chunk::Number(n, run.len()),
            _ => Chunk::Text(run.into()),
        });
        rest = &rest[end..];
    }
    key
}

impl PartialEq for QuestionId {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for QuestionId {}

impl Hash for QuestionId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.0, state);
    }
}

impl Ord for QuestionId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self == other {
            return std::cmp::Ordering::Equal;
        }
        (self.0.source, &self.0.key).cmp(&(other.0.source, &other.0.key))
    }
}

impl PartialOrd for QuestionId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.qualified())
    }
}

/// What users read: the label (the Senate's `5-8902`, the Chamber's
/// `55 B012 Q0042`). [`super::Corpus::resolve`] accepts it back; files
/// write [`QuestionId::reference`] or [`QuestionId::qualified`].
impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why a string is not a question id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a question id (expected source:reference, e.g. be-senate:5-8902, or a Senate legislature-number, e.g. 5-8902)"
)]
pub struct BadId(pub String);

/// `source:reference` for any source, or a bare Senate `L-N` (what notes
/// files and corpus files written before sources existed hold). Other bare
/// references need a corpus to be resolved: [`super::Corpus::resolve`].
impl FromStr for QuestionId {
    type Err = BadId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let bad = || BadId(s.to_string());
        if let Some((name, reference)) = s.split_once(':')
            && let Some(source) = Source::from_name(name)
        {
            if reference.trim().is_empty() {
                return Err(bad());
            }
            if source == Source::BeSenate {
                let (l, n) = parse_senate(reference.trim()).ok_or_else(bad)?;
                return Ok(Self::senate(l, n));
            }
            return Ok(Self::new(source, reference));
        }
        let (l, n) = parse_senate(s).ok_or_else(bad)?;
        Ok(Self::senate(l, n))
    }
}

/// The reference alone, as JSON output shows an `id` (the source is its own
/// field). Notes files use [`qualified`] instead.
impl Serialize for QuestionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.reference())
    }
}

/// `source:reference` or a bare Senate `L-N`.
impl<'de> Deserialize<'de> for QuestionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Serde helpers writing an id as `source:reference`, so files that are read
/// back (notes) keep the source; reading accepts the bare Senate form too.
pub mod qualified {
    use super::QuestionId;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `source:reference`.
    pub fn serialize<S: Serializer>(id: &QuestionId, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&id.qualified())
    }

    /// Reads `source:reference` or a bare Senate `L-N`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<QuestionId, D::Error> {
        QuestionId::deserialize(d)
    }

    /// The same for a map keyed by id.
    pub mod keys {
        use std::collections::BTreeMap;

        use serde::ser::SerializeMap;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        use super::QuestionId;

        /// Writes each key as `source:reference`.
        pub fn serialize<V: Serialize, S: Serializer>(
            map: &BTreeMap<QuestionId, V>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            let mut out = s.serialize_map(Some(map.len()))?;
            for (k, v) in map {
                out.serialize_entry(&k.qualified(), v)?;
            }
            out.end()
        }

        /// Reads keys written either way.
        pub fn deserialize<'de, V: Deserialize<'de>, D: Deserializer<'de>>(
            d: D,
        ) -> Result<BTreeMap<QuestionId, V>, D::Error> {
            BTreeMap::<QuestionId, V>::deserialize(d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays() {
        let id: QuestionId = "5-8902".parse().unwrap();
        assert_eq!(id, QuestionId::senate(5, 8902));
        assert_eq!(id.to_string(), "5-8902");
        assert_eq!(id.qualified(), "be-senate:5-8902");
        assert_eq!("be-senate:5-8902".parse::<QuestionId>().unwrap(), id);
        assert_eq!(id.senate_parts(), Some((5, 8902)));
        assert!("5-".parse::<QuestionId>().is_err());
        assert!("x-1".parse::<QuestionId>().is_err());
        assert!("99999-1".parse::<QuestionId>().is_err());
        assert!("be-senate:abc".parse::<QuestionId>().is_err());
        assert!("be-chamber:".parse::<QuestionId>().is_err());
    }

    #[test]
    fn the_same_reference_in_two_sources_is_two_ids() {
        let senate = QuestionId::senate(5, 8902);
        let chamber = QuestionId::new(Source::BeChamber, "5-8902");
        assert_ne!(senate, chamber);
        assert!(senate < chamber, "ordered by source first");
        assert_eq!(chamber.senate_parts(), None);
        assert_eq!("be-chamber:5-8902".parse::<QuestionId>().unwrap(), chamber);
    }

    #[test]
    fn chamber_ids_show_legislature_bulletin_and_number() {
        let id = QuestionId::new(Source::BeChamber, "55-B012-3-0042-0000201400004");
        assert_eq!(id.label(), "55 B012 Q0042");
        assert_eq!(id.to_string(), "55 B012 Q0042");
        assert_eq!(id.reference(), "55-B012-3-0042-0000201400004");
        assert_eq!(QuestionId::senate(5, 8902).label(), "5-8902");
    }

    #[test]
    fn finds_in_file_names() {
        let s = QuestionId::senate;
        assert_eq!(QuestionId::find_in("5-8902.txt"), Some(s(5, 8902)));
        assert_eq!(QuestionId::find_in("q_4-6660_nl.txt"), Some(s(4, 6660)));
        assert_eq!(QuestionId::find_in("000_2da824b8edb94aec.txt"), None);
        assert_eq!(QuestionId::find_in("2013-04-30.txt"), None);
        assert_eq!(QuestionId::find_in("1234-5.txt"), None);
        assert_eq!(QuestionId::find_in("stripped-5-8903.txt"), Some(s(5, 8903)));
        assert_eq!(QuestionId::find_in("5-8903-fr.txt"), Some(s(5, 8903)));
        assert_eq!(QuestionId::find_in("notes"), None);
    }

    #[test]
    fn orders_naturally_within_a_source() {
        let mut ids = [
            QuestionId::senate(5, 10),
            QuestionId::senate(4, 99),
            QuestionId::senate(5, 9),
            QuestionId::senate(5, 8902),
            QuestionId::senate(5, 900),
        ];
        ids.sort();
        let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["4-99", "5-9", "5-10", "5-900", "5-8902"]);
    }

    #[test]
    fn serialises_the_reference_and_qualified_on_request() {
        #[derive(Serialize, Deserialize)]
        struct Note {
            #[serde(with = "qualified")]
            q: QuestionId,
        }
        let id = QuestionId::senate(5, 8902);
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"5-8902\"");
        let n = serde_json::to_string(&Note { q: id }).unwrap();
        assert_eq!(n, r#"{"q":"be-senate:5-8902"}"#);
        let old: Note = serde_json::from_str(r#"{"q":"5-8902"}"#).unwrap();
        assert_eq!(old.q, id);
    }
}
