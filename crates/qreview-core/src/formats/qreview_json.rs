//! The `qreview-corpus` JSON format: reading records (one bad record does not
//! spoil the others) and writing a corpus back out.

use serde::Serialize;
use serde_json::Value;

use crate::corpus::diagnostic::Diagnostic;
use crate::corpus::model::Question;
use crate::corpus::source::Source;

/// Format tag of corpus files.
pub const FORMAT: &str = "qreview-corpus";
/// Newest version this build reads and the one it writes.
pub const VERSION: u64 = 1;

pub use super::Record;

/// The `qreview-corpus` format in the registration list.
pub struct QreviewJson;

impl super::Format for QreviewJson {
    fn name(&self) -> &'static str {
        "qreview-json"
    }

    fn sniff(&self, path: &str, head: &[u8]) -> u8 {
        let head = super::skip_bom_and_space(head);
        if head.starts_with(b"{") && memchr::memmem::find(head, b"\"qreview-corpus\"").is_some() {
            90
        } else if head.starts_with(b"{") && super::has_extension(path, &["json"]) {
            30
        } else {
            0
        }
    }

    fn parse(&self, path: &str, bytes: Vec<u8>) -> super::Parsed {
        let mut parsed = super::Parsed::default();
        if let Some(text) = super::decode_text(path, bytes, &mut parsed.diagnostics) {
            parsed.records = read(path, &text, &mut parsed.diagnostics);
        }
        parsed
    }
}

/// Reads the records of a corpus file; problems become diagnostics.
pub fn read(path: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Vec<Record> {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(Diagnostic::error(
                path,
                Some(e.line().max(1)),
                format!(
                    "not valid JSON ({}); fix the file or remove it from the corpus",
                    crate::format::json_error(&e)
                ),
            ));
            return Vec::new();
        }
    };
    let Some(obj) = root.as_object() else {
        diags.push(Diagnostic::error(
            path,
            Some(1),
            "expected a JSON object with \"format\": \"qreview-corpus\"",
        ));
        return Vec::new();
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        other => {
            let found = other.map_or_else(|| "none".to_string(), |f| format!("\"{f}\""));
            diags.push(Diagnostic::error(
                path,
                Some(line_of(text, "\"format\"")),
                format!("format is {found}, expected \"{FORMAT}\"; not a qreview corpus file"),
            ));
            return Vec::new();
        }
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(v) if v <= VERSION => {}
        Some(v) => {
            diags.push(Diagnostic::error(
                path,
                Some(line_of(text, "\"version\"")),
                format!("corpus version {v} is newer than this qreview reads ({VERSION}); upgrade qreview"),
            ));
            return Vec::new();
        }
        None => {
            diags.push(Diagnostic::error(
                path,
                Some(1),
                "missing \"version\"; expected \"version\": 1",
            ));
            return Vec::new();
        }
    }
    let Some(items) = obj.get("questions").and_then(Value::as_array) else {
        diags.push(Diagnostic::error(
            path,
            Some(1),
            "missing \"questions\" array",
        ));
        return Vec::new();
    };
    let mut records = Vec::with_capacity(items.len());
    let mut lines = LineFinder::new(text);
    for (n, item) in items.iter().enumerate() {
        let id_text = item.get("id").and_then(Value::as_str).unwrap_or("");
        let line = lines.id_line(id_text).unwrap_or(1);
        let file = item.get("file").and_then(Value::as_str).map(str::to_string);
        match serde_json::from_value::<Question>(upgrade(item.clone())) {
            Ok(mut question) => {
                for field in cap_metadata(&mut question) {
                    diags.push(Diagnostic::warning(
                        path,
                        Some(line),
                        format!(
                            "the {field} of record #{} is longer than {} kB; cut there",
                            n + 1,
                            super::senate_text::MAX_FIELD_BYTES / 1024
                        ),
                    ));
                }
                question.refresh_derived();
                if question.origin.path.is_empty() {
                    question.origin.path = path.to_string();
                    question.origin.first_line = line;
                    question.origin.last_line = line;
                }
                records.push(Record {
                    question,
                    file,
                    line,
                });
            }
            Err(e) => diags.push(Diagnostic::error(
                path,
                Some(line),
                format!("question record #{} is invalid ({e}); skipped", n + 1),
            )),
        }
    }
    records
}

