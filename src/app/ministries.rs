//! State and actions of the Ministries view: the league table across the
//! corpus (`analysis::league`), its sort column and direction, the row
//! cursor, an optional restriction to the current question's family, and
//! the list of one ministry's questions (`Enter`). The table is computed
//! when the view opens or its order or filter changes, never per frame.
//! Drawing is in `tui/views/ministries.rs`.

use std::sync::{Arc, LazyLock};

use crate::analysis::deadline::{self, DeadlineRules, DeadlineStatus};
use crate::analysis::filter::QuestionFilter;
use crate::analysis::league::{self, LeagueColumn, LeagueRow};
use crate::corpus::QuestionId;

use super::{App, View};

/// The deadline rules the app counts with (built once: the calendars hold
/// three centuries of holidays).
pub static RULES: LazyLock<DeadlineRules> = LazyLock::new(DeadlineRules::default);

/// Rows of the table header and the title line above the rows.
pub const CHROME_ROWS: usize = 2;

/// What a key does in the Ministries view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MinistriesAction {
    /// Next row.
    Down,
    /// Previous row.
    Up,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Sort by the next column.
    NextColumn,
    /// Sort by the previous column.
    PrevColumn,
    /// Ascending ↔ descending.
    Reverse,
    /// List the ministry's questions; in that list, open the question.
    Open,
    /// Count only the current question's family, or the whole corpus again.
    ToggleFamily,
}

/// One question of a ministry's list, with its deadline status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionLine {
    /// The question.
    pub id: QuestionId,
    /// Its deadline and timeliness.
    pub status: DeadlineStatus,
}

/// The Ministries view's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MinistriesState {
    /// The table in its current order (`None` until the view is first shown).
    pub rows: Option<Arc<Vec<LeagueRow>>>,
    /// Sort column.
    pub column: LeagueColumn,
    /// Highest first.
    pub descending: bool,
    /// Selected row.
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    /// Which questions are counted.
    pub filter: QuestionFilter,
    /// The ministry whose questions are listed, and that list.
    pub drill: Option<(usize, Vec<QuestionLine>)>,
    /// Selected question in that list.
    pub drill_cursor: usize,
}

/// Key `6`: computes the table and shows it.
pub fn show(app: &mut App) {
    app.view = View::Ministries;
    app.overlay = None;
    recompute(app);
}

/// Recomputes the table for the current corpus, filter and order, keeping
/// the cursor on the same ministry.
pub fn recompute(app: &mut App) {
    let m = &app.ministries;
    let keep = m
        .rows
        .as_ref()
        .and_then(|r| r.get(m.cursor))
        .map(|r| r.ministry.clone());
    let mut rows = league::league(&app.corpus, &RULES, app.today, &m.filter);
    league::sort(&mut rows, m.column, m.descending);
    let at = keep.and_then(|k| rows.iter().position(|r| r.ministry == k));
    let m = &mut app.ministries;
    m.cursor = at.unwrap_or(0);
    m.rows = Some(Arc::new(rows));
    m.drill = None;
    clamp(app);
}

/// Rows of the table that fit on screen.
pub fn visible_rows(app: &App) -> usize {
    app.content_rows().saturating_sub(CHROME_ROWS).max(1)
}

/// Keeps the cursors inside their lists and on screen.
pub fn clamp(app: &mut App) {
    let height = visible_rows(app);
    let m = &mut app.ministries;
    let n = m.rows.as_ref().map_or(0, |r| r.len());
    m.cursor = m.cursor.min(n.saturating_sub(1));
    if m.cursor < m.offset {
        m.offset = m.cursor;
    } else if m.cursor >= m.offset + height {
        m.offset = m.cursor + 1 - height;
    }
    if let Some((_, list)) = &m.drill {
        m.drill_cursor = m.drill_cursor.min(list.len().saturating_sub(1));
    }
}

/// Esc: closes a ministry's list, else goes back to the Questions view.
pub fn back(app: &mut App) {
    if app.ministries.drill.take().is_none() {
        app.view = View::Questions;
    }
}

