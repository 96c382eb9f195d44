//! Numbered parts of questions and answers, and the question/answer boundary
//! when no answer marker says where it is.

use super::model::Part;
use super::text::Text;

/// A numbered label at the start of a line: its number, the label as written
/// (`1)`, `2.`, `3°`) and the byte offset where the text after it begins.
pub fn numbered_label(line: &str) -> Option<(u32, &str, usize)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let after = &line[digits..];
    let mark = after.chars().next()?;
    if !matches!(mark, ')' | '.' | '°') {
        return None;
    }
    let label_end = digits + mark.len_utf8();
    let rest = &line[label_end..];
    // `1.5 million` or `2.` alone at the end of a sentence are not labels.
    if !(rest.is_empty() || rest.starts_with([' ', '\t', '\u{a0}'])) {
        return None;
    }
    let n: u32 = line[..digits].parse().ok()?;
    let text_start = label_end + (rest.len() - rest.trim_start().len());
    Some((n, &line[..label_end], text_start))
}

/// Splits `text` into consecutively numbered parts (1, 2, 3 …), each a
/// slice of `text` sharing its buffer. Lines before part 1 belong to no
/// part; continuation lines belong to the part above.
pub fn split_parts(text: &Text) -> Vec<Part> {
    // (label, start of the text after the label, end of the part so far)
    let mut found: Vec<(String, usize, usize)> = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let expected = found.len() as u32 + 1;
        match numbered_label(line) {
            Some((n, label, start)) if n == expected => {
                found.push((label.to_string(), offset + start, offset + line.len()));
            }
            _ => {
                if let Some(last) = found.last_mut() {
                    last.2 = offset + line.len();
                }
            }
        }
        offset += line.len() + 1;
    }
    found
        .into_iter()
        .map(|(label, start, end)| {
            let end = start + text[start..end].trim_end().len();
            Part {
                label,
                text: text.slice(start..end),
            }
        })
        .collect()
}

/// Finds where an unmarked answer begins: the first line whose numbering
/// restarts at 1 after the question's own parts (1, 2, … n). Returns its index.
///
/// Lines between the last question part and that restart belong to the
/// answer when they follow a line that ends the question with `?`: an
/// answer often opens with a sentence before its own numbering.
pub fn infer_answer_start(lines: &[&str]) -> Option<usize> {
    let mut last = 0u32;
    let mut last_part_line = 0;
    for (i, line) in lines.iter().enumerate() {
        if let Some((n, _, _)) = numbered_label(line) {
            if n == last + 1 {
                last = n;
                last_part_line = i;
            } else if n == 1 && last >= 1 {
                let asks = |l: &&str| {
                    l.trim_end()
                        .trim_end_matches(['»', ')', ' ', '\u{a0}'])
                        .ends_with('?')
                };
                let intro = (last_part_line..i)
                    .rev()
                    .find(|&j| asks(&lines[j]))
                    .map_or(i, |j| j + 1);
                return Some(intro);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(numbered_label("1) Les SPF"), Some((1, "1)", 3)));
        assert_eq!(numbered_label("2. a. Depuis"), Some((2, "2.", 3)));
        assert_eq!(numbered_label("3° Enfin"), Some((3, "3°", 4)));
        assert_eq!(numbered_label("1.5 million"), None);
        assert_eq!(numbered_label("2013. Fin"), None);
        assert_eq!(numbered_label("Pourquoi ?"), None);
    }

    #[test]
    fn parts_keep_sub_parts_inside() {
        let lines = [
            "Intro",
            "1. Un",
            "suite",
            "2. a. Deux",
            "b. Trois",
            "3. Quatre  ",
        ];
        let parts = split_parts(&Text::from(lines.join("\n")));
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].text, "Un\nsuite");
        assert_eq!(parts[1].label, "2.");
        assert_eq!(parts[1].text, "a. Deux\nb. Trois");
    }

    #[test]
    fn skipped_numbers_are_not_parts() {
        let parts = split_parts(&Text::from("1) a\n3) b\n2) c"));
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].text, "a\n3) b");
    }

    #[test]
    fn infers_restart() {
        let lines = ["Intro", "1) q", "2) q", "3) q", "4) q", "1. a", "2. a"];
        assert_eq!(infer_answer_start(&lines), Some(5));
        assert_eq!(infer_answer_start(&["1) q", "2) q"]), None);
        assert_eq!(infer_answer_start(&["no numbers"]), None);
        // An answer's opening sentence before its numbering belongs to the answer.
        let lines = [
            "1) q ?",
            "2) q ?",
            "suite ?",
            "L'honorable membre trouvera la réponse.",
            "1. a",
        ];
        assert_eq!(infer_answer_start(&lines), Some(3));
        // A last part that does not end with a question mark keeps its lines.
        let lines = ["1) q ?", "2) Veuillez ventiler.", "par année.", "1. a"];
        assert_eq!(infer_answer_start(&lines), Some(3));
    }
}
