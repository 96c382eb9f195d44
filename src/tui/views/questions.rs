//! Drawing the Questions view: a column header, then each family as a
//! heading (title, member count, answered count) with its members below
//! (id, ministry, sent, answered, days, reminders, review status, notes, and
//! on wide screens verdict and tags).
//! Placeholders, siblings known only by number, say "not in corpus".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::questions::{MIN_ID_WIDTH, Row};
use crate::app::wrap::fit;
use crate::app::{App, TABLE_HEADER_ROWS};
use crate::corpus::{Corpus, Family, FamilyKind};
use crate::format::{date, num};
use crate::sanitize::sanitize;
use crate::tui::theme::Theme;

/// Fixed column widths; the ministry takes what is left (the id column's
/// width is the Questions state's, at least `MIN_ID_WIDTH`).
const DATE: usize = 10;
const ANSWERED: usize = 10;
const DAYS: usize = 5;
const REMINDER: usize = 4;
/// Wide enough for the longest status label, `in progress`.
const REVIEW: usize = 11;
const NOTES: usize = 5;
/// The deadline status column (`overdue 999 wd`), shown when there is room
/// for it and a ministry column of [`MINISTRY_MIN`].
const DEADLINE: usize = 14;
/// The narrowest ministry column beside the deadline column.
const MINISTRY_MIN: usize = 16;
/// The widest the ministry column gets.
const MINISTRY_MAX: usize = 40;
/// Columns taken by the fixed columns and the single-space gaps.
const FIXED: usize = DATE + ANSWERED + DAYS + REMINDER + REVIEW + NOTES + 8;
/// Wide enough for the longest verdict, `no answer`.
const VERDICT: usize = 9;
/// The narrowest tags column worth showing, and the widest.
const TAGS_MIN: usize = 12;
const TAGS_MAX: usize = 40;

/// Draws the list into `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    // Wide screens do not stretch the ministry column: the dates stay near it.
    let id = app.questions.id_width.max(MIN_ID_WIDTH);
    let with_deadline = width > FIXED + MINISTRY_MIN + DEADLINE + id;
    let deadline_w = if with_deadline { DEADLINE + 1 } else { 0 };
    let ministry = width
        .saturating_sub(FIXED + id + deadline_w)
        .clamp(8, MINISTRY_MAX);
    // Verdict and tags only once the ministry and the deadline have their room.
    let room = width.saturating_sub(FIXED + id + MINISTRY_MAX + deadline_w + VERDICT + 2);
    let tags = (with_deadline && room >= TAGS_MIN).then(|| room.min(TAGS_MAX));
    let mut header = cells(
        [id, ministry],
        [
            "ID", "MINISTRY", "SENT", "ANSWERED", "DAYS", "REM", "REVIEW", "NOTES",
        ]
        .map(String::from),
    );
    if with_deadline {
        header.push_str(&fit("DEADLINE", DEADLINE));
    }
    header.push_str(&extras(tags, "VERDICT", "TAGS"));
    Line::from(Span::styled(header, theme.column_header())).render(Rect { height: 1, ..area }, buf);
    let list = Rect {
        y: area.y + TABLE_HEADER_ROWS as u16,
        height: area.height.saturating_sub(TABLE_HEADER_ROWS as u16),
        ..area
    };
    let rows = app
        .questions
        .rows
        .iter()
        .enumerate()
        .skip(app.questions.offset);
    for ((i, row), y) in rows.zip(list.y..list.bottom()) {
        let line_area = Rect::new(list.x, y, list.width, 1);
        let line = match row {
            Row::Family { family } => {
                family_line(&app.corpus, &app.corpus.families[*family], width, id, theme)
            }
            Row::Member { id: qid, question } => {
                let mut text = member_text(app, row, [id, ministry]);
                if with_deadline {
                    text.push_str(&match question.map(|i| &app.corpus.questions[i]) {
                        Some(q) => deadline_cell(app, q),
                        None => " ".repeat(DEADLINE),
                    });
                }
                text.push_str(&review_extras(app, *qid, tags));
                if question.is_none() {
                    Line::from(Span::styled(text, theme.dim()))
                } else {
                    Line::from(text)
                }
            }
        };
        if i == app.questions.cursor {
            buf.set_style(line_area, theme.selected());
        }
        line.render(line_area, buf);
    }
}

