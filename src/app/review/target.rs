//! Where a note goes and where notes are in the Reader: the part under the
//! part cursor or at the top of the view ([`anchor_target`]), the visual
//! line selection, the body lines that carry notes (gutter marks) and the
//! notes summary line of the Reader's header.
//!
//! Works on the body lines and their [`LineOrigin`]s laid out by
//! `app::reader`; never draws.

use std::ops::RangeInclusive;

use crate::app::App;
use crate::app::View;
use crate::app::doc::{DocLine, Tone, flow, seg};
use crate::app::reader::LineOrigin;
use crate::corpus::{Question, QuestionId};
use crate::notes::anchor::{self, Located};
use crate::notes::{Anchor, Field, Note};

/// The question, text and part label a new note is anchored to: in the
/// Reader, the part under the part cursor when it is on screen, else the
/// first part shown from the top of the view. `None` when no part is in
/// view (the note then belongs to the question as a whole).
///
/// Other views plug in here (Compare: the part shown in the focused column).
pub fn anchor_target(app: &App) -> Option<(QuestionId, Field, String)> {
    match app.view {
        View::Reader => {
            let id = app.reader.id?;
            let line = current_line(app)?;
            let o = app.reader.origins.get(line)?.as_ref()?;
            Some((id, o.field, o.part.clone()?))
        }
        View::Compare => {
            let (id, part) = app.compare.focused()?;
            Some((id, Field::Answer, part?.to_string()))
        }
        _ => None,
    }
}

/// The body lines on screen in the Reader.
pub fn visible(app: &App) -> std::ops::Range<usize> {
    let r = &app.reader;
    let height = r.body_height(app.content_rows());
    r.scroll..(r.scroll + height).min(r.body.len())
}

/// The body line notes and selections start from: the part cursor when on
/// screen, else the first line in view that belongs to a part.
pub fn current_line(app: &App) -> Option<usize> {
    let shown = visible(app);
    if let Some(c) = app.review.part_cursor
        && shown.contains(&c)
    {
        return Some(c);
    }
    let origins = &app.reader.origins;
    shown
        .clone()
        .find(|&i| matches!(&origins[i], Some(o) if o.part.is_some()))
        .or_else(|| shown.clone().find(|&i| origins[i].is_some()))
}

/// Body lines where a part begins (its label is drawn there), in order.
pub fn part_starts(origins: &[Option<LineOrigin>]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous: Option<(Field, &str)> = None;
    for (i, o) in origins.iter().enumerate() {
        let here = o
            .as_ref()
            .and_then(|o| o.part.as_deref().map(|p| (o.field, p)));
        if here.is_some() && here != previous {
            starts.push(i);
        }
        if o.is_some() {
            previous = here;
        }
    }
    starts
}

/// `question part 2)` / `answer part 2.`: how a target is named to the user.
pub fn describe(field: Field, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("{} part {p}", field.name()),
        None => field.name().to_string(),
    }
}

/// Scrolls so that body line `line` is on screen, a little below the top.
pub fn scroll_to(app: &mut App, line: usize) {
    let rows = app.content_rows();
    let shown = visible(app);
    if !shown.contains(&line) {
        let target = line.saturating_sub(1) as isize - app.reader.scroll as isize;
        app.reader.scroll_by(target, rows);
    }
}

/// The anchor for the selected body lines `range`: exactly the text lines
/// they show, which must all be in one text (question or answer).
pub fn selection_anchor(app: &App, range: RangeInclusive<usize>) -> Result<Anchor, String> {
    let q = current_question(app).ok_or("no question is open")?;
    let origins: Vec<&LineOrigin> = app.reader.origins[range]
        .iter()
        .filter_map(Option::as_ref)
        .collect();
    let (Some(first), Some(last)) = (origins.first(), origins.last()) else {
        return Err("the selection holds no question or answer text".into());
    };
    if origins.iter().any(|o| o.field != first.field) {
        return Err("a selection must stay inside the question or inside the answer".into());
    }
    anchor::for_range(q, first.field, first.range.start..last.range.end).map_err(|e| e.to_string())
}

