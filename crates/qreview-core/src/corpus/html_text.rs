//! HTML → plain text: the text a reader sees on the page, one block per line.
//!
//! Built on html5ever's spec tokenizer (entities, comments, raw text of
//! `<script>`/`<style>`, broken markup all handled as a browser does) with a
//! streaming sink instead of a DOM, so memory stays proportional to the input
//! and time linear in it, even for a 50 MB page. Block elements and `<br>`
//! end lines, table rows are lines and the cells of a row are joined by a tab
//! (as a browser's `innerText` does; a format decides how to show them).
//! Scripts, styles, navigation, menus, footers, forms and hidden elements are
//! dropped. Nothing here knows a parliament; `senate_html` reads the result.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use elements::{attr, dropped, is_block, is_paragraph, is_space, is_void, raw_kind};

/// The text of an HTML page and what its head says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// The visible text: lines separated by `\n`, cells of a table row by `\t`,
    /// runs of white space collapsed, blank lines between paragraphs.
    pub text: String,
    /// For each line of `text` (0-based), the line of the HTML it came from (1-based).
    pub lines: Vec<usize>,
    /// The `<title>`, white space collapsed.
    pub title: Option<String>,
    /// The page's own address, when it says so: `<base href>`, a canonical
    /// link, `og:url`, or a browser's `saved from url=` comment (in that order).
    pub url: Option<String>,
    /// True when the markup opened `<html>` or `<body>` but never closed them:
    /// the file was most likely cut short.
    pub truncated: bool,
    /// Control characters written as character references (`&#27;`), dropped.
    pub removed_controls: usize,
}

impl HtmlText {
    /// The HTML line of `text` line `line` (1-based); the last known line past the end.
    pub fn source_line(&self, line: usize) -> usize {
        let i = line.saturating_sub(1);
        self.lines
            .get(i)
            .or(self.lines.last())
            .copied()
            .unwrap_or(1)
    }
}

/// Converts an HTML document (already decoded) to text.
pub fn convert(html: &str) -> HtmlText {
    /// Feeding in slices keeps a single extra copy of the input out of memory.
    const CHUNK: usize = 1 << 20;
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    let mut at = 0;
    while at < html.len() {
        let mut end = (at + CHUNK).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        queue.push_back(StrTendril::from_slice(&html[at..end]));
        let _ = tokenizer.feed(&queue);
        at = end;
    }
    tokenizer.end();
    tokenizer.sink.state.into_inner().finish()
}

