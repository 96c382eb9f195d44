//! Laying out the Compare view for a width: the two column headings, the
//! question part above, and each column's answer text below, wrapped with
//! shared passages tagged [`Tone::Shared`]. With all parts shown, part k
//! starts on the same line in both aligned columns (the shorter one is
//! padded), so the parts stay side by side while both scroll together.

use std::ops::Range;

use jiff::civil::Date;

use crate::analysis::align::{self, AnswerColumn, AnswerStatus, PartRow};
use crate::analysis::shared::{SharedPassages, clip};
use crate::app::doc::{DocLine, Segment, Tone, flow, labelled, seg};
use crate::app::wrap::{width, wrap};
use crate::corpus::{Corpus, EventKind, Lang, QuestionId};
use crate::sanitize::sanitize;

/// Columns between the two answer columns (` │ `).
pub const GAP: usize = 3;

/// What to lay out.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// Left and right sibling.
    pub ids: [QuestionId; 2],
    /// Index of the part shown (one part at a time).
    pub part: usize,
    /// All parts at once.
    pub all_parts: bool,
    /// Both columns are one question's answer, French then Dutch.
    pub languages: bool,
    /// The focused column (its heading is marked).
    pub focus: usize,
    /// Screen width.
    pub width: usize,
    /// Rows between the tab bar and the status line.
    pub rows: usize,
    /// The date open questions are counted up to.
    pub today: Date,
}

/// A part row, as the state needs it after the alignment is gone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartInfo {
    /// The part number.
    pub number: u32,
    /// The question's label for it (`2)`).
    pub label: String,
    /// Each column's answer label for it (`2.`), if that answer has the part.
    pub answers: [Option<String>; 2],
}

/// The laid-out Compare view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareLayout {
    /// Width of one answer column.
    pub column_width: usize,
    /// The full-width lines above the columns: the part of the question shown.
    pub question: Vec<DocLine>,
    /// Each column's heading (id, ministry, answer date and days), same height.
    pub heads: [Vec<DocLine>; 2],
    /// Each column's scrolled text.
    pub columns: [Vec<DocLine>; 2],
    /// Rows left for the scrolled text.
    pub body_rows: usize,
    /// The parts of the question and the answers.
    pub parts: Vec<PartInfo>,
    /// With all parts shown: the line where each part starts, per column
    /// (empty for a column that is not aligned).
    pub part_starts: [Vec<usize>; 2],
}

/// Lays out `view`; `shared` holds the passages of the left (`a`) and right (`b`) answer.
pub fn build(corpus: &Corpus, view: &View, shared: &SharedPassages) -> CompareLayout {
    let al = view
        .languages
        .then(|| align::align_languages(corpus, view.ids[0]))
        .flatten()
        .unwrap_or_else(|| align::align_questions(corpus, &view.ids));
    let column_width = view.width.saturating_sub(GAP) / 2;
    let marks = [&shared.a, &shared.b];
    let parts: Vec<PartInfo> = al
        .rows
        .iter()
        .map(|r| PartInfo {
            number: r.number,
            label: r.label.to_string(),
            answers: [0, 1].map(|c| r.answers[c].as_ref().map(|s| s.label.to_string())),
        })
        .collect();
    let words = [shared.words_a, shared.words_b];
    let mut heads =
        [0, 1].map(|c| heading(corpus, view, c, &al.columns[c], words[c], column_width));
    let head_rows = heads[0].len().max(heads[1].len());
    for h in &mut heads {
        h.resize(head_rows, Vec::new());
    }
    let question = question_pane(view, &al.rows, al.question_text);
    let mut columns: [Vec<DocLine>; 2] = Default::default();
    let mut part_starts: [Vec<usize>; 2] = Default::default();
    if view.all_parts {
        all_parts(
            corpus,
            view,
            &al,
            marks,
            column_width,
            &mut columns,
            &mut part_starts,
        );
    } else {
        for c in 0..2 {
            columns[c] = one_part(corpus, view, &al, c, marks[c], column_width);
        }
    }
    // One answer alone (no other sibling has text): its family's timeline
    // stands in the right column instead of the same text twice.
    if !view.languages && view.ids[0] == view.ids[1] {
        heads[1] = solo_heading(view.ids[0], column_width);
        columns[1] = family_timeline(corpus, view.ids[0], view.today, column_width);
        part_starts[1] = Vec::new();
        let head_rows = heads[0].len().max(heads[1].len());
        for h in &mut heads {
            h.resize(head_rows, Vec::new());
        }
    }
    let head_rows = heads[0].len();
    // Tab bar and status line are outside `rows`; one rule under the headings.
    let body_rows = view
        .rows
        .saturating_sub(question.len() + head_rows + 1)
        .max(1);
    CompareLayout {
        column_width,
        question,
        heads,
        columns,
        body_rows,
        parts,
        part_starts,
    }
}

