//! State of the Reader view: which question is open, how far the text is
//! scrolled, and the text itself laid out for the current width (header,
//! timeline strip, question and answer by part, sibling bar) as [`DocLine`]s.
//!
//! Layout happens here, not at draw time, so that scrolling is clamped
//! exactly and tested without a terminal.

use crate::corpus::{Boundary, Corpus, Event, EventKind, Part, Question, QuestionId, parts};
use crate::notes::Field;
use crate::notes::anchor::part_spans;

use super::doc::{DocLine, Segment, Tone, flow, labelled, rule, seg};

/// The widest the question and answer text is wrapped, for readable lines.
pub const TEXT_MAX: usize = 110;

/// Where a body line of the Reader comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineOrigin {
    /// The question's text or the answer's.
    pub field: Field,
    /// 0-based line of that text (split at `\n`).
    pub line: usize,
    /// Label of the part the line belongs to, if any.
    pub part: Option<String>,
    /// The bytes of that text this screen line shows (a wrapped paragraph
    /// spreads over several lines): a selection anchors to exactly these.
    pub range: std::ops::Range<usize>,
}

/// The Reader view's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderState {
    /// The open question; `None` until one is opened.
    pub id: Option<QuestionId>,
    /// First body line shown.
    pub scroll: usize,
    /// Fixed lines above the body: id, title, author, addressee, descriptors, timeline.
    pub header: Vec<DocLine>,
    /// The scrolled text: question and answer by part.
    pub body: Vec<DocLine>,
    /// For each body line, the line of the question's or answer's text it
    /// shows (`None` for headings and blank lines): notes anchor to these.
    pub origins: Vec<Option<LineOrigin>>,
    /// Fixed lines below the body: every family member with its status.
    pub siblings: Vec<DocLine>,
    /// The date the deadline status is judged on (the app's today; `None`:
    /// open questions show their deadline without a status).
    pub today: Option<jiff::civil::Date>,
    /// The user's choice of header: `Some(true)` every field wrapped in
    /// full, `Some(false)` two lines; `None` follows the screen height.
    pub expand: Option<bool>,
    /// True when the user hid the family bar.
    pub hide_family: bool,
}

/// Screens at least this tall show the whole header unless told otherwise.
pub const TALL: u16 = 40;

impl ReaderState {
    /// Opens `id` at the top and lays it out for a screen of `size` (columns, rows).
    pub fn open(&mut self, corpus: &Corpus, id: QuestionId, size: (u16, u16)) {
        self.id = Some(id);
        self.scroll = 0;
        self.layout(corpus, size);
    }

    /// True when the header shows every field in full on a screen `rows` tall.
    pub fn expanded(&self, rows: u16) -> bool {
        self.expand.unwrap_or(rows >= TALL)
    }

    /// Lays the open question out again (after a resize or a toggle).
    pub fn layout(&mut self, corpus: &Corpus, (width, rows): (u16, u16)) {
        let Some(q) = self.id.and_then(|id| corpus.get(id)) else {
            return;
        };
        let width = usize::from(width).max(20);
        self.header = if self.expanded(rows) {
            header(q, width, self.today)
        } else {
            short_header(q, width, self.today)
        };
        (self.body, self.origins) = body(q, width.saturating_sub(2).min(TEXT_MAX));
        // The social-media lens: its facts above the rule (with the full
        // header), its passages toned.
        let lens = super::reader_lens::lens_of(q);
        if self.expanded(rows) {
            let at = self.header.len().saturating_sub(1);
            self.header
                .splice(at..at, super::reader_lens::header_lines(&lens, width, 4));
        }
        if let Some(a) = &q.answer {
            super::reader_lens::tone_facts(&mut self.body, &self.origins, &a.text, &lens);
        }
        self.siblings = if self.hide_family {
            Vec::new()
        } else {
            sibling_bar(corpus, q, width)
        };
    }

    /// Rows left for the body on a screen of `rows` rows below the tab bar and above the status line.
    pub fn body_height(&self, rows: usize) -> usize {
        rows.saturating_sub(self.header.len() + self.siblings.len())
            .max(1)
    }

    /// Scrolls by `delta` lines, keeping the last screen full.
    pub fn scroll_by(&mut self, delta: isize, rows: usize) {
        let max = self.body.len().saturating_sub(self.body_height(rows));
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }
}

