//! Drawing the Reader view: the fixed header (id, title, author, addressee,
//! descriptors, timeline strip), the scrolled question and answer, and the
//! sibling bar at the bottom. The lines were laid out by `app::reader`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::doc::DocLine;
use crate::tui::text::{doc_line, doc_line_marked};
use crate::tui::theme::Theme;

/// Draws the open question into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let r = &app.reader;
    let header_h = (r.header.len() as u16).min(area.height);
    let siblings_h = (r.siblings.len() as u16).min(area.height - header_h);
    let body_h = area.height - header_h - siblings_h;
    lines(
        &r.header,
        theme,
        Rect {
            height: header_h,
            ..area
        },
        buf,
    );
    let body = Rect::new(
        area.x + 1,
        area.y + header_h,
        area.width.saturating_sub(2),
        body_h,
    );
    let from = r.scroll.min(r.body.len());
    let marks = &app.search.reader;
    for (i, y) in (from..r.body.len()).zip(body.y..body.bottom()) {
        doc_line_marked(&r.body[i], theme, marks.on_line(i), marks.current)
            .render(Rect::new(body.x, y, body.width, 1), buf);
    }
    super::note_marks::gutter(app, theme, area.x, body, buf);
    let bottom = Rect {
        y: area.y + header_h + body_h,
        height: siblings_h,
        ..area
    };
    lines(&r.siblings, theme, bottom, buf);
}

/// Draws as many of `doc` as fit, one per row.
fn lines(doc: &[DocLine], theme: &Theme, area: Rect, buf: &mut Buffer) {
    for (line, y) in doc.iter().zip(area.y..area.bottom()) {
        doc_line(line, theme).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}