/// `5-8902 · Affaires étrangères` then the answer date, days and marks.
fn heading(
    corpus: &Corpus,
    view: &View,
    c: usize,
    col: &AnswerColumn,
    shared_words: usize,
    width_: usize,
) -> Vec<DocLine> {
    let id_tone = if c == view.focus {
        Tone::Current
    } else {
        Tone::Title
    };
    let side = if c == 0 { "left" } else { "right" };
    let mut items: Vec<DocLine> = vec![vec![seg(&col.id.to_string(), id_tone)]];
    if view.languages {
        let lang = if c == 0 { "français" } else { "Nederlands" };
        items.push(vec![seg(lang, Tone::Heading)]);
    }
    let Some(q) = corpus.get(col.id) else {
        items.push(vec![seg("not in corpus", Tone::Dim)]);
        items.push(vec![seg(&format!("({side})"), Tone::Dim)]);
        return flow(items, " · ", width_);
    };
    let ministry = if view.languages {
        let lang = if c == 0 { Lang::Fr } else { Lang::Nl };
        q.ministry_in(lang)
    } else {
        q.ministry.as_deref()
    };
    items.push(vec![seg(
        crate::corpus::display::ministry_label(ministry),
        Tone::Label,
    )]);
    match (q.answered(), q.days_to_answer) {
        (Some(d), Some(days)) => items.push(vec![seg(
            &format!("answered {d} · {days} days"),
            Tone::Answered,
        )]),
        (Some(d), None) => items.push(vec![seg(&format!("answered {d}"), Tone::Answered)]),
        (None, _) => items.push(vec![seg("no answer yet", Tone::Late)]),
    }
    match col.status {
        AnswerStatus::NotAligned => items.push(vec![seg("not aligned", Tone::Inferred)]),
        AnswerStatus::NoAnswerText if q.answered().is_some() => {
            items.push(vec![seg("text not in corpus", Tone::Dim)]);
        }
        _ => {}
    }
    if shared_words > 0 {
        items.push(vec![seg(
            &format!("{shared_words} words shared"),
            Tone::Shared,
        )]);
    }
    let mut lines = flow(items, " · ", width_);
    // The social-media lens: the column's facts at its top.
    let lens = crate::app::reader_lens::lens_of(q);
    lines.extend(crate::app::reader_lens::header_lines(&lens, width_, 1));
    lines
}

/// The right column's heading when one answer stands alone.
fn solo_heading(id: QuestionId, width_: usize) -> Vec<DocLine> {
    flow(
        vec![
            vec![seg(&format!("family of {id}"), Tone::Title)],
            vec![seg("no other sibling has answer text here", Tone::Dim)],
        ],
        " · ",
        width_,
    )
}

