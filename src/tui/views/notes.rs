//! Drawing the Notes view: the filters line, then every note that passes
//! them (question, ministry, part, tags, first line), then the selected
//! note in full (its quoted passage and text). Every string goes through
//! [`span`], which sanitises it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::review::list::NoteRow;
use crate::app::review::{NOTES_DETAIL_ROWS, list_rows};
use crate::app::wrap::{fit, wrap};
use crate::format::width as width_of;
use crate::sanitize::sanitize;
use crate::tui::text::span;
use crate::tui::theme::Theme;

const QUESTION: usize = 8;
const PART: usize = 18;

/// Column widths (ministry, tags, first line) for `width` columns.
fn widths(width: usize) -> (usize, usize, usize) {
    let rest = width.saturating_sub(QUESTION + PART + 4);
    let ministry = (rest / 4).clamp(10, 28);
    let tags = (rest / 5).clamp(8, 24);
    (ministry, tags, rest.saturating_sub(ministry + tags))
}

/// Draws the Notes view into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let notes = app.review.store.notes();
    let list = &app.review.list;
    let rows = &list.shown;
    let width = usize::from(area.width);
    let line = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);

    let count = format!("{} of {} notes", rows.len(), notes.notes.len());
    let filters = format!(" Filters: {}  ·  {count}", list.describe());
    Line::from(vec![
        span(" Filters: ", theme.column_header()),
        span(&list.describe(), theme.tone(crate::app::doc::Tone::Plain)),
        span(&format!("  ·  {count}"), theme.dim()),
    ])
    .render(line(0), buf);
    // The file in use, right-aligned where there is room.
    let room = width.saturating_sub(crate::app::wrap::width(&filters) + 4);
    let path = app.review.store.path().display().to_string();
    if room >= 16 && !path.is_empty() {
        let shown = format!("file {}", tail(&path, room - 5));
        let w = u16::try_from(width_of(&shown))
            .unwrap_or(u16::MAX)
            .min(area.width);
        let r = Rect::new(area.right().saturating_sub(w + 1), area.y, w, 1);
        Line::from(span(&shown, theme.dim())).render(r, buf);
    }

    let (ministry, tags, first) = widths(width);
    let header = [
        fit("QUESTION", QUESTION),
        fit("MINISTRY", ministry),
        fit("PART", PART),
        fit("TAGS", tags),
        fit("NOTE", first),
    ]
    .join(" ");
    Line::from(span(&header, theme.column_header())).render(line(1), buf);

    let height = list_rows(app);
    if rows.is_empty() {
        let text = if list.filtered() {
            "No note passes the filters; x clears them."
        } else {
            "No notes yet. In the Reader, a adds a note on the current part; v selects lines first."
        };
        Line::from(span(&format!(" {text}"), theme.dim())).render(line(2), buf);
    }
    for (i, row) in rows.iter().enumerate().skip(list.offset).take(height) {
        let y = 2 + (i - list.offset) as u16;
        // Sanitised before fitting: fit measures what is drawn.
        let cells = [
            fit(&row.question.to_string(), QUESTION),
            fit(&sanitize(&row.ministry), ministry),
            fit(&sanitize(&row.part), PART),
            fit(&sanitize(&row.tags), tags),
            fit(&sanitize(&row.first_line), first),
        ]
        .join(" ");
        let style = if row.detached {
            theme.tone(crate::app::doc::Tone::Late)
        } else {
            ratatui::style::Style::new()
        };
        let r = line(y);
        if i == list.cursor {
            buf.set_style(r, theme.selected());
        }
        Line::from(span(&cells, style)).render(r, buf);
    }

    let detail_top = 2 + height as u16;
    if let Some(row) = rows.get(list.cursor)
        && area.height > detail_top
    {
        let detail = Rect::new(
            area.x,
            area.y + detail_top,
            area.width,
            (NOTES_DETAIL_ROWS as u16).min(area.height - detail_top),
        );
        render_detail(app, row, theme, detail, buf);
    }
}

/// The selected note in full: a rule with its facts, the quote, the text.
fn render_detail(app: &App, row: &NoteRow, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(note) = app.review.store.notes().note(&row.id) else {
        return;
    };
    let width = usize::from(area.width).saturating_sub(4).max(10);
    let mut lines: Vec<Line> = Vec::new();
    let time = |t: &jiff::Timestamp| t.strftime("%Y-%m-%d %H:%M").to_string();
    let mut facts = format!(
        "─ {} · {} · created {} · updated {} UTC ",
        note.question,
        row.part,
        time(&note.created),
        time(&note.updated)
    );
    if note.conflict_of.is_some() {
        facts.push_str("· CONFLICT COPY (edited on both sides) ");
    }
    let rule = usize::from(area.width).saturating_sub(crate::app::wrap::width(&facts));
    lines.push(Line::from(vec![
        span(&facts, theme.dim()),
        Span::styled("─".repeat(rule), theme.dim()),
    ]));
    if let Some(a) = &note.anchor {
        for l in wrap(&sanitize(&a.quote.replace('\n', " ")), width)
            .into_iter()
            .take(2)
        {
            lines.push(Line::from(vec![
                Span::styled(" > ", theme.dim()),
                span(&l, theme.dim()),
            ]));
        }
    }
    for para in note.text.split('\n') {
        for l in wrap(&sanitize(para), width) {
            lines.push(Line::from(span(
                &format!(" {l}"),
                ratatui::style::Style::new(),
            )));
        }
    }
    for (l, y) in lines.into_iter().zip(area.y..area.bottom()) {
        l.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// The widest the notes path gets in the status line.
const PATH_MAX: usize = 40;

/// `path` (sanitised) cut from the left to at most `max` columns (the file
/// name matters most).
fn tail(path: &str, max: usize) -> String {
    let path = sanitize(path).into_owned();
    if width_of(&path) <= max {
        return path;
    }
    let room = max.saturating_sub(1);
    let mut used = 0;
    let mut start = path.len();
    for (i, c) in path.char_indices().rev() {
        let w = width_of(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        start = i;
    }
    format!("…{}", &path[start..])
}

/// The status line's notes part in at most `room` columns: ` · notes
/// …/qreview/notes.json`, with a warning when the file cannot be used or
/// the last save failed. Empty when it does not fit.
pub fn status(app: &App, theme: &Theme, room: usize) -> Vec<Span<'static>> {
    let path = app.review.store.path().display().to_string();
    if path.is_empty() {
        return Vec::new();
    }
    let warning = if app.review.problem.is_some() {
        " (unreadable: in memory only)"
    } else if app.review.unsaved {
        " (unsaved)"
    } else {
        ""
    };
    let fixed = " · notes ".len() + crate::app::wrap::width(warning);
    let max = room.saturating_sub(fixed).min(PATH_MAX);
    if max < 12 {
        return Vec::new();
    }
    let mut spans = vec![
        Span::styled(" · notes ", theme.bar()),
        span(&tail(&path, max), theme.bar()),
    ];
    if !warning.is_empty() {
        spans.push(Span::styled(warning, theme.error()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_cuts_by_columns_not_characters() {
        let path = "/home/研究者/ノート/notes.json";
        for max in 5..30 {
            let t = tail(path, max);
            assert!(width_of(&t) <= max, "{t} is wider than {max}");
        }
        assert_eq!(tail(path, 12), "…/notes.json");
        assert_eq!(tail("/a/b", 10), "/a/b");
    }
}
