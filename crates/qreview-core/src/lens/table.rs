//! The ministries × platforms table: every question of a corpus (rows)
//! against every platform any answer speaks of (columns), corrections
//! applied. One plain data function, [`Table::build`], that the Platforms
//! view, `qreview platforms` and every export (Markdown, CSV, JSON, and
//! later the HTML report and REFI-QDA variables) call.

use serde::Serialize;

use super::catalog::Catalog;
use super::correct;
use super::extract::extract;
use super::model::{Lens, Metric, PlatformFact, Signal, Span, Verdict};
use crate::corpus::{Corpus, QuestionId};
use crate::notes::FactCorrection;

/// What a cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    /// The answer says the platform is used.
    Used,
    /// The answer says it is not used (itself, or "no social media at all").
    NotUsed,
    /// The answer does not speak of it.
    NotMentioned,
}

impl CellState {
    /// `used`, `not used`, `—`.
    pub fn label(self) -> &'static str {
        match self {
            CellState::Used => "used",
            CellState::NotUsed => "not used",
            CellState::NotMentioned => "not mentioned",
        }
    }
}

/// One cell: a question's answer about one platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// Used, not used, not mentioned.
    pub state: CellState,
    /// The fact behind it, when the platform itself is mentioned (not only
    /// covered by "no social media at all").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<PlatformFact>,
    /// Where the state is read from (the fact's span, or the group
    /// negation's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// True when the analyst rejected what was extracted here.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rejected: bool,
}

impl Cell {
    /// The analyst's verdict on the fact, if any.
    pub fn verdict(&self) -> Option<Verdict> {
        self.fact
            .as_ref()
            .and_then(|f| f.verdict)
            .or(self.rejected.then_some(Verdict::Rejected))
    }

    /// One line: `used · Diplomatie.Belgium · 1,565 likes` (`—` when not
    /// mentioned). Corpus text inside: sanitise before drawing.
    pub fn summary(&self) -> String {
        let mut parts = vec![match self.state {
            CellState::NotMentioned => "—".to_string(),
            s => s.label().to_string(),
        }];
        if let Some(f) = &self.fact {
            if let Some(a) = &f.account {
                parts.push(a.name.clone());
            }
            for m in &f.metrics {
                parts.push(format!("{} {}", group_thousands(m.value), m.metric.name()));
            }
            if let Some(m) = &f.money {
                parts.push(format!(
                    "{} {}",
                    m.currency,
                    group_thousands(m.amount.round() as u64)
                ));
            }
            if let Some(s) = &f.staff {
                parts.push(format!("{} FTE", s.fte));
            }
        }
        let mut line = parts.join(" · ");
        if let Some(v) = self.verdict() {
            line.push_str(&format!(" [{}]", v.label()));
        }
        line
    }
}

/// `1565` → `1,565`.
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One row: a question (a ministry's answer).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The question.
    pub question: QuestionId,
    /// Its ministry label (or addressee, or `?`).
    pub ministry: String,
    /// False when the corpus holds no answer text for it.
    pub has_answer: bool,
    /// Cells, one per column.
    pub cells: Vec<Cell>,
    /// Every fact of the answer, corrections applied (groups included).
    pub lens: Lens,
}

impl Row {
    /// Policy signals said to exist.
    pub fn signals(&self) -> impl Iterator<Item = &Signal> {
        self.lens.signals.iter().filter(|s| s.present)
    }
}

/// A column: one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The platform's id.
    pub id: String,
    /// Its display name.
    pub name: String,
}

/// The whole table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Table {
    /// Platforms some answer speaks of, in the catalogue's order.
    pub columns: Vec<Column>,
    /// Questions, in corpus order.
    pub rows: Vec<Row>,
}

