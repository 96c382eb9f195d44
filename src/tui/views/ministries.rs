//! Drawing the Ministries view: the league table (computed in
//! `app::ministries`, drawn here as it is), the sort column marked with
//! ▲/▼, and beside it, when the terminal is wide enough, a bar chart of
//! median days per ministry; or one ministry's questions with their
//! deadlines after `Enter`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Widget};

use crate::analysis::deadline::Timeliness;
use crate::analysis::league::{LeagueColumn, LeagueRow};
use crate::analysis::league::{cell, label};
use crate::app::App;
use crate::app::doc::Tone;
use crate::app::ministries::QuestionLine;
use crate::format::{date, fit, num};
use crate::tui::theme::Theme;

/// From this width on, the bar chart stands beside the table.
pub const CHART_WIDTH: u16 = 150;

/// The columns as this view heads them, and their widths (the ministry
/// column takes what is left).
const COLUMNS: [(LeagueColumn, &str, usize); 9] = [
    (LeagueColumn::Received, "RECV", 5),
    (LeagueColumn::Answered, "ANS", 5),
    (LeagueColumn::OnTimePct, "ONTIME%", 9),
    (LeagueColumn::MedianDays, "MED D", 6),
    (LeagueColumn::P90Days, "P90 D", 6),
    (LeagueColumn::MedianLate, "LATE WD", 8),
    (LeagueColumn::RemindersPerQuestion, "REM/Q", 6),
    (LeagueColumn::Unanswered, "UNANS", 6),
    (LeagueColumn::Overdue, "OVERDUE", 7),
];

/// Draws the view into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(rows) = &app.ministries.rows else {
        return;
    };
    if let Some((at, list)) = &app.ministries.drill {
        drill(app, theme, rows.get(*at), list, area, buf);
        return;
    }
    let (table, chart) = if area.width >= CHART_WIDTH {
        let [t, c] = Layout::new(
            Direction::Horizontal,
            [Constraint::Length(112), Constraint::Min(20)],
        )
        .areas(area);
        (t, Some(c))
    } else {
        (area, None)
    };
    draw_table(app, theme, rows, table, buf);
    if let Some(c) = chart {
        bar_chart(app, theme, rows, c, buf);
    }
}

fn draw_table(app: &App, theme: &Theme, rows: &[LeagueRow], area: Rect, buf: &mut Buffer) {
    let m = &app.ministries;
    let fixed: usize = COLUMNS.iter().map(|c| c.2).sum();
    let name_w = usize::from(area.width)
        .saturating_sub(fixed + 1)
        .clamp(8, 40);
    let order = if m.descending { "▼" } else { "▲" };
    let scope = if m.filter.is_empty() {
        "all questions".to_string()
    } else {
        m.filter.describe()
    };
    let mut lines = vec![Line::from(vec![
        Span::styled("Ministries", theme.tone(Tone::Heading)),
        Span::styled(
            format!(
                " · {scope} · sorted by {} {order} · Enter lists its questions",
                m.column.name()
            ),
            theme.dim(),
        ),
    ])];
    let mark = |c: LeagueColumn, h: &str| {
        if c == m.column {
            format!("{h}{order}")
        } else {
            h.to_string()
        }
    };
    let mut header = vec![Span::styled(
        fit(&mark(LeagueColumn::Ministry, "MINISTRY"), name_w + 1),
        header_style(theme, m.column == LeagueColumn::Ministry),
    )];
    for (c, h, w) in COLUMNS {
        header.push(Span::styled(
            fit(&mark(c, h), w),
            header_style(theme, m.column == c),
        ));
    }
    lines.push(Line::from(header));
    let height = usize::from(area.height).saturating_sub(lines.len());
    for (i, r) in rows.iter().enumerate().skip(m.offset).take(height) {
        let mut text = format!("{} ", fit(&label(r), name_w));
        for (c, _, w) in COLUMNS {
            text.push_str(&fit(&cell(r, c), w));
        }
        let style = if i == m.cursor {
            theme.selected()
        } else if r.overdue > 0 {
            theme.tone(Tone::Late)
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            "no questions pass this filter (f counts all)",
            theme.dim(),
        )));
    }
    for (line, y) in lines.into_iter().zip(area.y..area.bottom()) {
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

fn header_style(theme: &Theme, sorted: bool) -> Style {
    if sorted {
        theme.column_header().patch(theme.key())
    } else {
        theme.column_header()
    }
}

/// Median days per ministry as horizontal bars, in the table's order.
fn bar_chart(app: &App, theme: &Theme, rows: &[LeagueRow], area: Rect, buf: &mut Buffer) {
    let bars: Vec<Bar> = rows
        .iter()
        .skip(app.ministries.offset)
        .map(|r| {
            let days = r.median_days.unwrap_or(0.0).round() as u64;
            let style = if r.on_time_pct.is_some_and(|p| p >= 50.0) {
                theme.tone(Tone::Answered)
            } else {
                theme.tone(Tone::Late)
            };
            Bar::default()
                .value(days)
                .text_value(num(r.median_days.map(|d| d.round() as i64)))
                .label(Line::from(fit(&label(r), 16)))
                .style(style)
        })
        .collect();
    BarChart::default()
        .block(
            Block::bordered()
                .title(" median days to answer ")
                .border_style(theme.border()),
        )
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars))
        .render(area, buf);
}

/// One ministry's questions: id, sent, answered, days, deadline, status.
fn drill(
    app: &App,
    theme: &Theme,
    row: Option<&LeagueRow>,
    list: &[QuestionLine],
    area: Rect,
    buf: &mut Buffer,
) {
    let name = row.map(label).unwrap_or_default();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(name, theme.tone(Tone::Heading)),
            Span::styled(
                format!(
                    " · {} question(s) · Enter opens in the Reader, Esc back to the table",
                    list.len()
                ),
                theme.dim(),
            ),
        ]),
        Line::from(Span::styled(
            format!(
                "{}{}{}{}{}{}",
                fit("ID", 10),
                fit("SENT", 12),
                fit("ANSWERED", 12),
                fit("DAYS", 6),
                fit("DEADLINE", 21),
                "STATUS"
            ),
            theme.column_header(),
        )),
    ];
    let height = usize::from(area.height).saturating_sub(lines.len());
    let cursor = app.ministries.drill_cursor;
    let offset = (cursor + 1).saturating_sub(height);
    for (i, l) in list.iter().enumerate().skip(offset).take(height) {
        let Some(q) = app.corpus.get(l.id) else {
            continue;
        };
        let deadline = l.status.deadline.map_or_else(
            || "-".to_string(),
            |d| format!("{} {}", d.date, d.source.name()),
        );
        let text = format!(
            "{}{}{}{}{}{}",
            fit(&l.id.to_string(), 10),
            fit(&date(q.sent()), 12),
            fit(&date(q.answered()), 12),
            fit(&num(q.days_to_answer), 6),
            fit(&deadline, 21),
            l.status.timeliness.label()
        );
        let style = if i == cursor {
            theme.selected()
        } else {
            match l.status.timeliness {
                Timeliness::OnTime => theme.tone(Tone::Answered),
                Timeliness::Late { .. } | Timeliness::Overdue { .. } => theme.tone(Tone::Late),
                _ => Style::new(),
            }
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    for (line, y) in lines.into_iter().zip(area.y..area.bottom()) {
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}
