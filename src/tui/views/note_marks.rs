//! The Reader's gutter: `●` on lines that carry a note, `▶` on the part
//! cursor, and the line selection highlighted. Positions come from
//! `app::review` (computed in `update`); this file only draws them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::tui::theme::Theme;

/// Draws the marks of the body lines shown in `body` into the column just
/// left of it (`gutter_x`).
pub fn gutter(app: &App, theme: &Theme, gutter_x: u16, body: Rect, buf: &mut Buffer) {
    let r = &app.reader;
    let noted = &app.review.noted;
    let selected = app.review.selection.map(|s| s.range());
    for (offset, y) in (body.y..body.bottom()).enumerate() {
        let line = r.scroll + offset;
        if line >= r.body.len() {
            break;
        }
        if let Some(sel) = &selected
            && sel.contains(&line)
        {
            buf.set_style(
                Rect::new(gutter_x, y, body.width + 1, 1),
                theme.line_selection(),
            );
            buf[(gutter_x, y)].set_symbol("┃");
            continue;
        }
        let mark = if app.review.part_cursor == Some(line) {
            "▶"
        } else if noted.get(line).is_some_and(|&n| n > 0) {
            "●"
        } else {
            continue;
        };
        buf[(gutter_x, y)]
            .set_symbol(mark)
            .set_style(theme.note_mark());
    }
}
