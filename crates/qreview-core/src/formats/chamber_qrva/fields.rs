//! Reading the values of one QRVA item: strings or numbers or null, the
//! `{"br": [...]}` texts, `AUT`, `PUBLICAn`, dates and keyword lists.
//!
//! Every reader returns `None` (or an empty list) for a missing, null or
//! malformed value; the record reader decides what is worth a diagnostic.

use jiff::civil::Date;
use serde_json::Value;

use crate::corpus::Publication;
use crate::corpus::dates;

/// A field as trimmed text with inner runs of white space as one space:
/// strings as given, numbers written out, anything else `None`.
pub fn text(item: &Value, key: &str) -> Option<String> {
    let raw = match item.get(key)? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let joined = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// A whole number, given as a number or as digits in a string.
pub fn number(item: &Value, key: &str) -> Option<u64> {
    match item.get(key)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A `yyyymmdd` date.
pub fn date(item: &Value, key: &str) -> Option<Date> {
    let s = text(item, key)?;
    parse_compact_date(&s)
}

/// `20140718` → 2014-07-18.
pub fn parse_compact_date(s: &str) -> Option<Date> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<i32>().ok();
    dates::ymd(n(0..4)?, n(4..6)?, n(6..8)?)
}

/// The lines of a `{"br": [...]}` text (also a bare string or list), joined
/// by `\n`; `None` when absent, null or empty.
pub fn br_text(item: &Value, key: &str) -> Option<String> {
    let value = item.get(key)?;
    let lines = match value {
        Value::Object(o) => o.get("br")?,
        other => other,
    };
    let joined = match lines {
        Value::String(s) => s.trim().to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => return None,
    };
    (!joined.is_empty()).then_some(joined)
}

/// `AUT`: the name and the party, split by commas across newlines and
/// indentation (`"First\n      Last,\n      PARTY"`). The last of several
/// comma-separated pieces is the party.
pub fn author(item: &Value) -> (Option<String>, Option<String>) {
    let Some(aut) = text(item, "AUT") else {
        return (None, None);
    };
    let pieces: Vec<&str> = aut
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match pieces.as_slice() {
        [] => (None, None),
        [name] => (Some((*name).to_string()), None),
        [name @ .., party] => (Some(name.join(", ")), Some((*party).to_string())),
    }
}

/// `PUBLICAn`: `"B001,\n ,\n 10/10/2014,\n 00002014"` → bulletin, page, date.
pub fn publication(item: &Value, key: &str) -> Option<Publication> {
    let s = text(item, key)?;
    let pieces: Vec<&str> = s.split(',').map(str::trim).collect();
    let bulletin = pieces.first().filter(|b| !b.is_empty())?.to_string();
    let page = pieces
        .get(1)
        .filter(|p| !p.is_empty())
        .map(|p| (*p).to_string());
    let date = pieces.get(2).and_then(|d| dates::parse_short(d));
    Some(Publication {
        bulletin,
        page,
        date,
    })
}

/// Keywords in one language: `MAIN_THESA*`, `THESA*` (terms separated by
/// `|`), `DESC*` and `FREE*`, trimmed, in that order, each once.
pub fn keywords(item: &Value, suffix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in ["MAIN_THESA", "MAINTHESA", "THESA", "DESC", "FREE"] {
        let Some(value) = text(item, &format!("{key}{suffix}")) else {
            continue;
        };
        for term in value.split('|').map(str::trim).filter(|t| !t.is_empty()) {
            if !out.iter().any(|o| o == term) {
                out.push(term.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn author_and_party_across_newlines() {
        let item = json!({"AUT": "Jan\n      Peeters,\n      N-VA"});
        assert_eq!(
            author(&item),
            (Some("Jan Peeters".into()), Some("N-VA".into()))
        );
        assert_eq!(author(&json!({"AUT": null})), (None, None));
        assert_eq!(author(&json!({"AUT": "Solo"})), (Some("Solo".into()), None));
    }

    #[test]
    fn publication_gives_bulletin_page_and_date() {
        let item = json!({"PUBLICA1": "B001,\n      ,\n      10/10/2014,\n      00002014"});
        let p = publication(&item, "PUBLICA1").unwrap();
        assert_eq!(p.bulletin, "B001");
        assert_eq!(p.page, None);
        assert_eq!(p.date, Some(jiff::civil::date(2014, 10, 10)));
        assert_eq!(publication(&json!({"PUBLICA1": ", , ,"}), "PUBLICA1"), None);
    }

    #[test]
    fn br_texts_and_their_absence() {
        let item =
            json!({"a": {"br": ["one", " two "]}, "b": {"br": null}, "c": null, "d": {"br": []}});
        assert_eq!(br_text(&item, "a").as_deref(), Some("one\ntwo"));
        assert_eq!(br_text(&item, "b"), None);
        assert_eq!(br_text(&item, "c"), None);
        assert_eq!(br_text(&item, "d"), None);
        assert_eq!(br_text(&item, "missing"), None);
    }

    #[test]
    fn keywords_split_on_bars_once_each() {
        let item = json!({
            "MAIN_THESAF": "migration          ",
            "THESAF": "migration  |  mariage  |  visa",
            "DESCF": "",
            "FREEF": "regroupement familial"
        });
        assert_eq!(
            keywords(&item, "F"),
            ["migration", "mariage", "visa", "regroupement familial"]
        );
    }

    #[test]
    fn compact_dates() {
        assert_eq!(
            parse_compact_date("20140718"),
            Some(jiff::civil::date(2014, 7, 18))
        );
        assert_eq!(parse_compact_date("20141332"), None);
        assert_eq!(parse_compact_date("2014"), None);
    }
}
