//! Drawing the search panel over the current view: the prompt, the counts
//! of the last keystroke, and the result rows prepared by `app::search`
//! (id, ministry, place, snippet or metadata line, hits highlighted).
//! Nothing is searched here: the rows were prepared when the query changed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::app::App;
use crate::app::doc::Tone;
use crate::app::search::prompt::{
    ID_COLUMNS, Mode, PLACE_COLUMNS, Prompt, ResultRow, ministry_width,
};
use crate::app::wrap::fit;
use crate::tui::text::{marked, span};
use crate::tui::theme::Theme;

/// Draws the open prompt, if any, over `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.search.prompt.as_deref() else {
        return;
    };
    Clear.render(area, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Line::from(vec![
            Span::styled(" Search ", theme.column_header()),
            Span::styled(format!("· {} ", p.mode.label()), theme.dim()),
            Span::styled("Tab", theme.key()),
            Span::styled(" mode ", theme.dim()),
        ]));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 3 {
        return;
    }
    let row = |y: u16| Rect::new(inner.x, inner.y + y, inner.width, 1);
    Span::styled("/ ", theme.key()).render(row(0), buf);
    let input = Rect {
        x: inner.x + 2,
        width: inner.width.saturating_sub(2),
        ..row(0)
    };
    p.input.render(input, buf);
    Line::from(counts(app, p, theme)).render(row(1), buf);
    let width = usize::from(inner.width);
    for (k, r) in p.rows.iter().enumerate() {
        let y = 2 + k as u16;
        if y >= inner.height {
            break;
        }
        let area = row(y);
        if p.offset + k == p.selected {
            buf.set_style(area, theme.selected());
        }
        result(r, width, theme).render(area, buf);
    }
}

/// `full text: 25 hits in 12 questions · metadata: 19 questions`, or why
/// there is nothing yet.
fn counts(app: &App, p: &Prompt, theme: &Theme) -> Vec<Span<'static>> {
    let dim = |s: &str| vec![Span::styled(s.to_string(), theme.dim())];
    if app.is_loading() {
        return dim("loading the corpus… (keep typing)");
    }
    if app.search.indexing() {
        return dim("indexing… (keep typing: results follow)");
    }
    if p.text().trim().is_empty() {
        return dim(match p.mode {
            Mode::All => "type: words in texts (accents ignored, \"a phrase\") and fuzzy metadata",
            Mode::Text => "type: words in question and answer texts, \"a phrase\" in quotes",
            Mode::Metadata => {
                "type: fuzzy id, title, ministry, addressee, author, party, descriptors"
            }
        });
    }
    let mut parts = Vec::new();
    if p.mode != Mode::Metadata {
        let n =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        parts.push(format!(
            "full text: {} in {} ({})",
            n(p.text_matches, "hit", "hits"),
            n(p.text_questions, "question", "questions"),
            n(p.groups.len(), "passage", "passages"),
        ));
    }
    if p.mode != Mode::Text {
        parts.push(format!(
            "metadata: {} question{}",
            p.meta_hits.len(),
            if p.meta_hits.len() == 1 { "" } else { "s" }
        ));
    }
    let mut spans = dim(&parts.join(" · "));
    if p.is_empty() {
        spans.push(Span::styled("  nothing matches", theme.message()));
    }
    spans
}

/// One result: id, ministry, place, then the text with its hits.
fn result(r: &ResultRow, width: usize, theme: &Theme) -> Line<'static> {
    let hit = theme.tone(Tone::Match);
    let mut spans = marked(&r.id, &r.id_hits, theme.tone(Tone::Title), hit);
    spans.push(Span::raw(
        " ".repeat(ID_COLUMNS.saturating_sub(r.id.chars().count()) + 1),
    ));
    // A passage several siblings share names how many instead of the
    // first sibling's ministry (Ctrl-e lists them).
    let (who, tone) = match r.shared {
        Some((n, expanded)) => {
            let sign = if expanded { "▾" } else { "▸" };
            let what = if ministry_width(width) >= 22 {
                format!("{sign} same in {n} siblings")
            } else {
                format!("{sign} {n} siblings")
            };
            (what, Tone::Inferred)
        }
        None => (r.ministry.clone(), Tone::Label),
    };
    spans.push(span(&fit(&who, ministry_width(width)), theme.tone(tone)));
    spans.push(Span::raw(" "));
    let place = if r.member {
        format!("└ {}", r.place)
    } else {
        r.place.clone()
    };
    spans.push(span(&fit(&place, PLACE_COLUMNS), theme.dim()));
    spans.push(Span::raw(" "));
    spans.extend(marked(&r.text, &r.hits, theme.tone(Tone::Plain), hit));
    Line::from(spans)
}

/// ` filter: medias · reminded · 2 of 19 questions (x clears)` in the
/// status line while a kept search or the filters by reminder, review
/// status and verdict narrow the Questions view.
pub fn filter_marker(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let mut out = vec![Span::styled(" filter: ", theme.bar())];
    let mut what = Vec::new();
    if let Some(c) = &app.search.committed {
        what.push(fit(&c.input, 24).trim_end().to_string());
    }
    let facets = &app.questions.facets;
    if !facets.is_empty() {
        what.push(facets.describe());
    }
    out.push(span(&what.join(" · "), theme.message()));
    let listed = app
        .questions
        .rows
        .iter()
        .filter(|r| {
            matches!(
                r,
                crate::app::questions::Row::Member {
                    question: Some(_),
                    ..
                }
            )
        })
        .count();
    out.push(Span::styled(
        format!(" · {listed} of {} questions (", app.corpus.questions.len()),
        theme.bar(),
    ));
    out.push(Span::styled("x", theme.key()));
    out.push(Span::styled(" clears)", theme.bar()));
    out
}
