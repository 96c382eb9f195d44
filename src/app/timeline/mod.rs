//! State and actions of the Timeline view: which family is charted, the row
//! order, the row cursor and scroll, the event cursor (every event of the
//! family in date order), and the list of families and ministries with their
//! figures. Rows, events and figures come from `analysis::timeline` and
//! `analysis::figures` (the same functions `qreview stats` prints), with open
//! bars running up to [`App::today`]. Drawing is in `tui/views/timeline.rs`
//! and `tui/views/families.rs`.

use std::sync::Arc;

use crate::analysis::figures::{self, FamilyFigures};
use crate::analysis::ministries::{self, MinistryFigures};
use crate::analysis::timeline::{self, SortKey, TimelineEvent, TimelineRow};
use crate::corpus::{Corpus, Family, QuestionId};

use super::{App, View};

/// From this width on, the figures stand in a panel right of the chart;
/// below it they take two lines above the chart.
pub const WIDE: usize = 120;

/// What a key does in the Timeline view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimelineAction {
    /// Next row (families list: next family).
    Down,
    /// Previous row (families list: previous family).
    Up,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// One screen of rows down.
    PageDown,
    /// One screen of rows up.
    PageUp,
    /// The next event of the family in date order; the row cursor follows.
    NextEvent,
    /// The previous event.
    PrevEvent,
    /// Sort rows by days, ministry, id.
    CycleSort,
    /// The row order ascending or descending.
    ReverseSort,
    /// Open the row's question in the Reader (families list: chart that family).
    Open,
    /// Show or hide the families and ministries with their figures.
    ToggleFamilies,
}

/// The Timeline view's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineState {
    /// Index into the corpus's families; `None` until the view is first shown.
    pub family: Option<usize>,
    /// The row order.
    pub sort: SortKey,
    /// True: largest first (open and unknown rows stay last).
    pub descending: bool,
    /// Index of the selected row in the sorted rows.
    pub row: usize,
    /// First row shown.
    pub offset: usize,
    /// Index of the current event in [`events`]; `None` before the first `l`/`h`.
    pub event: Option<usize>,
    /// True while the families and ministries list is shown.
    pub families: bool,
    /// The selected family in that list.
    pub family_cursor: usize,
    /// The figures that list shows, computed when it opens rather than
    /// per frame (on 20,000 questions they take about 15 ms).
    pub figures: Option<CorpusFigures>,
}

/// Figures of every family and every ministry of the corpus.
#[derive(Debug, Clone)]
pub struct CorpusFigures(pub Arc<(Vec<FamilyFigures>, Vec<MinistryFigures>)>);

impl CorpusFigures {
    /// Computes them for `corpus`.
    pub fn of(corpus: &Corpus) -> Self {
        Self(Arc::new((
            figures::all(corpus),
            ministries::by_ministry(corpus),
        )))
    }
}

