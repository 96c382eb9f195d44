//! Drawing the Timeline view's list of families with their figures, and
//! below it the per-ministry table over every question of the corpus, so
//! ministries can be compared across many questions. Both come from
//! `analysis` (`figures::all`, `ministries::by_ministry`), as in `qreview stats`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::analysis::figures::FamilyFigures;
use crate::analysis::ministries::MinistryFigures;
use crate::app::App;
use crate::app::doc::Tone;
use crate::app::timeline::CorpusFigures;
use crate::app::wrap::fit;
use crate::format::text;
use crate::tui::theme::Theme;

/// Draws both tables into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    // Cached when the list opened; computed here only if it was not.
    let fresh;
    let (all, by_ministry) = match &app.timeline.figures {
        Some(f) => (&f.0.0, &f.0.1),
        None => {
            fresh = CorpusFigures::of(&app.corpus);
            (&fresh.0.0, &fresh.0.1)
        }
    };
    let title_w = width.saturating_sub(8 + 37 + 26).clamp(10, 60);
    let mut lines: Vec<Line> = vec![Line::from(Span::styled(
        "Families · Enter charts the family, f or Esc goes back",
        theme.tone(Tone::Heading),
    ))];
    lines.push(Line::from(Span::styled(
        format!(
            "{}{}{}{}{}{}{}{}",
            fit("ID", 8),
            fit("TITLE", title_w + 1),
            fit("SIBLINGS", 9),
            fit("ANSWER", 7),
            fit("UNANS", 6),
            fit("REMIND", 7),
            fit("MEDIAN", 8),
            "FASTEST–SLOWEST DAYS"
        ),
        theme.column_header(),
    )));
    // Half the screen for families, the rest for ministries.
    let room = (usize::from(area.height) / 2).saturating_sub(2).max(1);
    let cursor = app.timeline.family_cursor;
    let offset = (cursor + 1).saturating_sub(room);
    for (i, f) in all.iter().enumerate().skip(offset).take(room) {
        let style = if i == cursor {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(family_row(f, title_w), style)));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Ministries over all questions",
        theme.tone(Tone::Heading),
    )));
    let name_w = width.saturating_sub(55).clamp(12, 40);
    lines.push(Line::from(Span::styled(
        format!(
            "{}{}{}{}{}{}{}",
            fit("MINISTRY", name_w + 1),
            fit("RECEIVED", 9),
            fit("ANSWERED", 9),
            fit("UNANS", 7),
            fit("MEDIAN", 9),
            fit("REMINDED", 9),
            "REMINDERS"
        ),
        theme.column_header(),
    )));
    for m in by_ministry {
        lines.push(Line::from(ministry_row(m, name_w)));
    }
    for (line, y) in lines.into_iter().zip(area.y..area.bottom()) {
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

fn median(m: Option<f64>) -> String {
    m.map_or_else(|| "-".into(), |m| format!("{m}"))
}

fn family_row(f: &FamilyFigures, title_w: usize) -> String {
    let range = match (f.fastest, f.slowest) {
        (Some(a), Some(b)) => format!("{} ({}) – {} ({})", a.days, a.id, b.days, b.id),
        _ => "-".into(),
    };
    format!(
        "{}{} {}{}{}{}{}{}",
        fit(&f.family.to_string(), 8),
        fit(&text(f.title.as_deref()), title_w),
        fit(&f.members.len().to_string(), 9),
        fit(&f.answered.to_string(), 7),
        fit(&f.unanswered.to_string(), 6),
        fit(&f.reminded.to_string(), 7),
        fit(&median(f.median_days), 8),
        range
    )
}

fn ministry_row(m: &MinistryFigures, name_w: usize) -> String {
    let name = m.ministry.as_deref().map_or_else(
        || crate::corpus::display::ministry_label(None).into(),
        |s| text(Some(s)),
    );
    format!(
        "{} {}{}{}{}{}{}",
        fit(&name, name_w),
        fit(&m.received.to_string(), 9),
        fit(&m.answered.to_string(), 9),
        fit(&m.unanswered.to_string(), 7),
        fit(&median(m.median_days), 9),
        fit(&m.reminded.to_string(), 9),
        m.reminders
    )
}
