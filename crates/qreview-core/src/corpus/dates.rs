//! Dates as the Senate writes them: `30/4/2013`, `30 avril 2013`, `30 april 2013`.

use jiff::civil::Date;

/// French and Dutch month names, lower case, with their month number.
const MONTHS: [(&str, i8); 25] = [
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("april", 4),
    ("mei", 5),
    ("juni", 6),
    ("juli", 7),
    ("augustus", 8),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
];

/// Builds a date, refusing impossible ones (31/2/2013).
pub fn ymd(year: i32, month: i32, day: i32) -> Option<Date> {
    let year = i16::try_from(year).ok()?;
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    Date::new(year, month, day).ok()
}

/// Parses `d/m/yyyy` at the start of `s`; returns the date and the rest.
pub fn parse_short_prefix(s: &str) -> Option<(Date, &str)> {
    let (d, rest) = take_number(s, 2)?;
    let rest = rest.strip_prefix('/')?;
    let (m, rest) = take_number(rest, 2)?;
    let rest = rest.strip_prefix('/')?;
    let (y, rest) = take_number(rest, 4)?;
    if y < 1000 {
        return None;
    }
    Some((ymd(y, m, d)?, rest))
}

/// Parses a whole `d/m/yyyy`.
pub fn parse_short(s: &str) -> Option<Date> {
    match parse_short_prefix(s.trim()) {
        Some((d, "")) => Some(d),
        _ => None,
    }
}

/// Parses `30 avril 2013` / `30 april 2013` (also `1er mai 2013`) at the start of `s`.
pub fn parse_long_prefix(s: &str) -> Option<(Date, &str)> {
    let (d, rest) = take_number(s, 2)?;
    let rest = rest.strip_prefix("er").unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    let word_end = rest.find(' ')?;
    let month_word = rest[..word_end].to_lowercase();
    let month = MONTHS.iter().find(|(name, _)| *name == month_word)?.1;
    let (y, rest) = take_number(&rest[word_end + 1..], 4)?;
    if y < 1000 {
        return None;
    }
    Some((ymd(y, i32::from(month), d)?, rest))
}

/// Parses a whole long date.
pub fn parse_long(s: &str) -> Option<Date> {
    match parse_long_prefix(s.trim()) {
        Some((d, "")) => Some(d),
        _ => None,
    }
}

/// Reads up to `max` ASCII digits; at least one.
fn take_number(s: &str, max: usize) -> Option<(i32, &str)> {
    let len = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if len == 0 || s.as_bytes().get(len).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((s[..len].parse().ok()?, &s[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn short_dates() {
        assert_eq!(parse_short("30/4/2013"), Some(date(2013, 4, 30)));
        assert_eq!(parse_short("1/12/2014"), Some(date(2014, 12, 1)));
        assert_eq!(parse_short("31/2/2013"), None);
        assert_eq!(parse_short("30/4/13"), None);
        let (d, rest) = parse_short_prefix("18/12/2013Rappel").unwrap();
        assert_eq!((d, rest), (date(2013, 12, 18), "Rappel"));
    }

    #[test]
    fn long_dates_in_both_languages() {
        assert_eq!(parse_long("30 avril 2013"), Some(date(2013, 4, 30)));
        assert_eq!(parse_long("11 februari 2010"), Some(date(2010, 2, 11)));
        assert_eq!(parse_long("5 juillet 2013"), Some(date(2013, 7, 5)));
        assert_eq!(parse_long("1er décembre 2013"), Some(date(2013, 12, 1)));
        assert_eq!(parse_long("30 Avril 2013"), Some(date(2013, 4, 30)));
        assert_eq!(parse_long("30 floréal 2013"), None);
        let (_, rest) = parse_long_prefix("11 mai 2012 :").unwrap();
        assert_eq!(rest, " :");
    }
}