/// The id of the loaded sibling after (`forward`) or before `id` in its family.
pub fn sibling(corpus: &Corpus, id: QuestionId, forward: bool) -> Option<QuestionId> {
    let family = corpus.family_of(id)?;
    let loaded = family.members.iter().filter(|m| m.question.is_some());
    if forward {
        loaded.map(|m| m.id).find(|m| *m > id)
    } else {
        loaded.map(|m| m.id).rfind(|m| *m < id)
    }
}

/// Two lines: who asked whom (as much as fits), then the timeline strip.
fn short_header(q: &Question, width: usize, today: Option<jiff::civil::Date>) -> Vec<DocLine> {
    let mut first: DocLine = vec![seg(&q.id.to_string(), Tone::Title)];
    if q.id_inferred {
        first.push(seg(" (id inferred)", Tone::Inferred));
    }
    let mut who = q.author.clone().unwrap_or_else(|| "author unknown".into());
    if let Some(p) = &q.party {
        who.push_str(&format!(" ({p})"));
    }
    let ministry = q
        .ministry
        .as_deref()
        .or(q.addressee.as_deref())
        .unwrap_or("ministry unknown");
    let mut used: usize = first
        .iter()
        .map(|s| crate::app::wrap::width(s.text()))
        .sum();
    for (text, tone) in [(ministry, Tone::Label), (who.as_str(), Tone::Plain)] {
        let room = width.saturating_sub(used + 3);
        if room < 8 {
            break;
        }
        let shown = crate::app::wrap::fit(text, room);
        let shown = shown.trim_end();
        used += 3 + crate::app::wrap::width(shown);
        first.push(seg(" · ", Tone::Dim));
        first.push(seg(shown, tone));
    }
    let mut lines = vec![first];
    // The deadline only when it fits on the strip's lines (80×24 keeps 14 lines of text).
    let strip = timeline(q, width, today, true);
    let plain = timeline(q, width, today, false);
    lines.extend(if strip.len() > plain.len() {
        plain
    } else {
        strip
    });
    lines.push(rule(width));
    lines
}

/// Every field, wrapped in full (long titles and addressees included).
fn header(q: &Question, width: usize, today: Option<jiff::civil::Date>) -> Vec<DocLine> {
    let max = usize::MAX;
    let mut who = q.author.clone().unwrap_or_else(|| "author unknown".into());
    if let Some(p) = &q.party {
        who.push_str(&format!(" ({p})"));
    }
    let lang = match q.asked_in {
        Some(crate::corpus::Lang::Fr) => "French",
        Some(crate::corpus::Lang::Nl) => "Dutch",
        None => "unknown language",
    };
    let mut id = vec![seg(&q.id.to_string(), Tone::Title)];
    if q.id_inferred {
        id.push(seg(" (id inferred)", Tone::Inferred));
    }
    let mut first = vec![id, vec![seg(&who, Tone::Plain)]];
    // Only the Belgian sources are bilingual; elsewhere the language goes
    // without saying.
    if q.asked_in.is_some() || q.id.source().is_belgian() {
        first.push(vec![seg(&format!("asked in {lang}"), Tone::Plain)]);
    }
    let mut lines = flow(first, " · ", width);
    lines.extend(labelled(
        "Title:",
        Tone::Label,
        q.title.as_deref().unwrap_or("-"),
        width,
        max,
    ));
    lines.extend(labelled(
        "To:",
        Tone::Label,
        q.addressee.as_deref().unwrap_or("-"),
        width,
        max,
    ));
    lines.extend(labelled(
        "Descriptors:",
        Tone::Label,
        &q.descriptors.join("; "),
        width,
        max,
    ));
    let refers: Vec<String> = q
        .links
        .iter()
        .filter(|l| l.kind == "refers_to_answer")
        .map(|l| format!("PQ {}", l.id))
        .collect();
    if !refers.is_empty() {
        lines.extend(labelled(
            "Refers to:",
            Tone::Label,
            &format!("the answer to {} (f follows it)", refers.join(", ")),
            width,
            max,
        ));
    }
    if !q.attachments.is_empty() {
        let listed: Vec<String> = q
            .attachments
            .iter()
            .map(|a| format!("{} <{}>", a.title, a.url))
            .collect();
        lines.extend(labelled(
            "Attachments:",
            Tone::Label,
            &listed.join("; "),
            width,
            max,
        ));
    }
    lines.extend(timeline(q, width, today, true));
    lines.push(rule(width));
    lines
}

