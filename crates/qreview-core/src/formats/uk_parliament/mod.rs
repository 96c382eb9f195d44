//! The UK Parliament's written questions as the Written Questions API serves
//! them: a list page (`{"totalResults", "results": [{"value", "links"}]}`), a
//! single record (`{"value": {...}, "links": [...]}`, what `qreview fetch uk`
//! writes), or a bare array of either. Source `uk-parliament`; the reference
//! is the record's `id` (the UIN is not unique) and users are shown
//! `Commons UIN 12345, tabled 2024-01-15`.
//!
//! Reading one record is [`record`]; finding "I refer the hon. Member to …
//! PQ 12345" in an answer is [`crossref`].

pub mod crossref;
pub mod record;

use serde_json::Value;

use crate::corpus::diagnostic::Diagnostic;

/// The UK Written Questions API's JSON in the registration list.
pub struct UkParliament;

/// Field names only a UK written question record has.
const MARKERS: [&[u8]; 4] = [
    b"\"askingMemberId\"",
    b"\"answeringBodyId\"",
    b"\"dateTabled\"",
    b"\"uin\"",
];

impl super::Format for UkParliament {
    fn name(&self) -> &'static str {
        "uk-parliament"
    }

    fn sniff(&self, _path: &str, head: &[u8]) -> u8 {
        let body = super::skip_bom_and_space(head);
        let json = body.starts_with(b"{") || body.starts_with(b"[");
        let hits = MARKERS
            .iter()
            .filter(|m| memchr::memmem::find(head, m).is_some())
            .count();
        // A list page whose results are null names none of the fields but
        // is still the API's shape.
        let list_page = memchr::memmem::find(head, b"\"totalResults\"").is_some();
        match (json, hits, list_page) {
            (true, 2.., _) => 90,
            (true, _, true) => 80,
            (true, 1, _) => 40,
            _ => 0,
        }
    }

    fn parse(&self, path: &str, bytes: Vec<u8>) -> super::Parsed {
        let mut parsed = super::Parsed::default();
        let Some(text) = super::decode_text(path, bytes, &mut parsed.diagnostics) else {
            return parsed;
        };
        let root: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                parsed.diagnostics.push(Diagnostic::error(
                    path,
                    Some(e.line().max(1)),
                    format!(
                        "not valid JSON ({e}); the Written Questions API serves JSON, check the download finished (qreview fetch uk writes whole files only)"
                    ),
                ));
                return parsed;
            }
        };
        let records: Vec<&Value> = match &root {
            Value::Object(o) if o.contains_key("results") => match o.get("results") {
                Some(Value::Array(items)) => items.iter().collect(),
                other => {
                    let what = if matches!(other, Some(Value::Null)) {
                        "null"
                    } else {
                        "not a list"
                    };
                    parsed.diagnostics.push(Diagnostic::error(
                        path,
                        Some(1),
                        format!("list page with \"results\": {what}; no question read (expected \"results\": [{{\"value\": {{...}}}}]; fetch the page again)"),
                    ));
                    return parsed;
                }
            },
            Value::Object(_) => vec![&root],
            Value::Array(items) => items.iter().collect(),
            _ => {
                parsed.diagnostics.push(Diagnostic::error(
                    path,
                    Some(1),
                    "expected a written question ({\"value\": {...}}) or a list page ({\"results\": [...]})",
                ));
                return parsed;
            }
        };
        let mut lines = super::record_lines::RecordLines::new(&text);
        for (n, item) in records.into_iter().enumerate() {
            // `{"value": {...}, "links": [...]}`, or the value alone.
            let value = item.get("value").unwrap_or(item);
            let line = record::line_of(&mut lines, value);
            match record::read(path, line, value, &mut parsed.diagnostics) {
                Some(question) => parsed.records.push(super::Record {
                    question,
                    file: None,
                    line,
                }),
                None => parsed.diagnostics.push(Diagnostic::error(
                    path,
                    Some(line),
                    format!(
                        "record #{} has no \"id\"; skipped (every written question of the API has an integer id)",
                        n + 1
                    ),
                )),
            }
        }
        if parsed.records.is_empty() && parsed.diagnostics.iter().all(|d| !d.is_error()) {
            parsed.diagnostics.push(Diagnostic::warning(
                path,
                Some(1),
                "no question in this list page (\"results\" is empty)",
            ));
        }
        parsed
    }
}
