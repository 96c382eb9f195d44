//! Text normalisation for matching: lower case, accents stripped (NFD, then
//! combining marks dropped), ligatures expanded (`œ` → `oe`, `ﬁ` → `fi`),
//! typographic quotes, apostrophes and dashes folded to ASCII, every run of
//! whitespace collapsed to one space.
//!
//! [`Normalized`] keeps, for every byte of the normalised text, the byte
//! offset of the original character it came from, so a hit found in the
//! normalised text is highlighted in the original. [`normalize_into`] is the
//! same fold without the map, for building the search index. Both run the one
//! fold below, so offsets always agree with the index.
//!
//! [`fold_char`] is the one-character-for-one fold used by fuzzy matching,
//! where matched character indices must stay valid in the original.

use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Text after normalisation, with the way back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// `map[i]`: byte offset in the original of the character that produced
    /// normalised byte `i`; one extra entry holds the original's length.
    map: Vec<u32>,
    /// Length of the original text in bytes.
    original_len: usize,
}

impl Normalized {
    /// Normalises `original`, keeping the offset map.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        fold(original, &mut text, |at, bytes, one_to_one| {
            if one_to_one {
                map.extend(at as u32..(at + bytes) as u32);
            } else {
                map.extend(std::iter::repeat_n(at as u32, bytes));
            }
        });
        map.push(original.len() as u32);
        Self {
            text,
            map,
            original_len: original.len(),
        }
    }

    /// The byte range of `original` that produced the normalised bytes
    /// `range`: whole characters, including combining marks that were dropped
    /// right after it. `original` must be the text this was built from.
    pub fn original_range(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let end = range.end.min(self.text.len());
        let start = self.map[range.start.min(end)] as usize;
        if end <= range.start {
            return start..start;
        }
        let last = self.map[end - 1] as usize;
        let next = self.map[end] as usize;
        let end = if next > last {
            next
        } else {
            // The range ends inside one character's expansion: take it whole.
            last + original[last..].chars().next().map_or(0, char::len_utf8)
        };
        start..end.min(self.original_len)
    }
}

/// Appends the normalised form of `text` to `out` (no offset map).
pub fn normalize_into(text: &str, out: &mut String) {
    fold(text, out, |_, _, _| {});
}

/// The normalised form of `text`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// The one fold: pushes normalised text to `out` and reports, for every
/// piece pushed, the original offset, how many bytes it took, and whether
/// those bytes map one to one onto the original (a run of ASCII) or all come
/// from the one character at that offset.
fn fold(text: &str, out: &mut String, mut mapped: impl FnMut(usize, usize, bool)) {
    let bytes = text.as_bytes();
    let mut last_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // A run of ASCII that needs no collapsing is copied whole and
            // lower-cased in place: most of a French or Dutch text.
            let mut j = i;
            let mut space = last_space;
            while j < bytes.len() {
                let c = bytes[j];
                let plain = c > b' ' && c != 0x7f && c < 0x80;
                if plain || (c == b' ' && !space) {
                    space = c == b' ';
                    j += 1;
                } else {
                    break;
                }
            }
            if j > i {
                let from = out.len();
                out.push_str(&text[i..j]);
                out[from..].make_ascii_lowercase();
                mapped(i, j - i, true);
                last_space = space;
                i = j;
                continue;
            }
            // Whitespace or a control character after a space, or a tab/newline.
            i += 1;
            if !last_space {
                out.push(' ');
                mapped(i - 1, 1, true);
                last_space = true;
            }
            continue;
        }
        let c = text[i..].chars().next().expect("char boundary");
        let at = i;
        i += c.len_utf8();
        let folded = folded(c);
        match folded.as_ref() {
            "" => {}
            " " => {
                if !last_space {
                    out.push(' ');
                    mapped(at, 1, false);
                    last_space = true;
                }
            }
            s => {
                out.push_str(s);
                mapped(at, s.len(), false);
                last_space = false;
            }
        }
    }
}

/// Characters below this have their fold precomputed in a table.
const TABLE_END: u32 = 0x250;