/// Cuts a record's metadata fields to the same length as a page's header
/// fields ([`super::senate_text::MAX_FIELD_BYTES`]); returns the fields cut.
fn cap_metadata(q: &mut Question) -> Vec<&'static str> {
    let mut cut = Vec::new();
    let mut cap = |name: &'static str, value: &mut String| {
        let (kept, was_cut) = super::senate_text::cap_field(value);
        if was_cut {
            *value = kept;
            cut.push(name);
        }
    };
    for (name, value) in [
        ("title", &mut q.title),
        ("author", &mut q.author),
        ("party", &mut q.party),
        ("addressee", &mut q.addressee),
        ("ministry", &mut q.ministry),
    ] {
        if let Some(v) = value {
            cap(name, v);
        }
    }
    for d in &mut q.descriptors {
        cap("descriptor", d);
    }
    cut
}

/// Brings a record of any version-1 form into the model's: a string
/// `source` (`"be-chamber"`) qualifies the bare `id` and `siblings` (none
/// means `be-senate`, as every file written before sources existed); the
/// file-and-lines object once called `source` is now `origin`.
fn upgrade(mut item: Value) -> Value {
    let Some(obj) = item.as_object_mut() else {
        return item;
    };
    if obj.get("source").is_some_and(Value::is_object) {
        let origin = obj.remove("source").unwrap_or_default();
        obj.entry("origin").or_insert(origin);
    }
    let source = obj
        .get("source")
        .and_then(Value::as_str)
        .and_then(Source::from_name)
        .unwrap_or_default();
    obj.remove("source");
    let qualify = |v: &mut Value| {
        if let Some(s) = v.as_str()
            && !s.contains(':')
        {
            *v = Value::String(format!("{}:{}", source.name(), s.trim()));
        }
    };
    if let Some(id) = obj.get_mut("id") {
        qualify(id);
    }
    if let Some(Value::Array(siblings)) = obj.get_mut("siblings") {
        siblings.iter_mut().for_each(qualify);
    }
    item
}

/// Finds the line of each record's own `"id": "…"` key, records being in
/// file order. One pass over the text records where every `"id"` key at
/// record depth (root object, `questions` array, record) stands, so an `"id"`
/// inside a record's `links` is never taken for the record's.
struct LineFinder<'a> {
    keys: Vec<(usize, &'a str)>,
    next: usize,
}

impl<'a> LineFinder<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut keys = Vec::new();
        let (mut depth, mut line, mut i) = (0usize, 1usize, 0usize);
        // The end of the string that starts at `from` (just after its quote).
        let string_end = |from: usize| {
            let mut j = from;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            j.min(bytes.len())
        };
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line += 1,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.saturating_sub(1),
                b'"' => {
                    let end = string_end(i + 1);
                    if depth == 3 && &text[i + 1..end] == "id" {
                        let rest = text[(end + 1).min(text.len())..].trim_start();
                        if let Some(value) = rest
                            .strip_prefix(':')
                            .map(str::trim_start)
                            .and_then(|v| v.strip_prefix('"'))
                        {
                            let value_end = value.find('"').unwrap_or(value.len());
                            keys.push((line, &value[..value_end]));
                        }
                    }
                    i = end;
                }
                _ => {}
            }
            i += 1;
        }
        Self { keys, next: 0 }
    }

    /// Line of the next record `"id"` key whose value is `id`.
    fn id_line(&mut self, id: &str) -> Option<usize> {
        if id.is_empty() {
            return None;
        }
        let at = self.keys[self.next..].iter().position(|(_, v)| *v == id)?;
        self.next += at + 1;
        Some(self.keys[self.next - 1].0)
    }
}

/// Line (1-based) of the first occurrence of `needle`, or 1.
fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map_or(1, |p| 1 + text[..p].matches('\n').count())
}

#[derive(Serialize)]
struct CorpusFile<'a> {
    format: &'static str,
    version: u64,
    questions: &'a [Question],
}

