//! Drawing the whole screen from the application state: the tab bar, the
//! current view (one file each), the status line and any overlay. Drawing
//! reads state and never changes it.
//!
//! Adding a view: a file here with `render(app, theme, area, buf)`, an arm in
//! [`render`], plus its `View` variant and keymap rows in `app`.

pub mod bars;
pub mod coding;
pub mod compare;
pub mod families;
pub mod help;
pub mod load_report;
pub mod loading;
pub mod matrix;
pub mod ministries;
pub mod note_marks;
pub mod notes;
pub mod platforms;
pub mod questions;
pub mod reader;
pub mod review_overlay;
pub mod search;
pub mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, MIN_SIZE, Overlay, View};

use super::theme::Theme;

/// Draws the screen for `app` into `buf`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(area, buf);
        return;
    }
    let [top, content, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    bars::tabs(app, theme, top, buf);
    bars::status(app, theme, status, buf);
    if app.is_loading() {
        loading::render(app, theme, content, buf);
        search::render(app, theme, content, buf);
        return;
    }
    match app.view {
        View::Questions => questions::render(app, theme, content, buf),
        View::Reader => reader::render(app, theme, content, buf),
        View::Compare if app.compare.matrix => matrix::render(app, theme, content, buf),
        View::Compare => compare::render(app, theme, content, buf),
        View::Timeline if app.timeline.families => families::render(app, theme, content, buf),
        View::Timeline => timeline::render(app, theme, content, buf),
        View::Notes => notes::render(app, theme, content, buf),
        View::Ministries => ministries::render(app, theme, content, buf),
        View::Coding => coding::render(app, theme, content, buf),
        View::Platforms => platforms::render(app, theme, content, buf),
    }
    match app.overlay {
        Some(Overlay::Help) => help::render(app, theme, content, buf),
        Some(Overlay::LoadReport) => load_report::render(app, theme, content, buf),
        None => {}
    }
    review_overlay::render(app, theme, content, buf);
    search::render(app, theme, content, buf);
}

/// The message shown instead of a broken layout below the minimum size.
fn too_small(area: Rect, buf: &mut Buffer) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "qreview needs at least {}×{}; this one is {}×{}.",
            MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
        )),
        Line::from("Enlarge the window, or press q to quit."),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let inner = Rect::new(
        area.x,
        area.y + y,
        area.width,
        area.height.saturating_sub(y),
    );
    Paragraph::new(text)
        .centered()
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

/// A rectangle of `width`×`height` centred in `area`, clipped to it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