/// The timeline strip: `sent 2013-04-30 ─232 d→ reminder 2013-12-18 ─61 d→
/// answer 2014-02-17 = 293 days · deadline 2013-05-31 (computed): late 181 wd`.
fn timeline(
    q: &Question,
    width: usize,
    today: Option<jiff::civil::Date>,
    with_deadline: bool,
) -> Vec<DocLine> {
    let mut items: Vec<DocLine> = Vec::new();
    let mut previous: Option<&Event> = None;
    for e in &q.events {
        let mut item = Vec::new();
        if let Some(p) = previous {
            let days = (e.date - p.date).get_days();
            item.push(seg(&format!("─{days}d→ "), Tone::Dim));
        }
        let (word, tone) = match e.kind {
            EventKind::Sent => ("sent", Tone::Plain),
            EventKind::Reminder => ("reminder", Tone::Late),
            EventKind::Answer => ("answer", Tone::Answered),
            EventKind::Other => (e.label.as_str(), Tone::Plain),
        };
        item.push(seg(&format!("{word} {}", e.date), tone));
        items.push(item);
        previous = Some(e);
    }
    if q.events.is_empty() {
        items.push(vec![seg("no dated events", Tone::Dim)]);
    }
    let total = match (q.days_to_answer, q.answered()) {
        (Some(days), _) => seg(&format!("= {days} days"), Tone::Answered),
        (None, None) if q.state() == crate::corpus::Status::Withdrawn => {
            seg("= withdrawn", Tone::Dim)
        }
        (None, None) => seg("= no answer", Tone::Late),
        (None, Some(_)) => seg("= days unknown", Tone::Dim),
    };
    items.push(vec![total]);
    if let Some(item) = deadline_item(q, today).filter(|_| with_deadline) {
        items.push(item);
    }
    flow(items, " ", width)
}

/// `· deadline 2013-05-31 (computed): late 181 wd`, when there is a deadline.
fn deadline_item(q: &Question, today: Option<jiff::civil::Date>) -> Option<DocLine> {
    use crate::analysis::deadline::{self, Timeliness};
    let rules = &super::ministries::RULES;
    let d = deadline::deadline(q, rules)?;
    let mut item = vec![seg(
        &format!("· deadline {} ({})", d.date, d.source.name()),
        Tone::Dim,
    )];
    let timeliness = match (q.answered(), today) {
        (None, None) => None,
        (_, today) => Some(deadline::status(q, rules, today.unwrap_or(d.date)).timeliness),
    };
    if let Some(t) = timeliness {
        let tone = match t {
            Timeliness::OnTime | Timeliness::Open => Tone::Answered,
            Timeliness::Late { .. } | Timeliness::Overdue { .. } => Tone::Late,
            Timeliness::Unknown => Tone::Dim,
        };
        item.push(seg(&format!(": {}", t.label()), tone));
    }
    Some(item)
}

