//! Drawing the Timeline view: the family as a Gantt chart on a shared date
//! axis (one row per sibling, a bar from sent to answer, reminder marks,
//! open bars up to today, siblings not in the corpus listed as such), the
//! event cursor and its description, and the family's figures (a panel on
//! the right on wide screens, two lines above the chart otherwise).
//! Rows, events and figures come from `app::timeline` and
//! `analysis::figures`, the functions `qreview stats` uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::analysis::axis::DateAxis;
use crate::analysis::figures::{self, FamilyFigures};
use crate::analysis::timeline::{TimelineEvent, TimelineRow, date_range};
use crate::app::App;
use crate::app::doc::Tone;
use crate::app::timeline::{self, WIDE, chrome_rows};
use crate::app::wrap::fit;
use crate::corpus::EventKind;
use crate::format::text;
use crate::tui::theme::Theme;

/// Width of the figures panel on wide screens.
const PANEL: u16 = 36;
/// Columns of the id and days cells.
const ID: usize = 7;
const DAYS: usize = 15;

/// Draws the Timeline view into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(family) = timeline::family(app) else {
        Line::from(Span::styled(
            "No family to chart: the corpus is empty.",
            theme.dim(),
        ))
        .render(area, buf);
        return;
    };
    let f = figures::family(&app.corpus, family);
    let rows = timeline::rows(app);
    let events = timeline::events(app);
    let wide = usize::from(area.width) >= WIDE;
    let chart = if wide {
        let panel = Rect::new(area.right() - PANEL, area.y, PANEL, area.height.min(12));
        figures_panel(&f, theme, panel, buf);
        Rect {
            width: area.width - PANEL - 1,
            ..area
        }
    } else {
        area
    };
    let mut y = area.y;
    let title = format!(
        "Family {} · {} siblings · sorted by {} (s) · {}",
        family.id,
        family.members.len(),
        app.timeline.sort.name(),
        text(family.title.as_deref()),
    );
    Line::from(Span::styled(
        fit(&title, usize::from(chart.width)),
        theme.group(),
    ))
    .render(Rect::new(chart.x, y, chart.width, 1), buf);
    y += 1;
    if !wide {
        for l in figures_lines(&f, usize::from(area.width)) {
            Line::from(Span::styled(l, theme.tone(Tone::Label)))
                .render(Rect::new(area.x, y, area.width, 1), buf);
            y += 1;
        }
    }
    event_line(
        app,
        &events,
        theme,
        Rect::new(chart.x, y, chart.width, 1),
        buf,
    );
    y += 1;
    debug_assert_eq!(
        usize::from(y - area.y) + 2,
        chrome_rows(usize::from(area.width))
    );
    let labels = 1 + ID + 1 + ministry_width(chart.width) + 1 + DAYS + 1;
    let bar_x = chart.x + labels as u16;
    let bar_w = usize::from(chart.width).saturating_sub(labels + 1);
    let Some((start, end)) = date_range(&rows) else {
        Line::from(Span::styled("No dated events in this family.", theme.dim()))
            .render(Rect::new(chart.x, y, chart.width, 1), buf);
        return;
    };
    let axis = DateAxis::new(start, end, bar_w);
    axis_lines(&axis, theme, bar_x, y, buf);
    y += 2;
    let current = app.timeline.event.and_then(|i| events.get(i));
    let height = usize::from(area.bottom().saturating_sub(y));
    for (i, r) in rows
        .iter()
        .enumerate()
        .skip(app.timeline.offset)
        .take(height)
    {
        let line = Rect::new(
            chart.x,
            y + (i - app.timeline.offset) as u16,
            chart.width,
            1,
        );
        row(r, i == app.timeline.row, theme, line, buf);
        let deadline = app.corpus.get(r.member.id).and_then(|q| {
            crate::analysis::deadline::deadline(q, &crate::app::ministries::RULES).map(|d| d.date)
        });
        bar(
            r,
            &axis,
            current,
            deadline,
            theme,
            Rect::new(bar_x, line.y, bar_w as u16, 1),
            buf,
        );
    }
}