/// Every member of `id`'s family on one line each: id, ministry, days to
/// answer (or open, or not in corpus) and reminders; sent and answer dates
/// when the column is wide enough.
fn family_timeline(corpus: &Corpus, id: QuestionId, today: Date, width_: usize) -> Vec<DocLine> {
    let Some(family) = corpus.family_of(id) else {
        return toned(
            &format!("{id} has no family in this corpus"),
            Tone::Dim,
            width_,
        );
    };
    let answered = family
        .members
        .iter()
        .filter(|m| corpus.get(m.id).is_some_and(|q| q.answered().is_some()))
        .count();
    let mut lines = toned(
        &format!(
            "Timeline · {} siblings · {answered} answered",
            family.members.len()
        ),
        Tone::Heading,
        width_,
    );
    let dates = width_ >= 66;
    let status_w = 14;
    let ministry_w = width_
        .saturating_sub(7 + status_w + if dates { 25 } else { 0 })
        .max(6);
    for m in &family.members {
        let id_tone = if m.id == id {
            Tone::Current
        } else {
            Tone::Title
        };
        let mut line = vec![seg(&format!("{:<7}", m.id.to_string()), id_tone)];
        let Some(q) = corpus.get(m.id) else {
            line.push(seg("not in corpus", Tone::Dim));
            lines.push(line);
            continue;
        };
        let ministry = crate::corpus::display::ministry_label(q.ministry.as_deref());
        line.push(seg(
            &crate::format::fit(ministry, ministry_w.saturating_sub(1)),
            Tone::Label,
        ));
        line.push(seg(" ", Tone::Plain));
        if dates {
            let day = |d: Option<Date>| d.map_or_else(|| "?         ".into(), |d| d.to_string());
            line.push(seg(
                &format!("{} → {}  ", day(q.sent()), day(q.answered())),
                Tone::Dim,
            ));
        }
        match (q.answered(), q.days_to_answer) {
            (Some(_), Some(days)) => line.push(seg(&format!("{days:>4} days"), Tone::Answered)),
            (Some(_), None) => line.push(seg("answered", Tone::Answered)),
            (None, _) => {
                let open = q
                    .sent()
                    .map(|s| format!("unanswered {}d", (today - s).get_days().max(0)))
                    .unwrap_or_else(|| "no answer".into());
                line.push(seg(&open, Tone::Late));
            }
        }
        let reminders = q.reminders().len();
        if reminders > 0 {
            line.push(seg(&format!(" ▲{reminders}"), Tone::Late));
        }
        lines.push(line);
    }
    lines
}

/// The question part shown (one part at a time), or a one-line title (all parts).
fn question_pane(view: &View, rows: &[PartRow], whole: &str) -> Vec<DocLine> {
    let max_lines = (view.rows / 7).max(2);
    if rows.is_empty() {
        let mut lines = vec![vec![seg("QUESTION (no numbered parts)", Tone::Heading)]];
        lines.extend(labelled("", Tone::Plain, whole, view.width, max_lines));
        return lines;
    }
    if view.all_parts {
        return vec![vec![
            seg(
                &format!("QUESTION · all {} parts", rows.len()),
                Tone::Heading,
            ),
            seg("  (each part's question above its answers)", Tone::Dim),
        ]];
    }
    let row = &rows[view.part.min(rows.len() - 1)];
    let mut lines = vec![vec![seg(
        &format!(
            "QUESTION · part {} of {}",
            view.part.min(rows.len() - 1) + 1,
            rows.len()
        ),
        Tone::Heading,
    )]];
    match row.question {
        Some(text) => lines.extend(labelled(
            row.label,
            Tone::Label,
            &one_line(text),
            view.width,
            max_lines,
        )),
        None => lines.push(vec![seg(
            &format!("The question has no part {}; an answer has.", row.number),
            Tone::Dim,
        )]),
    }
    lines
}

/// Column `c` with one part shown.
fn one_part(
    corpus: &Corpus,
    view: &View,
    al: &align::Alignment,
    c: usize,
    marks: &[Range<usize>],
    width_: usize,
) -> Vec<DocLine> {
    let col = &al.columns[c];
    match col.status {
        AnswerStatus::NoAnswerText => no_text(corpus, col.id, view.today, width_),
        AnswerStatus::NotAligned => whole(col, marks, width_),
        AnswerStatus::Aligned => {
            let mut lines = Vec::new();
            let part = view.part.min(al.rows.len().saturating_sub(1));
            if part == 0
                && let Some(pre) = col.preamble
            {
                lines.extend(marked(
                    "",
                    pre,
                    &clip(marks, offset_in(col.text, pre)),
                    width_,
                ));
                lines.push(Vec::new());
            }
            match al.rows.get(part).and_then(|r| r.answers[c].as_ref()) {
                Some(span) => {
                    let m = span
                        .range
                        .clone()
                        .map(|r| clip(marks, r))
                        .unwrap_or_default();
                    lines.extend(marked(span.label, span.text, &m, width_));
                }
                None => lines.push(vec![seg(
                    &format!(
                        "This answer has no part {}.",
                        al.rows.get(part).map_or(0, |r| r.number)
                    ),
                    Tone::Dim,
                )]),
            }
            lines
        }
    }
}

