//! Putting back the line breaks the Chamber's open data lost: sentences and
//! numbered sub-questions run together (`…migratie.In vele landen…`,
//! `…?2. Zijn de ambassades…`), so the parts can be split again.

/// Breaks `text` before a sentence glued to the previous one and before a
/// numbered sub-question (`2.`, `3)`) that follows the end of a sentence.
pub fn unglue(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        i += 1;
        if !matches!(c, '.' | '?' | '!' | ':' | ';') || i >= chars.len() {
            continue;
        }
        let before = (i >= 2).then(|| chars[i - 2]);
        // Spaces between the end of a sentence and a numbered label.
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if ends_sentence(c, before) && starts_numbered_label(&chars[j..]) {
            trim_trailing_spaces(&mut out);
            out.push('\n');
            i = j;
            continue;
        }
        // `word.Word`: a glued sentence (not `S.P.F.` nor `p.ex.`).
        let next = chars[i];
        if matches!(c, '.' | '?' | '!')
            && next.is_uppercase()
            && before.is_some_and(|b| b.is_lowercase() || matches!(b, ')' | '»' | '"'))
            && chars.get(i + 1).is_none_or(|n| *n != '.')
        {
            out.push('\n');
        }
    }
    out
}

/// True when `c` (preceded by `before`) can end the sentence before a label:
/// `?`, `!`, `:` and `;` always, `.` unless it ends a number (`1.5`) or an
/// initial.
fn ends_sentence(c: char, before: Option<char>) -> bool {
    match c {
        '?' | '!' | ':' | ';' => true,
        '.' => before.is_some_and(|b| b.is_lowercase() || matches!(b, ')' | '»' | '"')),
        _ => false,
    }
}

/// `2. Zijn`, `3) Quels`, `4° Hoe`: one or two digits, a mark, a space, then
/// a letter.
fn starts_numbered_label(rest: &[char]) -> bool {
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    matches!(rest.get(digits), Some('.' | ')' | '°'))
        && rest.get(digits + 1) == Some(&' ')
        && rest.get(digits + 2).is_some_and(|c| c.is_alphabetic())
}

fn trim_trailing_spaces(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_sentences_and_sub_questions_are_split() {
        let glued = "Ik verwijs naar huwelijksmigratie.In vele landen is dat zo. 1. Hoeveel visa werden geweigerd?2. Zijn de ambassades bevoegd?3) Welke termijn?";
        assert_eq!(
            unglue(glued),
            "Ik verwijs naar huwelijksmigratie.\nIn vele landen is dat zo.\n1. Hoeveel visa werden geweigerd?\n2. Zijn de ambassades bevoegd?\n3) Welke termijn?"
        );
    }

    #[test]
    fn numbers_initials_and_abbreviations_stay() {
        for kept in [
            "Le S.P.F. Justice répond.",
            "Il y a 1.5 million de cas, p.ex. Anvers.",
            "Article 2. Le texte",
            "Voir M. Dupont.",
        ] {
            assert_eq!(unglue(kept), kept);
        }
    }
}
