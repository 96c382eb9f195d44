//! Drawing the notes boxes over the current view: the note editor, the tag
//! picker, the export dialog, a yes/no confirmation and the Notes view's
//! text filter. The text areas hold text safe to draw (sanitised, or with
//! hidden characters shown as marks: see `app::review::text_input`); every
//! other string goes through [`span`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use crate::app::App;
use crate::app::review::editor::Editor;
use crate::app::review::export::ExportDialog;
use crate::app::review::picker::{Choice, Picker, TagTarget};
use crate::app::review::{Confirm, Modal};
use crate::export::Format;
use crate::tui::text::span;
use crate::tui::theme::Theme;

use super::centered;

/// Draws the open notes box, if any, over `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    match &app.review.modal {
        Some(Modal::Editor(ed)) => editor(ed, theme, area, buf),
        Some(Modal::Picker(p)) => picker(p, theme, area, buf),
        Some(Modal::Export(d)) => export(app, d, theme, area, buf),
        Some(Modal::Confirm(c)) => confirm(c, theme, area, buf),
        Some(Modal::FilterText(t)) => filter(t, theme, area, buf),
        Some(Modal::ReviewMenu(q)) => review_menu(app, *q, theme, area, buf),
        None => {}
    }
}

/// A cleared, bordered box; returns its inside.
fn boxed(title: &str, theme: &Theme, r: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(r, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Line::from(span(
            &format!(" {title} "),
            theme.column_header(),
        )));
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

/// A line of `key word` hints.
fn hints(pairs: &[(&str, &str)], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (k, w) in pairs {
        spans.push(Span::styled(k.to_string(), theme.key()));
        spans.push(Span::styled(format!(" {w}   "), theme.dim()));
    }
    Line::from(spans)
}

fn row(inner: Rect, y: u16) -> Rect {
    Rect::new(inner.x, inner.y + y, inner.width, 1)
}

fn text_area(t: &TextArea<'static>, r: Rect, buf: &mut Buffer) {
    t.render(r, buf);
}

fn editor(ed: &Editor, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(8).min(100);
    let height = area.height.saturating_sub(4).min(18);
    let inner = boxed(&ed.title, theme, centered(area, width, height), buf);
    if inner.height < 3 {
        return;
    }
    let text = Rect {
        height: inner.height - 2,
        ..inner
    };
    text_area(&ed.area, text, buf);
    let bottom = row(inner, inner.height - 1);
    if ed.confirm_discard {
        Line::from(span(
            "Discard the text you typed? y discards, n goes back to editing",
            theme.message(),
        ))
        .render(bottom, buf);
    } else {
        hints(
            &[("Ctrl-s", "save"), ("Esc", "cancel"), ("Enter", "new line")],
            theme,
        )
        .render(bottom, buf);
    }
}

fn picker(p: &Picker, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = match &p.target {
        TagTarget::Question(q) => format!("Tag {q}"),
        TagTarget::Note(_) => "Tag the note".to_string(),
        TagTarget::Filter => "Filter the notes by tag".to_string(),
    };
    let width = area.width.saturating_sub(8).min(60);
    let height = area.height.saturating_sub(4).min(16);
    let inner = boxed(&title, theme, centered(area, width, height), buf);
    if inner.height < 4 {
        return;
    }
    Line::from(span("Search or new tag:", theme.dim())).render(row(inner, 0), buf);
    let query = Rect::new(inner.x + 19, inner.y, inner.width.saturating_sub(19), 1);
    text_area(&p.query, query, buf);
    let list_h = usize::from(inner.height - 3);
    let skip = p.cursor.saturating_sub(list_h.saturating_sub(1));
    for (i, c) in p.choices.iter().enumerate().skip(skip).take(list_h) {
        let r = row(inner, 1 + (i - skip) as u16);
        let line = match c {
            Choice::Any => Line::from(span("  (any tag: clear the filter)", theme.dim())),
            Choice::Create(name) => Line::from(vec![
                Span::styled("  + create ", theme.dim()),
                span(name, theme.key()),
            ]),
            Choice::Tag { name, on, matched } => {
                let mut spans = vec![Span::raw(if *on { "✓ " } else { "  " })];
                spans.extend(tag_spans(name, matched, theme));
                Line::from(spans)
            }
        };
        if i == p.cursor {
            buf.set_style(r, theme.selected());
        }
        line.render(r, buf);
    }
    if p.choices.is_empty() {
        Line::from(span("  no tags yet: type a name", theme.dim())).render(row(inner, 1), buf);
    }
    let action = if p.target == TagTarget::Filter {
        "filter"
    } else {
        "add/remove (✓ = has it)"
    };
    hints(
        &[("↑↓", "choose"), ("Enter", action), ("Esc", "close")],
        theme,
    )
    .render(row(inner, inner.height - 1), buf);
}

/// A tag name with the characters at `matched` (positions in the stored
/// name, as the matcher reports them) highlighted; each character is
/// sanitised on its own, so the highlight stays on the character matched.
fn tag_spans(name: &str, matched: &[usize], theme: &Theme) -> Vec<Span<'static>> {
    name.chars()
        .enumerate()
        .map(|(j, ch)| {
            let style = if matched.contains(&j) {
                theme.matched()
            } else {
                Style::new()
            };
            span(ch.encode_utf8(&mut [0; 4]), style)
        })
        .filter(|s| !s.content.is_empty())
        .collect()
}

