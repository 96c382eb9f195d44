//! Senate written-question pages as the Senate serves them (HTML): the web
//! page (`SchriftelijkeVraag`), the single-language print (`SVPrint`) and the
//! bilingual print (`SVPrintNLFR`), in French and Dutch.
//!
//! One parser of the page's text, two ways in: the HTML is decoded (BOM,
//! `<meta charset>`), turned into text by [`html_text`], its table cells
//! written the way the text layouts show them, and read by [`senate_text`].
//! Line numbers in diagnostics and sources are the HTML file's.

use super::senate_text::{self, ParsedDoc};
use crate::corpus::diagnostic::Diagnostic;
use crate::corpus::id::QuestionId;
use crate::corpus::model::Lang;
use crate::corpus::{dates, decode, html_sniff, html_text, labels};

/// Which of the Senate's pages a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// The web page (`MIval=/Vragen/SchriftelijkeVraag`), or its stripped form.
    Web,
    /// The single-language print (`MIval=/Vragen/SVPrint`).
    Print,
    /// The bilingual print (`MIval=/Vragen/SVPrintNLFR`).
    BilingualPrint,
}

/// What identifies a file as a Senate written-question page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Web page, print or bilingual print.
    pub kind: PageKind,
    /// The page's language (`LANG=` in its address, else its labels), when known.
    pub lang: Option<Lang>,
    /// The page's address on senate.be / senaat.be, when the file carries it.
    pub url: Option<String>,
    /// The question the address names (`LEG=5&NR=8902`).
    pub url_id: Option<QuestionId>,
}

/// How sure it is that the file at `path` starting with `head` is HTML, from
/// 0 to 100: by its content first (a `.txt` holding HTML is HTML), then by
/// its `.html`/`.htm` extension. (The scale of the format plug-ins' `sniff`.)
pub fn sniff(path: &str, head: &[u8]) -> u8 {
    if html_sniff::looks_like_html(head) {
        return 90;
    }
    let lower = path.to_ascii_lowercase();
    if !(lower.ends_with(".html") || lower.ends_with(".htm")) {
        0
    } else if memchr::memchr(b'<', head).is_some() {
        50
    } else {
        // Plain text saved under an HTML name: its line breaks are its
        // structure, which reading it as HTML would collapse.
        10
    }
}

/// The confidence from which the loader reads a file as HTML.
pub const SNIFF_HTML: u8 = 50;

/// The Senate's pages as it serves them (`SchriftelijkeVraag`, `SVPrint`,
/// `SVPrintNLFR`), in HTML.
pub struct SenateHtml;

impl super::Format for SenateHtml {
    fn name(&self) -> &'static str {
        "senate-html"
    }

    /// Below [`SNIFF_HTML`] a file is left to the text reader: plain text
    /// saved under an HTML name keeps its line breaks as its structure.
    fn sniff(&self, path: &str, head: &[u8]) -> u8 {
        match sniff(path, head) {
            c if c >= SNIFF_HTML => c,
            _ => 0,
        }
    }

    fn parse(&self, path: &str, bytes: Vec<u8>) -> super::Parsed {
        let mut parsed = super::Parsed::default();
        parsed.texts = parse(path, &bytes, &mut parsed.diagnostics);
        parsed
    }
}

