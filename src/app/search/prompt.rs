//! The search prompt while it is open: the text typed, the mode, the hits of
//! the last keystroke, the selected result and the result rows on screen.
//!
//! Every keystroke runs the library's incremental sessions (they meet the
//! per-keystroke targets on 20,000 questions, see `BENCHMARKS.md`), then
//! prepares only the rows that fit on screen (snippets and matched
//! characters), so drawing a frame does no searching at all.

use std::ops::Range;

use ratatui_textarea::TextArea;

use crate::app::Overlay;
use crate::corpus::Corpus;
use crate::sanitize::sanitize;
use crate::search::{
    FuzzyHit, FuzzySession, MetaField, Query, Skim, TextHit, TextIndex, TextSession, part_label,
};

use super::SearchIndex;

/// Which searches the prompt runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Full-text hits first, then metadata hits.
    #[default]
    All,
    /// Question and answer texts only.
    Text,
    /// Fuzzy matching of id, title, ministry, addressee, author, party, descriptors.
    Metadata,
}

impl Mode {
    /// The next mode of the `Tab` cycle.
    pub fn next(self) -> Self {
        match self {
            Mode::All => Mode::Text,
            Mode::Text => Mode::Metadata,
            Mode::Metadata => Mode::All,
        }
    }

    /// Its name in the prompt.
    pub fn label(self) -> &'static str {
        match self {
            Mode::All => "text + metadata",
            Mode::Text => "full text",
            Mode::Metadata => "metadata",
        }
    }

    fn text(self) -> bool {
        self != Mode::Metadata
    }

    fn metadata(self) -> bool {
        self != Mode::Text
    }
}

/// One entry of the result list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    /// A full-text hit.
    Text(TextHit),
    /// A fuzzy metadata hit.
    Meta(FuzzyHit),
}

impl Entry {
    /// Index of the question in `corpus.questions`.
    pub fn question(&self) -> usize {
        match self {
            Entry::Text(h) => h.question,
            Entry::Meta(h) => h.question,
        }
    }
}

/// A result as drawn: every string is what the screen shows, hits are byte
/// ranges of `text` (and of `id` for a metadata hit on the id).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultRow {
    /// `5-8902`.
    pub id: String,
    /// Matched bytes of `id`.
    pub id_hits: Vec<Range<usize>>,
    /// Short ministry label, or `-`.
    pub ministry: String,
    /// `answer 2.`, `question`, `metadata`.
    pub place: String,
    /// The snippet (full text) or the metadata line after the id.
    pub text: String,
    /// Matched bytes of `text`.
    pub hits: Vec<Range<usize>>,
    /// A group's head: how many questions hold the same passage (this one
    /// included), and whether the others are listed below it.
    pub shared: Option<(usize, bool)>,
    /// True for a question listed under an expanded group's head.
    pub member: bool,
}

/// Full-text hits on one identical passage (the question text a family
/// shares): listed once, the others on demand.
#[derive(Debug, Clone, PartialEq)]
pub struct TextGroup {
    /// The hits, best first; the first stands for the group.
    pub hits: Vec<TextHit>,
    /// True when every hit is listed under the first.
    pub expanded: bool,
}

/// The open prompt.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// What is typed (a one-line text area, sanitised input).
    pub input: TextArea<'static>,
    /// The searches run.
    pub mode: Mode,
    /// Full-text hits of the last keystroke, best first.
    pub text_hits: Vec<TextHit>,
    /// The same hits, those on identical passages grouped, best first.
    pub groups: Vec<TextGroup>,
    /// The full-text entries listed: (group, member) — member 0 is the
    /// group's head, the others are listed only when it is expanded.
    pub listed: Vec<(usize, usize)>,
    /// Questions holding a full-text hit.
    pub text_questions: usize,
    /// Occurrences of the query's words in all full-text hits: the unit
    /// the Reader counts in too (`hit 2 of 15`).
    pub text_matches: usize,
    /// Metadata hits of the last keystroke, best first.
    pub meta_hits: Vec<FuzzyHit>,
    /// True once the hits belong to the text typed (false while indexing).
    pub searched: bool,
    /// Index of the selected entry.
    pub selected: usize,
    /// First entry on screen.
    pub offset: usize,
    /// The entries on screen, from `offset`, ready to draw.
    pub rows: Vec<ResultRow>,
    /// The panel width and result rows `rows` were prepared for.
    pub prepared: (usize, usize),
    /// The overlay that was open, restored by `Esc`.
    pub overlay: Option<Overlay>,
}

