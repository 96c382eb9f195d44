//! The tab bar (views and their keys, the sort order) and the status line
//! (corpus summary, load report counts, a message, the main key hints).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::keymap::{self, key_for};
use crate::app::{Action, App, View, wrap};

use crate::tui::theme::Theme;

/// The top line: `qreview  1 Questions  2 Reader …   sort: id`. When the
/// titles do not all fit, the views not shown are cut to four letters.
pub fn tabs(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.bar());
    let mut spans = vec![Span::styled(" qreview ", theme.bar())];
    let full: usize = View::ALL.iter().map(|v| v.title().len() + 4).sum();
    let compact = full + 9 > usize::from(area.width);
    for view in View::ALL {
        let key = key_for(&Action::ShowView(view)).unwrap_or_default();
        let (style, title) = if view == app.view {
            (theme.active_tab(), view.title())
        } else if compact {
            (theme.bar(), &view.title()[..4.min(view.title().len())])
        } else {
            (theme.bar(), view.title())
        };
        spans.push(Span::styled(format!(" {key} {title} "), style));
    }
    if app.view == View::Questions {
        spans.push(Span::styled(
            format!("  sort: {}", app.questions.sort.label()),
            theme.bar(),
        ));
    }
    Line::from(spans).render(area, buf);
}

/// The bottom line: summary or message on the left, then as many key hints
/// as fit, global ones (help, quit) first.
pub fn status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.bar());
    let width = usize::from(area.width);
    let mut left: Vec<Span> = if let Some(sel) = app.review.selection {
        // Selection mode is a mode: say so for as long as it lasts.
        let n = sel.range().count();
        let lines = if n == 1 { "line" } else { "lines" };
        vec![crate::tui::text::span(
            &format!(" SELECT {n} {lines} · j/k extend · a note · Esc cancel"),
            theme.message(),
        )]
    } else if let Some(m) = &app.message {
        vec![crate::tui::text::span(&format!(" {m}"), theme.message())]
    } else if app.search.prompt.is_some() {
        // The prompt's keys need the room.
        Vec::new()
    } else if app.is_loading() {
        vec![Span::styled(" loading the corpus…", theme.bar())]
    } else if app.view == View::Questions
        && (app.search.committed.is_some() || !app.questions.facets.is_empty())
    {
        super::search::filter_marker(app, theme)
    } else {
        summary(app, theme)
    };
    // The notes file, leaving room for the help and quit hints.
    let used: usize = left.iter().map(|s| wrap::width(&s.content)).sum();
    if app.search.prompt.is_none() {
        left.extend(super::notes::status(
            app,
            theme,
            width.saturating_sub(used + 20),
        ));
    }
    left.push(Span::styled(" │ ", theme.bar()));
    let mut used: usize = left.iter().map(|s| wrap::width(&s.content)).sum();
    let mut hints = keymap::hints(app.scope());
    hints.sort_by_key(|(key, _)| !(key == "?" || key == "q"));
    for (key, word) in hints {
        let w = wrap::width(&key) + wrap::width(word) + 3;
        // The last hint's trailing gap may fall off the edge.
        if used + w - 2 > width {
            break;
        }
        left.push(Span::styled(key, theme.key()));
        left.push(Span::styled(format!(" {word}  "), theme.bar()));
        used += w;
    }
    Line::from(left).render(area, buf);
}

/// `11 questions, 1 answer text · 0 errors, 2 warnings (w)`.
fn summary(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let c = &app.corpus;
    let (errors, warnings) = (c.error_count(), c.warning_count());
    let err_style = if errors > 0 {
        theme.error()
    } else {
        theme.bar()
    };
    let warn_style = if warnings > 0 {
        theme.warning()
    } else {
        theme.bar()
    };
    let report_key = key_for(&Action::ToggleLoadReport).unwrap_or_default();
    vec![
        Span::styled(
            format!(
                " {} questions, {} answer text · ",
                c.questions.len(),
                c.answer_count()
            ),
            theme.bar(),
        ),
        Span::styled(format!("{errors} errors"), err_style),
        Span::styled(", ", theme.bar()),
        Span::styled(format!("{warnings} warnings "), warn_style),
        Span::styled("(", theme.bar()),
        Span::styled(report_key, theme.key()),
        Span::styled(" report)".to_string(), theme.bar()),
    ]
}
