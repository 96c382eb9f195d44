//! Turning input bytes into clean text: UTF-8 (BOM stripped) else Windows-1252,
//! line endings normalised, control characters dropped.
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
    fn falls_back_to_windows_1252() {
        let d = decode("a", b"ok\nm\xe9dias \x9cuvre\n");
        assert_eq!(d.text, "ok\nmédias œuvre\n");
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].line, Some(2));
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