impl Prompt {
    /// An empty prompt opened over `overlay`.
    pub fn new(overlay: Option<Overlay>) -> Self {
        Self {
            input: crate::app::review::text_input::single_line(""),
            mode: Mode::default(),
            text_hits: Vec::new(),
            groups: Vec::new(),
            listed: Vec::new(),
            text_questions: 0,
            text_matches: 0,
            meta_hits: Vec::new(),
            searched: false,
            selected: 0,
            offset: 0,
            rows: Vec::new(),
            prepared: (0, 0),
            overlay,
        }
    }

    /// The text typed.
    pub fn text(&self) -> String {
        crate::app::review::text_input::text(&self.input)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.listed.len() + self.meta_hits.len()
    }

    /// True when nothing matched (or nothing was typed).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `i`: full-text hits (grouped) first, then metadata hits.
    pub fn entry(&self, i: usize) -> Option<Entry> {
        match self.listed.get(i) {
            Some(&(g, m)) => Some(Entry::Text(self.groups[g].hits[m])),
            None => self
                .meta_hits
                .get(i - self.listed.len())
                .map(|h| Entry::Meta(*h)),
        }
    }

    /// The group of entry `i` and whether it is that group's head.
    pub fn group_of(&self, i: usize) -> Option<(usize, bool)> {
        self.listed.get(i).map(|&(g, m)| (g, m == 0))
    }

    /// Lists or folds the members of the selected entry's group; the
    /// selection stays on the group's head.
    pub fn toggle_group(&mut self, height: usize) -> bool {
        let Some((g, _)) = self.group_of(self.selected) else {
            return false;
        };
        if self.groups[g].hits.len() < 2 {
            return false;
        }
        self.groups[g].expanded = !self.groups[g].expanded;
        self.relist();
        let head = self.listed.iter().position(|&(x, m)| x == g && m == 0);
        self.selected = head.unwrap_or(0);
        self.select(0, height);
        true
    }

    /// Rebuilds [`Prompt::listed`] from the groups.
    fn relist(&mut self) {
        self.listed = self
            .groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                let shown = if group.expanded { group.hits.len() } else { 1 };
                (0..shown).map(move |m| (g, m))
            })
            .collect();
    }

    /// Runs the typed text on `index`, with the sessions of this prompt.
    pub fn search(&mut self, corpus: &Corpus, index: &SearchIndex, sessions: &mut Sessions) {
        let text = self.text();
        self.text_hits.clear();
        self.groups.clear();
        self.meta_hits.clear();
        self.text_questions = 0;
        self.text_matches = 0;
        if self.mode.text() {
            self.text_hits = sessions.text.search(&index.text, &Query::parse(&text));
            let mut questions: Vec<usize> = self.text_hits.iter().map(|h| h.question).collect();
            questions.sort_unstable();
            questions.dedup();
            self.text_questions = questions.len();
            self.text_matches = self.text_hits.iter().map(|h| h.count as usize).sum();
            self.groups = group(corpus, &self.text_hits);
        }
        self.relist();
        if self.mode.metadata() {
            let hits = sessions.fuzzy.update(&index.fuzzy, &Skim::default(), &text);
            self.meta_hits = hits.to_vec();
        }
        self.searched = true;
        self.selected = 0;
        self.offset = 0;
    }

    /// Moves the selection by `delta` entries and keeps it in a window of
    /// `height` rows.
    pub fn select(&mut self, delta: isize, height: usize) {
        let last = self.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    /// Prepares the rows of entries `offset..offset + height` for a panel
    /// `width` columns wide.
    pub fn prepare(&mut self, corpus: &Corpus, index: &SearchIndex, width: usize, height: usize) {
        let text = self.text();
        let query = Query::parse(&text);
        let room = text_width(width);
        self.prepared = (width, height);
        self.rows = (self.offset..self.offset + height)
            .map_while(|i| Some((i, self.entry(i)?)))
            .map(|(i, e)| {
                let mut r = row(corpus, index, &e, &query, &text, room);
                if let Some((g, head)) = self.group_of(i) {
                    let group = &self.groups[g];
                    r.member = !head;
                    if head && group.hits.len() > 1 {
                        r.shared = Some((group.hits.len(), group.expanded));
                    }
                }
                r
            })
            .collect();
    }
}