/// The tokenizer's sink; the tokenizer hands it tokens through `&self`.
#[derive(Default)]
struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let mut s = self.state.borrow_mut();
        s.line = usize::try_from(line).unwrap_or(usize::MAX).max(1);
        match token {
            Token::TagToken(tag) => return s.tag(&tag),
            Token::CharacterTokens(chars) => s.chars(&chars),
            Token::CommentToken(c) => s.comment(&c),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// An element whose whole content is being dropped.
struct Skip {
    /// Its tag name.
    name: String,
    /// Open elements of the same name inside it, itself included.
    depth: u32,
    /// Tables (inside a dropped cell) or lists (inside a dropped item) open
    /// inside it: their cells and items do not close it.
    nested: u32,
}

/// What the sink has built so far.
#[derive(Default)]
struct State {
    out: String,
    lines: Vec<usize>,
    /// The HTML line of the token being handled.
    line: usize,
    /// True once the current output line has a character.
    line_open: bool,
    /// True once any character was written (no breaks before the first).
    started: bool,
    /// Line breaks owed before the next text (2 = a blank line).
    breaks: u8,
    space: bool,
    cell: bool,
    prefix: Option<String>,
    skip: Option<Skip>,
    pre: u32,
    lists: Vec<Option<u32>>,
    title: Option<String>,
    in_title: bool,
    base: Option<String>,
    canonical: Option<String>,
    saved_from: Option<String>,
    opened: bool,
    closed: bool,
    controls: usize,
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        // The tokenizer must switch to raw text for these even inside dropped
        // elements, or `if (a<b)` in a script would read as a tag.
        let raw = if start { raw_kind(name) } else { None };
        if start {
            self.head_tag(tag);
        } else if matches!(name, "html" | "body") {
            self.closed = true;
        }
        if self.skipping(tag) {
            return raw.unwrap_or(TokenSinkResult::Continue);
        }
        if name == "title" {
            self.in_title = start;
            return raw.unwrap_or(TokenSinkResult::Continue);
        }
        if start && dropped(tag) {
            if !tag.self_closing && !is_void(name) {
                self.skip = Some(Skip {
                    name: name.to_string(),
                    depth: 1,
                    nested: 0,
                });
            }
            return raw.unwrap_or(TokenSinkResult::Continue);
        }
        self.layout(tag, start);
        raw.unwrap_or(TokenSinkResult::Continue)
    }

    /// Reads what the head says: the page's address, and whether `<html>` opened.
    fn head_tag(&mut self, tag: &Tag) {
        match &*tag.name {
            "html" | "body" => self.opened = true,
            "base" if self.base.is_none() => self.base = attr(tag, "href").map(str::to_string),
            "link"
                if self.canonical.is_none()
                    && attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                self.canonical = attr(tag, "href").map(str::to_string);
            }
            "meta"
                if self.canonical.is_none()
                    && attr(tag, "property").is_some_and(|p| p.eq_ignore_ascii_case("og:url")) =>
            {
                self.canonical = attr(tag, "content").map(str::to_string);
            }
            _ => {}
        }
    }

    /// True while inside a dropped element; ends the drop at its closing tag
    /// (or where HTML closes a cell or item implicitly).
    fn skipping(&mut self, tag: &Tag) -> bool {
        let Some(skip) = self.skip.as_mut() else {
            return false;
        };
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        let is_cell = matches!(skip.name.as_str(), "td" | "th");
        let is_item = skip.name == "li";
        let container = (is_cell && name == "table") || (is_item && matches!(name, "ul" | "ol"));
        if container {
            if start {
                skip.nested += 1;
            } else if skip.nested > 0 {
                skip.nested -= 1;
            } else if is_item {
                // `</ul>` closes the dropped item and its list.
                self.skip = None;
                return false;
            }
        }
        if skip.nested == 0 && skip.depth == 1 {
            let implied = (is_cell
                && ((start && matches!(name, "td" | "th" | "tr" | "tbody" | "thead" | "tfoot"))
                    || (!start && matches!(name, "tr" | "tbody" | "thead" | "tfoot" | "table"))))
                || (is_item && start && name == "li");
            if implied {
                self.skip = None;
                return false;
            }
        }
        if name == skip.name && !tag.self_closing {
            if start {
                skip.depth += 1;
            } else {
                skip.depth -= 1;
                if skip.depth == 0 {
                    self.skip = None;
                }
            }
        }
        true
    }

    /// Turns a kept tag into line, cell and list boundaries.
    fn layout(&mut self, tag: &Tag, start: bool) {
        let name: &str = &tag.name;
        match name {
            "br" => self.hard_break(),
            "td" | "th" if start => self.cell = self.line_open,
            "pre" => {
                self.pre = if start {
                    self.pre + 1
                } else {
                    self.pre.saturating_sub(1)
                };
                self.block(2);
            }
            "ul" | "ol" | "dir" => {
                if start {
                    let first = attr(tag, "start").and_then(|s| s.trim().parse().ok());
                    self.lists.push((name == "ol").then(|| first.unwrap_or(1)));
                } else {
                    self.lists.pop();
                }
                self.block(if self.lists.is_empty() { 2 } else { 1 });
            }
            "li" => {
                self.block(1);
                if start {
                    let marker = match self.lists.last_mut() {
                        Some(Some(n)) => {
                            *n += 1;
                            format!("{}. ", *n - 1)
                        }
                        _ => "- ".to_string(),
                    };
                    let indent = "  ".repeat(self.lists.len().saturating_sub(1));
                    self.prefix = Some(indent + &marker);
                }
            }
            _ if is_paragraph(name) => self.block(2),
            _ if is_block(name) => self.block(1),
            _ => {}
        }
    }

    /// A block boundary: `n` line breaks (2 = a blank line) before the next text.
    fn block(&mut self, n: u8) {
        self.breaks = self.breaks.max(n);
        self.cell = false;
    }

    fn comment(&mut self, text: &str) {
        // Internet Explorer and Chrome mark a saved page `saved from url=(0077)https://…`.
        if self.saved_from.is_none()
            && let Some(rest) = text.trim().strip_prefix("saved from url=")
        {
            let url = rest.split_once(')').map_or(rest, |(_, u)| u).trim();
            if !url.is_empty() {
                self.saved_from = Some(url.to_string());
            }
        }
    }

    fn chars(&mut self, text: &str) {
        if self.skip.is_some() {
            return;
        }
        if self.in_title {
            let title = self.title.get_or_insert_with(String::new);
            title.push_str(text);
            return;
        }
        // The tokenizer reports the line where a run of text ends; count
        // back so each character carries its own line.
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        self.line = self.line.saturating_sub(newlines).max(1);
        if self.pre > 0 {
            for c in text.chars() {
                if c == '\n' {
                    self.line += 1;
                    self.hard_break();
                } else {
                    self.word(c.encode_utf8(&mut [0; 4]));
                }
            }
            return;
        }
        // Word by word: white space runs collapse to one pending space. Only
        // a tag can end a line here, so the first word's line is the one a
        // new output line would take.
        let end = self.line + newlines;
        let body = text.trim_start_matches(is_space);
        self.line +=
            memchr::memchr_iter(b'\n', &text.as_bytes()[..text.len() - body.len()]).count();
        for (i, word) in text.split(is_space).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if !word.is_empty() {
                self.word(word);
            }
        }
        self.line = end;
    }

    /// Writes a run of visible text, less any control character: only
    /// character references (`&#27;`) can bring these here, decoding
    /// already removed the file's own.
    fn word(&mut self, word: &str) {
        if word.contains(|c: char| c.is_control()) {
            let kept: String = word.chars().filter(|c| !c.is_control()).collect();
            self.controls += word.chars().count() - kept.chars().count();
            if !kept.is_empty() {
                self.put(&kept);
            }
        } else {
            self.put(word);
        }
    }

    /// `<br>` or a newline in `<pre>`: ends the line; a second one in a row
    /// leaves a blank line.
    fn hard_break(&mut self) {
        self.breaks = if self.line_open && self.breaks == 0 {
            1
        } else {
            (self.breaks + 1).min(2)
        };
        self.cell = false;
    }

    /// Writes visible text after the breaks, cell tab, space or list marker owed.
    fn put(&mut self, text: &str) {
        if self.started && self.breaks > 0 {
            for _ in 0..self.breaks {
                if !self.line_open {
                    self.lines.push(self.line);
                }
                self.out.push('\n');
                self.line_open = false;
            }
        }
        self.breaks = 0;
        if !self.line_open {
            self.lines.push(self.line);
            self.line_open = true;
            self.started = true;
            self.space = false;
            self.cell = false;
        }
        if let Some(prefix) = self.prefix.take() {
            self.out.push_str(&prefix);
        } else if self.cell {
            self.out.push('\t');
        } else if self.space && self.pre == 0 {
            self.out.push(' ');
        }
        self.cell = false;
        self.space = false;
        self.out.push_str(text);
    }

    fn finish(self) -> HtmlText {
        let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let title = self
            .title
            .as_deref()
            .map(collapse)
            .filter(|t| !t.is_empty());
        HtmlText {
            text: self.out,
            lines: self.lines,
            title,
            url: self.base.or(self.canonical).or(self.saved_from),
            truncated: self.opened && !self.closed,
            removed_controls: self.controls,
        }
    }
}

mod elements;

#[cfg(test)]
mod tests;