fn export(app: &App, d: &ExportDialog, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(8).min(76);
    let inner = boxed("Export the notes", theme, centered(area, width, 9), buf);
    if inner.height < 7 {
        return;
    }
    let mut formats = vec![Span::styled("Format: ", theme.dim())];
    for f in Format::ALL {
        let style = if f == d.format {
            theme.selected()
        } else {
            Style::new()
        };
        formats.push(Span::styled(format!(" {} ", f.name()), style));
        formats.push(Span::raw(" "));
    }
    Line::from(formats).render(row(inner, 0), buf);
    Line::from(span("File:", theme.dim())).render(row(inner, 2), buf);
    let path = Rect::new(inner.x + 8, inner.y + 2, inner.width.saturating_sub(8), 1);
    text_area(&d.path, path, buf);
    // What will be written: the Notes view's filter decides.
    let what = if app.review.list.filtered() {
        format!(
            "The {} notes the Notes filter shows ({}), with the figures.",
            app.review.list.shown.len(),
            app.review.list.describe()
        )
    } else {
        "All notes with the figures; a relative path is in the current folder.".to_string()
    };
    Line::from(span(&what, theme.dim())).render(row(inner, 3), buf);
    // The question or the error, wrapped on the two rows under the path.
    let message = match (&d.confirm_overwrite, &d.error) {
        (Some(p), _) => Some(Line::from(span(
            &format!(
                "{} exists. Replace it? y replaces, n goes back",
                p.display()
            ),
            theme.message(),
        ))),
        (None, Some(e)) => Some(Line::from(span(e, theme.error()))),
        (None, None) => None,
    };
    if let Some(line) = message {
        let area = Rect {
            y: inner.y + 4,
            height: 2,
            ..inner
        };
        Paragraph::new(line)
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }
    hints(
        &[("Tab", "format"), ("Enter", "write"), ("Esc", "close")],
        theme,
    )
    .render(row(inner, inner.height - 1), buf);
}

fn confirm(c: &Confirm, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(8).min(70);
    // Room for the whole question, wrapped, whatever its length.
    let lines = crate::app::wrap::wrap(
        &crate::sanitize::sanitize(&c.question),
        usize::from(width.saturating_sub(2)),
    );
    let height = (lines.len() as u16 + 2).min(area.height);
    let inner = boxed("Confirm", theme, centered(area, width, height), buf);
    let text: Vec<Line> = lines
        .iter()
        .map(|l| Line::from(span(l, theme.message())))
        .collect();
    Paragraph::new(text).render(inner, buf);
}

/// The review menu: each status and verdict with its key, the current
/// ones marked.
fn review_menu(
    app: &App,
    q: crate::corpus::QuestionId,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    use crate::app::review::{MenuChoice, REVIEW_MENU};
    let review = app.review.store.notes().review(q);
    let height = REVIEW_MENU.len() as u16 + 5;
    let inner = boxed(
        &format!("Review of {q}"),
        theme,
        centered(area, 40, height),
        buf,
    );
    let mut lines = vec![Line::from(span("Status", theme.dim()))];
    for (i, (key, choice)) in REVIEW_MENU.iter().enumerate() {
        let (label, current) = match choice {
            MenuChoice::Status(s) => (s.label(), review.status == *s),
            MenuChoice::Verdict(v) => (v.map_or("no verdict", |v| v.label()), review.verdict == *v),
        };
        if i == 3 {
            lines.push(Line::from(span("Verdict", theme.dim())));
        }
        let style = if current {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {key} "), theme.key()),
            Span::styled(format!(" {label} "), style),
        ]));
    }
    Paragraph::new(lines).render(inner, buf);
    hints(&[("key", "set"), ("Esc", "close")], theme).render(row(inner, inner.height - 1), buf);
}

fn filter(t: &TextArea<'static>, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // Over the Notes view's filter line.
    let r = Rect::new(area.x, area.y, area.width, 1);
    Clear.render(r, buf);
    Line::from(span(" Filter text: ", theme.column_header())).render(r, buf);
    let input = Rect::new(r.x + 14, r.y, r.width.saturating_sub(40), 1);
    text_area(t, input, buf);
    let hint = Rect::new(r.right().saturating_sub(26), r.y, 26, 1);
    hints(&[("Enter", "keep"), ("Esc", "clear")], theme).render(hint, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_highlight_stays_on_the_matched_character_after_sanitising() {
        let theme = Theme::colored();
        // The matcher saw the stored name: `b` is its third character.
        let spans = tag_spans("a\u{200b}b\u{1b}", &[2], &theme);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["a", "b", "␛"]);
        assert_eq!(spans[1].style, theme.matched());
        assert_eq!(spans[0].style, Style::new());
    }
}
