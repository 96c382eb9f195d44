//! One QRVA item → one question: identity, people, dates, both languages
//! of the texts, answers, keywords and status, with a diagnostic for each
//! field that is missing where a full record should have it.

use jiff::civil::Date;
use serde_json::Value;

use crate::formats::record_lines::RecordLines;

use super::fields;
use super::unglue::unglue;
use crate::corpus::diagnostic::Diagnostic;
use crate::corpus::model::{
    Answer, Boundary, Event, EventKind, Lang, Origin, Question, QuestionText, Status,
};
use crate::corpus::parts::split_parts;
use crate::corpus::{QuestionId, Source, Text};

/// The longest plausible answer deadline after sending: the sample's
/// `DELAIDAT` lies years after its answer, so a later one is not believed.
const LONGEST_DEADLINE_DAYS: i32 = 366;

/// The item's `SDOCNAME`: the field, else the last segment of its link.
pub fn sdocname(item: &Value) -> Option<String> {
    fields::text(item, "SDOCNAME").or_else(|| {
        let href = item.get("link")?.get("href")?.as_str()?;
        let last = href.trim_end_matches('/').rsplit('/').next()?.trim();
        (!last.is_empty() && last.contains('-')).then(|| last.to_string())
    })
}

/// The field-name suffix of a language (`TITF`, `TITN`).
fn suffix(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "F",
        Lang::Nl => "N",
    }
}

/// Reads one item; `None` when it names no question.
pub fn read(
    path: &str,
    line: usize,
    item: &Value,
    diags: &mut Vec<Diagnostic>,
) -> Option<Question> {
    let reference = sdocname(item)?;
    let id = QuestionId::new(Source::BeChamber, &reference);
    let mut q = Question::new(id);
    let warn = |diags: &mut Vec<Diagnostic>, what: String| {
        diags.push(Diagnostic::warning(
            path,
            Some(line),
            format!("{} {what}", id.label()),
        ));
    };
    // A list response carries summaries; a full item has its ID and texts.
    let full = item.get("ID").is_some() || item.get("DOCNAME").is_some();

    q.asked_in = match fields::text(item, "LANG").as_deref() {
        Some("N" | "n" | "NL" | "nl") => Some(Lang::Nl),
        Some("F" | "f" | "FR" | "fr") => Some(Lang::Fr),
        _ => None,
    };
    let written = q
        .asked_in
        .unwrap_or(if fields::text(item, "TITF").is_some() {
            Lang::Fr
        } else {
            Lang::Nl
        });
    let other = written.other();
    let (w, o) = (suffix(written), suffix(other));
    q.translation.lang = Some(other);

    q.legislature = fields::number(item, "LEGISL").and_then(|n| u16::try_from(n).ok());
    q.number = fields::number(item, "QUESTNUM").and_then(|n| u32::try_from(n).ok());
    q.url = item
        .get("link")
        .and_then(|l| l.get("href"))
        .and_then(Value::as_str)
        .map(str::to_string);
    (q.author, q.party) = fields::author(item);
    q.title = fields::text(item, &format!("TIT{w}"));
    q.translation.title = fields::text(item, &format!("TIT{o}"));
    q.addressee = fields::text(item, &format!("DEPT{w}"));
    q.translation.addressee = fields::text(item, &format!("DEPT{o}"));
    q.ministry = fields::text(item, &format!("SUBDEPT{w}"));
    q.translation.ministry = fields::text(item, &format!("SUBDEPT{o}"));
    q.descriptors = fields::keywords(item, w);
    q.translation.descriptors = fields::keywords(item, o);

    let text_in = |lang: Lang| question_text(item, &format!("TEXTQ{}", suffix(lang)));
    let (own, translated) = (text_in(written), text_in(other));
    match (own, translated) {
        (Some(own), translated) => {
            q.question = own;
            q.translation.question = translated;
        }
        (None, Some(only)) => q.question = only,
        (None, None) if full => warn(
            diags,
            "has no question text (TEXTQF/TEXTQN missing or null)".into(),
        ),
        (None, None) => {}
    }

    let sent = fields::date(item, "DEPOTDAT");
    match sent {
        Some(date) => {
            q.date = Some(date);
            q.events.push(Event {
                date,
                kind: EventKind::Sent,
                label: "question sent".into(),
            });
        }
        None if full => warn(diags, "has no DEPOTDAT (the date it was sent)".into()),
        None => {}
    }
    if q.title.is_none() && q.translation.title.is_none() {
        warn(diags, "has no title (TITF/TITN missing or null)".into());
    }
    q.deadline = deadline(item, sent, |m| warn(diags, m));

    read_answers(item, written, &mut q);
    q.status = status(item, q.answer.is_some() || q.answered().is_some());
    q.origin = Origin {
        path: path.to_string(),
        first_line: line,
        last_line: line,
    };
    q.refresh_derived();
    Some(q)
}

