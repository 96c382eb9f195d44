//! `qreview list`: one line per question.

use serde_json::Value;

use super::{date, fit, num, text, to_json};
use crate::corpus::{Corpus, Question};

/// The table, with a header line.
pub fn render(corpus: &Corpus) -> String {
    let mut out = format!(
        "{}{}{}{}{}{}\n",
        fit("ID", 9),
        fit("MINISTRY", 24),
        fit("SENT", 12),
        fit("ANSWERED", 12),
        fit("DAYS", 6),
        "REMINDERS"
    );
    for q in &corpus.questions {
        out.push_str(&format!(
            "{}{}{}{}{}{}\n",
            fit(&q.id.to_string(), 9),
            fit(&text(q.ministry.as_deref()), 24),
            fit(&date(q.sent()), 12),
            fit(&date(q.answered()), 12),
            fit(&num(q.days_to_answer), 6),
            q.reminders().len()
        ));
    }
    out
}

/// A question's fields without its texts, plus convenience figures.
pub fn item(q: &Question) -> Value {
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
    }
    v
}

/// The JSON array.
pub fn render_json(corpus: &Corpus) -> String {
    to_json(&corpus.questions.iter().map(item).collect::<Vec<_>>())
}