/// The ministry column's width for a chart `width` columns wide.
fn ministry_width(width: u16) -> usize {
    (usize::from(width) / 5).clamp(10, 24)
}

/// `▶ 5-8902 Affaires étrangè  293 days`.
fn row(r: &TimelineRow, selected: bool, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let m = &r.member;
    let ministry = ministry_width(area.width);
    let days = match r.bar {
        Some(b) if b.open => format!("unanswered {}", b.days),
        Some(b) => format!("{} days", b.days),
        None => "-".into(),
    };
    let marker = if selected { "▶" } else { " " };
    let id_style = if selected {
        theme.selected()
    } else {
        theme.tone(Tone::Title)
    };
    let days_style = match r.bar {
        Some(b) if b.open => theme.tone(Tone::Late),
        Some(_) => theme.tone(Tone::Answered),
        None => theme.dim(),
    };
    Line::from(vec![
        Span::styled(marker, theme.key()),
        Span::styled(fit(&m.id.to_string(), ID), id_style),
        Span::raw(" "),
        Span::styled(
            // A sibling not in the corpus says so in its days cell.
            fit(
                &if m.loaded {
                    text(Some(crate::corpus::display::ministry_label(
                        m.ministry.as_deref(),
                    )))
                } else {
                    String::new()
                },
                ministry,
            ),
            if m.loaded { Style::new() } else { theme.dim() },
        ),
        Span::raw(" "),
        Span::styled(format!("{days:>w$}", w = DAYS), days_style),
    ])
    .render(area, buf);
}

/// The bar of a row, its deadline (`┊`, when on the axis), its reminder
/// marks, and the event cursor if it is on this row.
fn bar(
    r: &TimelineRow,
    axis: &DateAxis,
    current: Option<&TimelineEvent>,
    deadline: Option<jiff::civil::Date>,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(b) = r.bar else {
        let why = if r.member.loaded {
            "no dates"
        } else {
            "not in corpus"
        };
        Line::from(Span::styled(why, theme.dim())).render(area, buf);
        return;
    };
    let (from, to) = (axis.column(b.start), axis.column(b.end));
    let (fill, style) = if b.open {
        ("╌", theme.tone(Tone::Late))
    } else {
        ("━", theme.tone(Tone::Answered))
    };
    let mut put = |col: usize, symbol: &str, style: Style| {
        if let Some(cell) = buf.cell_mut((area.x + col as u16, area.y))
            && col < usize::from(area.width)
        {
            cell.set_symbol(symbol).set_style(style);
        }
    };
    for col in from..=to {
        put(col, fill, style);
    }
    // Under the bar's ends: an answer on the deadline's day shows as answered.
    if let Some(d) = deadline.filter(|d| *d >= axis.start() && *d <= axis.end()) {
        put(axis.column(d), "┊", theme.key());
    }
    put(from, "├", style);
    put(to, if b.open { "▷" } else { "●" }, style);
    for d in &r.member.reminders {
        put(axis.column(*d), "▲", theme.tone(Tone::Late));
    }
    if let Some(e) = current.filter(|e| e.id == r.member.id) {
        let symbol = match e.kind {
            EventKind::Sent => "├",
            EventKind::Reminder => "▲",
            EventKind::Answer => "●",
            EventKind::Other => "◆",
        };
        put(axis.column(e.date), symbol, theme.selected());
    }
}

/// Tick labels and tick marks of the date axis.
fn axis_lines(axis: &DateAxis, theme: &Theme, x: u16, y: u16, buf: &mut Buffer) {
    let w = axis.width() as u16;
    Line::from(Span::styled("─".repeat(axis.width()), theme.dim()))
        .render(Rect::new(x, y + 1, w, 1), buf);
    for t in axis.ticks() {
        let tx = x + t.column as u16;
        buf.set_string(tx, y, &t.label, theme.tone(Tone::Label));
        if let Some(cell) = buf.cell_mut((tx, y + 1)) {
            cell.set_symbol("┬");
        }
    }
}

