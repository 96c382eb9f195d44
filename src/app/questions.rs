//! State of the Questions view: families as groups with their members below,
//! the sort order, the cursor and the scroll offset. Only member rows take
//! the cursor; family rows are headings.

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::corpus::{Corpus, QuestionId};

use super::action::SortKey;

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The heading of `corpus.families[family]`.
    Family {
        /// Index into the corpus's families.
        family: usize,
    },
    /// A member of a family.
    Member {
        /// Its id.
        id: QuestionId,
        /// Index into the corpus's questions; `None` for a placeholder.
        question: Option<usize>,
    },
}

/// The id column's narrowest width (`  5-8902`).
pub const MIN_ID_WIDTH: usize = 8;

/// The Questions view's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionsState {
    /// The current order.
    pub sort: SortKey,
    /// True: largest first (unknown values stay last either way).
    pub descending: bool,
    /// All rows in display order.
    pub rows: Vec<Row>,
    /// Index into `rows` of the selected member row.
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    /// When set (a search kept with Enter), only these questions are listed.
    pub filter: Option<HashSet<QuestionId>>,
    /// The filters by reminder, review status and verdict.
    pub facets: super::facets::Facets,
    /// The ids those filters admit; `None` when none is set.
    pub admitted: Option<HashSet<QuestionId>>,
    /// Width of the id column: the widest id shown (the Chamber's
    /// `55 B012 Q0042` is wider than the Senate's `5-8902`), indented.
    pub id_width: usize,
}

impl QuestionsState {
    /// Rebuilds the rows from `corpus`, keeping the selected question if it is still there.
    pub fn rebuild(&mut self, corpus: &Corpus) {
        let selected = self.selected_id();
        self.rows.clear();
        for (f, family) in corpus.families.iter().enumerate() {
            let mut members: Vec<Row> = family
                .members
                .iter()
                .filter(|m| self.filter.as_ref().is_none_or(|f| f.contains(&m.id)))
                .filter(|m| self.admitted.as_ref().is_none_or(|a| a.contains(&m.id)))
                .map(|m| Row::Member {
                    id: m.id,
                    question: m.question,
                })
                .collect();
            if members.is_empty() {
                continue;
            }
            members.sort_by(|a, b| compare(corpus, self.sort, a, b, self.descending));
            self.rows.push(Row::Family { family: f });
            self.rows.extend(members);
        }
        self.id_width = self
            .rows
            .iter()
            .filter_map(row_id)
            // Short labels: a UK question's `Commons UIN 12345` without
            // its tabled date, which the SENT column shows.
            .map(|id| id.short_label().chars().count() + 2)
            .max()
            .unwrap_or(0)
            .max(MIN_ID_WIDTH);
        self.cursor = selected
            .and_then(|id| self.rows.iter().position(|r| row_id(r) == Some(id)))
            .or_else(|| self.members().next())
            .unwrap_or(0);
    }

    /// Id of the member under the cursor.
    pub fn selected_id(&self) -> Option<QuestionId> {
        self.rows.get(self.cursor).and_then(row_id)
    }

    /// The row under the cursor.
    pub fn selected(&self) -> Option<Row> {
        self.rows.get(self.cursor).copied()
    }

    /// Puts the cursor on the member `id`, if listed.
    pub fn select(&mut self, id: QuestionId) {
        if let Some(i) = self.rows.iter().position(|r| row_id(r) == Some(id)) {
            self.cursor = i;
        }
    }

    /// Indices of the member rows.
    fn members(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Member { .. }))
            .map(|(i, _)| i)
    }

    /// Moves the cursor by `delta` member rows, stopping at the ends.
    pub fn step(&mut self, delta: isize) {
        let members: Vec<usize> = self.members().collect();
        let Some(here) = members.iter().position(|&i| i == self.cursor) else {
            return;
        };
        let to = here.saturating_add_signed(delta).min(members.len() - 1);
        self.cursor = members[to];
    }

    /// Moves the cursor to the first or the last member.
    pub fn jump(&mut self, last: bool) {
        let target = if last {
            self.members().next_back()
        } else {
            self.members().next()
        };
        if let Some(i) = target {
            self.cursor = i;
        }
    }

    /// Adjusts the offset so that the cursor (and its family heading when it
    /// is the first member) is inside a window of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        let top = if self.cursor > 0
            && matches!(self.rows.get(self.cursor - 1), Some(Row::Family { .. }))
        {
            self.cursor - 1
        } else {
            self.cursor
        };
        if top < self.offset {
            self.offset = top;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
    }
}

fn row_id(r: &Row) -> Option<QuestionId> {
    match r {
        Row::Member { id, .. } => Some(*id),
        Row::Family { .. } => None,
    }
}

/// Orders two member rows; unknown values (and placeholders) go last, ties
/// by id; `descending` turns the known values (and the ids) around.
fn compare(corpus: &Corpus, sort: SortKey, a: &Row, b: &Row, descending: bool) -> Ordering {
    let (
        Row::Member {
            id: ia,
            question: qa,
        },
        Row::Member {
            id: ib,
            question: qb,
        },
    ) = (a, b)
    else {
        return Ordering::Equal;
    };
    let qa = qa.map(|i| &corpus.questions[i]);
    let qb = qb.map(|i| &corpus.questions[i]);
    let last_if_none = |a, b| last_if_none(a, b, descending);
    let by = match sort {
        SortKey::Id => Ordering::Equal,
        SortKey::Ministry => last_if_none(
            qa.and_then(|q| q.ministry.as_deref()).map(Key::Text),
            qb.and_then(|q| q.ministry.as_deref()).map(Key::Text),
        ),
        SortKey::Days => last_if_none(
            qa.and_then(|q| q.days_to_answer).map(Key::Days),
            qb.and_then(|q| q.days_to_answer).map(Key::Days),
        ),
        SortKey::Answered => last_if_none(
            qa.and_then(|q| q.answered()).map(Key::Date),
            qb.and_then(|q| q.answered()).map(Key::Date),
        ),
    };
    let ids = if descending { ib.cmp(ia) } else { ia.cmp(ib) };
    by.then(ids)
}

/// A value rows are sorted by.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key<'a> {
    Text(&'a str),
    Days(i64),
    Date(jiff::civil::Date),
}

fn last_if_none<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
