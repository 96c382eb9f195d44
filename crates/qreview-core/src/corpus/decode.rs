//! Turning input bytes into clean text: UTF-8 (BOM stripped; a few invalid
//! bytes replaced) else Windows-1252, line endings normalised, control
//! characters dropped. UTF-16 is recognised and refused with its name.
//!
//! Every repair is reported, so the analyst knows the text was touched.

use super::diagnostic::Diagnostic;

/// Text decoded from a file, with what had to be repaired.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text with `\n` line endings and no control characters but `\n` and `\t`.
    pub text: String,
    /// Warnings (encoding fallback, removed characters) and errors (binary input).
    pub diagnostics: Vec<Diagnostic>,
    /// True when the bytes look like a binary file rather than text.
    pub binary: bool,
}

/// Decodes `bytes` read from `path`.
pub fn decode(path: &str, bytes: &[u8]) -> Decoded {
    let mut diagnostics = Vec::new();
    // The common case, checked first because it runs over the whole corpus:
    // valid UTF-8 without any control character cannot be binary.
    let unbommed = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(unbommed)
        && !needs_cleaning(text)
    {
        return Decoded {
            text: text.to_string(),
            diagnostics,
            binary: false,
        };
    }
    if looks_utf16(bytes) {
        diagnostics.push(Diagnostic::error(
            path,
            None,
            "UTF-16 is not supported; save the file as UTF-8",
        ));
        return Decoded {
            text: String::new(),
            diagnostics,
            binary: true,
        };
    }
    if looks_binary(bytes) {
        diagnostics.push(Diagnostic::error(
            path,
            None,
            "looks like a binary file, not text; skipped (give qreview .txt or .json files)",
        ));
        return Decoded {
            text: String::new(),
            diagnostics,
            binary: true,
        };
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let raw = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) if mostly_utf8(bytes) => {
            let (text, replaced) = replace_invalid(bytes);
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            diagnostics.push(Diagnostic::warning(
                path,
                Some(line),
                format!(
                    "replaced {replaced} byte(s) that are not valid UTF-8 with U+FFFD (first on this line)"
                ),
            ));
            text
        }
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            diagnostics.push(Diagnostic::warning(
                path,
                Some(line),
                "not valid UTF-8; read the file as Windows-1252",
            ));
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
    };
    let text = clean_controls(path, raw, &mut diagnostics);
    Decoded {
        text,
        diagnostics,
        binary: false,
    }
}

/// Decodes `bytes` whose markup declares `declared` (an HTML `<meta charset>`).
///
/// A byte order mark wins over the declaration, as in browsers. A page that
/// declares a single-byte encoding but is valid UTF-8 holding non-ASCII text
/// was re-saved as UTF-8 with its old meta tag: it is read as UTF-8, with a
/// warning. Without a declaration, or declaring UTF-8, this is [`decode`].
pub fn decode_declared(
    path: &str,
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
) -> Decoded {
    let bom = encoding_rs::Encoding::for_bom(bytes);
    let declared = match (bom, declared) {
        (Some((enc, _)), _) if enc != encoding_rs::UTF_8 => Some(enc),
        (Some(_), _) | (None, None) => None,
        (None, Some(enc)) if enc == encoding_rs::UTF_8 => None,
        (None, Some(enc)) => Some(enc),
    };
    let Some(enc) = declared else {
        return decode(path, bytes);
    };
    let mut diagnostics = Vec::new();
    if bom.is_none() && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        let mut d = decode(path, bytes);
        d.diagnostics.insert(
            0,
            Diagnostic::warning(
                path,
                Some(1),
                format!(
                    "the page declares {} but is UTF-8; read as UTF-8",
                    enc.name()
                ),
            ),
        );
        return d;
    }
    if bom.is_none() && looks_binary(bytes) {
        return decode(path, bytes);
    }
    let (text, _, malformed) = enc.decode(bytes);
    if malformed {
        diagnostics.push(Diagnostic::warning(
            path,
            None,
            format!("bytes that are not {} were replaced by U+FFFD", enc.name()),
        ));
    }
    let text = clean_controls(path, text.into_owned(), &mut diagnostics);
    Decoded {
        text,
        diagnostics,
        binary: false,
    }
}

