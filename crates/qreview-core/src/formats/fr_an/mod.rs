//! The Assemblée nationale's written questions as its open data serves them:
//! one JSON file per question (root `question`), or a whole dump
//! (`Questions_ecrites.json.zip`) read in place, entry by entry, without
//! unpacking to disk. Source `fr-an`; the reference is the `uid`
//! (`QANR5L16QE1234`).
//!
//! The JSON is converted from XML, so a single child is an object and
//! several are a list: [`values`] accepts both wherever a child may repeat.

pub mod dump;
pub mod record;

use serde_json::Value;

use crate::corpus::diagnostic::Diagnostic;

/// The Assemblée nationale's JSON (and its zipped dumps) in the registration list.
pub struct FrAn;

impl super::Format for FrAn {
    fn name(&self) -> &'static str {
        "fr-an"
    }

    fn sniff(&self, path: &str, head: &[u8]) -> u8 {
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            // A zip: the dumps are the only archives qreview reads.
            return if super::has_extension(path, &["zip"]) {
                90
            } else {
                60
            };
        }
        let body = super::skip_bom_and_space(head);
        let has = |m: &[u8]| memchr::memmem::find(head, m).is_some();
        if body.starts_with(b"{") && has(b"\"question\"") && (has(b"\"uid\"") || has(b"QANR")) {
            90
        } else {
            0
        }
    }

    fn parse(&self, path: &str, bytes: Vec<u8>) -> super::Parsed {
        if bytes.starts_with(b"PK") {
            return dump::read(path, &bytes);
        }
        let mut parsed = super::Parsed::default();
        let Some(text) = super::decode_text(path, bytes, &mut parsed.diagnostics) else {
            return parsed;
        };
        read_json(path, &text, &mut parsed);
        parsed
    }
}

/// Reads one question file's text into `parsed`.
pub(crate) fn read_json(path: &str, text: &str, parsed: &mut super::Parsed) {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            parsed.diagnostics.push(Diagnostic::error(
                path,
                Some(e.line().max(1)),
                format!("not valid JSON ({e}); an Assemblée nationale question is one JSON object with root \"question\""),
            ));
            return;
        }
    };
    let Some(question) = root.get("question").filter(|q| q.is_object()) else {
        parsed.diagnostics.push(Diagnostic::error(
            path,
            Some(1),
            "no \"question\" object at the root; expected {\"question\": {\"uid\": …}}",
        ));
        return;
    };
    match record::read(path, question, &mut parsed.diagnostics) {
        Some(q) => parsed.records.push(super::Record {
            question: q,
            file: None,
            line: 1,
        }),
        None => parsed.diagnostics.push(Diagnostic::error(
            path,
            Some(1),
            "the question has no \"uid\"; skipped (every question of the dump has one, e.g. QANR5L16QE1234)",
        )),
    }
}

/// The values of a child that XML-to-JSON made an object when single and a
/// list when repeated: both give a list; null or missing gives none.
pub fn values(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(items)) => items.iter().filter(|i| !i.is_null()).collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(one) => vec![one],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_child_or_several_read_alike() {
        let one = json!({"a": {"x": 1}});
        let many = json!({"a": [{"x": 1}, {"x": 2}]});
        assert_eq!(values(one.get("a")).len(), 1);
        assert_eq!(values(many.get("a")).len(), 2);
        assert!(values(json!({"a": null}).get("a")).is_empty());
        assert!(values(None).is_empty());
    }
}
