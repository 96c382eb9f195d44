//! Recognising HTML bytes before decoding them: whether a file is HTML (the
//! WHATWG MIME-sniffing signatures) and which encoding its `<meta>` declares
//! (the WHATWG prescan, on the first 1024 bytes).

use encoding_rs::Encoding;

/// How far into a file the `<meta charset>` is looked for, as browsers do.
const PRESCAN: usize = 1024;

/// Tags that, opening a file, make it HTML (the MIME-sniffing standard's list).
const SIGNATURES: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
    b"<meta",
];

/// True when `bytes` open (after a BOM and white space) with an HTML tag.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = strip_bom(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 16)];
    SIGNATURES.iter().any(|sig| {
        head.len() > sig.len()
            && head[..sig.len()].eq_ignore_ascii_case(sig)
            && matches!(
                head[sig.len()],
                b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
    })
}

/// The bytes without a UTF-8 or UTF-16 byte order mark.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    match Encoding::for_bom(bytes) {
        Some((_, len)) => &bytes[len..],
        None => bytes,
    }
}

/// The encoding a page declares in a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` near its start.
/// A declared UTF-16 means UTF-8, as in browsers (the bytes are ASCII-compatible).
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&lower[at..], b"<meta") {
        let tag_start = at + found;
        let tag_end = lower[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| tag_start + p);
        if let Some(enc) = charset_in(&lower[tag_start..tag_end]) {
            return Some(enc.output_encoding());
        }
        at = tag_end;
    }
    None
}

/// The encoding named after `charset=` inside one tag.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let at = memchr::memmem::find(tag, b"charset")?;
    let rest = &tag[at + b"charset".len()..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_by_its_first_tag() {
        assert!(looks_like_html(b"<!DOCTYPE html>\n<html>"));
        assert!(looks_like_html(b"\xEF\xBB\xBF  \n<HTML lang=fr>"));
        assert!(looks_like_html(b"<!-- saved from url=(0077)https://x -->"));
        assert!(looks_like_html(b"<table border=0>"));
        assert!(!looks_like_html(b"Question \xc3\xa9crite n\xc2\xb0 5-8916"));
        assert!(!looks_like_html(b"{\"format\": \"qreview-corpus\"}"));
        assert!(!looks_like_html(b"<abbr>x</abbr>"), "only the listed tags");
        assert!(
            !looks_like_html(b"<html"),
            "a signature needs its terminating byte"
        );
    }

    #[test]
    fn meta_charset_in_both_forms() {
        let e = declared_encoding(b"<html><head><meta charset=\"windows-1252\">");
        assert_eq!(e, Some(encoding_rs::WINDOWS_1252));
        let e = declared_encoding(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
        );
        assert_eq!(
            e,
            Some(encoding_rs::WINDOWS_1252),
            "Latin-1 means Windows-1252"
        );
        let e = declared_encoding(b"<META CHARSET='UTF-8'>");
        assert_eq!(e, Some(encoding_rs::UTF_8));
        let e = declared_encoding(b"<meta charset=utf-16le>");
        assert_eq!(e, Some(encoding_rs::UTF_8), "UTF-16 in a meta means UTF-8");
        assert_eq!(declared_encoding(b"<meta name=author content=x>"), None);
        assert_eq!(declared_encoding(b"<meta charset=klingon>"), None);
        let mut late = vec![b' '; 2000];
        late.extend_from_slice(b"<meta charset=windows-1252>");
        assert_eq!(declared_encoding(&late), None, "only the first 1024 bytes");
    }
}