// Figures follow from the corpus alone; two caches are the same when shared.
impl PartialEq for CorpusFigures {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for CorpusFigures {}

/// The charted family.
pub fn family(app: &App) -> Option<&Family> {
    app.corpus.families.get(app.timeline.family?)
}

/// The charted family's rows in the current order, open bars up to today.
pub fn rows(app: &App) -> Vec<TimelineRow> {
    let Some(f) = family(app) else {
        return Vec::new();
    };
    let mut rows = timeline::rows(&app.corpus, f, app.today);
    timeline::sort_rows(&mut rows, app.timeline.sort);
    if app.timeline.descending {
        // Turned around within each group, the groups (answered, open,
        // unknown) kept in place.
        rows.reverse();
        let group = |r: &TimelineRow| match app.timeline.sort {
            SortKey::Days => match r.bar {
                Some(b) if !b.open => 0,
                Some(_) => 1,
                None => 2,
            },
            SortKey::Ministry => u8::from(r.member.ministry.is_none()),
            SortKey::Id => 0,
        };
        rows.sort_by_key(group);
    }
    rows
}

/// Every event of the charted family, in date order.
pub fn events(app: &App) -> Vec<TimelineEvent> {
    family(app).map_or_else(Vec::new, |f| timeline::events(&app.corpus, f))
}

/// The id of the selected row.
pub fn row_id(app: &App) -> Option<QuestionId> {
    rows(app).get(app.timeline.row).map(|r| r.member.id)
}

/// Lines above the rows: title, figures (narrow screens), event, axis (2).
pub fn chrome_rows(width: usize) -> usize {
    if width >= WIDE { 4 } else { 6 }
}

/// Rows of the chart that fit on screen.
pub fn visible_rows(app: &App) -> usize {
    app.content_rows()
        .saturating_sub(chrome_rows(usize::from(app.size.0)))
        .max(1)
}

/// Key `4`: charts the family of the current question (keeping the state
/// when it is the family already charted).
pub fn show(app: &mut App) {
    let current = super::compare::current_question(app);
    let index = current.and_then(|id| {
        app.corpus
            .families
            .iter()
            .position(|f| f.members.iter().any(|m| m.id == id))
    });
    app.view = View::Timeline;
    app.overlay = None;
    if index.is_some() && index != app.timeline.family {
        chart(app, index);
        if let Some(at) = rows(app).iter().position(|r| Some(r.member.id) == current) {
            app.timeline.row = at;
        }
    } else if app.timeline.family.is_none() {
        chart(app, (!app.corpus.families.is_empty()).then_some(0));
    }
    clamp(app);
}

fn chart(app: &mut App, family: Option<usize>) {
    let t = &mut app.timeline;
    t.family = family;
    t.row = 0;
    t.offset = 0;
    t.event = None;
    t.families = false;
    t.family_cursor = family.unwrap_or(0);
}

/// Esc: closes the families list, else goes back to the Questions view.
pub fn back(app: &mut App) {
    if app.timeline.families {
        app.timeline.families = false;
    } else {
        app.view = View::Questions;
    }
}

/// Keeps the row cursor inside the rows and on screen.
pub fn clamp(app: &mut App) {
    let n = rows(app).len();
    let height = visible_rows(app);
    let t = &mut app.timeline;
    t.row = t.row.min(n.saturating_sub(1));
    if t.row < t.offset {
        t.offset = t.row;
    } else if t.row >= t.offset + height {
        t.offset = t.row + 1 - height;
    }
    t.offset = t.offset.min(n.saturating_sub(height));
}

/// Applies a Timeline action.
pub fn update(app: &mut App, action: TimelineAction) {
    use TimelineAction as A;
    if app.timeline.family.is_none() {
        return;
    }
    if app.timeline.families {
        families_update(app, action);
        return;
    }
    let n = rows(app).len();
    let page = visible_rows(app).saturating_sub(1).max(1);
    let t = &mut app.timeline;
    match action {
        A::Down => t.row = (t.row + 1).min(n.saturating_sub(1)),
        A::Up => t.row = t.row.saturating_sub(1),
        A::Top => t.row = 0,
        A::Bottom => t.row = n.saturating_sub(1),
        A::PageDown => t.row = (t.row + page).min(n.saturating_sub(1)),
        A::PageUp => t.row = t.row.saturating_sub(page),
        A::NextEvent | A::PrevEvent => step_event(app, action == A::NextEvent),
        A::CycleSort => {
            let id = row_id(app);
            app.timeline.sort = app.timeline.sort.next();
            let at = rows(app).iter().position(|r| Some(r.member.id) == id);
            app.timeline.row = at.unwrap_or(0);
            app.message = Some(format!("rows sorted by {}", app.timeline.sort.name()));
        }
        A::ReverseSort => {
            let id = row_id(app);
            app.timeline.descending = !app.timeline.descending;
            let at = rows(app).iter().position(|r| Some(r.member.id) == id);
            app.timeline.row = at.unwrap_or(0);
            let way = if app.timeline.descending {
                "descending"
            } else {
                "ascending"
            };
            app.message = Some(format!(
                "rows sorted by {}, {way}",
                app.timeline.sort.name()
            ));
        }
        A::Open => {
            if let Some(id) = row_id(app) {
                app.open(id);
            }
            return;
        }
        A::ToggleFamilies => {
            t.families = true;
            t.family_cursor = t.family.unwrap_or(0);
            if t.figures.is_none() {
                t.figures = Some(CorpusFigures::of(&app.corpus));
            }
        }
    }
    clamp(app);
}

/// Moves the event cursor and puts the row cursor on the event's question.
fn step_event(app: &mut App, forward: bool) {
    let events = events(app);
    if events.is_empty() {
        app.message = Some("this family has no dated events".into());
        return;
    }
    let last = events.len() - 1;
    let to = match (app.timeline.event, forward) {
        (None, true) => 0,
        (None, false) => last,
        (Some(i), true) => (i + 1).min(last),
        (Some(i), false) => i.saturating_sub(1),
    };
    if app.timeline.event == Some(to) {
        let end = if forward { "last" } else { "first" };
        app.message = Some(format!("this is the family's {end} event"));
    }
    app.timeline.event = Some(to);
    let id = events[to].id;
    if let Some(at) = rows(app).iter().position(|r| r.member.id == id) {
        app.timeline.row = at;
    }
}

/// Keys while the families list is shown.
fn families_update(app: &mut App, action: TimelineAction) {
    use TimelineAction as A;
    let n = app.corpus.families.len();
    let t = &mut app.timeline;
    match action {
        A::Down => t.family_cursor = (t.family_cursor + 1).min(n.saturating_sub(1)),
        A::Up => t.family_cursor = t.family_cursor.saturating_sub(1),
        A::Top | A::PageUp => t.family_cursor = 0,
        A::Bottom | A::PageDown => t.family_cursor = n.saturating_sub(1),
        A::Open => {
            let f = t.family_cursor;
            chart(app, Some(f));
            clamp(app);
        }
        A::ToggleFamilies => t.families = false,
        _ => app.message = Some("in the families list: Enter charts a family, f closes".into()),
    }
}

#[cfg(test)]
mod tests;
