//! One UK written question (`QuestionsViewModel`) → one question: identity
//! and the label users see, people, dates as events (tabled, named day,
//! holding answer, answer, correction, withdrawal), the HTML texts as
//! readable text, grouped questions, attachments and cross-references.

use jiff::civil::Date;
use serde_json::Value;

use crate::formats::record_lines::RecordLines;

use super::crossref;
use crate::corpus::dates;
use crate::corpus::diagnostic::Diagnostic;
use crate::corpus::model::{
    Answer, Attachment, Boundary, Event, EventKind, Link, Origin, Question, QuestionText, Status,
};
use crate::corpus::{QuestionId, Source, Text};
use crate::formats::html_answer;

/// A field as trimmed text (numbers written out); `None` when missing,
/// null, empty or of another kind.
fn text(v: &Value, key: &str) -> Option<String> {
    let s = match v.get(key)? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A boolean flag; missing or null is false.
fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// An API date-time (`2024-01-15T00:00:00`) as its calendar date.
fn date(v: &Value, key: &str) -> Option<Date> {
    let s = text(v, key)?;
    let d = s.get(..10)?;
    let n = |r: std::ops::Range<usize>| d.get(r)?.parse::<i32>().ok();
    if d.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    dates::ymd(n(0..4)?, n(5..7)?, n(8..10)?)
}

/// A member: the expanded object's name and party, else the bare id.
fn member(v: &Value, key: &str, id_key: &str) -> (Option<String>, Option<String>) {
    match v.get(key) {
        Some(m @ Value::Object(_)) => (
            text(m, "name").or_else(|| text(m, "listAs")),
            text(m, "party"),
        ),
        Some(Value::String(s)) if !s.trim().is_empty() => (Some(s.trim().to_string()), None),
        _ => (text(v, id_key).map(|id| format!("Member {id}")), None),
    }
}

/// What users are shown for a question: `Commons UIN 12345, tabled 2024-01-15`.
pub fn label(house: Option<&str>, uin: Option<&str>, tabled: Option<Date>) -> Option<String> {
    let uin = uin?;
    let mut label = match house {
        Some(h) => format!("{h} UIN {uin}"),
        None => format!("UIN {uin}"),
    };
    if let Some(d) = tabled {
        label.push_str(&format!(", tabled {d}"));
    }
    Some(label)
}

/// Reads one record's `value`; `None` when it has no `id`.
pub fn read(path: &str, line: usize, v: &Value, diags: &mut Vec<Diagnostic>) -> Option<Question> {
    let reference = text(v, "id")?;
    let id = QuestionId::new(Source::UkParliament, &reference);
    let uin = text(v, "uin");
    let house = text(v, "house");
    let tabled = date(v, "dateTabled");
    if let Some(l) = label(house.as_deref(), uin.as_deref(), tabled) {
        // Labels are printed without further thought: clean them once here.
        id.show_as(&crate::sanitize::sanitize(&l));
    }
    let mut q = Question::new(id);
    let warn = |diags: &mut Vec<Diagnostic>, what: &str| {
        diags.push(Diagnostic::warning(
            path,
            Some(line),
            format!("{} (uk-parliament:{reference}) {what}", id.label()),
        ));
    };
    if let Some(uin) = &uin {
        q.number = uin.parse().ok();
        q.aliases.push(uin.clone());
    } else {
        warn(diags, "has no uin; it can only be typed as its id");
    }
    (q.author, q.party) = member(v, "askingMember", "askingMemberId");
    q.title = text(v, "heading");
    q.ministry = text(v, "answeringBodyName");
    q.url = Some(format!(
        "https://questions-statements-api.parliament.uk/api/writtenquestions/questions/{reference}"
    ));

    let question_html = text(v, "questionText");
    match &question_html {
        Some(html) => {
            let body = html_answer::to_text(html);
            q.addressee = addressee(&body);
            q.question = QuestionText {
                text: Text::from(body),
                parts: Vec::new(),
            };
        }
        None => warn(diags, "has no questionText"),
    }

    match tabled {
        Some(d) => {
            q.date = Some(d);
            q.events.push(event(d, EventKind::Sent, "tabled"));
        }
        None => warn(diags, "has no dateTabled (the date it was tabled)"),
    }
    q.deadline = date(v, "dateForAnswer");
    if flag(v, "isNamedDay")
        && let Some(d) = q.deadline
    {
        q.events
            .push(event(d, EventKind::Other, "named day: answer due"));
    }
    read_answer(v, &mut q);
    if flag(v, "isWithdrawn") {
        q.status = Some(Status::Withdrawn);
        // The API gives no withdrawal date; the question's own date is the
        // last one known to be before it.
        if let Some(d) = tabled {
            q.events.push(event(d, EventKind::Other, "withdrawn"));
        }
    }
    for grouped in strings(v.get("groupedQuestions")) {
        q.links.push(Link {
            kind: "grouped_with".into(),
            id: grouped,
        });
    }
    q.attachments = attachments(v.get("attachments"));
    q.origin = Origin {
        path: path.to_string(),
        first_line: line,
        last_line: line,
    };
    q.refresh_derived();
    Some(q)
}

/// The holding answer, the answer and its correction, as events and texts.
fn read_answer(v: &Value, q: &mut Question) {
    let answered = date(v, "dateAnswered");
    let holding_date = date(v, "dateHoldingAnswer");
    let answer_html = text(v, "answerText");
    if let Some(d) = holding_date {
        q.events.push(event(d, EventKind::Other, "holding answer"));
    }
    // While the answer is only a holding answer ("I will reply as soon as
    // possible"), it is an event, not the answer.
    if flag(v, "answerIsHolding") {
        if holding_date.is_none()
            && let Some(d) = answered
        {
            q.events.push(event(d, EventKind::Other, "holding answer"));
        }
        q.status = Some(Status::Unanswered);
        return;
    }
    let Some(html) = answer_html else {
        if let Some(d) = answered {
            q.events.push(event(d, EventKind::Answer, "answered"));
        }
        return;
    };
    if let Some(d) = answered {
        q.events.push(event(d, EventKind::Answer, "answered"));
    }
    let body = html_answer::to_text(&html);
    for uin in crossref::find(&body) {
        q.links.push(Link {
            kind: "refers_to_answer".into(),
            id: uin,
        });
    }
    q.answer = Some(answer(body, answered));
    if flag(v, "answerIsCorrection") {
        if let Some(d) = date(v, "dateAnswerCorrected") {
            q.events
                .push(event(d, EventKind::Other, "answer corrected"));
        }
        // The answer before its correction, kept to compare with.
        if let Some(original) = text(v, "originalAnswerText") {
            q.further_answers
                .push(answer(html_answer::to_text(&original), answered));
        }
    }
    q.status = Some(Status::Answered);
}

fn answer(body: String, received: Option<Date>) -> Answer {
    Answer {
        text: Text::from(body),
        parts: Vec::new(),
        boundary: Boundary::Marker,
        received,
        published: None,
    }
}

fn event(date: Date, kind: EventKind, label: &str) -> Event {
    Event {
        date,
        kind,
        label: label.into(),
    }
}

/// "To ask the Secretary of State for Defence, how many …" → `Secretary of
/// State for Defence`: who the question is put to, from the text.
pub fn addressee(question: &str) -> Option<String> {
    let rest = strip_prefix_ignore_case(question.trim_start(), "to ask ")?;
    let rest = strip_prefix_ignore_case(rest, "the ").unwrap_or(rest);
    // The Lords ask the Government as a whole, with no comma after it.
    for government in ["His Majesty's Government", "Her Majesty's Government"] {
        if strip_prefix_ignore_case(rest, government).is_some() {
            return Some(government.to_string());
        }
    }
    let end = rest.find([',', '\n'])?;
    let who = rest[..end].trim();
    (!who.is_empty() && who.len() < 120).then(|| who.to_string())
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Strings (or numbers) of a list; anything else is skipped.
fn strings(v: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(items)) = v else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|i| match i {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect()
}

/// `attachments`: `{title, url, fileType, fileSizeBytes}` each.
fn attachments(v: Option<&Value>) -> Vec<Attachment> {
    let Some(Value::Array(items)) = v else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|a| {
            let url = text(a, "url")?;
            let title = text(a, "title").unwrap_or_else(|| url.clone());
            Some(Attachment { title, url })
        })
        .collect()
}

/// The line of a record's `"id"` key holding its id, searched from the
/// previous record's.
pub fn line_of(lines: &mut RecordLines<'_>, value: &Value) -> usize {
    let Some(id) = text(value, "id") else {
        return lines.line();
    };
    let rest = lines.rest();
    let mut from = 0;
    while let Some(pos) = rest[from..].find("\"id\"") {
        let start = from + pos;
        let after = rest[start + 4..].trim_start_matches([' ', ':', '\t', '\n', '\r']);
        if after.starts_with(id.as_str()) {
            return lines.walk(start, 4);
        }
        from = start + 4;
    }
    lines.line()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_house_uin_and_date() {
        let d = dates::ymd(2024, 1, 15);
        assert_eq!(
            label(Some("Commons"), Some("12345"), d).as_deref(),
            Some("Commons UIN 12345, tabled 2024-01-15")
        );
        assert_eq!(label(None, Some("HL12"), None).as_deref(), Some("UIN HL12"));
        assert_eq!(label(Some("Lords"), None, d), None);
    }

    #[test]
    fn addressee_is_read_from_to_ask() {
        assert_eq!(
            addressee("To ask the Secretary of State for Defence, how many …").as_deref(),
            Some("Secretary of State for Defence")
        );
        assert_eq!(
            addressee("To ask His Majesty's Government what …, and why").as_deref(),
            Some("His Majesty's Government")
        );
        assert_eq!(addressee("How many?"), None);
    }

    #[test]
    fn dates_accept_date_times() {
        let v = serde_json::json!({"a": "2024-01-15T00:00:00", "b": "2024-01-15", "c": "15/01/2024", "d": null});
        assert_eq!(date(&v, "a"), dates::ymd(2024, 1, 15));
        assert_eq!(date(&v, "b"), dates::ymd(2024, 1, 15));
        assert_eq!(date(&v, "c"), None);
        assert_eq!(date(&v, "d"), None);
    }
}
