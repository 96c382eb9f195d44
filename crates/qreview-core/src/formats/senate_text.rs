//! Parser for Senate written questions as plain text, in every known layout:
//! the stripped page, the French and Dutch web pages, the single-language and
//! bilingual prints (see `facts/senate-page-layouts.md`).
//!
//! One pass over the lines: header furniture is recognised and skipped, the
//! metadata blocks are read in the order the layouts share, and the body is
//! split into question and answer. It records only what the page says; the
//! loader resolves ids that the page does not carry.

use jiff::civil::Date;

use crate::corpus::diagnostic::Diagnostic;
use crate::corpus::id::QuestionId;
use crate::corpus::labels::{self, CrossRef};
use crate::corpus::model::{
    Answer, Boundary, Event, Lang, Link, Origin, Question, QuestionText, Translation,
};
use crate::corpus::mojibake;
use crate::corpus::parts;
use crate::corpus::text::Text;

/// A document parsed from text, before its id is resolved.
#[derive(Debug, Clone)]
pub struct ParsedDoc {
    /// The id printed in the document, if any.
    pub id: Option<QuestionId>,
    /// Everything read; its `id` is a placeholder until the loader resolves it.
    pub question: Question,
}

/// Senate pages saved as text, in the registration list.
pub struct SenateText;

/// Words only a Senate page holds, in either language (its headers,
/// chronology and cross-reference labels).
const MARKERS: [&str; 10] = [
    "Question écrite",
    "Schriftelijke vraag",
    "Aussi posée à",
    "Ook gesteld aan",
    "Envoi question",
    "Verzending vraag",
    "Chronologie",
    "SÉNAT",
    "SENAAT",
    "Réponse reçue le",
];

impl super::Format for SenateText {
    fn name(&self) -> &'static str {
        "senate-text"
    }

    fn sniff(&self, path: &str, head: &[u8]) -> u8 {
        let text = String::from_utf8_lossy(head);
        let body = super::skip_bom_and_space(head);
        if MARKERS.iter().any(|m| text.contains(m)) && !body.starts_with(b"<") {
            80
        } else if super::has_extension(path, &["txt"]) {
            40
        } else if body.starts_with(b"{") || body.starts_with(b"[") || body.starts_with(b"<") {
            0
        } else {
            // A file named explicitly is read whatever its extension; plain
            // text is most likely a Senate page in a layout not sniffed.
            10
        }
    }

    fn parse(&self, path: &str, bytes: Vec<u8>) -> super::Parsed {
        let mut parsed = super::Parsed::default();
        if let Some(text) = super::decode_text(path, bytes, &mut parsed.diagnostics) {
            parsed.texts = parse(path, &text, &mut parsed.diagnostics);
            if parsed.texts.is_empty() {
                parsed.diagnostics.push(Diagnostic::error(
                    path,
                    Some(1),
                    "no question found in this text",
                ));
            }
        }
        parsed
    }
}

/// Lines longer than this are reported: they are most likely not a Senate page.
const LONG_LINE: usize = 100_000;

/// Parses every document in `text` (a file may hold several, each opening with
/// a print link or a banner). `path` is used for diagnostics and sources.
pub fn parse(path: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<ParsedDoc> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end()).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.len() > LONG_LINE {
            diagnostics.push(Diagnostic::warning(
                path,
                Some(i + 1),
                format!(
                    "line of {} bytes; this does not look like a Senate page",
                    line.len()
                ),
            ));
        }
    }
    let mut docs = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let (doc, next) = parse_one(path, &lines, start, diagnostics);
        if let Some(doc) = doc {
            docs.push(doc);
        }
        start = next;
    }
    docs
}

/// Where the reader is inside a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the title: print links, banners, number, author, addressee.
    Preamble,
    /// After the title: descriptors.
    Descriptors,
    /// Chronology and cross-references.
    Chronology,
    /// The question body.
    Question,
    /// The answer body.
    Answer,
}