impl Table {
    /// The table of `questions` (all of the corpus when empty), with
    /// `corrections` applied.
    pub fn build(
        corpus: &Corpus,
        questions: &[QuestionId],
        corrections: &[FactCorrection],
        catalog: &Catalog,
    ) -> Table {
        let chosen: Vec<&crate::corpus::Question> = corpus
            .questions
            .iter()
            .filter(|q| questions.is_empty() || questions.contains(&q.id))
            .collect();
        let one = |q: &&crate::corpus::Question| {
            let mut lens = extract(q, catalog);
            correct::apply(&mut lens, q.id, corrections, catalog);
            let ministry = q
                .ministry
                .clone()
                .or_else(|| q.addressee.clone())
                .unwrap_or_else(|| crate::corpus::display::UNKNOWN_MINISTRY.to_string());
            let has_answer = q.answer.as_ref().is_some_and(|a| !a.text.is_empty());
            (q.id, ministry, has_answer, lens)
        };
        // Every core takes a run of questions; the rows keep corpus order.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = chosen.len().div_ceil(threads).max(64);
        let lenses: Vec<(QuestionId, String, bool, Lens)> = std::thread::scope(|s| {
            let handles: Vec<_> = chosen
                .chunks(chunk)
                .map(|c| s.spawn(move || c.iter().map(one).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("lens worker"))
                .collect()
        });
        Table::from_lenses(lenses, catalog)
    }

    /// The table of already extracted (and corrected) lenses.
    pub fn from_lenses(lenses: Vec<(QuestionId, String, bool, Lens)>, catalog: &Catalog) -> Table {
        let columns: Vec<Column> = catalog
            .platforms()
            .iter()
            .filter(|p| !p.is_group())
            .filter(|p| {
                lenses.iter().any(|(_, _, _, l)| {
                    l.fact(&p.id).is_some() || l.rejected.iter().any(|f| f.id == p.id)
                })
            })
            .map(|p| Column {
                id: p.id.clone(),
                name: p.name.clone(),
            })
            .collect();
        let rows = lenses
            .into_iter()
            .map(|(question, ministry, has_answer, lens)| {
                let cells = columns
                    .iter()
                    .map(|c| cell(&lens, &c.id, catalog))
                    .collect();
                Row {
                    question,
                    ministry,
                    has_answer,
                    cells,
                    lens,
                }
            })
            .collect();
        Table { columns, rows }
    }

    /// How many facts carry a verdict of the analyst.
    pub fn corrected(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| r.lens.platforms.iter().chain(&r.lens.rejected))
            .filter(|f| f.verdict.is_some())
            .count()
    }
}

/// The cell of `platform` in one answer: its own fact, else a group's
/// negation covering it ("n'utilise aucun réseau social"), else nothing.
fn cell(lens: &Lens, platform: &str, catalog: &Catalog) -> Cell {
    if let Some(f) = lens.fact(platform) {
        return Cell {
            state: if f.used {
                CellState::Used
            } else {
                CellState::NotUsed
            },
            span: Some(f.span.clone()),
            fact: Some(f.clone()),
            rejected: false,
        };
    }
    let covering = lens.platforms.iter().find(|f| {
        !f.used
            && catalog.index_of(&f.id).is_some_and(|i| {
                catalog.platforms()[i].is_group() && catalog.platforms()[i].covers(platform)
            })
    });
    let rejected = lens.rejected.iter().find(|f| f.id == platform);
    match covering {
        Some(g) => Cell {
            state: CellState::NotUsed,
            fact: None,
            span: Some(g.span.clone()),
            rejected: rejected.is_some(),
        },
        None => Cell {
            state: CellState::NotMentioned,
            fact: None,
            span: rejected.map(|f| f.span.clone()),
            rejected: rejected.is_some(),
        },
    }
}

/// The main figure of a fact for a narrow cell (likes, else followers, …).
pub fn main_figure(f: &PlatformFact) -> Option<(Metric, u64)> {
    Metric::ALL
        .into_iter()
        .find_map(|m| f.metric(m).map(|v| (m, v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(1565), "1,565");
        assert_eq!(group_thousands(648), "648");
        assert_eq!(group_thousands(1_000_000), "1,000,000");
    }
}
