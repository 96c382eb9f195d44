//! One Assemblée nationale question → one question: identity, author and
//! group, the ministry asked and the one that answered (a reassignment is
//! an event), indexing as descriptors, the question and answer texts (HTML)
//! with their Journal officiel dates, closure, "signalement" and renewals.

use jiff::civil::Date;
use serde_json::Value;

use super::values;
use crate::corpus::dates;
use crate::corpus::diagnostic::Diagnostic;
use crate::corpus::model::{
    Answer, Boundary, Event, EventKind, Origin, Question, QuestionText, Status,
};
use crate::corpus::{QuestionId, Source, Text};
use crate::formats::html_answer;

/// A child's text (numbers written out); `None` when missing, null or empty.
fn text(v: &Value, key: &str) -> Option<String> {
    let s = match v.get(key)? {
        Value::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Follows a path of keys, taking the first value where a step is a list.
fn at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    let mut cur = v;
    for key in path {
        cur = *values(cur.get(*key)).first()?;
    }
    Some(cur)
}

/// A date as the dumps write it: ISO (`2023-01-10`, with a time or offset
/// after it) or `10/01/2023`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let n = |t: Option<&str>| t?.parse::<i32>().ok();
    if s.as_bytes().get(4) == Some(&b'-') {
        return dates::ymd(n(s.get(0..4))?, n(s.get(5..7))?, n(s.get(8..10))?);
    }
    if s.as_bytes().get(2) == Some(&b'/') {
        return dates::ymd(n(s.get(6..10))?, n(s.get(3..5))?, n(s.get(0..2))?);
    }
    None
}

/// The `dateJO` of an `infoJO` child of `v`.
fn jo_date(v: &Value) -> Option<Date> {
    parse_date(&text(at(v, &["infoJO"])?, "dateJO")?)
}

fn event(date: Date, kind: EventKind, label: impl Into<String>) -> Event {
    Event {
        date,
        kind,
        label: label.into(),
    }
}

/// Reads one `question` object; `None` when it has no `uid`.
pub fn read(path: &str, v: &Value, diags: &mut Vec<Diagnostic>) -> Option<Question> {
    let uid = text(v, "uid")?;
    let id = QuestionId::new(Source::FrAn, &uid);
    let mut q = Question::new(id);
    let warn = |diags: &mut Vec<Diagnostic>, what: &str| {
        diags.push(Diagnostic::warning(path, Some(1), format!("{uid} {what}")));
    };
    if let Some(ident) = at(v, &["identifiant"]) {
        q.number = text(ident, "numero").and_then(|n| n.parse().ok());
        q.legislature = text(ident, "legislature").and_then(|n| n.parse().ok());
    }
    q.url = q
        .legislature
        .map(|l| format!("https://www.assemblee-nationale.fr/dyn/{l}/questions/{uid}"));
    match text(v, "type").as_deref() {
        Some("QE") | None => {}
        Some(other) => {
            // Listed, but marked: the other kinds are not written questions.
            q.descriptors
                .push(format!("type {other} (not a written question)"));
            warn(
                diags,
                &format!("is of type {other}, not a written question (QE); listed and marked"),
            );
        }
    }
    if let Some(auteur) = at(v, &["auteur"]) {
        q.author = at(auteur, &["identite"]).and_then(|i| text(i, "acteurRef"));
        q.party = at(auteur, &["groupe"])
            .and_then(|g| text(g, "abrege").or_else(|| text(g, "developpe")));
    }
    if q.author.is_none() {
        warn(diags, "has no author (auteur.identite.acteurRef)");
    }
    let asked = at(v, &["minInt"]);
    q.addressee = asked.and_then(|m| text(m, "developpe").or_else(|| text(m, "abrege")));
    q.ministry = asked.and_then(|m| text(m, "abrege").or_else(|| text(m, "developpe")));
    read_indexing(v, &mut q);
    read_question(v, &mut q, |m| warn(diags, m));
    read_reassignments(v, &mut q);
    read_answer(v, &mut q);
    read_closure(v, &mut q);
    read_follow_ups(v, &mut q);
    q.origin = Origin {
        path: path.to_string(),
        first_line: 1,
        last_line: 1,
    };
    q.refresh_derived();
    Some(q)
}

/// `indexationAN`: the rubrique and the analyses as descriptors, and a title
/// (the AN gives none) from the rubrique and the head of analysis.
fn read_indexing(v: &Value, q: &mut Question) {
    let Some(ix) = at(v, &["indexationAN"]) else {
        return;
    };
    let rubrique = text(ix, "rubrique");
    let head = text(ix, "teteAnalyse");
    if let Some(r) = &rubrique {
        q.descriptors.push(r.clone());
    }
    if let Some(a) = ix.get("analyses") {
        let list = match a {
            Value::Object(_) => values(a.get("analyse")),
            other => values(Some(other)),
        };
        for item in list {
            if let Some(s) = item.as_str().map(str::trim).filter(|s| !s.is_empty()) {
                q.descriptors.push(s.to_string());
            }
        }
    }
    q.title = match (rubrique, head) {
        (Some(r), Some(h)) => Some(format!("{r}: {h}")),
        (r, h) => h.or(r),
    };
}

