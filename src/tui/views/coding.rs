//! Drawing the Coding view: ministries down, tags across, each cell the
//! notes and questions carrying the tag (`3/2`) and, apart, questions
//! tagged as a whole (`+1`); or, after `Enter`, the cell's passages with
//! their quotes. The matrix is computed in `app::coding`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::app::doc::Tone;
use crate::format::{fit, text, width};
use crate::notes::NoteId;
use crate::review::CodingMatrix;
use crate::tui::theme::Theme;

/// Draws the view into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(m) = &app.coding.matrix else {
        return;
    };
    let lines = match &app.coding.passages {
        Some(ids) => passages(app, theme, m, ids, area),
        None => grid(app, theme, m, area),
    };
    for (line, y) in lines.into_iter().zip(area.y..area.bottom()) {
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// A cell: `notes/questions`, `+N` whole-question tags, `·` when empty.
fn cell_text(m: &CodingMatrix, row: usize, column: usize) -> String {
    m.cell(row, column)
        .map_or_else(|| "·".into(), crate::review::coding::cell)
}

fn grid(app: &App, theme: &Theme, m: &CodingMatrix, area: Rect) -> Vec<Line<'static>> {
    let c = &app.coding;
    let mut lines = vec![Line::from(vec![
        Span::styled("Coding", theme.tone(Tone::Heading)),
        Span::styled(
            " · ministries × tags · notes/questions, +N tagged as a whole",
            theme.dim(),
        ),
    ])];
    if m.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "No tagged notes yet. In the Reader select lines (v), add a note (a) and tag it (t).",
            theme.dim(),
        )));
        return lines;
    }
    let total = usize::from(area.width);
    let name_w = m
        .ministries
        .iter()
        .map(|r| width(&ministry(r)))
        .max()
        .unwrap_or(0)
        .clamp(10, 24);
    let col_w = |t: &String| width(&text(Some(t))).clamp(6, 16) + 2;
    // Tags that fit on screen, scrolled so that the selected one shows.
    let mut first = 0;
    while first < c.column {
        let used: usize = m.tags[first..=c.column].iter().map(col_w).sum();
        if name_w + 1 + used <= total {
            break;
        }
        first += 1;
    }
    let mut shown = Vec::new();
    let mut used = name_w + 1;
    for (i, t) in m.tags.iter().enumerate().skip(first) {
        if used + col_w(t) > total {
            break;
        }
        used += col_w(t);
        shown.push(i);
    }
    let mut header = vec![Span::styled(
        fit("MINISTRY", name_w + 1),
        theme.column_header(),
    )];
    for &i in &shown {
        let style = if i == c.column {
            theme.column_header().patch(theme.key())
        } else {
            theme.column_header()
        };
        let t = &m.tags[i];
        header.push(Span::styled(fit(&text(Some(t)), col_w(t)), style));
    }
    lines.push(Line::from(header));
    let height = usize::from(area.height).saturating_sub(lines.len() + 1);
    let offset = (c.row + 1).saturating_sub(height);
    for (r, label) in m.ministries.iter().enumerate().skip(offset).take(height) {
        let mut spans = vec![Span::styled(
            format!("{} ", fit(&ministry(label), name_w)),
            if r == c.row {
                theme.tone(Tone::Label)
            } else {
                Style::new()
            },
        )];
        for &i in &shown {
            let style = if r == c.row && i == c.column {
                theme.selected()
            } else if m.cell(r, i).is_none_or(|x| x.is_empty()) {
                theme.dim()
            } else {
                Style::new()
            };
            spans.push(Span::styled(
                fit(&cell_text(m, r, i), col_w(&m.tags[i])),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    let hidden = m.tags.len() - shown.len();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut foot = format!(
        "{} × {}",
        plural(m.ministries.len(), "ministry", "ministries"),
        plural(m.tags.len(), "tag", "tags")
    );
    if hidden > 0 {
        foot.push_str(&format!(" · {hidden} tag(s) off screen (h/l scroll)"));
    }
    if m.unplaced_notes > 0 {
        foot.push_str(&format!(
            " · {} tagged note(s) on questions not in the corpus",
            m.unplaced_notes
        ));
    }
    lines.push(Line::from(Span::styled(foot, theme.dim())));
    lines
}

fn ministry(m: &Option<String>) -> String {
    crate::review::coding::ministry(m)
}

/// The cell's passages: question, part, tags, and the quote.
fn passages(
    app: &App,
    theme: &Theme,
    m: &CodingMatrix,
    ids: &[NoteId],
    area: Rect,
) -> Vec<Line<'static>> {
    let c = &app.coding;
    let tag = m
        .tags
        .get(c.column)
        .map(|t| text(Some(t)))
        .unwrap_or_default();
    let who = m.ministries.get(c.row).map(ministry).unwrap_or_default();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{who} · {tag}"), theme.tone(Tone::Heading)),
        Span::styled(
            format!(
                " · {} passage(s) · Enter opens in the Reader, Esc back to the matrix",
                ids.len()
            ),
            theme.dim(),
        ),
    ])];
    let w = usize::from(area.width);
    let notes = app.review.store.notes();
    // Two lines per passage: where, then the quote.
    let per_page = (usize::from(area.height).saturating_sub(1) / 2).max(1);
    let offset = (c.passage + 1).saturating_sub(per_page);
    for (i, id) in ids.iter().enumerate().skip(offset).take(per_page) {
        let Some(n) = notes.note(id) else { continue };
        let place = n.anchor.as_ref().map_or_else(
            || "question as a whole".to_string(),
            |a| match &a.part {
                Some(p) => format!("{}, part {}", a.field.name(), text(Some(p))),
                None => a.field.name().to_string(),
            },
        );
        let first_line = n.text.lines().next().unwrap_or("");
        let head = format!("{} · {place} · {}", n.question, text(Some(first_line)));
        let quote = n.anchor.as_ref().map_or_else(String::new, |a| {
            a.quote.split_whitespace().collect::<Vec<_>>().join(" ")
        });
        let style = if i == c.passage {
            theme.selected()
        } else {
            theme.tone(Tone::Label)
        };
        lines.push(Line::from(Span::styled(fit(&head, w), style)));
        lines.push(Line::from(Span::styled(
            fit(&format!("  «{}»", text(Some(&quote))), w),
            theme.tone(Tone::Shared),
        )));
    }
    lines
}
