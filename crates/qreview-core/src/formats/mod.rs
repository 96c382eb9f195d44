//! Input formats as plug-ins: each module recognises its files ([`Format::sniff`],
//! by content first and extension second) and reads them into questions and
//! diagnostics ([`Format::parse`]). The loader asks every format in
//! [`FORMATS`] and lets the most confident one read the file; adding a format
//! is one module and one line there.
//!
//! Formats only read; resolving ids, merging and families are the loader's.

pub mod chamber_qrva;
pub mod fr_an;
pub mod html_answer;
pub mod qreview_json;
pub mod record_lines;
pub mod senate_html;
pub mod senate_text;
pub mod uk_parliament;

use crate::corpus::diagnostic::Diagnostic;
use crate::corpus::model::Question;

pub use senate_text::ParsedDoc;

/// One input format.
pub trait Format: Sync {
    /// The name reports give (`senate-text`, `be-chamber-qrva`).
    fn name(&self) -> &'static str;

    /// How sure this format is that it reads the file at `path` whose first
    /// bytes are `head`: 0 (not at all) to 100. Content counts for more than
    /// the extension, so a mis-named file still finds its reader.
    fn sniff(&self, path: &str, head: &[u8]) -> u8;

    /// Reads the whole file. Problems are diagnostics (`path:line:
    /// message`); what could be read is returned, and it never panics on
    /// bad input. The bytes are the format's to keep: valid UTF-8 becomes
    /// its text without a copy, so a huge file is not held twice.
    fn parse(&self, path: &str, bytes: Vec<u8>) -> Parsed;
}

/// Every format, in the order ties are broken (the first wins).
pub static FORMATS: &[&dyn Format] = &[
    &qreview_json::QreviewJson,
    &chamber_qrva::ChamberQrva,
    &uk_parliament::UkParliament,
    &fr_an::FrAn,
    &senate_text::SenateText,
    &senate_html::SenateHtml,
];

/// How many leading bytes [`Format::sniff`] is shown.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// The least confidence with which a format is trusted to read a file.
pub const MIN_CONFIDENCE: u8 = 10;

/// The format that reads `path` best, if any is confident enough.
pub fn choose(path: &str, bytes: &[u8]) -> Option<&'static dyn Format> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut best: Option<(&'static dyn Format, u8)> = None;
    for format in FORMATS {
        let c = format.sniff(path, head);
        if c >= MIN_CONFIDENCE && best.is_none_or(|(_, b)| c > b) {
            best = Some((*format, c));
        }
    }
    best.map(|(f, _)| f)
}

/// A question read from a record format, with the text file it names, if
/// any (`"file": "x.txt"` in a qreview corpus gives that file its id).
#[derive(Debug, Clone)]
pub struct Record {
    /// The question (possibly metadata only).
    pub question: Question,
    /// A text file this record describes.
    pub file: Option<String>,
    /// Line of the record in its file, for diagnostics.
    pub line: usize,
}

/// What one file yielded.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Documents read from page text, whose ids the loader may still have
    /// to find (file name, a record naming the file, the sibling gap).
    pub texts: Vec<ParsedDoc>,
    /// Records with their ids.
    pub records: Vec<Record>,
    /// What reading reported.
    pub diagnostics: Vec<Diagnostic>,
}

/// The bytes after a UTF-8 BOM and leading white space.
pub(crate) fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// True when `path` ends in one of `extensions` (lower case, no dot).
pub(crate) fn has_extension(path: &str, extensions: &[&str]) -> bool {
    let lower = path.to_ascii_lowercase();
    extensions
        .iter()
        .any(|e| lower.rsplit_once('.').is_some_and(|(_, ext)| ext == *e))
}

/// Decodes a text file (UTF-8 or Windows-1252, see `corpus::decode`); `None`
/// with a diagnostic when it is binary or empty.
pub(crate) fn decode_text(
    path: &str,
    bytes: Vec<u8>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let decoded = crate::corpus::decode::decode_owned(path, bytes);
    diagnostics.extend(decoded.diagnostics);
    if decoded.binary {
        return None;
    }
    if decoded.text.trim().is_empty() {
        diagnostics.push(Diagnostic::error(path, None, "empty file; nothing to load"));
        return None;
    }
    Some(decoded.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(path: &str, bytes: &[u8]) -> Option<&'static str> {
        choose(path, bytes).map(|f| f.name())
    }

    #[test]
    fn content_decides_before_the_extension() {
        let corpus = br#"{"format": "qreview-corpus", "version": 1, "questions": []}"#;
        assert_eq!(chosen("a.json", corpus), Some("qreview-json"));
        assert_eq!(chosen("a.txt", corpus), Some("qreview-json"));
        let chamber = br#"{"items": [{"ID": 1, "LEGISL": 54, "SDOCNAME": "x"}]}"#;
        assert_eq!(chosen("q.json", chamber), Some("be-chamber-qrva"));
        assert_eq!(chosen("q", chamber), Some("be-chamber-qrva"));
        let page = "Question écrite n° 5-8916\nChronologie\n".as_bytes();
        assert_eq!(chosen("page.json", page), Some("senate-text"));
        assert_eq!(chosen("page", b"just words"), Some("senate-text"));
        assert_eq!(chosen("other.json", b"[1, 2]"), None);
        assert_eq!(chosen("x.json", b"{\"a\": 1}"), Some("qreview-json"));
    }
}
