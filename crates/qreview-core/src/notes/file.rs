//! The `qreview-notes` file as bytes: parsing with the format and version
//! checks, and the pretty, stable serialisation that is written.
//!
//! Parsing never guesses: a file of another format or a newer version is an
//! error, so that it is never rewritten by a build that does not understand
//! it.

use serde::Deserialize;

use super::model::{FORMAT, NotesFile, VERSION};

/// Why bytes are not a notes file this build can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not JSON, or JSON of the wrong shape.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What serde_json reported.
        message: String,
    },
    /// JSON, but not a qreview notes file.
    #[error("not a qreview notes file (format is {found}, expected \"{FORMAT}\")")]
    NotNotes {
        /// The `format` found, or `missing`.
        found: String,
    },
    /// Written by a newer qreview.
    #[error(
        "written by a newer qreview (file version {found}, this build reads up to {VERSION}); upgrade qreview"
    )]
    Newer {
        /// The version in the file.
        found: u64,
    },
}

impl From<serde_json::Error> for ParseError {
    fn from(e: serde_json::Error) -> Self {
        // The position leads this error's message; said once.
        ParseError::Json {
            line: e.line(),
            column: e.column(),
            message: crate::format::json_error(&e),
        }
    }
}

/// The two fields checked before anything else is trusted.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Parses a notes file, checking format and version first. A UTF-8 byte
/// order mark (some editors add one) is skipped.
pub fn parse(bytes: &[u8]) -> Result<NotesFile, ParseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let header: Header = serde_json::from_slice(bytes)?;
    match &header.format {
        Some(serde_json::Value::String(s)) if s == FORMAT => {}
        other => {
            return Err(ParseError::NotNotes {
                found: other
                    .as_ref()
                    .map_or_else(|| "missing".to_string(), ToString::to_string),
            });
        }
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => return Err(ParseError::Newer { found: v }),
        Some(v) if v >= 1 => {}
        _ => {
            return Err(ParseError::Json {
                line: 1,
                column: 1,
                message: format!(
                    "`version` must be a whole number from 1 to {VERSION}, found {}",
                    header
                        .version
                        .as_ref()
                        .map_or_else(|| "nothing".to_string(), ToString::to_string)
                ),
            });
        }
    }
    let mut file: NotesFile = serde_json::from_slice(bytes)?;
    file.normalise();
    Ok(file)
}

/// The bytes written for `file`: pretty JSON, stable order, final newline.
pub fn to_bytes(file: &NotesFile) -> Vec<u8> {
    let mut sorted = file.clone();
    sorted.normalise();
    sorted.format = FORMAT.to_string();
    sorted.version = VERSION;
    let mut out = serde_json::to_vec_pretty(&sorted).expect("notes serialise");
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::QuestionId;

    #[test]
    fn a_json_error_gives_its_position_once() {
        let message = parse(b"{bad").unwrap_err().to_string();
        assert_eq!(message, "line 1, column 2: key must be a string");
    }

    #[test]
    fn round_trips_and_is_stable() {
        let mut f = NotesFile::default();
        f.add_note(QuestionId::senate(5, 8902), "a\nb", &["x".into()], None)
            .unwrap();
        f.set_verdict(
            QuestionId::senate(5, 8902),
            Some(super::super::model::Verdict::Partial),
        );
        let bytes = to_bytes(&f);
        let back = parse(&bytes).unwrap();
        assert_eq!(back, f);
        assert_eq!(to_bytes(&back), bytes);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"qreview-notes\",\n  \"version\": 1,"));
    }

    #[test]
    fn refuses_other_formats_and_newer_versions() {
        assert!(matches!(parse(b"{"), Err(ParseError::Json { .. })));
        assert!(matches!(
            parse(br#"{"format":"other","version":1}"#),
            Err(ParseError::NotNotes { .. })
        ));
        assert_eq!(
            parse(br#"{"format":"qreview-notes","version":2,"notes":"new shape"}"#),
            Err(ParseError::Newer { found: 2 })
        );
        assert!(parse(br#"{"format":"qreview-notes","version":1}"#).is_ok());
        assert!(parse(br#"{"format":"qreview-notes"}"#).is_err());
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        let f = parse(b"\xEF\xBB\xBF{\"format\":\"qreview-notes\",\"version\":1}").unwrap();
        assert!(f.notes.is_empty());
    }

    #[test]
    fn unknown_fields_survive_load_and_save() {
        let text = br#"{"format":"qreview-notes","version":1,"extra":{"from":"newer"},
            "notes":[{"id":"a","question":"5-8902","text":"t","created":"2024-01-01T00:00:00Z",
            "updated":"2024-01-01T00:00:00Z","color":"red"}]}"#;
        let f = parse(text).unwrap();
        let saved = String::from_utf8(to_bytes(&f)).unwrap();
        assert!(
            saved.contains("\"extra\": {\n    \"from\": \"newer\""),
            "{saved}"
        );
        assert!(saved.contains("\"color\": \"red\""), "{saved}");
        assert_eq!(parse(saved.as_bytes()).unwrap(), f);
    }

    #[test]
    fn twins_under_one_id_are_kept_in_linear_time() {
        let mut f = NotesFile::default();
        for i in 0..50_000 {
            f.add_note(QuestionId::senate(5, 8902), &format!("n{i}"), &[], None)
                .unwrap();
        }
        let mut twin = f.notes[7].clone();
        let same = twin.clone();
        twin.text.push_str(" edited");
        f.notes.push(twin);
        f.notes.push(same);
        f.notes.reverse();
        f.normalise();
        assert_eq!(f.notes.len(), 50_001);
        assert!(f.notes.windows(2).all(|w| w[0].id < w[1].id));
        assert_eq!(
            f.notes.iter().filter(|n| n.conflict_of.is_some()).count(),
            1
        );
    }
}