fn body(q: &Question, width: usize) -> (Vec<DocLine>, Vec<Option<LineOrigin>>) {
    let mut lines: Vec<DocLine> = Vec::new();
    let mut origins = Vec::new();
    lines.push(vec![seg("QUESTION", Tone::Heading)]);
    if q.question.text.trim().is_empty() {
        lines.push(vec![seg(
            "The question's text is not in this corpus.",
            Tone::Dim,
        )]);
    } else {
        let text = (
            q.question.text.as_str(),
            &q.question.parts[..],
            Field::Question,
        );
        by_part(&mut lines, &mut origins, text, width);
    }
    lines.push(Vec::new());
    match &q.answer {
        Some(a) => {
            // The heading wraps rather than being cut at the edge. A bulletin
            // publication is the only date some sources give: say
            // "published", not "received".
            let mut heading = vec![vec![seg("ANSWER", Tone::Heading)]];
            match (&a.published, q.answered()) {
                (Some(p), _) => {
                    let date = p.date.map_or_else(String::new, |d| format!(" {d}"));
                    heading.push(vec![seg(
                        &format!("published{date} in bulletin {}", p.bulletin),
                        Tone::Answered,
                    )]);
                }
                (None, Some(d)) => {
                    heading.push(vec![seg(&format!("received {d}"), Tone::Answered)]);
                }
                (None, None) => {}
            }
            if a.boundary == Boundary::Inferred {
                heading.push(vec![seg(
                    "[start inferred from the numbering: no answer marker]",
                    Tone::Inferred,
                )]);
            }
            lines.extend(flow(heading, "  ", width));
            origins.resize(lines.len(), None);
            by_part(
                &mut lines,
                &mut origins,
                (&a.text, &a.parts, Field::Answer),
                width,
            );
        }
        None => {
            lines.push(vec![seg("ANSWER", Tone::Heading)]);
            let note = match (q.answered(), q.state()) {
                (Some(d), _) => format!("Answered on {d}, text not in this corpus."),
                (None, crate::corpus::Status::Withdrawn) => {
                    "Withdrawn: no answer is due.".to_string()
                }
                (None, _) => "No answer recorded.".to_string(),
            };
            lines.push(vec![seg(&note, Tone::Dim)]);
        }
    }
    for (n, a) in q.further_answers.iter().enumerate() {
        lines.push(Vec::new());
        let mut heading = vec![seg(&format!("ANSWER {}", n + 2), Tone::Heading)];
        if let Some(p) = &a.published {
            let date = p.date.map_or_else(String::new, |d| format!(" {d}"));
            heading.push(seg(
                &format!("  published{date} in bulletin {}", p.bulletin),
                Tone::Answered,
            ));
        }
        lines.push(heading);
        // Notes anchor in the first answer only: these lines have no origin.
        let mut no_origins = Vec::new();
        by_part(
            &mut lines,
            &mut no_origins,
            (&a.text, &a.parts, Field::Answer),
            width,
        );
    }
    origins.resize(lines.len(), None);
    (lines, origins)
}

/// The body being laid out, with the origin of each line.
struct Sink<'a> {
    lines: &'a mut Vec<DocLine>,
    origins: &'a mut Vec<Option<LineOrigin>>,
}

impl Sink<'_> {
    /// One paragraph (a line of `text` starting at byte `at`) wrapped under
    /// `label`, each screen line with the bytes of `text` it shows.
    fn paragraph(
        &mut self,
        (text, field, width): (&str, Field, usize),
        at: usize,
        label: &str,
        part: Option<&str>,
    ) {
        let para = text[at..].split('\n').next().unwrap_or("");
        let wrapped = labelled(label, Tone::Label, para, width, usize::MAX);
        let line = text[..at].matches('\n').count();
        let ranges =
            chunk_ranges(para, &wrapped).unwrap_or_else(|| vec![0..para.len(); wrapped.len()]);
        self.origins.resize(self.lines.len(), None);
        self.origins.extend(ranges.into_iter().map(|r| {
            Some(LineOrigin {
                field,
                line,
                part: part.map(str::to_string),
                range: at + r.start..at + r.end,
            })
        }));
        self.lines.extend(wrapped);
    }
}

/// The text before part 1 as paragraphs, then each part under its label;
/// `origins` gets, for each line added, where in `text` it comes from.
fn by_part(
    lines: &mut Vec<DocLine>,
    origins: &mut Vec<Option<LineOrigin>>,
    (text, parts_, field): (&str, &[Part], Field),
    width: usize,
) {
    let mut sink = Sink { lines, origins };
    let all: Vec<&str> = text.split('\n').collect();
    let intro_end = if parts_.is_empty() {
        all.len()
    } else {
        all.iter()
            .position(|l| matches!(parts::numbered_label(l), Some((1, ..))))
            .unwrap_or(0)
    };
    let mut at = 0;
    for line in &all[..intro_end] {
        if !line.trim().is_empty() {
            sink.paragraph((text, field, width), at, "", None);
        }
        at += line.len() + 1;
    }
    let spans = part_spans(text, parts_);
    for part in parts_ {
        sink.lines.push(Vec::new());
        // Where the part's text starts in `text` (after its label); a part
        // not found there is laid out from its own text, without origins.
        let start = spans
            .iter()
            .find(|(label, _)| *label == part.label)
            .map(|(_, r)| r.start);
        let mut label = part.label.clone();
        let mut offset = 0;
        for para in part.text.split('\n') {
            if !para.trim().is_empty() {
                let head = format!("{label:<3}");
                match start {
                    Some(s) => {
                        sink.paragraph((text, field, width), s + offset, &head, Some(&part.label))
                    }
                    None => {
                        sink.lines
                            .extend(labelled(&head, Tone::Label, para, width, usize::MAX))
                    }
                }
                label = String::new();
            }
            offset += para.len() + 1;
        }
    }
    sink.origins.resize(sink.lines.len(), None);
}

