//! The Belgian Chamber's written questions as its open data serves them
//! (QRVA JSON, `data.dekamer.be/v0/qrva`): one record (`{"items": [{...}]}`),
//! a list response (`{"items": [...]}` of summaries or full items), a bare
//! array of items, or one item alone. Source `be-chamber`; the reference is
//! the item's `SDOCNAME` (from the field or its link), shown as
//! `55 B012 Q0042`.
//!
//! Both languages are kept: the question's own language (`LANG`) is the
//! written side, the other the translation. Answers (up to four) carry their
//! bulletin and publication date, which is the date the answer has
//! ("answer published"; the Chamber gives no date of receipt).

mod fields;
mod record;
pub mod unglue;

use serde_json::Value;

use crate::corpus::diagnostic::Diagnostic;

/// The Chamber's QRVA JSON in the registration list.
pub struct ChamberQrva;

/// Field names only a QRVA item has.
const MARKERS: [&[u8]; 4] = [
    b"\"SDOCNAME\"",
    b"\"DEPOTDAT\"",
    b"\"TEXTQN\"",
    b"\"QUESTNUM\"",
];

impl super::Format for ChamberQrva {
    fn name(&self) -> &'static str {
        "be-chamber-qrva"
    }

    fn sniff(&self, _path: &str, head: &[u8]) -> u8 {
        let body = super::skip_bom_and_space(head);
        let json = body.starts_with(b"{") || body.starts_with(b"[");
        // By content only: a `.json` file without these names is more
        // likely a qreview corpus or something else.
        if json
            && MARKERS
                .iter()
                .any(|m| memchr::memmem::find(head, m).is_some())
        {
            90
        } else {
            0
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
                        "not valid JSON ({}); the Chamber's records are JSON, check the download finished",
                        crate::format::json_error(&e)
                    ),
                ));
                return parsed;
            }
        };
        let items: Vec<&Value> = match &root {
            Value::Object(o) if o.contains_key("items") => match o.get("items") {
                Some(Value::Array(items)) => items.iter().collect(),
                _ => {
                    parsed.diagnostics.push(Diagnostic::error(
                        path,
                        Some(1),
                        "\"items\" is not a list of records; expected {\"items\": [ {...} ]}",
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
                    "expected a QRVA record ({\"items\": [...]}) or a list of them",
                ));
                return parsed;
            }
        };
        let mut lines = super::record_lines::RecordLines::new(&text);
        for (n, item) in items.into_iter().enumerate() {
            let line = record::line_of(&mut lines, item);
            match record::read(path, line, item, &mut parsed.diagnostics) {
                Some(question) => parsed.records.push(super::Record {
                    question,
                    file: None,
                    line,
                }),
                None => parsed.diagnostics.push(Diagnostic::error(
                    path,
                    Some(line),
                    format!(
                        "record #{} has no SDOCNAME and no link to one; skipped (a QRVA item names its question in \"SDOCNAME\" or \"link\": {{\"href\": …}})",
                        n + 1
                    ),
                )),
            }
        }
        if parsed.records.is_empty() && parsed.diagnostics.iter().all(|d| !d.is_error()) {
            parsed.diagnostics.push(Diagnostic::error(
                path,
                Some(1),
                "no question in this QRVA file (an empty \"items\" list)",
            ));
        }
        parsed
    }
}
