//! The Senate's written-question pages as HTML (web page, print, bilingual
//! print) in the registration list: recognised and read by
//! `corpus::senate_html`, which turns the page into the text layouts that
//! [`super::senate_text`] reads.

use crate::corpus::senate_html;

/// Senate HTML pages in the registration list.
pub struct SenateHtml;

impl super::Format for SenateHtml {
    fn name(&self) -> &'static str {
        "senate-html"
    }

    fn sniff(&self, path: &str, head: &[u8]) -> u8 {
        // Plain text saved under an HTML name is left to the text reader:
        // its line breaks are its structure.
        let c = senate_html::sniff(path, head);
        if c >= senate_html::SNIFF_HTML { c } else { 0 }
    }

    fn parse(&self, path: &str, bytes: &[u8]) -> super::Parsed {
        let mut parsed = super::Parsed::default();
        // HTML decides its own encoding (`<meta charset>`), so it takes the bytes.
        parsed.texts = senate_html::parse(path, bytes, &mut parsed.diagnostics);
        parsed
    }
}