/// The question open in the Reader.
pub fn current_question(app: &App) -> Option<&Question> {
    app.reader.id.and_then(|id| app.corpus.get(id))
}

/// Text lines `first..=last` of a field covered by a located anchor.
fn anchored_lines(q: &Question, anchor: &Anchor) -> Option<(Field, RangeInclusive<usize>)> {
    let range = match anchor::locate(anchor, q) {
        Located::Exact(r) | Located::Moved(r) => r,
        Located::Detached => return None,
    };
    let (text, _) = anchor::field_text(q, anchor.field)?;
    let first = text[..range.start].matches('\n').count();
    let last = text[..range.end.max(range.start + 1).min(text.len())]
        .matches('\n')
        .count();
    Some((anchor.field, first..=last.max(first)))
}

/// For each body line of the Reader: how many notes are anchored on it.
pub fn noted_lines(app: &App) -> Vec<usize> {
    let mut counts = vec![0; app.reader.body.len()];
    let Some(q) = current_question(app) else {
        return counts;
    };
    let spans: Vec<(Field, RangeInclusive<usize>)> = app
        .review
        .store
        .notes()
        .notes_for(q.id)
        .filter_map(|n| anchored_lines(q, n.anchor.as_ref()?))
        .collect();
    for (i, o) in app.reader.origins.iter().enumerate() {
        let Some(o) = o else { continue };
        counts[i] = spans
            .iter()
            .filter(|(f, r)| *f == o.field && r.contains(&o.line))
            .count();
    }
    counts
}

/// True when a note's anchor can no longer be found in `q`.
pub fn is_detached(note: &Note, q: Option<&Question>) -> bool {
    match (&note.anchor, q) {
        (Some(a), Some(q)) => anchor::locate(a, q) == Located::Detached,
        _ => false,
    }
}

/// The notes line of the Reader's header: review status, verdict, tags,
/// how many notes, and the detached ones by their first words.
pub fn header_line(app: &App, q: &Question, width: usize) -> Vec<DocLine> {
    let notes = app.review.store.notes();
    let review = notes.review(q.id);
    let mut items: Vec<DocLine> = Vec::new();
    let status_tone = match review.status {
        crate::notes::ReviewStatus::Reviewed => Tone::Answered,
        _ => Tone::Plain,
    };
    items.push(vec![
        seg("Review:", Tone::Label),
        seg(&format!(" {}", review.status.label()), status_tone),
    ]);
    if let Some(v) = review.verdict {
        items.push(vec![
            seg("verdict:", Tone::Label),
            seg(&format!(" {}", v.label()), Tone::Plain),
        ]);
    }
    if !review.tags.is_empty() {
        let tags: Vec<&str> = review.tags.iter().map(String::as_str).collect();
        items.push(vec![
            seg("tags:", Tone::Label),
            seg(&format!(" {}", tags.join(", ")), Tone::Plain),
        ]);
    }
    let mine: Vec<&Note> = notes.notes_for(q.id).collect();
    let count = match mine.len() {
        0 => "no notes".to_string(),
        1 => "1 note (●)".to_string(),
        n => format!("{n} notes (●)"),
    };
    items.push(vec![seg(&count, Tone::Plain)]);
    // Notes on the question as a whole have no line to mark: shown here.
    for n in mine.iter().filter(|n| n.anchor.is_none()) {
        let first = n.text.lines().next().unwrap_or("");
        items.push(vec![
            seg("on the question: ", Tone::Label),
            seg(
                &format!("«{}»", crate::app::wrap::fit(first, 40).trim_end()),
                Tone::Plain,
            ),
        ]);
    }
    for n in mine.iter().filter(|n| is_detached(n, Some(q))) {
        let first = n.text.lines().next().unwrap_or("");
        items.push(vec![seg(
            &format!(
                "detached: «{}»",
                crate::app::wrap::fit(first, 24).trim_end()
            ),
            Tone::Late,
        )]);
    }
    flow(items, " · ", width)
}