/// UTF-16 text: a UTF-16 byte order mark, or a sample in which most odd
/// (or most even) bytes are NUL, as ASCII text in UTF-16 has.
fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let sample = &bytes[..bytes.len().min(8192) & !1];
    if sample.len() < 16 {
        return false;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    (odd * 10 > pairs * 7 && even * 10 < pairs) || (even * 10 > pairs * 7 && odd * 10 < pairs)
}

/// True when `bytes`, not valid UTF-8, are still overwhelmingly UTF-8: its
/// valid multi-byte characters outnumber its invalid bytes four to one. A
/// Windows-1252 file has (almost) no valid multi-byte sequence, so it does
/// not pass; a UTF-8 page with a stray byte does.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > invalid * 4
}

/// `bytes` as UTF-8 with each invalid sequence replaced by U+FFFD, and the
/// number of invalid bytes.
fn replace_invalid(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            replaced += chunk.invalid().len();
            out.push('\u{FFFD}');
        }
    }
    (out, replaced)
}

/// [`decode`] of bytes it may keep: the common case, valid UTF-8 with
/// nothing to clean, becomes the text without a copy.
pub fn decode_owned(path: &str, mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) if !needs_cleaning(&text) => Decoded {
            text,
            diagnostics: Vec::new(),
            binary: false,
        },
        Ok(text) => decode(path, text.as_bytes()),
        Err(e) => decode(path, e.as_bytes()),
    }
}

/// A file is binary when a sample has many NUL bytes or many control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    let nul = sample.iter().filter(|&&b| b == 0).count();
    let ctrl = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    (nul > 8 && nul * 20 > sample.len()) || (ctrl > 8 && ctrl * 10 > sample.len())
}