/// `5-8900  Services publics fédéraux - … · 19 members, 11 answered`; a
/// detected family (same author, date and text, not listed by the source)
/// is marked `★` and says `detected` in its counts.
fn family_line(
    corpus: &Corpus,
    family: &Family,
    width: usize,
    id_width: usize,
    theme: &Theme,
) -> Line<'static> {
    let answered = corpus.answered_in(family);
    let detected = matches!(family.kind, FamilyKind::Detected { .. });
    let counts = format!(
        " · {}{} siblings, {} loaded, {} answered",
        if detected { "detected · " } else { "" },
        family.members.len(),
        family.loaded(),
        answered
    );
    let mark = if detected { "★ " } else { "" };
    let title = sanitize(family.title.as_deref().unwrap_or("(no title)")).into_owned();
    let room = width.saturating_sub(counts.chars().count() + id_width + 1 + mark.chars().count());
    Line::from(vec![
        Span::styled(
            format!("{:<w$} ", family.id.short_label(), w = id_width),
            theme.group(),
        ),
        Span::styled(mark.to_string(), theme.note_mark()),
        Span::styled(fit(&title, room).trim_end().to_string(), theme.group()),
        Span::styled(counts, theme.dim()),
    ])
}

/// The text of a member row, every cell cut and padded to its width.
fn member_text(app: &App, row: &Row, widths: [usize; 2]) -> String {
    let Row::Member { id, question } = row else {
        return String::new();
    };
    let marks = app.marks_of(*id);
    let review = marks
        .review
        .as_deref()
        .map_or_else(|| "-".into(), |r| sanitize(r).into_owned());
    let notes = marks.notes.map_or_else(|| "-".into(), |n| n.to_string());
    let Some(q) = question.map(|i| &app.corpus.questions[i]) else {
        let dash = || "-".to_string();
        return cells(
            widths,
            [
                format!("  {}", id.short_label()),
                "not in corpus".into(),
                dash(),
                dash(),
                dash(),
                String::new(),
                review,
                notes,
            ],
        );
    };
    let answered = match (q.state(), q.answered()) {
        // Withdrawn questions wait for no answer: not "no answer".
        (crate::corpus::Status::Withdrawn, _) => "withdrawn".into(),
        (_, Some(d)) => d.to_string(),
        (_, None) => "no answer".into(),
    };
    let reminders = q.reminders().len();
    let reminder = if reminders > 0 {
        format!("R{reminders}")
    } else {
        String::new()
    };
    cells(
        widths,
        [
            format!("  {}", id.short_label()),
            crate::format::text(Some(crate::corpus::display::ministry_label(
                q.ministry.as_deref(),
            ))),
            date(q.sent()),
            answered,
            num(q.days_to_answer),
            reminder,
            review,
            notes,
        ],
    )
}

/// The verdict and tags cells of question `id` when there is room.
fn review_extras(app: &App, id: crate::corpus::QuestionId, tags: Option<usize>) -> String {
    if tags.is_none() {
        return String::new();
    }
    let marks = app.marks_of(id);
    let tag_list = marks.tags.iter().cloned().collect::<Vec<_>>().join(", ");
    extras(
        tags,
        &sanitize(marks.verdict.as_deref().unwrap_or("-")),
        &sanitize(&tag_list),
    )
}

/// The verdict and tags cells when the screen has room for them (`tags`:
/// the tags column's width), else nothing.
fn extras(tags: Option<usize>, verdict: &str, tag_list: &str) -> String {
    match tags {
        Some(w) => format!(" {} {}", fit(verdict, VERDICT), fit(tag_list, w)),
        None => String::new(),
    }
}

/// `late 181 wd`, `on time`, `open`, `overdue 12 wd` or `-`: a handful of
/// visible rows per frame, each a few microseconds.
fn deadline_cell(app: &App, q: &crate::corpus::Question) -> String {
    let status = crate::analysis::deadline::status(q, &crate::app::ministries::RULES, app.today);
    fit(&status.timeliness.label(), DEADLINE)
}

/// Joins the eight cells of a row, each fitted to its column; `[id,
/// ministry]` are the two widths that vary.
fn cells([id, ministry]: [usize; 2], values: [String; 8]) -> String {
    let widths = [id, ministry, DATE, ANSWERED, DAYS, REMINDER, REVIEW, NOTES];
    let mut out = String::new();
    for (v, w) in values.iter().zip(widths) {
        out.push_str(&fit(v, w));
        out.push(' ');
    }
    out
}
