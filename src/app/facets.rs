//! The Questions view's filters by reminder, review status and verdict
//! (`m`, `f`, `F`; `x` clears them with the search filter). The ids they
//! admit are computed here, after every change to them or to the notes,
//! and the list is rebuilt from them.

use std::collections::HashSet;

use crate::corpus::{Corpus, Question, QuestionId};
use crate::notes::{NotesFile, ReviewStatus, Verdict};

use super::App;

/// What the Questions view is narrowed to; the default admits everything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facets {
    /// Only questions that needed at least one reminder.
    pub reminded: bool,
    /// Only questions with this review status.
    pub status: Option<ReviewStatus>,
    /// Only questions with this verdict.
    pub verdict: Option<Verdict>,
}

impl Facets {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// `reminded · reviewed · verdict partial`, for the status line.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.reminded {
            parts.push("reminded".to_string());
        }
        if let Some(s) = self.status {
            parts.push(s.label().to_string());
        }
        if let Some(v) = self.verdict {
            parts.push(format!("verdict {}", v.label()));
        }
        parts.join(" · ")
    }

    /// True when the question (`None`: a sibling not in the corpus) and its
    /// review pass every filter set.
    fn admits(&self, q: Option<&Question>, id: QuestionId, notes: &NotesFile) -> bool {
        let review = notes.review(id);
        (!self.reminded || q.is_some_and(|q| !q.reminders().is_empty()))
            && self.status.is_none_or(|s| review.status == s)
            && self.verdict.is_none_or(|v| review.verdict == Some(v))
    }

    /// The ids of `corpus`'s families (placeholders included) that pass;
    /// `None` when nothing is filtered.
    pub fn admitted(&self, corpus: &Corpus, notes: &NotesFile) -> Option<HashSet<QuestionId>> {
        if self.is_empty() {
            return None;
        }
        let ids = corpus
            .families
            .iter()
            .flat_map(|f| &f.members)
            .filter(|m| self.admits(m.question.map(|i| &corpus.questions[i]), m.id, notes))
            .map(|m| m.id)
            .collect();
        Some(ids)
    }
}

/// The next status filter: none, then each status, then none again.
fn next_status(s: Option<ReviewStatus>) -> Option<ReviewStatus> {
    match s {
        None => Some(ReviewStatus::ALL[0]),
        Some(s) => ReviewStatus::ALL
            .iter()
            .position(|x| *x == s)
            .and_then(|i| ReviewStatus::ALL.get(i + 1).copied()),
    }
}

/// The next verdict filter: none, then each verdict, then none again.
fn next_verdict(v: Option<Verdict>) -> Option<Verdict> {
    match v {
        None => Some(Verdict::ALL[0]),
        Some(v) => Verdict::ALL
            .iter()
            .position(|x| *x == v)
            .and_then(|i| Verdict::ALL.get(i + 1).copied()),
    }
}

/// Which filter a key changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// `m`: reminded questions only, or all.
    Reminded,
    /// `f`: the next review status.
    Status,
    /// `F`: the next verdict.
    Verdict,
}

/// Changes one filter, rebuilds the list, and says what it shows.
pub fn toggle(app: &mut App, facet: Facet) {
    let f = &mut app.questions.facets;
    match facet {
        Facet::Reminded => f.reminded = !f.reminded,
        Facet::Status => f.status = next_status(f.status),
        Facet::Verdict => f.verdict = next_verdict(f.verdict),
    }
    apply(app);
    let shown = app
        .questions
        .rows
        .iter()
        .filter(|r| matches!(r, super::questions::Row::Member { .. }))
        .count();
    app.message = Some(if app.questions.facets.is_empty() {
        "every question listed".to_string()
    } else {
        format!(
            "only {}: {shown} listed (x clears)",
            app.questions.facets.describe()
        )
    });
}

/// Recomputes the admitted ids (after a change to the filters, the notes
/// or the corpus) and rebuilds the list.
pub fn apply(app: &mut App) {
    let admitted = app
        .questions
        .facets
        .admitted(&app.corpus, app.review.store.notes());
    if admitted == app.questions.admitted && app.questions.facets.is_empty() {
        return;
    }
    app.questions.admitted = admitted;
    app.questions.rebuild(&app.corpus);
    let rows = app.list_rows();
    app.questions.scroll_into_view(rows);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_support::{default_app, id};
    use crate::app::{Action, press, update};

    fn listed(app: &App) -> Vec<String> {
        app.questions
            .rows
            .iter()
            .filter_map(|r| match r {
                crate::app::questions::Row::Member { id, .. } => Some(id.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn m_lists_the_reminded_questions_and_x_lists_all_again() {
        let mut app = default_app((80, 24));
        press(&mut app, "m");
        assert_eq!(listed(&app), ["5-8902", "5-8906"]);
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("only reminded: 2 listed")
        );
        press(&mut app, "x");
        assert_eq!(listed(&app).len(), 19);
        assert!(app.questions.facets.is_empty());
    }

    #[test]
    fn f_and_capital_f_cycle_status_and_verdict() {
        let mut app = default_app((80, 24));
        // 5-8902 reviewed with a partial verdict, from the review menu's actions.
        press(&mut app, "j j");
        assert_eq!(app.questions.selected_id(), Some(id("5-8902")));
        press(&mut app, "r r");
        for _ in 0..2 {
            update(
                &mut app,
                Action::Review(crate::app::review::ReviewAction::CycleVerdict),
            );
        }
        press(&mut app, "f");
        assert_eq!(app.questions.facets.status, Some(ReviewStatus::Unreviewed));
        assert!(!listed(&app).contains(&"5-8902".to_string()));
        press(&mut app, "f f");
        assert_eq!(app.questions.facets.status, Some(ReviewStatus::Reviewed));
        assert_eq!(listed(&app), ["5-8902"]);
        press(&mut app, "f");
        assert_eq!(app.questions.facets.status, None);
        press(&mut app, "F");
        assert_eq!(app.questions.facets.verdict, Some(Verdict::Complete));
        assert!(listed(&app).is_empty());
        press(&mut app, "F");
        assert_eq!(listed(&app), ["5-8902"]);
        assert!(app.message.as_deref().unwrap().contains("verdict partial"));
    }
}