/// Both columns with every part; aligned columns padded so parts start together.
fn all_parts(
    corpus: &Corpus,
    view: &View,
    al: &align::Alignment,
    marks: [&Vec<Range<usize>>; 2],
    width_: usize,
    columns: &mut [Vec<DocLine>; 2],
    starts: &mut [Vec<usize>; 2],
) {
    let aligned = [0, 1].map(|c| al.columns[c].status == AnswerStatus::Aligned);
    for c in 0..2 {
        let col = &al.columns[c];
        if !aligned[c] {
            columns[c] = match col.status {
                AnswerStatus::NotAligned => whole(col, marks[c], width_),
                _ => no_text(corpus, col.id, view.today, width_),
            };
        } else if let Some(pre) = col.preamble {
            columns[c].extend(marked(
                "",
                pre,
                &clip(marks[c], offset_in(col.text, pre)),
                width_,
            ));
        }
    }
    // The preambles end together too.
    if aligned[0] && aligned[1] {
        let h = columns[0].len().max(columns[1].len());
        columns.iter_mut().for_each(|col| col.resize(h, Vec::new()));
    }
    for row in &al.rows {
        for c in (0..2).filter(|&c| aligned[c]) {
            let lines = &mut columns[c];
            if !lines.is_empty() {
                lines.push(Vec::new());
            }
            starts[c].push(lines.len());
            if let Some(q) = row.question {
                let mut ql = labelled(row.label, Tone::Label, &one_line(q), width_, usize::MAX);
                for line in &mut ql {
                    line.iter_mut().skip(1).for_each(|s| s.tone = Tone::Dim);
                }
                lines.extend(ql);
            }
            match &row.answers[c] {
                Some(span) => {
                    let m = span
                        .range
                        .clone()
                        .map(|r| clip(marks[c], r))
                        .unwrap_or_default();
                    lines.extend(marked(span.label, span.text, &m, width_));
                }
                None => lines.push(vec![seg(
                    &format!("(no part {} in this answer)", row.number),
                    Tone::Dim,
                )]),
            }
        }
        if aligned[0] && aligned[1] {
            let h = columns[0].len().max(columns[1].len());
            columns.iter_mut().for_each(|col| col.resize(h, Vec::new()));
        }
    }
}

/// A numbered-less answer: said so, then shown whole.
fn whole(col: &AnswerColumn, marks: &[Range<usize>], width_: usize) -> Vec<DocLine> {
    let mut lines = toned(
        "not aligned: this answer is not numbered, shown whole",
        Tone::Inferred,
        width_,
    );
    lines.push(Vec::new());
    lines.extend(marked("", col.text, marks, width_));
    lines
}

/// A sibling whose answer text is not in the corpus: its timeline, and why.
fn no_text(corpus: &Corpus, id: QuestionId, today: Date, width_: usize) -> Vec<DocLine> {
    let Some(q) = corpus.get(id) else {
        return vec![
            vec![seg(&format!("{id} is not in this corpus:"), Tone::Dim)],
            vec![seg("known only from the sibling list,", Tone::Dim)],
            vec![seg("without dates or text.", Tone::Dim)],
        ];
    };
    let mut lines = vec![vec![seg("Timeline", Tone::Heading)]];
    for e in &q.events {
        let (word, tone) = match e.kind {
            EventKind::Sent => ("sent", Tone::Plain),
            EventKind::Reminder => ("reminder", Tone::Late),
            EventKind::Answer => ("answer", Tone::Answered),
            EventKind::Other => (e.label.as_str(), Tone::Plain),
        };
        lines.push(vec![
            seg(&format!("{}  ", e.date), Tone::Dim),
            seg(word, tone),
        ]);
    }
    lines.push(Vec::new());
    match q.answered() {
        Some(d) => lines.extend(toned(
            &format!("answered on {d}, text not in this corpus"),
            Tone::Dim,
            width_,
        )),
        None => {
            let open = q
                .sent()
                .map(|s| format!(" ({} days on {today})", (today - s).get_days().max(0)))
                .unwrap_or_default();
            lines.extend(toned(&format!("no answer yet{open}"), Tone::Late, width_));
        }
    }
    lines
}

/// `text` wrapped to `width_`, all in `tone`.
fn toned(text: &str, tone: Tone, width_: usize) -> Vec<DocLine> {
    let mut lines = marked("", text, &[], width_);
    lines.iter_mut().flatten().for_each(|s| s.tone = tone);
    lines
}

/// The byte range of `part` (a slice of `whole`) inside `whole`.
fn offset_in(whole: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    start.min(whole.len())..(start + part.len()).min(whole.len())
}