/// Groups `hits` (best first) on identical passages: same field, same
/// text. Groups keep the order of their best hit.
pub fn group(corpus: &Corpus, hits: &[TextHit]) -> Vec<TextGroup> {
    crate::search::identical_passages(corpus, hits)
        .into_iter()
        .map(|hits| TextGroup {
            hits,
            expanded: false,
        })
        .collect()
}

/// The incremental search sessions, kept while the prompt is open and
/// across prompts (they are keyed to the index, not to the prompt).
#[derive(Debug, Clone, Default)]
pub struct Sessions {
    /// Full text.
    pub text: TextSession,
    /// Fuzzy metadata.
    pub fuzzy: FuzzySession,
}

/// Columns of the result list: id, ministry, place, then the text.
pub const ID_COLUMNS: usize = 8;
/// Width of the place column (`answer 12.`).
pub const PLACE_COLUMNS: usize = 11;

/// The ministry column's width for a panel `width` wide.
pub fn ministry_width(width: usize) -> usize {
    if width >= 120 { 22 } else { 14 }
}

/// What is left for the snippet or metadata line.
pub fn text_width(width: usize) -> usize {
    width
        .saturating_sub(ID_COLUMNS + ministry_width(width) + PLACE_COLUMNS + 3)
        .max(10)
}

fn row(
    corpus: &Corpus,
    index: &SearchIndex,
    entry: &Entry,
    query: &Query,
    typed: &str,
    room: usize,
) -> ResultRow {
    let q = &corpus.questions[entry.question()];
    let mut out = ResultRow {
        id: q.id.to_string(),
        ministry: sanitize(crate::corpus::display::ministry_label(
            q.ministry.as_deref(),
        ))
        .into_owned(),
        ..ResultRow::default()
    };
    match entry {
        Entry::Text(hit) => {
            let label = part_label(q, hit.field, hit.part).map(|l| sanitize(l).into_owned());
            out.place = match label {
                Some(l) => format!("{} {l}", hit.field.name()),
                None => hit.field.name().to_string(),
            };
            // The snippet adds a `…` at each end it cuts.
            let snippet = TextIndex::snippet(corpus, hit, query, room.saturating_sub(2));
            out.text = snippet.text;
            out.hits = snippet.hits;
        }
        Entry::Meta(hit) => {
            out.place = "metadata".into();
            let line = index.fuzzy.line(hit.question);
            let matched = index.fuzzy.indices(&Skim::default(), typed, hit.question);
            let spans = index.fuzzy.spans(hit.question);
            let id_chars = spans
                .iter()
                .find(|(f, _)| *f == MetaField::Id)
                .map_or(0..0, |(_, r)| r.clone());
            // The rest of the line starts at the field after the id.
            let rest = spans
                .iter()
                .find(|(f, _)| *f != MetaField::Id)
                .map_or(line.chars().count(), |(_, r)| r.start);
            out.id_hits = byte_ranges(&out.id, &matched, id_chars.start);
            let start = line.char_indices().nth(rest).map_or(line.len(), |(b, _)| b);
            out.text = line[start..].to_string();
            out.hits = byte_ranges(&out.text, &matched, rest);
            to_first_hit(&mut out, room);
            cut(&mut out, room);
        }
    }
    out
}