/// `textesQuestion.texteQuestion`: the first text is the question; its JO
/// date is when it was sent.
fn read_question(v: &Value, q: &mut Question, mut warn: impl FnMut(&str)) {
    let texts = v
        .get("textesQuestion")
        .map(|t| values(t.get("texteQuestion")))
        .unwrap_or_default();
    let Some(first) = texts.first() else {
        warn("has no question text (textesQuestion.texteQuestion)");
        return;
    };
    if let Some(html) = text(first, "texte") {
        q.question = QuestionText {
            text: Text::from(html_answer::to_text(&html)),
            parts: Vec::new(),
        };
    }
    match jo_date(first) {
        Some(d) => {
            q.date = Some(d);
            q.events
                .push(event(d, EventKind::Sent, "question published (JO)"));
        }
        None => warn("has no JO date for its question (infoJO.dateJO)"),
    }
}

/// `minAttribs.minAttrib`: each reassignment to another ministry is an
/// event, and the last ministry is the one that answers.
fn read_reassignments(v: &Value, q: &mut Question) {
    let attribs = v
        .get("minAttribs")
        .map(|m| values(m.get("minAttrib")))
        .unwrap_or_default();
    for attrib in attribs {
        let Some(den) = at(attrib, &["denomination"]) else {
            continue;
        };
        let short = text(den, "abrege").or_else(|| text(den, "developpe"));
        if short.is_none() || short == q.ministry {
            continue;
        }
        let long = text(den, "developpe").or_else(|| short.clone());
        if let Some(d) = jo_date(attrib).or(q.date) {
            q.events.push(event(
                d,
                EventKind::Other,
                format!("reassigned to {}", long.clone().unwrap_or_default()),
            ));
        }
        q.ministry = short;
    }
}

/// `textesReponse.texteReponse`: the answer (HTML) and its JO date.
fn read_answer(v: &Value, q: &mut Question) {
    let texts = v
        .get("textesReponse")
        .map(|t| values(t.get("texteReponse")))
        .unwrap_or_default();
    for (i, reply) in texts.iter().enumerate() {
        let date = jo_date(reply);
        if i == 0
            && let Some(d) = date
        {
            q.events
                .push(event(d, EventKind::Answer, "answer published (JO)"));
        }
        let Some(html) = text(reply, "texte") else {
            continue;
        };
        let answer = Answer {
            text: Text::from(html_answer::to_text(&html)),
            parts: Vec::new(),
            boundary: Boundary::Marker,
            received: date,
            published: None,
        };
        if q.answer.is_none() {
            q.answer = Some(answer);
        } else {
            q.further_answers.push(answer);
        }
    }
}

/// `cloture`: the closing step as an event, and the status it implies.
fn read_closure(v: &Value, q: &mut Question) {
    let Some(c) = at(v, &["cloture"]) else {
        return;
    };
    let code = text(c, "codeCloture").unwrap_or_default();
    let label = text(c, "libelleCloture").unwrap_or_else(|| code.clone());
    if let Some(d) = text(c, "dateCloture").and_then(|s| parse_date(&s)) {
        q.events.push(event(d, EventKind::Other, label));
    }
    let upper = code.to_uppercase();
    q.status = if upper.starts_with("REP") || q.answer.is_some() {
        Some(Status::Answered)
    } else if upper.contains("RETIR") || upper.contains("RET") {
        Some(Status::Withdrawn)
    } else {
        Some(Status::Unanswered)
    };
}

/// `signalement` and `renouvellements`: their inner fields were not found in
/// any specification, so every date inside them counts (a renewal is a
/// reminder; a "signalement" obliges an answer within ten days).
fn read_follow_ups(v: &Value, q: &mut Question) {
    for d in dates_in(v.get("renouvellements")) {
        q.events
            .push(event(d, EventKind::Reminder, "renouvellement"));
    }
    for d in dates_in(v.get("signalement")) {
        q.events.push(event(d, EventKind::Other, "signalée"));
    }
}

/// Every distinct date in the string values under `v`, in order.
fn dates_in(v: Option<&Value>) -> Vec<Date> {
    fn walk(v: &Value, out: &mut Vec<Date>) {
        match v {
            Value::String(s) => {
                if let Some(d) = parse_date(s)
                    && !out.contains(&d)
                {
                    out.push(d);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Object(o) => o.values().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Some(v) = v {
        walk(v, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_forms() {
        assert_eq!(parse_date("2023-01-10"), dates::ymd(2023, 1, 10));
        assert_eq!(parse_date("2023-01-10+01:00"), dates::ymd(2023, 1, 10));
        assert_eq!(parse_date("10/01/2023"), dates::ymd(2023, 1, 10));
        assert_eq!(parse_date("soon"), None);
    }
}
