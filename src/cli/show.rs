//! `qreview show ID`: one question in full.

use super::{date, num, text, to_json};
use crate::corpus::{Boundary, Family, FamilyKind, Part, Question};
use crate::sanitize::sanitize;

/// The question as readable text, with the family it is in.
pub fn render(q: &Question, family: Option<&Family>) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!("{}  {}", q.id, text(q.title.as_deref())));
    if q.id_inferred {
        line("(id inferred from the sibling list)".into());
    }
    let author = match (&q.author, &q.party) {
        (Some(a), Some(p)) => format!("{} ({})", sanitize(a), sanitize(p)),
        (Some(a), None) => sanitize(a).into_owned(),
        _ => "-".into(),
    };
    line(format!("Author:      {author}"));
    line(format!("Addressee:   {}", text(q.addressee.as_deref())));
    line(format!(
        "Ministry:    {}",
        text(Some(crate::corpus::display::ministry_label(
            q.ministry.as_deref()
        )))
    ));
    line(format!(
        "Asked in:    {}",
        q.asked_in.map_or("-", |l| l.code())
    ));
    line(format!(
        "Descriptors: {}",
        sanitize(&q.descriptors.join("; "))
    ));
    line("Events:".into());
    for e in &q.events {
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        line(format!("  {}  {:<9} {}", e.date, kind, sanitize(&e.label)));
    }
    line(format!("Deadline:    {}", date(q.deadline)));
    line(format!("Days to answer: {}", num(q.days_to_answer)));
    let siblings: Vec<String> = q.siblings.iter().map(ToString::to_string).collect();
    line(format!(
        "Siblings:    {}",
        if siblings.is_empty() {
            "-".into()
        } else {
            siblings.join(" ")
        }
    ));
    if let Some(f) = family.filter(|f| f.members.len() > 1) {
        let how = match &f.kind {
            FamilyKind::Listed => "listed by the source".to_string(),
            FamilyKind::Detected { why } => format!("detected: {}", sanitize(why)),
        };
        let others: Vec<String> = f
            .members
            .iter()
            .filter(|m| m.id != q.id)
            .map(|m| m.id.to_string())
            .collect();
        line(format!(
            "Family:      {} ({how}): {}",
            f.id,
            others.join("; ")
        ));
    }
    for l in &q.links {
        line(format!(
            "Link:        {} {}",
            sanitize(&l.kind),
            sanitize(&l.id)
        ));
    }
    for a in &q.attachments {
        line(format!(
            "Attachment:  {} <{}>",
            sanitize(&a.title),
            sanitize(&a.url)
        ));
    }
    line(format!(
        "Source:      {}:{}-{}",
        sanitize(&q.origin.path),
        q.origin.first_line,
        q.origin.last_line
    ));
    line(String::new());
    line("QUESTION".into());
    body(&mut line, &q.question.text, &q.question.parts);
    line(String::new());
    match &q.answer {
        Some(a) => {
            let how = match a.boundary {
                Boundary::Marker => "",
                Boundary::Inferred => " (start inferred from the numbering)",
            };
            line(format!("ANSWER{how}"));
            body(&mut line, &a.text, &a.parts);
        }
        None => match q.answered() {
            Some(d) => line(format!("ANSWER: answered on {d}, text not in this corpus")),
            None => line("ANSWER: none".into()),
        },
    }
    out
}

fn body(line: &mut impl FnMut(String), text: &str, parts: &[Part]) {
    if text.is_empty() {
        line("  (text not in this corpus)".into());
        return;
    }
    for l in text.split('\n') {
        line(format!("  {}", sanitize(l)));
    }
    if !parts.is_empty() {
        let labels: Vec<&str> = parts.iter().map(|p| p.label.as_str()).collect();
        line(format!("  [parts: {}]", sanitize(&labels.join(" "))));
    }
}

/// The question as one JSON object, with its deadline fields and its family.
pub fn render_json(q: &Question, family: Option<&Family>) -> String {
    let mut v = serde_json::to_value(q).expect("question serialises");
    if let Some(obj) = v.as_object_mut() {
        super::list::deadline_fields(q, obj);
        obj.insert("family".into(), super::list::family_json(family));
    }
    to_json(&v)
}

/// The question as one JSON object with its `platforms` field: the
/// social-media lens's facts, `corrections` applied.
pub fn render_json_with_lens(
    q: &Question,
    family: Option<&Family>,
    corrections: &[crate::notes::FactCorrection],
) -> String {
    let catalog = crate::lens::Catalog::builtin();
    let mut lens = crate::lens::extract(q, catalog);
    crate::lens::correct::apply(&mut lens, q.id, corrections, catalog);
    // The same object as `render_json`, with the lens's fields added.
    let mut value: serde_json::Value =
        serde_json::from_str(&render_json(q, family)).unwrap_or_default();
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "platforms".into(),
            serde_json::to_value(&lens.platforms).unwrap_or_default(),
        );
        obj.insert(
            "policy".into(),
            serde_json::to_value(&lens.signals).unwrap_or_default(),
        );
    }
    to_json(&value)
}