/// The fold of one non-ASCII character: `""` (dropped), `" "`, or text.
fn folded(c: char) -> std::borrow::Cow<'static, str> {
    static TABLE: OnceLock<Vec<Box<str>>> = OnceLock::new();
    if (c as u32) < TABLE_END {
        let table = TABLE.get_or_init(|| {
            (0..TABLE_END)
                .map(|u| char::from_u32(u).map_or_else(String::new, fold_slow).into())
                .collect()
        });
        let s: &'static str = &table[c as usize];
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(fold_slow(c))
}

/// The fold of one character, computed.
fn fold_slow(c: char) -> String {
    if let Some(s) = special(c) {
        return s.to_string();
    }
    if c.is_whitespace() || c.is_control() {
        return " ".to_string();
    }
    let mut out = String::new();
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
    out
}

/// Ligatures, quotes, dashes and invisible characters, which decomposition
/// alone does not fold.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' | 'ẞ' => "ss",
        'ĳ' | 'Ĳ' => "ij",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' => "d",
        'ł' | 'Ł' => "l",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '‹' | '›'
        | '`' | '´' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '«' | '»' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => "-",
        '…' => "...",
        // Soft hyphen, zero-width and bidirectional marks: invisible, so dropped.
        '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => "",
        _ => return None,
    })
}

/// One character for one: lower case, accent stripped, quote or dash folded;
/// a character that would expand (`œ`) stays as it is in lower case. Used
/// where character indices must stay valid in the original (fuzzy matching).
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return if c.is_ascii_whitespace() || c.is_ascii_control() {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
    }
    let mut chars = folded(c).chars().collect::<Vec<_>>().into_iter();
    match (chars.next(), chars.next()) {
        (Some(one), None) => one,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case() {
        assert_eq!(normalize("Médias SOCIAUX"), "medias sociaux");
        assert_eq!(
            normalize("Réseaux, ÉTAT, naïve, Übergang, ça"),
            "reseaux, etat, naive, ubergang, ca"
        );
        // Decomposed input (e + combining acute) folds the same as precomposed.
        assert_eq!(normalize("me\u{301}dias"), "medias");
        assert_eq!(normalize("efficiënt één"), "efficient een");
    }

    #[test]
    fn ligatures() {
        assert_eq!(normalize("mise en œuvre"), "mise en oeuvre");
        assert_eq!(
            normalize("Œuvre Æther ﬁnance ﬂux eﬃcace Ĳsselmeer straße"),
            "oeuvre aether finance flux efficace ijsselmeer strasse"
        );
    }

    #[test]
    fn quotes_dashes_and_whitespace() {
        assert_eq!(
            normalize("l’atout « on the record »"),
            "l'atout \" on the record \""
        );
        assert_eq!(
            normalize("“good news” – Belgique — FOD ‘x’"),
            "\"good news\" - belgique - fod 'x'"
        );
        assert_eq!(normalize("a \t\n\u{a0} b\u{202f}c"), "a b c");
        assert_eq!(
            normalize("zero\u{200b}width soft\u{ad}hyphen"),
            "zerowidth softhyphen"
        );
    }

    #[test]
    fn map_leads_back_to_the_original() {
        let original = "Les  médias sociaux, mise en œuvre";
        let n = Normalized::new(original);
        assert_eq!(n.text, "les medias sociaux, mise en oeuvre");
        let at = n.text.find("medias").unwrap();
        let r = n.original_range(original, at..at + "medias".len());
        assert_eq!(&original[r], "médias");
        let at = n.text.find("oeuvre").unwrap();
        assert_eq!(&original[n.original_range(original, at..at + 6)], "œuvre");
        // A range ending inside an expansion takes the whole character.
        let at = n.text.find("en o").unwrap();
        assert_eq!(&original[n.original_range(original, at..at + 4)], "en œ");
        // A range past the end is cut at the end.
        assert_eq!(n.original_range(original, 30..99).end, original.len());
        // Combining marks after the last character are part of it.
        let decomposed = "cafe\u{301} noir";
        let n = Normalized::new(decomposed);
        assert_eq!(
            &decomposed[n.original_range(decomposed, 0..4)],
            "cafe\u{301}"
        );
    }

    #[test]
    fn one_for_one_fold() {
        let folded: String = "Médias Œuvre ’".chars().map(fold_char).collect();
        assert_eq!(folded, "medias œuvre '");
    }
}