/// Reads a Senate page from HTML bytes. A page that is not a Senate written
/// question yields one error and no document.
pub fn parse(path: &str, bytes: &[u8], diags: &mut Vec<Diagnostic>) -> Vec<ParsedDoc> {
    let decoded = decode::decode_declared(path, bytes, html_sniff::declared_encoding(bytes));
    diags.extend(decoded.diagnostics);
    if decoded.binary {
        return Vec::new();
    }
    if decoded.text.trim().is_empty() {
        diags.push(Diagnostic::error(path, None, "empty file; nothing to load"));
        return Vec::new();
    }
    let html = html_text::convert(&decoded.text);
    drop(decoded.text);
    if html.truncated {
        diags.push(Diagnostic::warning(
            path,
            html.lines.last().copied(),
            "the HTML ends before its closing </html> (cut short?); read what is there",
        ));
    }
    if html.removed_controls > 0 {
        diags.push(Diagnostic::warning(
            path,
            None,
            format!(
                "removed {} control character(s) written as character references (&#…;)",
                html.removed_controls
            ),
        ));
    }
    let text = senate_lines(&html.text);
    let Some(page) = detect(&text, html.url.as_deref()) else {
        let title = html
            .title
            .as_deref()
            .map(|t| format!(" (its title: «{}»)", crate::sanitize::sanitize(t)))
            .unwrap_or_default();
        diags.push(Diagnostic::error(
            path,
            None,
            format!(
                "an HTML page but not a Senate written question{title}: no «Question écrite n°» / «Schriftelijke vraag nr.» header, banner, chronology or «Aussi posée à» line; give qreview the pages of senate.be (SchriftelijkeVraag, SVPrint, SVPrintNLFR)"
            ),
        ));
        return Vec::new();
    };
    let text = from_first_opening(text);
    let mut text_diags = Vec::new();
    let mut docs = senate_text::parse(path, &text.join("\n"), &mut text_diags);
    for mut d in text_diags {
        d.line = d.line.map(|l| html.source_line(l));
        diags.push(d);
    }
    let single = docs.len() == 1;
    for doc in &mut docs {
        let src = &mut doc.question.origin;
        src.first_line = html.source_line(src.first_line);
        src.last_line = html.source_line(src.last_line).max(src.first_line);
        if single {
            doc.id = doc.id.or(page.url_id);
            doc.question.url = doc.question.url.take().or_else(|| page.url.clone());
        }
    }
    if docs.is_empty() {
        diags.push(Diagnostic::error(
            path,
            None,
            "a Senate page with no question text in it",
        ));
    }
    docs
}

/// The page's lines, with each table row's cells (tab-separated) written the
/// way the text layouts show them: a chronology row as `30/4/2013 | Envoi
/// question |`, side-by-side columns (the bilingual print) joined by a space.
fn senate_lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|line| {
            if !line.contains('\t') {
                return line.to_string();
            }
            let cells: Vec<&str> = line
                .split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            if cells.len() >= 2 && dates::parse_short(cells[0]).is_some() {
                format!("{} |", cells.join(" | "))
            } else {
                cells.join(" ")
            }
        })
        .collect()
}

/// How far into a page its header is looked for.
const HEADER_LINES: usize = 1000;

/// Recognises a Senate page by its address or by the labels of its text.
pub fn detect(lines: &[String], url: Option<&str>) -> Option<Page> {
    let from_url = url.and_then(page_address);
    let from_text = lines
        .iter()
        .take(HEADER_LINES)
        .find_map(|l| kind_of_line(&plain(l)));
    let (kind, lang) = match (&from_url, from_text) {
        (Some(a), text) => (a.kind, a.lang.or(text.and_then(|t| t.1))),
        (None, Some(t)) => t,
        (None, None) => return None,
    };
    Some(Page {
        kind,
        lang,
        url: from_url
            .as_ref()
            .map(|_| url.unwrap_or_default().to_string()),
        url_id: from_url.and_then(|a| a.id),
    })
}

/// What a line says about the page it is on, if it is one of the Senate's.
fn kind_of_line(line: &str) -> Option<(PageKind, Option<Lang>)> {
    let lower = line.to_lowercase();
    if lower.starts_with("sénat de belgique belgische senaat") {
        return Some((PageKind::BilingualPrint, None));
    }
    if lower.starts_with("sénat de belgique") {
        return Some((PageKind::Print, Some(Lang::Fr)));
    }
    if lower.starts_with("belgische senaat") {
        return Some((PageKind::Print, Some(Lang::Nl)));
    }
    if lower.contains("version à imprimer") {
        return Some((PageKind::Web, Some(Lang::Fr)));
    }
    if lower.contains("printerversie") {
        return Some((PageKind::Web, Some(Lang::Nl)));
    }
    if let Some(id) = labels::id_line(line) {
        let kind = if id.bilingual {
            PageKind::BilingualPrint
        } else {
            PageKind::Web
        };
        return Some((kind, Some(id.lang)));
    }
    if labels::chronology(line).is_some() {
        return Some((PageKind::Web, None));
    }
    labels::cross_refs(line)?.into_iter().find_map(|r| match r {
        labels::CrossRef::Sibling(_, lang) => Some((PageKind::Web, Some(lang))),
        labels::CrossRef::Link { .. } => None,
    })
}