/// Joins a multi-line question part into one paragraph.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` wrapped to `width_` after `label` (hanging indent), one paragraph
/// per line of the text; words inside a range of `marks` (byte ranges of
/// `text`) are tagged [`Tone::Shared`].
pub fn marked(label: &str, text: &str, marks: &[Range<usize>], width_: usize) -> Vec<DocLine> {
    let label = sanitize(label);
    let indent = if label.is_empty() {
        0
    } else {
        width(&label) + 1
    };
    let avail = width_.saturating_sub(indent).max(8);
    let mut out: Vec<DocLine> = Vec::new();
    let mut offset = 0;
    for para in text.split('\n') {
        let words = words_at(para, offset, marks);
        offset += para.len() + 1;
        if words.is_empty() {
            continue;
        }
        for line in fill(words, avail) {
            let head = if out.is_empty() {
                format!("{label}{}", " ".repeat(indent - width(&label)))
            } else {
                " ".repeat(indent)
            };
            let mut doc: DocLine = Vec::new();
            if !head.is_empty() {
                doc.push(seg(&head, Tone::Label));
            }
            doc.extend(segments(line));
            out.push(doc);
        }
    }
    out
}

/// The sanitised words of a paragraph starting at byte `base`, each with
/// whether it lies in a marked range.
fn words_at(para: &str, base: usize, marks: &[Range<usize>]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in para.char_indices().chain([(para.len(), ' ')]) {
        match (ch.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let (a, b) = (base + s, base + i);
                let hit = marks.iter().any(|m| m.start < b && a < m.end);
                out.push((sanitize(&para[s..i]).into_owned(), hit));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Greedy line filling; a word wider than a line is cut into pieces.
fn fill(words: Vec<(String, bool)>, avail: usize) -> Vec<Vec<(String, bool)>> {
    let mut lines: Vec<Vec<(String, bool)>> = Vec::new();
    let mut line: Vec<(String, bool)> = Vec::new();
    let mut used = 0;
    for (word, hit) in words {
        let pieces = if width(&word) > avail {
            wrap(&word, avail)
        } else {
            vec![word]
        };
        for piece in pieces {
            let w = width(&piece);
            if used > 0 && used + 1 + w > avail {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            used += w + usize::from(used > 0);
            line.push((piece, hit));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Consecutive words with the same mark as one segment; the space between
/// two marked words is marked too, so a passage reads as one run.
fn segments(line: Vec<(String, bool)>) -> Vec<Segment> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (word, hit) in line {
        match runs.last_mut() {
            Some((text, last)) if *last == hit => {
                text.push(' ');
                text.push_str(&word);
            }
            Some(_) => {
                runs.push((" ".into(), false));
                runs.push((word, hit));
            }
            None => runs.push((word, hit)),
        }
    }
    runs.into_iter()
        .map(|(text, hit)| seg(&text, if hit { Tone::Shared } else { Tone::Plain }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::doc::text_of;

    #[test]
    fn marked_words_become_shared_segments_and_wrap_under_the_label() {
        let text = "one two three four five";
        // "two three" is marked.
        let lines = marked("1.", text, &[Range { start: 4, end: 13 }], 12);
        let texts: Vec<String> = lines.iter().map(text_of).collect();
        assert_eq!(texts, ["1. one two", "   three", "   four five"]);
        let shared: Vec<&str> = lines
            .iter()
            .flatten()
            .filter(|s| s.tone == Tone::Shared)
            .map(|s| s.text())
            .collect();
        assert_eq!(shared, ["two", "three"]);
    }

    #[test]
    fn paragraphs_keep_their_offsets_and_text_is_sanitised() {
        let text = "alpha beta\ngamma \u{1b}[2J delta";
        let lines = marked("", text, &[Range { start: 11, end: 16 }], 40);
        assert_eq!(text_of(&lines[1]), "gamma ␛[2J delta");
        assert_eq!(lines[1][0].tone, Tone::Shared);
        assert_eq!(lines[1][0].text(), "gamma");
        assert!(lines[0].iter().all(|s| s.tone == Tone::Plain));
    }

    #[test]
    fn long_words_are_cut_to_the_width() {
        let lines = marked("", "abcdefghijklmnopqrstuvwxyz", &[], 10);
        assert!(lines.iter().all(|l| width(&text_of(l)) <= 10));
        assert_eq!(lines.len(), 3);
    }
}