/// Serialises questions as a pretty-printed corpus file.
pub fn write(questions: &[Question]) -> String {
    let file = CorpusFile {
        format: FORMAT,
        version: VERSION,
        questions,
    };
    let mut s = serde_json::to_string_pretty(&file).expect("corpus serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_metadata_fields_are_cut_with_a_warning() {
        let title = "x".repeat(10_000);
        let text = format!(
            r#"{{"format": "qreview-corpus", "version": 1, "questions": [{{"id": "5-1", "title": "{title}"}}]}}"#
        );
        let mut diags = Vec::new();
        let r = read("c.json", &text, &mut diags);
        assert_eq!(r[0].question.title.as_deref().map(str::len), Some(4096));
        assert!(
            diags[0]
                .message
                .contains("the title of record #1 is longer than 4 kB")
        );
    }

    #[test]
    fn reads_good_records_and_reports_bad_ones() {
        let text = r#"{"format": "qreview-corpus", "version": 1, "questions": [
  {"id": "5-8900", "author": "A", "ministry": "Premier ministre"},
  {"id": "not-an-id"},
  {"id": "5-8901", "events": [{"date": "2013-04-30", "kind": "sent", "label": "Envoi question"}]}
]}"#;
        let mut d = Vec::new();
        let r = read("c.json", text, &mut d);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].question.ministry.as_deref(), Some("Premier ministre"));
        assert_eq!(r[1].question.legislature, Some(5));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, Some(3));
        assert_eq!(r[1].line, 4);
    }

    #[test]
    fn record_lines_point_at_their_id_key_not_a_sibling_list() {
        let text = "{\"format\": \"qreview-corpus\", \"version\": 1, \"questions\": [\n{\"id\": \"5-1\",\n \"siblings\": [\"5-2\"]},\n{\"id\":\"5-2\"}\n]}";
        let mut d = Vec::new();
        let r = read("c.json", text, &mut d);
        assert_eq!((r[0].line, r[1].line), (2, 4));
    }

    #[test]
    fn an_id_inside_links_is_not_the_records() {
        let text = "{\"format\": \"qreview-corpus\", \"version\": 1, \"questions\": [\n{\"id\": \"5-1\",\n \"links\": [{\"kind\": \"reintroduced_as\", \"id\": \"5-2\"}]},\n{\"id\": \"5-2\"},\n{\"id\": \"5-2\"}\n]}";
        let mut d = Vec::new();
        let r = read("c.json", text, &mut d);
        let lines: Vec<usize> = r.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4, 5]);
    }

    #[test]
    fn rejects_wrong_format_and_newer_versions() {
        let mut d = Vec::new();
        assert!(read("a", "{\"format\": \"other\", \"version\": 1}", &mut d).is_empty());
        assert!(
            read(
                "a",
                "{\"format\": \"qreview-corpus\", \"version\": 9, \"questions\": []}",
                &mut d
            )
            .is_empty()
        );
        assert!(read("a", "[1, 2", &mut d).is_empty());
        assert_eq!(d.len(), 3);
        assert!(d[1].message.contains("newer"));
    }

    #[test]
    fn a_source_qualifies_ids_and_the_old_source_object_is_the_origin() {
        let text = r#"{"format": "qreview-corpus", "version": 1, "questions": [
  {"id": "5-8900", "source": {"path": "p.txt", "first_line": 3, "last_line": 9}},
  {"id": "54-B001-3-0001-0000201400004", "source": "be-chamber", "siblings": ["54-B001-4-0001-0000201400005"]}
]}"#;
        let mut d = Vec::new();
        let r = read("c.json", text, &mut d);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r[0].question.id.qualified(), "be-senate:5-8900");
        assert_eq!(r[0].question.origin.path, "p.txt");
        assert_eq!(r[0].question.origin.first_line, 3);
        let chamber = &r[1].question;
        assert_eq!(chamber.source, Source::BeChamber);
        assert_eq!(chamber.id.reference(), "54-B001-3-0001-0000201400004");
        assert_eq!(chamber.siblings[0].source(), Source::BeChamber);
        let again = read("x", &write(std::slice::from_ref(chamber)), &mut d);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(again[0].question.id, chamber.id);
    }

    #[test]
    fn round_trips() {
        let mut q = Question::new("5-1".parse().unwrap());
        q.title = Some("T".into());
        let text = write(&[q.clone()]);
        let mut d = Vec::new();
        let r = read("x", &text, &mut d);
        assert!(d.is_empty());
        assert_eq!(r[0].question.title, q.title);
    }
}