/// Everything collected for one document.
#[derive(Default)]
struct Builder<'a> {
    id: Option<QuestionId>,
    doc_lang: Option<Lang>,
    bilingual: bool,
    date: Option<Date>,
    authors: Vec<(String, String)>,
    addressees: Vec<(String, Lang)>,
    title: Option<String>,
    descriptors: Vec<String>,
    events: Vec<Event>,
    deadline: Option<Date>,
    siblings: Vec<QuestionId>,
    links: Vec<Link>,
    asked_in: Option<Lang>,
    question_lines: Vec<(usize, &'a str)>,
    answer_lines: Vec<(usize, &'a str)>,
    answer_marker: Option<Option<Date>>,
    first_line: Option<usize>,
    last_line: usize,
    /// Header fields cut to [`MAX_FIELD_BYTES`]: which, and on what line.
    cut: Vec<(&'static str, usize)>,
}

/// The longest header field kept (title, author, addressee, descriptor):
/// a real one is a line or two; a page that is one huge line must not
/// become a title of hundreds of megabytes that every search then copies.
pub const MAX_FIELD_BYTES: usize = 4096;

/// `value` cut to [`MAX_FIELD_BYTES`] at a character boundary; `true` when
/// something was cut.
pub fn cap_field(value: &str) -> (String, bool) {
    if value.len() <= MAX_FIELD_BYTES {
        return (value.to_string(), false);
    }
    let mut end = MAX_FIELD_BYTES;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    (value[..end].to_string(), true)
}

/// Parses one document starting at `start`; returns it and the index where
/// the next document starts.
fn parse_one(
    path: &str,
    lines: &[&str],
    start: usize,
    diags: &mut Vec<Diagnostic>,
) -> (Option<ParsedDoc>, usize) {
    let mut b = Builder::default();
    let mut phase = Phase::Preamble;
    let mut i = start;
    while i < lines.len() {
        let line = lines[i].trim();
        let lineno = i + 1;
        if line.is_empty() {
            i += 1;
            continue;
        }
        if matches!(phase, Phase::Question | Phase::Answer) && labels::opens_document(line) {
            break;
        }
        b.first_line.get_or_insert(lineno);
        b.last_line = lineno;
        // Labels are matched with no-break spaces as plain ones (French
        // typography puts them before `:`); the body keeps them as written.
        let plain = plain_spaces(line);
        match phase {
            Phase::Question | Phase::Answer => {
                // The text after the marker's colon, from the original line.
                // `plain` swaps characters one for one, so the text after
                // the marker is the same number of characters of `line`.
                let marker = labels::answer_marker(&plain).map(|(date, rest)| {
                    let n = rest.chars().count();
                    let at = line
                        .char_indices()
                        .rev()
                        .nth(n.wrapping_sub(1))
                        .map_or(line.len(), |(i, _)| i);
                    (date, if n == 0 { "" } else { &line[at..] })
                });
                if let Some((date, rest)) = marker {
                    if phase == Phase::Answer {
                        diags.push(Diagnostic::warning(
                            path,
                            Some(lineno),
                            "a second answer marker; kept as answer text",
                        ));
                        b.answer_lines.push((lineno, line));
                    } else {
                        b.answer_marker = Some(date);
                        if !rest.is_empty() {
                            b.answer_lines.push((lineno, rest));
                        }
                        phase = Phase::Answer;
                    }
                } else if phase == Phase::Answer {
                    b.answer_lines.push((lineno, line));
                } else {
                    b.question_lines.push((lineno, line));
                }
            }
            _ => {
                let next = lines.get(i + 1).map(|l| plain_spaces(l.trim()));
                let (new_phase, consumed_next) =
                    header_line(&mut b, phase, &plain, next.as_deref());
                phase = new_phase;
                if phase == Phase::Question
                    && b.question_lines.is_empty()
                    && !consumed_next
                    && !is_header_only(&plain)
                {
                    // The body started on this very line (stripped layout).
                    b.question_lines.push((lineno, line));
                }
                if consumed_next {
                    i += 1;
                    b.last_line = i + 1;
                }
            }
        }
        i += 1;
    }
    let next = if i == start { start + 1 } else { i };
    if b.first_line.is_none() {
        return (None, next);
    }
    (Some(b.finish(path, diags)), next)
}

/// `line` with no-break spaces (U+00A0, U+202F) as plain spaces.
fn plain_spaces(line: &str) -> std::borrow::Cow<'_, str> {
    if line.contains(['\u{a0}', '\u{202f}']) {
        std::borrow::Cow::Owned(line.replace(['\u{a0}', '\u{202f}'], " "))
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// True for a question header line itself (the body starts after it).
fn is_header_only(line: &str) -> bool {
    labels::id_line(line).is_some_and(|l| l.is_header)
}

/// Handles one non-blank line before the body; returns the new phase and
/// whether the following line was consumed too (a language note on its own line).
fn header_line(b: &mut Builder<'_>, phase: Phase, line: &str, next: Option<&str>) -> (Phase, bool) {
    if labels::is_furniture(line) {
        if line.to_lowercase().contains("version à imprimer") {
            b.doc_lang.get_or_insert(Lang::Fr);
        } else if line.to_lowercase().contains("printerversie") {
            b.doc_lang.get_or_insert(Lang::Nl);
        }
        return (phase, false);
    }
    if let Some(id_line) = labels::id_line(line) {
        b.id.get_or_insert(id_line.id);
        b.bilingual |= id_line.bilingual;
        b.doc_lang.get_or_insert(id_line.lang);
        if id_line.date.is_some() {
            b.date = b.date.or(id_line.date);
        }
        if id_line.is_header {
            b.asked_in = id_line.asked_in.or(b.asked_in);
            if id_line.asked_in.is_none()
                && let Some(lang) = next.and_then(labels::asked_in_note)
            {
                b.asked_in = Some(lang);
                return (Phase::Question, true);
            }
            return (Phase::Question, false);
        }
        return (phase, false);
    }
    if let Some(entries) = labels::chronology(line) {
        for e in entries {
            let kind = labels::event_kind(&e.label);
            if e.deadline.is_some() {
                b.deadline = e.deadline;
            }
            let event = Event {
                date: e.date,
                kind,
                label: e.label,
            };
            // Bilingual prints repeat the chronology: count each step once.
            if !b.events.contains(&event) {
                b.events.push(event);
            }
        }
        return (Phase::Chronology, false);
    }
    if (phase != Phase::Descriptors || b.descriptors.is_empty() || looks_like_cross_ref(line))
        && let Some(refs) = labels::cross_refs(line)
    {
        for r in refs {
            match r {
                CrossRef::Sibling(id, lang) => {
                    b.doc_lang.get_or_insert(lang);
                    if !b.siblings.contains(&id) {
                        b.siblings.push(id);
                    }
                }
                CrossRef::Link { kind, id } => {
                    let link = Link { kind, id };
                    if !b.links.contains(&link) {
                        b.links.push(link);
                    }
                }
            }
        }
        return (Phase::Chronology, false);
    }
    match phase {
        Phase::Preamble => {
            if let Some((name, party, date)) = labels::author_line(line) {
                let (name, party) = (b.capped("author", &name), b.capped("party", &party));
                if !b.authors.iter().any(|(n, p)| *n == name && *p == party) {
                    b.authors.push((name, party));
                }
                b.date = b.date.or(date);
                return (phase, false);
            }
            if b.title.is_none() && dates::long_date_line(line).is_some() {
                b.date = b.date.or(dates::long_date_line(line));
                return (phase, false);
            }
            if let Some(lang) = labels::addressee_line(line)
                && (b.id.is_some() || !b.authors.is_empty())
            {
                let addressee = b.capped("addressee", line);
                b.addressees.push((addressee, lang));
                return (phase, false);
            }
            b.title = Some(b.capped("title", line));
            (Phase::Descriptors, false)
        }
        Phase::Descriptors if is_descriptor(line) => {
            let descriptor = b.capped("descriptor", line);
            b.descriptors.push(descriptor);
            (phase, false)
        }
        // Anything else after the metadata is the body (stripped layout, or a
        // page without its question header).
        _ => (Phase::Question, false),
    }
}

/// A descriptor is a short term, not a sentence.
fn is_descriptor(line: &str) -> bool {
    line.chars().count() <= 100
        && !line.ends_with(['.', '?', ':', ';', '!'])
        && parts::numbered_label(line).is_none()
}

/// A line shaped like `Label : document kind L-N`, even when the label is unknown.
fn looks_like_cross_ref(line: &str) -> bool {
    line.contains(" : ")
        && line
            .split_whitespace()
            .last()
            .is_some_and(|w| QuestionId::find_in(w).is_some())
}

mod dates {
    //! Header-only date shapes.
    use jiff::civil::Date;

    /// A line that is only a long date, or the same date twice (bilingual print).
    pub fn long_date_line(line: &str) -> Option<Date> {
        let (d, rest) = crate::corpus::dates::parse_long_prefix(line)?;
        let rest = rest.trim();
        if rest.is_empty() {
            return Some(d);
        }
        (crate::corpus::dates::parse_long(rest) == Some(d)).then_some(d)
    }
}

impl Builder<'_> {
    /// A header field's value, cut to [`MAX_FIELD_BYTES`] (noted for a
    /// warning when it was).
    fn capped(&mut self, field: &'static str, value: &str) -> String {
        let (kept, cut) = cap_field(value);
        if cut {
            self.cut.push((field, self.last_line));
        }
        kept
    }

    /// Turns what was collected into a question.
    fn finish(mut self, path: &str, diags: &mut Vec<Diagnostic>) -> ParsedDoc {
        for (field, line) in std::mem::take(&mut self.cut) {
            diags.push(Diagnostic::warning(
                path,
                Some(line),
                format!(
                    "the {field} is longer than {} kB; cut there (is this really a header line?)",
                    MAX_FIELD_BYTES / 1024
                ),
            ));
        }
        let lang = self.doc_lang.unwrap_or(Lang::Fr);
        let mut q = Question::new(self.id.unwrap_or(QuestionId::senate(0, 0)));
        q.asked_in = self.asked_in;
        q.date = self.date;
        if let Some((name, party)) = self.authors.first() {
            q.author = Some(name.clone());
            q.party = Some(party.clone());
        }
        let mut translation = Translation::default();
        let primary = self
            .addressees
            .iter()
            .find(|(_, l)| *l == lang)
            .or(self.addressees.first());
        if let Some((addr, addr_lang)) = primary {
            q.addressee = Some(addr.clone());
            if let Some((other, other_lang)) = self.addressees.iter().find(|(_, l)| l != addr_lang)
            {
                translation.lang = Some(*other_lang);
                translation.addressee = Some(other.clone());
            }
        }
        if let Some(title) = self.title.take() {
            if self.bilingual {
                let (fr, nl) = split_bilingual_title(&title);
                q.title = Some(fr);
                if let Some(nl) = nl {
                    translation.lang = Some(Lang::Nl);
                    translation.title = Some(nl);
                }
            } else {
                q.title = Some(title);
            }
        }
        if self.bilingual && self.descriptors.len() >= 2 && self.descriptors.len().is_multiple_of(2)
        {
            // Bilingual prints list all French descriptors, then all Dutch ones.
            let nl = self.descriptors.split_off(self.descriptors.len() / 2);
            translation.lang = Some(Lang::Nl);
            translation.descriptors = nl;
        }
        q.descriptors = self.descriptors;
        q.translation = translation;
        q.events = self.events;
        q.deadline = self.deadline;
        q.siblings = self.siblings;
        q.links = self.links;

        let (question_lines, answer_lines, boundary) = match self.answer_marker {
            Some(_) => (
                self.question_lines,
                self.answer_lines,
                Some(Boundary::Marker),
            ),
            None => {
                let texts: Vec<&str> = self.question_lines.iter().map(|(_, l)| *l).collect();
                match parts::infer_answer_start(&texts) {
                    Some(at) => {
                        let mut ql = self.question_lines;
                        let al = ql.split_off(at);
                        (ql, al, Some(Boundary::Inferred))
                    }
                    None => (self.question_lines, Vec::new(), None),
                }
            }
        };
        if boundary.is_none()
            && !question_lines.is_empty()
            && let Some(answered) = q
                .events
                .iter()
                .find(|e| e.kind == crate::corpus::model::EventKind::Answer)
        {
            let line = question_lines.last().map(|(n, _)| *n);
            diags.push(Diagnostic::warning(
                    path,
                    line,
                    format!(
                        "the chronology says answered on {} but no answer was found (no answer marker, no numbering restarting); any answer text stays in the question",
                        answered.date
                    ),
                ));
        }
        if boundary == Some(Boundary::Inferred) {
            let line = answer_lines.first().map(|(n, _)| *n);
            diags.push(Diagnostic::warning(
                path,
                line,
                "no answer marker; answer taken to start where the numbering restarts (inferred)",
            ));
        }
        let question_text = Text::from(repaired(path, &question_lines, diags));
        q.question = QuestionText {
            parts: parts::split_parts(&question_text),
            text: question_text,
        };
        if let Some(boundary) = boundary {
            let text = Text::from(repaired(path, &answer_lines, diags));
            let parts = parts::split_parts(&text);
            q.answer = Some(Answer {
                parts,
                text,
                boundary,
                received: self.answer_marker.flatten(),
                published: None,
            });
        }
        q.origin = Origin {
            path: path.to_string(),
            first_line: self.first_line.unwrap_or(1),
            last_line: self.last_line.max(self.first_line.unwrap_or(1)),
        };
        ParsedDoc {
            id: self.id,
            question: q,
        }
    }
}

/// Joins body lines, repairing the known mis-decoding and reporting it.
fn repaired(path: &str, lines: &[(usize, &str)], diags: &mut Vec<Diagnostic>) -> String {
    let joined = lines.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n");
    let (text, repairs) = mojibake::repair(&joined);
    if let Some(first) = repairs.first() {
        let line = lines.get(first.line).map(|(n, _)| *n);
        diags.push(Diagnostic::warning(
            path,
            line,
            format!(
                "repaired mis-decoded characters on {} line(s) (e.g. {} → {})",
                repairs.len(),
                first.before,
                first.after
            ),
        ));
    }
    text
}

/// Splits `FR title - … NL title - …` printed on one line: the middle segment
/// holds the end of one title and the start of the other, which begins with a
/// capital letter.
fn split_bilingual_title(line: &str) -> (String, Option<String>) {
    let segments: Vec<&str> = line.trim().split(" - ").collect();
    if segments.len() % 2 == 1 {
        let mid = segments.len() / 2;
        let words: Vec<&str> = segments[mid].split(' ').collect();
        if let Some(cut) = (1..words.len()).find(|&w| words[w].starts_with(char::is_uppercase)) {
            let mut fr: Vec<String> = segments[..mid].iter().map(|s| s.to_string()).collect();
            fr.push(words[..cut].join(" "));
            let mut nl = vec![words[cut..].join(" ")];
            nl.extend(segments[mid + 1..].iter().map(|s| s.to_string()));
            return (fr.join(" - "), Some(nl.join(" - ")));
        }
    }
    (line.trim().to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_bilingual_title() {
        let (fr, nl) = split_bilingual_title(
            "Services publics fédéraux - Communication avec les citoyens - Recours aux médias sociaux Federale overheidsdiensten - Communicatie met burgers - Gebruik van sociale media ",
        );
        assert_eq!(
            fr,
            "Services publics fédéraux - Communication avec les citoyens - Recours aux médias sociaux"
        );
        assert_eq!(
            nl.as_deref(),
            Some(
                "Federale overheidsdiensten - Communicatie met burgers - Gebruik van sociale media"
            )
        );
    }
}