/// When the first hit would fall past `room` columns, starts the text at
/// the field holding it (after `… `), so that what matched is on screen.
fn to_first_hit(row: &mut ResultRow, room: usize) {
    let Some(first) = row.hits.first().cloned() else {
        return;
    };
    if crate::app::wrap::width(&row.text[..first.end]) < room {
        return;
    }
    let start = row.text[..first.start]
        .rfind(" · ")
        .map_or(first.start, |at| at + " · ".len());
    let prefix = "… ";
    row.text = format!("{prefix}{}", &row.text[start..]);
    let shift = |b: usize| b - start + prefix.len();
    row.hits = row
        .hits
        .iter()
        .filter(|r| r.start >= start)
        .map(|r| shift(r.start)..shift(r.end))
        .collect();
}

/// Cuts a row's text to `room` columns, ending with `…`, and its hits with it.
fn cut(row: &mut ResultRow, room: usize) {
    use unicode_width::UnicodeWidthChar;
    if crate::app::wrap::width(&row.text) <= room {
        return;
    }
    let mut used = 0;
    let mut end = 0;
    for (b, c) in row.text.char_indices() {
        used += c.width().unwrap_or(0);
        if used + 1 > room {
            break;
        }
        end = b + c.len_utf8();
    }
    row.text.truncate(end);
    row.text.push('…');
    for r in &mut row.hits {
        r.end = r.end.min(end);
    }
    row.hits.retain(|r| r.start < r.end);
}

/// Byte ranges of `text` for the character indices `matched` (sorted, of a
/// line in which `text` starts at character `first`), adjacent ones merged.
fn byte_ranges(text: &str, matched: &[usize], first: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut wanted = matched.iter().copied().filter(|&i| i >= first).peekable();
    for (k, (b, c)) in text.char_indices().enumerate() {
        while wanted.next_if(|&i| i < first + k).is_some() {}
        if wanted.peek() == Some(&(first + k)) {
            let r = b..b + c.len_utf8();
            match out.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => out.push(r),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_indices_become_merged_byte_ranges() {
        // "méd" in "5-8902 · médias": the line's characters 9, 10, 11.
        let text = "médias";
        assert_eq!(byte_ranges(text, &[2, 9, 10, 11], 9), vec![0..4]);
        assert_eq!(byte_ranges(text, &[9, 13], 9), vec![0..1, 5..6]);
        assert!(byte_ranges(text, &[1, 2], 9).is_empty());
    }

    #[test]
    fn a_metadata_line_starts_at_the_field_of_its_first_hit_when_it_is_far() {
        let text = "A long title · Ministry · Martine Taelman · Open Vld";
        let at = text.find("Taelman").unwrap();
        let name = at..at + 7;
        let mut row = ResultRow {
            text: text.into(),
            hits: vec![name],
            ..ResultRow::default()
        };
        to_first_hit(&mut row, 20);
        assert_eq!(row.text, "… Martine Taelman · Open Vld");
        assert_eq!(&row.text[row.hits[0].clone()], "Taelman");
        let title = 2..6;
        let mut near = ResultRow {
            text: text.into(),
            hits: vec![title],
            ..ResultRow::default()
        };
        to_first_hit(&mut near, 20);
        assert_eq!(near.text, text);
    }

    #[test]
    fn modes_cycle_through_all_three() {
        let m = Mode::All;
        assert_eq!(m.next().next().next(), Mode::All);
        assert!(Mode::Text.text() && !Mode::Text.metadata());
    }
}
