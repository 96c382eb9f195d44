//! The Belgian Senate's written-question web pages
//! (`…/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=8902&LANG=fr`): which
//! references to fetch (`5-8900..5-8918`, `5-8900,5-8905`), the URL of each
//! page, and saving its HTML bytes exactly as served (often Windows-1252;
//! decoding is the reader's job) as `DIR/5-8902.fr.html`.

use std::fmt;

use super::client::{Client, FetchError};
use super::output::Output;
use super::report::Report;

/// The site root the page path is appended to.
pub const BASE_URL: &str = "https://www.senate.be/www/";

/// The most pages one range may name (a typo like `5-1..5-99999` is refused).
const MAX_RANGE: u32 = 5000;

/// A Senate question reference, `5-8902`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    /// The legislature.
    pub leg: u32,
    /// The number within it.
    pub nr: u32,
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.leg, self.nr)
    }
}

/// A page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// French.
    Fr,
    /// Dutch.
    Nl,
}

impl Lang {
    /// The `LANG=` value and file-name part.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Nl => "nl",
        }
    }
}

/// Reads `5-8902`.
fn parse_one(s: &str) -> Result<Reference, String> {
    let bad = || format!("`{s}` is not a Senate reference like 5-8902");
    let (leg, nr) = s.trim().split_once('-').ok_or_else(bad)?;
    Ok(Reference {
        leg: leg.trim().parse().map_err(|_| bad())?,
        nr: nr.trim().parse().map_err(|_| bad())?,
    })
}

/// Expands the references given on the command line: each argument is a
/// reference (`5-8902`), a range (`5-8900..5-8918`, or `5-8900..8918`) or a
/// comma list of either. The result is sorted, without repeats.
pub fn parse_references(args: &[String]) -> Result<Vec<Reference>, String> {
    let mut out = Vec::new();
    for part in args.iter().flat_map(|a| a.split(',')) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some((from, to)) = part.split_once("..") else {
            out.push(parse_one(part)?);
            continue;
        };
        let from = parse_one(from)?;
        let to = if to.contains('-') {
            parse_one(to)?
        } else {
            Reference {
                leg: from.leg,
                nr: to
                    .trim()
                    .parse()
                    .map_err(|_| format!("`{part}`: `{to}` is not a number"))?,
            }
        };
        if to.leg != from.leg {
            return Err(format!("`{part}`: a range stays within one legislature"));
        }
        if to.nr < from.nr {
            return Err(format!("`{part}`: the range ends before it starts"));
        }
        if to.nr - from.nr >= MAX_RANGE {
            return Err(format!(
                "`{part}`: more than {MAX_RANGE} questions in one range"
            ));
        }
        out.extend((from.nr..=to.nr).map(|nr| Reference { leg: from.leg, nr }));
    }
    out.sort();
    out.dedup();
    if out.is_empty() {
        return Err("no Senate reference given (e.g. 5-8900..5-8918)".into());
    }
    Ok(out)
}

/// The web page of `r` in `lang` under `base` (the site root).
pub fn page_url(base: &str, r: Reference, lang: Lang) -> String {
    let sep = if base.ends_with('/') { "" } else { "/" };
    format!(
        "{base}{sep}?MIval=/Vragen/SchriftelijkeVraag&LEG={}&NR={}&LANG={}",
        r.leg,
        r.nr,
        lang.code()
    )
}

/// The file a page is saved as: `5-8902.fr.html`.
pub fn file_name(r: Reference, lang: Lang) -> String {
    format!("{r}.{}.html", lang.code())
}

/// Saves the page of every reference in every language into `out`,
/// skipping those already there unless `refresh`.
pub fn run(
    client: &mut Client,
    base: &str,
    refs: &[Reference],
    langs: &[Lang],
    out: &Output,
    refresh: bool,
    report: &mut Report,
) {
    report.start(refs.len() * langs.len());
    for &r in refs {
        for &lang in langs {
            let name = file_name(r, lang);
            let item = format!("{r} {}", lang.code());
            if !refresh && out.has(&name) {
                report.skipped();
                continue;
            }
            match client.get(&page_url(base, r, lang)) {
                Ok(body) if body.is_empty() => report.failed(item, "the page was empty"),
                Ok(body) => match out.write(&name, &body) {
                    Ok(()) => report.fetched(),
                    Err(e) => report.failed(item, e.to_string()),
                },
                Err(FetchError::Interrupted) => {
                    report.interrupted = true;
                    return;
                }
                Err(e) => report.failed(item, e.to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(args: &[&str]) -> Result<Vec<String>, String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse_references(&args).map(|v| v.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn ranges_lists_and_single_references() {
        assert_eq!(
            refs(&["5-8900..5-8902"]).unwrap(),
            ["5-8900", "5-8901", "5-8902"]
        );
        assert_eq!(refs(&["5-8917..8918"]).unwrap(), ["5-8917", "5-8918"]);
        assert_eq!(
            refs(&["5-8905,5-8900", "5-8900", "6-12"]).unwrap(),
            ["5-8900", "5-8905", "6-12"]
        );
        assert_eq!(refs(&["5-8900..5-8918"]).unwrap().len(), 19);
    }

    #[test]
    fn bad_references_are_refused_with_the_reason() {
        assert!(refs(&["8902"]).unwrap_err().contains("5-8902"));
        assert!(refs(&["5-89x"]).is_err());
        assert!(refs(&["5-10..6-12"]).unwrap_err().contains("legislature"));
        assert!(refs(&["5-10..5-2"]).unwrap_err().contains("before"));
        assert!(refs(&["5-1..5-99999"]).unwrap_err().contains("more than"));
        assert!(refs(&[","]).unwrap_err().contains("no Senate reference"));
    }

    #[test]
    fn page_urls_follow_the_site_pattern() {
        let r = Reference { leg: 5, nr: 8902 };
        assert_eq!(
            page_url(BASE_URL, r, Lang::Fr),
            "https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=8902&LANG=fr"
        );
        assert_eq!(
            page_url("http://127.0.0.1:9/www", r, Lang::Nl),
            "http://127.0.0.1:9/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=8902&LANG=nl"
        );
        assert_eq!(file_name(r, Lang::Nl), "5-8902.nl.html");
    }
}