/// The byte range of `para` each wrapped line shows, found by counting
/// the characters other than spaces (the wrapping only drops spaces);
/// `None` when the sanitiser changed the count, and the whole paragraph
/// then stands for each of its lines.
fn chunk_ranges(para: &str, wrapped: &[DocLine]) -> Option<Vec<std::ops::Range<usize>>> {
    let mut chars = para.char_indices().filter(|(_, c)| *c != ' ').peekable();
    let mut ranges = Vec::with_capacity(wrapped.len());
    for line in wrapped {
        let chunk = line.get(1).map_or("", |s| s.text());
        let n = chunk.chars().filter(|c| *c != ' ').count();
        let (start, _) = *chars.peek()?;
        let mut end = start;
        for _ in 0..n {
            let (i, c) = chars.next()?;
            end = i + c.len_utf8();
        }
        ranges.push(start..end);
    }
    chars.next().is_none().then_some(ranges)
}

/// Legend entries for the marks that occur in this family.
fn legend(corpus: &Corpus, family: &crate::corpus::Family) -> Vec<DocLine> {
    let open = family
        .members
        .iter()
        .filter_map(|m| m.question)
        .any(|i| corpus.questions[i].answered().is_none());
    let missing = family.members.iter().any(|m| m.question.is_none());
    let mut items = Vec::new();
    if open {
        items.push(vec![seg("… no answer", Tone::Dim)]);
    }
    if missing {
        items.push(vec![seg("? not in corpus", Tone::Dim)]);
    }
    items
}

fn sibling_bar(corpus: &Corpus, q: &Question, width: usize) -> Vec<DocLine> {
    let Some(family) = corpus.family_of(q.id) else {
        return Vec::new();
    };
    let answered = corpus.answered_in(family);
    let summary = flow(
        vec![
            vec![seg(&format!("Family {}", family.id), Tone::Label)],
            vec![seg(
                &format!("{} siblings", family.members.len()),
                Tone::Plain,
            )],
            vec![seg(&format!("{answered} answered (✓ days)"), Tone::Plain)],
        ]
        .into_iter()
        .chain(legend(corpus, family))
        .collect(),
        " · ",
        width.saturating_sub(4),
    );
    // The summary sits in the rule when it fits on one line: a row saved
    // for the text on small screens.
    let mut lines = match <[DocLine; 1]>::try_from(summary) {
        Ok([one]) => {
            let used: usize = one.iter().map(|s| crate::app::wrap::width(s.text())).sum();
            let mut line = vec![seg("── ", Tone::Dim)];
            line.extend(one);
            line.push(seg(
                &format!(" {}", "─".repeat(width.saturating_sub(used + 4))),
                Tone::Dim,
            ));
            vec![line]
        }
        Err(many) => std::iter::once(rule(width)).chain(many).collect(),
    };
    let items = family
        .members
        .iter()
        .map(|m| {
            let status = match m.question.map(|i| &corpus.questions[i]) {
                None => seg("?", Tone::Dim),
                Some(s) => match (s.days_to_answer, s.answered()) {
                    (Some(d), _) => seg(&format!("✓{d}d"), Tone::Answered),
                    (None, Some(_)) => seg("✓", Tone::Answered),
                    (None, None) => seg("…", Tone::Late),
                },
            };
            let id_tone = if m.id == q.id {
                Tone::Current
            } else {
                Tone::Plain
            };
            let mut item: Vec<Segment> = vec![seg(&m.id.to_string(), id_tone)];
            item.push(seg(" ", Tone::Plain));
            item.push(status);
            item
        })
        .collect();
    lines.extend(flow(items, "  ", width));
    lines
}