/// Applies a Ministries action.
pub fn update(app: &mut App, action: MinistriesAction) {
    use MinistriesAction as A;
    if app.ministries.rows.is_none() {
        recompute(app);
    }
    if app.ministries.drill.is_some() {
        drill_update(app, action);
        return;
    }
    let n = app.ministries.rows.as_ref().map_or(0, |r| r.len());
    let m = &mut app.ministries;
    match action {
        A::Down => m.cursor = (m.cursor + 1).min(n.saturating_sub(1)),
        A::Up => m.cursor = m.cursor.saturating_sub(1),
        A::Top => m.cursor = 0,
        A::Bottom => m.cursor = n.saturating_sub(1),
        A::NextColumn | A::PrevColumn | A::Reverse => {
            match action {
                A::NextColumn => m.column = m.column.next(),
                A::PrevColumn => m.column = m.column.prev(),
                _ => m.descending = !m.descending,
            }
            let order = if m.descending {
                "descending"
            } else {
                "ascending"
            };
            let message = format!("ministries sorted by {} ({order})", m.column.name());
            recompute(app);
            app.message = Some(message);
            return;
        }
        A::Open => open_drill(app),
        A::ToggleFamily => {
            let family = if app.ministries.filter.family.is_some() {
                None
            } else {
                app.questions.selected_id().or(app.reader.id)
            };
            app.ministries.filter.family = family;
            app.message = Some(match family {
                Some(id) => format!("counting the family of {id} only; f counts all"),
                None => "counting every question of the corpus".into(),
            });
            recompute(app);
            return;
        }
    }
    clamp(app);
}

fn open_drill(app: &mut App) {
    let m = &app.ministries;
    let Some(row) = m.rows.as_ref().and_then(|r| r.get(m.cursor)) else {
        return;
    };
    let list = row
        .questions
        .iter()
        .filter_map(|id| app.corpus.get(*id))
        .map(|q| QuestionLine {
            id: q.id,
            status: deadline::status(q, &RULES, app.today),
        })
        .collect();
    app.ministries.drill = Some((m.cursor, list));
    app.ministries.drill_cursor = 0;
}

fn drill_update(app: &mut App, action: MinistriesAction) {
    use MinistriesAction as A;
    let Some((_, list)) = &app.ministries.drill else {
        return;
    };
    let n = list.len();
    let selected = list.get(app.ministries.drill_cursor).map(|l| l.id);
    let m = &mut app.ministries;
    match action {
        A::Down => m.drill_cursor = (m.drill_cursor + 1).min(n.saturating_sub(1)),
        A::Up => m.drill_cursor = m.drill_cursor.saturating_sub(1),
        A::Top => m.drill_cursor = 0,
        A::Bottom => m.drill_cursor = n.saturating_sub(1),
        A::Open => {
            if let Some(id) = selected {
                app.open(id);
            }
        }
        _ => app.message = Some("in a ministry's questions: Enter opens one, Esc goes back".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::test_support::default_app;

    #[test]
    fn sorting_by_on_time_and_listing_a_ministry() {
        let mut app = default_app((100, 30));
        crate::app::update(&mut app, Action::ShowView(View::Ministries));
        assert_eq!(app.view, View::Ministries);
        let rows = app.ministries.rows.clone().unwrap();
        assert_eq!(rows.len(), 11);
        for _ in 0..3 {
            update(&mut app, MinistriesAction::NextColumn);
        }
        assert_eq!(app.ministries.column, LeagueColumn::OnTimePct);
        update(&mut app, MinistriesAction::Reverse);
        let rows = app.ministries.rows.clone().unwrap();
        assert_eq!(rows[0].on_time_pct, Some(100.0));
        assert_eq!(rows[10].on_time_pct, Some(0.0));
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("on-time (descending)")
        );
        // The cursor stayed on the ministry it was on.
        assert_eq!(
            rows[app.ministries.cursor].ministry.as_deref(),
            Some("Affaires étrangères")
        );
        update(&mut app, MinistriesAction::Top);
        update(&mut app, MinistriesAction::Open);
        let (_, list) = app.ministries.drill.clone().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, "5-8901".parse().unwrap());
        update(&mut app, MinistriesAction::Open);
        assert_eq!(app.view, View::Reader);
        assert_eq!(app.reader.id, Some("5-8901".parse().unwrap()));
    }

    #[test]
    fn esc_closes_the_list_then_the_view() {
        let mut app = default_app((100, 30));
        crate::app::update(&mut app, Action::ShowView(View::Ministries));
        update(&mut app, MinistriesAction::Open);
        back(&mut app);
        assert!(app.ministries.drill.is_none());
        assert_eq!(app.view, View::Ministries);
        back(&mut app);
        assert_eq!(app.view, View::Questions);
    }
}
