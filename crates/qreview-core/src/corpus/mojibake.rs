//! Repair of the known mis-decoding in Senate body texts: Windows-1252 bytes
//! shown as Mac Central European (`potentiŽle` for `potentiële`, `Ų` for `ö`).
//!
//! Only Latin Extended-A letters sitting inside a word are touched: French and
//! Dutch never use them there, so a correct text is left alone.

/// Mac Central European characters for bytes 0x80..=0xFF.
const MAC_CE: [char; 128] = [
    'Ä', 'Ā', 'ā', 'É', 'Ą', 'Ö', 'Ü', 'á', 'ą', 'Č', 'ä', 'č', 'Ć', 'ć', 'é', 'Ź', //
    'ź', 'Ď', 'í', 'ď', 'Ē', 'ē', 'Ė', 'ó', 'ė', 'ô', 'ö', 'õ', 'ú', 'Ě', 'ě', 'ü', //
    '†', '°', 'Ę', '£', '§', '•', '¶', 'ß', '®', '©', '™', 'ę', '¨', '≠', 'ģ', 'Į', //
    'į', 'Ī', '≤', '≥', 'ī', 'Ķ', '∂', '∑', 'ł', 'Ļ', 'ļ', 'Ľ', 'ľ', 'Ĺ', 'ĺ', 'Ņ', //
    'ņ', 'Ń', '¬', '√', 'ń', 'Ň', '∆', '«', '»', '…', '\u{a0}', 'ň', 'Ő', 'Õ', 'ő', 'Ō', //
    '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ō', 'Ŕ', 'ŕ', 'Ř', '‹', '›', 'ř', 'Ŗ', //
    'ŗ', 'Š', '‚', '„', 'š', 'Ś', 'ś', 'Á', 'Ť', 'ť', 'Í', 'Ž', 'ž', 'Ū', 'Ó', 'Ô', //
    'ū', 'Ů', 'Ú', 'ů', 'Ű', 'ű', 'Ų', 'ų', 'Ý', 'ý', 'ķ', 'Ż', 'Ł', 'ż', 'Ģ', 'ˇ', //
];

/// The Windows-1252 letter that `c` stands for, when `c` is a Latin
/// Extended-A letter of the Mac Central European table.
fn original(c: char) -> Option<char> {
    let index = (c as u32).checked_sub(0x100).filter(|i| *i < 0x80)?;
    table()[index as usize]
}

/// For U+0100..U+017F: the letter each stands for, built once.
fn table() -> &'static [Option<char>; 128] {
    static TABLE: std::sync::OnceLock<[Option<char>; 128]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [None; 128];
        for (pos, &m) in MAC_CE.iter().enumerate() {
            if ('\u{100}'..='\u{17f}').contains(&m) {
                let byte = [0x80 + pos as u8];
                let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
                t[m as usize - 0x100] = decoded.chars().next().filter(|o| o.is_alphabetic());
            }
        }
        t
    })
}

/// One repair, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// 0-based line index in the text.
    pub line: usize,
    /// The word before repair.
    pub before: String,
    /// The word after repair.
    pub after: String,
}

/// Repairs mis-decoded letters inside words; returns the text and the repairs.
pub fn repair(text: &str) -> (String, Vec<Repair>) {
    // Latin Extended-A letters are encoded with lead byte C4 or C5: most
    // texts have none, and are returned after one fast scan.
    if memchr::memchr2(0xc4, 0xc5, text.as_bytes()).is_none()
        || !text.chars().any(|c| original(c).is_some())
    {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut repairs = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        if memchr::memchr2(0xc4, 0xc5, line.as_bytes()).is_none() {
            out.push_str(line);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut fixed = chars.clone();
        for i in 0..chars.len() {
            let Some(o) = original(chars[i]) else {
                continue;
            };
            let before_letter = i > 0 && chars[i - 1].is_alphabetic();
            let after_letter = chars.get(i + 1).is_some_and(|c| c.is_alphabetic());
            let after_lower = chars.get(i + 1).is_some_and(|c| c.is_lowercase());
            // Inside a word, or an upper-case letter glued after a lower-case one.
            if (before_letter && after_letter)
                || (before_letter
                    && chars[i - 1].is_lowercase()
                    && !after_lower
                    && chars[i].is_uppercase())
            {
                fixed[i] = o;
            }
        }
        if fixed != chars {
            let (mut start, mut end) = (0, chars.len());
            if let Some(first) = fixed.iter().zip(&chars).position(|(a, b)| a != b) {
                start = chars[..first]
                    .iter()
                    .rposition(|c| !c.is_alphabetic())
                    .map_or(0, |p| p + 1);
                end = chars[first..]
                    .iter()
                    .position(|c| !c.is_alphabetic())
                    .map_or(chars.len(), |p| first + p);
            }
            repairs.push(Repair {
                line: index,
                before: chars[start..end].iter().collect(),
                after: fixed[start..end].iter().collect(),
            });
        }
        out.extend(fixed);
    }
    (out, repairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_known_examples() {
        let (t, r) = repair("de potentiŽle en officiŽle\nJoŽlle en ViscoŲperatie");
        assert_eq!(t, "de potentiële en officiële\nJoëlle en Viscoöperatie");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].before, "potentiŽle");
        assert_eq!(r[0].after, "potentiële");
        assert_eq!(r[1].line, 1);
    }

    #[test]
    fn leaves_clean_text_alone() {
        let clean = "Le Service public fédéral, l'œuvre, Škoda, naïve, coöperatie";
        let (t, r) = repair(clean);
        assert_eq!(t, clean);
        assert!(r.is_empty());
    }
}
