//! Numbers as analysts' sources write them: `1 565` (space, no-break or thin
//! space), `1.565` and `1,565` (thousands), `1,5` and `1.5` (decimals).
//!
//! A separator followed by exactly three digits groups thousands; any other
//! `,` or `.` followed by digits is a decimal point. Pure functions.

/// Characters that group thousands.
const GROUP: [char; 6] = [' ', '\u{a0}', '\u{2009}', '\u{202f}', '.', ','];

/// A number found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// Its value.
    pub value: f64,
    /// True when it has no decimal part.
    pub whole: bool,
    /// Byte offset of its first digit.
    pub start: usize,
    /// Byte offset just past its last digit.
    pub end: usize,
}

/// Every number in `text`, in order. A digit glued to a letter (`5-8902`'s
/// parts, `H2O`) still starts a number; callers judge what follows.
pub fn numbers(text: &str) -> Vec<Number> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let n = read_at(text, i);
            i = n.end;
            out.push(n);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads the number whose first digit is at `start`.
pub fn read_at(text: &str, start: usize) -> Number {
    let bytes = text.as_bytes();
    let digits_end = |from: usize| {
        let mut j = from;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut end = digits_end(start);
    let mut integer: String = text[start..end].to_string();
    let mut group_sep: Option<char> = None;
    if end - start <= 3 {
        while let Some(c) = text[end..].chars().next() {
            if !GROUP.contains(&c) || group_sep.is_some_and(|g| g != c) {
                break;
            }
            let after = end + c.len_utf8();
            let run_end = digits_end(after);
            if run_end - after != 3 {
                break;
            }
            group_sep = Some(c);
            integer.push_str(&text[after..run_end]);
            end = run_end;
        }
    }
    let mut value: f64 = integer.parse().unwrap_or(0.0);
    let mut whole = true;
    if let Some(c @ (',' | '.')) = text[end..].chars().next() {
        let after = end + 1;
        let run_end = digits_end(after);
        if run_end > after && group_sep != Some(c) && !(group_sep.is_none() && run_end - after == 3)
        {
            let fraction: f64 = format!("0.{}", &text[after..run_end])
                .parse()
                .unwrap_or(0.0);
            value += fraction;
            whole = false;
            end = run_end;
        }
    }
    Number {
        value,
        whole,
        start,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> (f64, &str) {
        let n = numbers(s)[0];
        (n.value, &s[n.start..n.end])
    }

    #[test]
    fn thousands_in_every_local_form() {
        assert_eq!(first("nous avons 1 565 likes").0, 1565.0);
        assert_eq!(first("1\u{a0}565 j'aime").0, 1565.0);
        assert_eq!(first("1\u{2009}565 abonnés").0, 1565.0);
        assert_eq!(first("1\u{202f}565 abonnés").0, 1565.0);
        assert_eq!(first("1.565 vind-ik-leuks").0, 1565.0);
        assert_eq!(first("1,565 likes"), (1565.0, "1,565"));
        assert_eq!(first("2 085 followers"), (2085.0, "2 085"));
        assert_eq!(first("12 345 678 vues").0, 12_345_678.0);
        assert_eq!(first("£120,000 on ads").0, 120_000.0);
    }

    #[test]
    fn decimals_and_separate_numbers() {
        assert_eq!(first("1,5 ETP"), (1.5, "1,5"));
        assert_eq!(first("0.5 FTE"), (0.5, "0.5"));
        assert_eq!(first("1.250,50 euros").0, 1250.5);
        let all = numbers("648 tweets pour 2 085 followers");
        assert_eq!(
            all.iter().map(|n| n.value).collect::<Vec<_>>(),
            [648.0, 2085.0]
        );
        // Four digits never start a group; a mixed separator stops one.
        assert_eq!(numbers("en 2013 150 posts").len(), 2);
        assert_eq!(first("1 565.5").0, 1565.5);
        assert!(numbers("aucun chiffre").is_empty());
    }
}