/// A question text: the `{"br": [...]}` lines, unglued, split into parts.
fn question_text(item: &Value, key: &str) -> Option<QuestionText> {
    let text = Text::from(unglue(&fields::br_text(item, key)?));
    Some(QuestionText {
        parts: split_parts(&text),
        text,
    })
}

/// An answer's text in one language (`TEXTA1F`), with its publication.
fn answer_text(item: &Value, n: usize, lang: Lang) -> Option<Answer> {
    let raw = fields::br_text(item, &format!("TEXTA{n}{}", suffix(lang)))?;
    let text = Text::from(unglue(&raw));
    Some(Answer {
        parts: split_parts(&text),
        text,
        boundary: Boundary::Marker,
        received: None,
        published: fields::publication(item, &format!("PUBLICA{n}")),
    })
}

/// Answers 1 to 4 (`NUMAn` is 0 when absent): the first is the question's
/// answer, the others further answers; each publication date is an
/// "answer published" event.
fn read_answers(item: &Value, written: Lang, q: &mut Question) {
    for n in 1..=4 {
        let numbered = fields::number(item, &format!("NUMA{n}")).is_some_and(|k| k != 0);
        let publication = fields::publication(item, &format!("PUBLICA{n}"));
        let own = answer_text(item, n, written);
        let translated = answer_text(item, n, written.other());
        if !numbered && publication.is_none() && own.is_none() && translated.is_none() {
            continue;
        }
        if let Some(p) = &publication
            && let Some(date) = p.date
        {
            q.events.push(Event {
                date,
                kind: EventKind::Answer,
                label: format!("answer published ({})", p.bulletin),
            });
        }
        let (answer, translation) = match (own, translated) {
            (Some(a), t) => (Some(a), t),
            (None, t) => (t, None),
        };
        let Some(answer) = answer else { continue };
        if q.answer.is_none() {
            q.answer = Some(answer);
            q.translation.answer = translation;
        } else {
            q.further_answers.push(answer);
        }
    }
}

/// `DELAIDAT`, when it lies after sending and within a year of it; an
/// implausible one is reported, never used.
fn deadline(item: &Value, sent: Option<Date>, mut warn: impl FnMut(String)) -> Option<Date> {
    let raw = fields::text(item, "DELAIDAT")?;
    let Some(date) = fields::parse_compact_date(&raw) else {
        warn(format!(
            "has a DELAIDAT that is not a date ({raw}); no deadline used"
        ));
        return None;
    };
    let Some(sent) = sent else {
        return Some(date);
    };
    let days = (date - sent).get_days();
    if (1..=LONGEST_DEADLINE_DAYS).contains(&days) {
        Some(date)
    } else {
        warn(format!(
            "has an implausible DELAIDAT {date} ({days} days after it was sent on {sent}); no deadline used"
        ));
        None
    }
}

/// `STATUSQ` (and a cancellation motive) → answered, unanswered, withdrawn.
fn status(item: &Value, has_answer: bool) -> Option<Status> {
    let motive = ["ANNUL_MOTIF_FR", "ANNUL_MOTIF_NL"]
        .iter()
        .any(|k| fields::text(item, k).is_some());
    let raw = fields::text(item, "STATUSQ").map(|s| s.to_ascii_lowercase());
    if motive
        || raw
            .as_deref()
            .is_some_and(|s| s.contains("cancel") || s.contains("withdr"))
    {
        return Some(Status::Withdrawn);
    }
    let raw = raw?;
    Some(if has_answer || raw == "answerreceived" {
        Status::Answered
    } else {
        Status::Unanswered
    })
}

/// The line of a QRVA item: the next occurrence of its `SDOCNAME` after
/// the previous item's, so a list's records point at their own lines.
pub fn line_of(lines: &mut RecordLines<'_>, item: &Value) -> usize {
    let Some(reference) = sdocname(item) else {
        return lines.line();
    };
    match lines.rest().find(reference.as_str()) {
        Some(pos) => lines.walk(pos, reference.len()),
        None => lines.line(),
    }
}