/// True when `raw` holds a CR, a C0 control other than LF and tab, DEL, or
/// a C1 control (UTF-8 `C2 80`–`C2 9F`): only then is a cleaning pass needed.
///
/// Runs over every byte of the corpus, so it tests eight bytes at a time and
/// looks closer only at words holding a byte below 0x20, DEL or 0xC2.
fn needs_cleaning(raw: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit set in each byte of `x` that is zero.
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let bytes = raw.as_bytes();
    let suspect = |i: usize| {
        let b = bytes[i];
        (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    };
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(word);
        // Bytes below 0x20 (ASCII only: a set high bit is never below 0x20).
        let low = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let hits = low | zero_bytes(x ^ (ONES * 0x7f)) | zero_bytes(x ^ (ONES * 0xc2));
        if hits != 0 && (i..i + 8).any(suspect) {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(suspect)
}

/// Normalises CRLF and lone CR to LF and drops other control characters.
fn clean_controls(path: &str, raw: String, diagnostics: &mut Vec<Diagnostic>) -> String {
    if !needs_cleaning(&raw) {
        return raw;
    }
    let mut out = String::with_capacity(raw.len());
    let mut removed = 0usize;
    let mut first_line = None;
    let mut line = 1usize;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                line += 1;
            }
            '\n' => {
                out.push('\n');
                line += 1;
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {
                removed += 1;
                first_line.get_or_insert(line);
            }
            c => out.push(c),
        }
    }
    if removed > 0 {
        diagnostics.push(Diagnostic::warning(
            path,
            first_line,
            format!("removed {removed} control character(s) (first on this line)"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let d = decode("a", b"\xEF\xBB\xBFone\r\ntwo\rthree\n");
        assert_eq!(d.text, "one\ntwo\nthree\n");
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn owned_bytes_decode_like_borrowed_ones() {
        for bytes in [
            &b"\xEF\xBB\xBFone\r\ntwo"[..],
            b"ok\nm\xe9dias",
            "plain médias\n".as_bytes(),
            b"\xFF\xFEa\0b\0",
        ] {
            let (a, b) = (decode("a", bytes), decode_owned("a", bytes.to_vec()));
            assert_eq!((a.text, a.binary), (b.text, b.binary));
            assert_eq!(a.diagnostics.len(), b.diagnostics.len());
        }
    }

    #[test]
    fn falls_back_to_windows_1252() {
        let d = decode("a", b"ok\nm\xe9dias \x9cuvre\n");
        assert_eq!(d.text, "ok\nmédias œuvre\n");
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].line, Some(2));
    }

    #[test]
    fn a_stray_byte_in_utf8_is_replaced_not_read_as_windows_1252() {
        let mut bytes = "Question écrite n° 5-8902\nmédias sociaux à l'été\n"
            .as_bytes()
            .to_vec();
        bytes.push(0xC3);
        let d = decode("a", &bytes);
        assert_eq!(
            d.text,
            "Question écrite n° 5-8902\nmédias sociaux à l'été\n\u{FFFD}"
        );
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].line, Some(3));
        assert!(d.diagnostics[0].message.contains("replaced 1 byte"));
        assert!(!d.diagnostics[0].is_error());
    }

    #[test]
    fn utf16_is_named_not_called_binary() {
        let text = "Question 5-8902\nmédias sociaux\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le, be_no_bom] {
            let d = decode("a", &bytes);
            assert!(d.text.is_empty());
            assert_eq!(
                d.diagnostics[0].message,
                "UTF-16 is not supported; save the file as UTF-8"
            );
        }
    }

    #[test]
    fn drops_controls_with_a_warning() {
        let d = decode("a", "x\ny\u{1b}[2Jz\u{0}\u{85}".as_bytes());
        assert_eq!(d.text, "x\ny[2Jz");
        assert_eq!(d.diagnostics[0].line, Some(2));
        assert!(d.diagnostics[0].message.contains("3 control"));
    }

    #[test]
    fn finds_controls_at_every_position() {
        for len in 0..20 {
            for at in 0..len {
                for bad in ["\r", "\u{1}", "\u{7f}", "\u{85}", "\u{1b}"] {
                    let mut s: String = "a".repeat(len);
                    s.replace_range(at..at + 1, bad);
                    assert!(needs_cleaning(&s), "{bad:?} at {at} of {len}");
                }
                let clean: String = "aé\n\t€".chars().cycle().take(len).collect();
                assert!(!needs_cleaning(&clean), "{clean:?}");
            }
        }
    }

    #[test]
    fn a_declared_encoding_is_honoured_unless_a_bom_or_utf8_says_otherwise() {
        let cp = Some(encoding_rs::WINDOWS_1252);
        let d = decode_declared("p.html", b"m\xe9dias \x9cuvre", cp);
        assert_eq!(d.text, "médias œuvre");
        assert!(
            d.diagnostics.is_empty(),
            "a declared encoding is no surprise"
        );
        let d = decode_declared("p.html", "médias".as_bytes(), cp);
        assert_eq!(d.text, "médias");
        assert!(d.diagnostics[0].message.contains("is UTF-8"));
        let d = decode_declared("p.html", b"\xEF\xBB\xBFm\xc3\xa9dias", cp);
        assert_eq!(d.text, "médias", "the BOM wins");
        let d = decode_declared("p.html", b"ascii only\r\n", cp);
        assert_eq!(d.text, "ascii only\n");
        let d = decode_declared("p.html", b"m\xe9dias", None);
        assert_eq!(d.text, "médias");
        assert!(d.diagnostics[0].message.contains("Windows-1252"));
    }

    #[test]
    fn refuses_binary() {
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        let d = decode("a.bin", &bytes);
        assert!(d.binary);
        assert!(d.diagnostics[0].is_error());
        assert!(!decode("e", b"").binary);
    }
}