/// A line trimmed, with no-break spaces (`n°&nbsp;5-8916`) as plain ones, to
/// match labels; the text handed to the parser keeps them.
fn plain(line: &str) -> String {
    line.trim().replace(['\u{a0}', '\u{202f}'], " ")
}

/// What a senate.be / senaat.be address says.
struct Address {
    kind: PageKind,
    lang: Option<Lang>,
    id: Option<QuestionId>,
}

/// Reads `…senate.be/www/?MIval=/Vragen/SVPrint&LEG=5&NR=8902&LANG=nl` (any
/// host of the Senate, http or https, `MIval` with or without its slash).
fn page_address(url: &str) -> Option<Address> {
    let (host_part, query) = url.split_once('?')?;
    let host = host_part
        .split("//")
        .nth(1)
        .unwrap_or(host_part)
        .split('/')
        .next()?
        .to_ascii_lowercase();
    if !(host.ends_with("senate.be") || host.ends_with("senaat.be")) {
        return None;
    }
    let mut kind = None;
    let (mut leg, mut nr, mut lang) = (None, None, None);
    for pair in query.split(['&', ';']) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key.to_ascii_lowercase().as_str() {
            "mival" => {
                kind = match value.trim_start_matches('/') {
                    v if v.eq_ignore_ascii_case("Vragen/SchriftelijkeVraag") => Some(PageKind::Web),
                    v if v.eq_ignore_ascii_case("Vragen/SVPrint") => Some(PageKind::Print),
                    v if v.eq_ignore_ascii_case("Vragen/SVPrintNLFR") => {
                        Some(PageKind::BilingualPrint)
                    }
                    _ => None,
                }
            }
            "leg" => leg = value.parse::<u16>().ok(),
            "nr" => nr = value.parse::<u32>().ok(),
            "lang" => {
                lang = match value.to_ascii_lowercase().as_str() {
                    "fr" => Some(Lang::Fr),
                    "nl" => Some(Lang::Nl),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    let id = match (leg, nr) {
        (Some(l), Some(n)) if l > 0 && n > 0 => Some(QuestionId::senate(l, n)),
        _ => None,
    };
    Some(Address {
        kind: kind?,
        lang,
        id,
    })
}

/// Blanks the lines before the first that opens a Senate page (print links,
/// banner, question number), where such a line exists: what a page shows
/// above them is site furniture, not the question. Blank lines keep the
/// line numbers.
fn from_first_opening(mut lines: Vec<String>) -> Vec<String> {
    let first = lines.iter().take(HEADER_LINES).position(|l| {
        let l = plain(l);
        labels::opens_document(&l) || labels::id_line(&l).is_some()
    });
    if let Some(first) = first {
        lines[..first].iter_mut().for_each(String::clear);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_sniffed_by_content_then_name() {
        assert_eq!(sniff("page.txt", b"<!DOCTYPE html><html>"), 90);
        assert_eq!(sniff("page.HTM", b"Question <b>x</b>"), 50);
        assert_eq!(
            sniff("page.html", b"Question \xc3\xa9crite n\xc2\xb0 5-1\n"),
            10
        );
        assert_eq!(
            sniff("page.txt", b"Question \xc3\xa9crite n\xc2\xb0 5-1\n"),
            0
        );
        assert!(sniff("p.html", b"<html>") >= SNIFF_HTML);
    }

    #[test]
    fn addresses_of_every_page_kind() {
        let a = page_address(
            "https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=8916&LANG=fr",
        )
        .unwrap();
        assert_eq!(a.kind, PageKind::Web);
        assert_eq!(a.lang, Some(Lang::Fr));
        assert_eq!(a.id, Some(QuestionId::senate(5, 8916)));
        let a = page_address(
            "http://www.senaat.be/www/?MIval=Vragen/SVPrintNLFR&LEG=5&NR=8904&LANG=nl",
        )
        .unwrap();
        assert_eq!(a.kind, PageKind::BilingualPrint);
        assert_eq!(a.lang, Some(Lang::Nl));
        let a = page_address("https://senate.be/www/?MIval=Vragen/SVPrint&LEG=5&NR=8902&LANG=nl")
            .unwrap();
        assert_eq!(a.kind, PageKind::Print);
        assert!(page_address("https://example.org/www/?MIval=Vragen/SVPrint&LEG=5&NR=1").is_none());
        assert!(page_address("https://www.senate.be/www/?MIval=/index_senate&LANG=fr").is_none());
    }

    #[test]
    fn cells_are_written_as_the_text_layouts_show_them() {
        let lines = senate_lines(
            "30/4/2013\tEnvoi question\nSÉNAT DE BELGIQUE\tBELGISCHE SENAAT\n\tseul\t\n30/4/2013\tVerzending vraag\t30/4/2013\tVerzending vraag",
        );
        assert_eq!(lines[0], "30/4/2013 | Envoi question |");
        assert_eq!(lines[1], "SÉNAT DE BELGIQUE BELGISCHE SENAAT");
        assert_eq!(lines[2], "seul");
        assert_eq!(
            labels::chronology(&lines[3]).map(|e| e.len()),
            Some(2),
            "{}",
            lines[3]
        );
    }

    #[test]
    fn furniture_above_the_page_is_blanked() {
        let lines: Vec<String> = ["Accueil", "Sénat", "Question écrite n° 5-8916", "x"]
            .map(String::from)
            .to_vec();
        let kept = from_first_opening(lines);
        assert_eq!(kept, ["", "", "Question écrite n° 5-8916", "x"]);
    }

    #[test]
    fn every_page_kind_is_told_by_its_text() {
        let kind = |first: &str| {
            let lines = vec!["Accueil".to_string(), first.to_string()];
            detect(&lines, None).map(|p| (p.kind, p.lang))
        };
        use PageKind::*;
        assert_eq!(
            kind("Version à imprimer bilingue Version à imprimer unilingue"),
            Some((Web, Some(Lang::Fr)))
        );
        assert_eq!(
            kind("Tweetalige printerversie Eentalige printerversie"),
            Some((Web, Some(Lang::Nl)))
        );
        assert_eq!(kind("SÉNAT DE BELGIQUE"), Some((Print, Some(Lang::Fr))));
        assert_eq!(kind("BELGISCHE SENAAT"), Some((Print, Some(Lang::Nl))));
        assert_eq!(
            kind("SÉNAT DE BELGIQUE BELGISCHE SENAAT"),
            Some((BilingualPrint, None))
        );
        assert_eq!(
            kind("Schriftelijke vraag nr.\u{a0}5-8905"),
            Some((Web, Some(Lang::Nl)))
        );
        assert_eq!(kind("30/4/2013 | Envoi question |"), Some((Web, None)));
        assert_eq!(
            kind("Aussi posée à : question écrite 5-8900"),
            Some((Web, Some(Lang::Fr)))
        );
        // The address wins over the text, and gives the language.
        let lines = vec!["SÉNAT DE BELGIQUE BELGISCHE SENAAT".to_string()];
        let p = detect(
            &lines,
            Some("https://senate.be/www/?MIval=Vragen/SVPrintNLFR&LEG=5&NR=8904&LANG=fr"),
        )
        .unwrap();
        assert_eq!((p.kind, p.lang), (BilingualPrint, Some(Lang::Fr)));
    }

    #[test]
    fn a_page_without_senate_labels_is_not_one() {
        let lines: Vec<String> = ["Weather today", "Sunny, 30/4/2013 was warm."]
            .map(String::from)
            .to_vec();
        assert!(detect(&lines, None).is_none());
        assert!(detect(&lines, Some("https://example.org/?MIval=Vragen/SVPrint")).is_none());
        let p = detect(
            &lines,
            Some("https://senate.be/www/?MIval=Vragen/SVPrint&LEG=5&NR=8902&LANG=nl"),
        )
        .unwrap();
        assert_eq!(p.url_id, Some(QuestionId::senate(5, 8902)));
    }
}
