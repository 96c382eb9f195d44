//! `qreview list`: one line per question.

use serde_json::Value;

use serde_json::Map;

use super::{date, fit, num, text, to_json};
use crate::analysis::deadline::{self, DeadlineRules};
use crate::corpus::{Corpus, Family, Question, Status};

/// The built-in deadline rules, built once per process.
static RULES: std::sync::LazyLock<DeadlineRules> = std::sync::LazyLock::new(DeadlineRules::default);

/// Sets `deadline` (stated, else computed by the source's rule),
/// `deadline_source` (`stated`/`computed`/null), `timeliness` (`on_time`,
/// `late`, `overdue`, `open`, `unknown`) and `late_working_days` (late or
/// overdue as of today; 0 on time or open; null without a deadline).
pub fn deadline_fields(q: &Question, obj: &mut Map<String, Value>) {
    let today = jiff::ZonedDateTime::now().date();
    let s = deadline::status(q, &RULES, today);
    obj.insert(
        "deadline".into(),
        serde_json::to_value(s.deadline.map(|d| d.date)).expect("date"),
    );
    obj.insert(
        "deadline_source".into(),
        s.deadline
            .map_or(Value::Null, |d| Value::from(d.source.name())),
    );
    obj.insert("timeliness".into(), Value::from(s.timeliness.name()));
    obj.insert(
        "late_working_days".into(),
        s.timeliness
            .late_working_days()
            .map_or(Value::Null, Value::from),
    );
}

/// The table, with a header line.
pub fn render(corpus: &Corpus) -> String {
    // Chamber labels (`55 B012 Q0042`) are wider than Senate ids.
    let id_width = corpus
        .questions
        .iter()
        .map(|q| q.id.label().chars().count() + 2)
        .max()
        .unwrap_or(0)
        .max(9);
    let mut out = format!(
        "{}{}{}{}{}{}\n",
        fit("ID", id_width),
        fit("MINISTRY", 24),
        fit("SENT", 12),
        fit("ANSWERED", 12),
        fit("DAYS", 6),
        "REMINDERS"
    );
    for q in &corpus.questions {
        out.push_str(&format!(
            "{}{}{}{}{}{}\n",
            fit(&q.id.to_string(), id_width),
            fit(
                &text(Some(crate::corpus::display::ministry_label(
                    q.ministry.as_deref()
                ))),
                24
            ),
            fit(&date(q.sent()), 12),
            fit(&answered(q), 12),
            fit(&num(q.days_to_answer), 6),
            q.reminders().len()
        ));
    }
    out
}

/// The answer date, or `withdrawn` for a withdrawn question (which is not
/// waiting for an answer).
fn answered(q: &Question) -> String {
    match q.state() {
        Status::Withdrawn => "withdrawn".into(),
        _ => date(q.answered()),
    }
}

/// The family a question is in: its id, how it was formed (`listed`, or
/// `detected` with `why`) and its members; `null` for a question alone.
pub fn family_json(family: Option<&Family>) -> Value {
    let Some(f) = family.filter(|f| f.members.len() > 1) else {
        return Value::Null;
    };
    let mut v = serde_json::to_value(&f.kind).expect("kind serialises");
    if let Some(obj) = v.as_object_mut() {
        obj.insert("id".into(), Value::from(f.id.reference()));
        obj.insert(
            "members".into(),
            f.members
                .iter()
                .map(|m| Value::from(m.id.reference()))
                .collect(),
        );
    }
    v
}

/// A question's fields without its texts, plus convenience figures, its
/// family and the format that read it.
pub fn item(q: &Question, family: Option<&Family>, format: Option<&str>) -> Value {
    let mut v = serde_json::to_value(q).expect("question serialises");
    if let Some(obj) = v.as_object_mut() {
        obj.remove("question");
        obj.remove("answer");
        obj.insert("has_answer_text".into(), Value::Bool(q.answer.is_some()));
        obj.insert("sent".into(), serde_json::to_value(q.sent()).expect("date"));
        obj.insert(
            "answered".into(),
            serde_json::to_value(q.answered()).expect("date"),
        );
        obj.insert("reminders".into(), Value::from(q.reminders().len()));
        deadline_fields(q, obj);
        obj.insert("state".into(), Value::from(q.state().name()));
        obj.insert("family".into(), family_json(family));
        obj.insert("format".into(), format.map_or(Value::Null, Value::from));
    }
    v
}

/// The JSON array.
pub fn render_json(corpus: &Corpus) -> String {
    let formats: std::collections::HashMap<&str, &str> = corpus
        .files
        .iter()
        .filter_map(|f| Some((f.path.as_str(), f.format?)))
        .collect();
    to_json(
        &corpus
            .questions
            .iter()
            .map(|q| {
                item(
                    q,
                    corpus.family_of(q.id),
                    formats.get(q.origin.path.as_str()).copied(),
                )
            })
            .collect::<Vec<_>>(),
    )
}