/// `Event 12 of 24 · 2013-05-08 · answer (Réponse) · 5-8904 Pensions`.
fn event_line(app: &App, events: &[TimelineEvent], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let text_ = match app
        .timeline
        .event
        .and_then(|i| events.get(i).map(|e| (i, e)))
    {
        Some((i, e)) => {
            let what = match e.kind {
                EventKind::Sent => "sent",
                EventKind::Reminder => "reminder",
                EventKind::Answer => "answer",
                EventKind::Other => "event",
            };
            let ministry = app
                .corpus
                .get(e.id)
                .and_then(|q| q.ministry.as_deref())
                .map(|m| format!(" ({})", text(Some(m))))
                .unwrap_or_default();
            format!(
                "Event {} of {} · {} · {what} · {}{ministry} · {}",
                i + 1,
                events.len(),
                e.date,
                e.id,
                text(Some(&e.label))
            )
        }
        None => format!(
            "h/l or ←/→ step through the family's {} events in date order · Enter opens the row",
            events.len()
        ),
    };
    Line::from(Span::styled(
        fit(&text_, usize::from(area.width)),
        theme.tone(Tone::Heading),
    ))
    .render(area, buf);
}

fn days(m: Option<f64>) -> String {
    m.map_or_else(|| "-".into(), |m| format!("{m} days"))
}

/// The figures as short lines, for the panel.
pub fn figures_items(f: &FamilyFigures) -> Vec<String> {
    vec![
        format!("median {}", days(f.median_days)),
        format!("fastest: {}", f.named(f.fastest)),
        format!("slowest: {}", f.named(f.slowest)),
        format!("answered {} of {}", f.answered, f.members.len()),
        format!("reminded {}", f.reminded_list()),
        format!("unanswered {}", f.unanswered),
        format!("not in corpus {}", f.not_in_corpus),
        format!(
            "reminder → answer median {}",
            days(f.median_reminder_to_answer)
        ),
    ]
}

/// The figures in two lines (narrow screens).
fn figures_lines(f: &FamilyFigures, width: usize) -> [String; 2] {
    let mut items = figures_items(f);
    // The ministries beside the ids and which siblings were reminded, when
    // they fit; otherwise the ids and counts alone: the ministries are in
    // the chart's rows beside them, and the reminders in its ▲ marks.
    let short = |e: Option<crate::analysis::figures::Extreme>| {
        e.map_or_else(|| "-".into(), |e| format!("{}, {} days", e.id, e.days))
    };
    if unicode_width::UnicodeWidthStr::width(items[..3].join(" · ").as_str()) > width {
        items[1] = format!("fastest: {}", short(f.fastest));
        items[2] = format!("slowest: {}", short(f.slowest));
    }
    let second = [&items[4..], &items[3..4]].concat().join(" · ");
    if unicode_width::UnicodeWidthStr::width(second.as_str()) > width {
        items[4] = format!("reminded {}", f.reminded);
    }
    [
        fit(&items[..3].join(" · "), width),
        fit(&[&items[4..], &items[3..4]].concat().join(" · "), width),
    ]
}

/// The figures in a bordered panel.
fn figures_panel(f: &FamilyFigures, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = figures_items(f)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.tone(Tone::Label))))
        .collect();
    Paragraph::new(lines)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(" Figures "),
        )
        .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::figures_lines;
    use crate::analysis::figures;

    #[test]
    fn narrow_figures_name_the_ministries_only_when_they_fit() {
        let corpus = crate::corpus::embedded::load();
        let family = &figures::all(&corpus)[0];
        let wide = figures_lines(family, 200);
        assert!(wide[0].contains("5-8904 Pensions, 8 days"), "{wide:?}");
        assert!(wide[1].contains("reminded 2 (5-8902, 5-8906)"), "{wide:?}");
        let narrow = figures_lines(family, 80);
        assert!(narrow[0].contains("fastest: 5-8904, 8 days"), "{narrow:?}");
        assert!(narrow[1].starts_with("reminded 2 ·"), "{narrow:?}");
    }
}
