//! Parse throughput of Senate pages as HTML, beside the same pages as text.
//!
//! `cargo bench --bench html`
//!
//! The pages are the HTML twins of the layout fixtures (`tests/fixtures/html`,
//! with menus, scripts and layout tables as served) and their text forms
//! (`tests/fixtures/layouts`), each repeated to about 2 MB.

use std::path::PathBuf;

use divan::counter::{BytesCount, ItemsCount};
use qreview::corpus::{html_text, senate_text};
use qreview::formats::senate_html;

fn main() {
    divan::main();
}

/// Pages read per benchmark: about 2 MB of HTML.
const PAGES: usize = 400;

/// `PAGES` files of one fixture folder, cycling through its files.
fn pages(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let files: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read(p).expect("fixture")))
        .collect();
    files.iter().cycle().take(PAGES).cloned().collect()
}

fn total(pages: &[(String, Vec<u8>)]) -> usize {
    pages.iter().map(|(_, b)| b.len()).sum()
}

/// HTML pages: decoding, HTML → text and the layout parser, one thread.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_html(bencher: divan::Bencher) {
    let pages = pages("html");
    bencher.counter(BytesCount::new(total(&pages))).bench(|| {
        let mut diags = Vec::new();
        for (path, bytes) in &pages {
            divan::black_box(senate_html::parse(path, bytes, &mut diags));
        }
    });
}

/// The same pages as text: the layout parser alone, one thread.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_text_twins(bencher: divan::Bencher) {
    let pages: Vec<(String, String)> = pages("layouts")
        .into_iter()
        .map(|(p, b)| (p, String::from_utf8(b).expect("UTF-8 fixture")))
        .collect();
    let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut diags = Vec::new();
        for (path, text) in &pages {
            divan::black_box(senate_text::parse(path, text, &mut diags));
        }
    });
}

/// HTML → text alone on the HTML pages (already decoded), one thread.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn html_to_text(bencher: divan::Bencher) {
    let pages: Vec<String> = pages("html")
        .into_iter()
        .map(|(_, b)| match String::from_utf8(b) {
            Ok(text) => text,
            Err(e) => encoding_rs::WINDOWS_1252
                .decode(e.as_bytes())
                .0
                .into_owned(),
        })
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(pages.len()))
        .bench(|| {
            for page in &pages {
                divan::black_box(html_text::convert(page));
            }
        });
}

/// One 50 MB HTML page (paragraphs, tables, entities), HTML → text.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn html_to_text_50mb(bencher: divan::Bencher) {
    let para = "<div class=\"x\"><p>M&eacute;dias sociaux&nbsp;: une phrase de remplissage, \
                <b>en gras</b>, <a href=\"#\">un lien</a>.</p><table><tr><td>1</td><td>2</td></tr></table></div>\n";
    let page = para.repeat(50 * 1024 * 1024 / para.len());
    bencher
        .counter(BytesCount::new(page.len()))
        .bench(|| html_text::convert(&page));
}
