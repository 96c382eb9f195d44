//! The UK Parliament Written Questions API: page through the list
//! (`skip`/`take`) to learn the question ids, then fetch each question's own
//! record (`/{id}`, since the list shortens `answerText`) and save it as
//! served, `{"value": {...}, "links": [...]}`, as `DIR/{id}.json`.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::client::{Client, FetchError};
use super::interrupt::Interrupted;
use super::output::Output;
use super::report::Report;

/// The list endpoint; a record is at `{BASE_URL}/{id}`.
pub const BASE_URL: &str =
    "https://questions-statements-api.parliament.uk/api/writtenquestions/questions";

/// Which questions the list endpoint's `answered` filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Answered {
    /// Answered or not.
    #[default]
    Any,
    /// Only answered ones.
    Answered,
    /// Only unanswered ones.
    Unanswered,
}

/// Which House's questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum House {
    /// The House of Commons.
    Commons,
    /// The House of Lords.
    Lords,
}

/// The filters of one download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Words the API searches for (`searchTerm`).
    pub search: Option<String>,
    /// Tabled on or after (`tabledWhenFrom`).
    pub tabled_from: Option<jiff::civil::Date>,
    /// Tabled on or before (`tabledWhenTo`).
    pub tabled_to: Option<jiff::civil::Date>,
    /// Answered, unanswered or both.
    pub answered: Answered,
    /// One House, or both when `None`.
    pub house: Option<House>,
    /// Only questions to these answering bodies (`answeringBodies`).
    pub answering_bodies: Vec<u32>,
    /// Questions per list page (`take`).
    pub page_size: u32,
}

impl Default for Query {
    fn default() -> Self {
        Self {
            search: None,
            tabled_from: None,
            tabled_to: None,
            answered: Answered::Any,
            house: None,
            answering_bodies: Vec::new(),
            page_size: 100,
        }
    }
}

impl Query {
    /// The URL of the list page starting at question `skip`.
    pub fn list_url(&self, base: &str, skip: u64) -> String {
        let mut params: Vec<(&str, String)> = Vec::new();
        if let Some(s) = &self.search {
            params.push(("searchTerm", s.clone()));
        }
        if let Some(d) = self.tabled_from {
            params.push(("tabledWhenFrom", d.to_string()));
        }
        if let Some(d) = self.tabled_to {
            params.push(("tabledWhenTo", d.to_string()));
        }
        let answered = match self.answered {
            Answered::Any => "Any",
            Answered::Answered => "Answered",
            Answered::Unanswered => "Unanswered",
        };
        params.push(("answered", answered.into()));
        if let Some(h) = self.house {
            let house = match h {
                House::Commons => "Commons",
                House::Lords => "Lords",
            };
            params.push(("house", house.into()));
        }
        for body in &self.answering_bodies {
            params.push(("answeringBodies", body.to_string()));
        }
        // Withdrawn questions are part of the record an analyst reviews.
        params.push(("includeWithdrawn", "true".into()));
        params.push(("skip", skip.to_string()));
        params.push(("take", self.page_size.max(1).to_string()));
        with_query(base, &params)
    }
}

/// The URL of question `id`'s full record, with member names and parties.
pub fn detail_url(base: &str, id: u64) -> String {
    with_query(
        &format!("{}/{id}", base.trim_end_matches('/')),
        &[("expandMember", "true".into())],
    )
}

/// What a query value keeps as is: RFC 3986's unreserved characters.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `base?k=v&…` with the values percent-encoded.
fn with_query(base: &str, params: &[(&str, String)]) -> String {
    let mut url = base.to_string();
    for (i, (k, v)) in params.iter().enumerate() {
        let sep = if i == 0 && !base.contains('?') {
            '?'
        } else {
            '&'
        };
        url.push(sep);
        url.push_str(k);
        url.push('=');
        url.extend(utf8_percent_encode(v, QUERY_VALUE));
    }
    url
}

/// What one list page says.
#[derive(Debug, PartialEq, Eq)]
pub struct ListPage {
    /// `totalResults`.
    pub total: u64,
    /// The `value.id` of each result, in order.
    pub ids: Vec<u64>,
}

/// Reads a list page `{"totalResults": n, "results": [{"value": {"id": …}}]}`.
/// `results: null` is an empty page; a result without a numeric id is an error.
pub fn parse_list(body: &[u8]) -> Result<ListPage, String> {
    let json: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("the list page is not JSON: {e}"))?;
    let total = json
        .get("totalResults")
        .and_then(serde_json::Value::as_u64)
        .ok_or("the list page has no numeric totalResults")?;
    let results = match json.get("results") {
        None | Some(serde_json::Value::Null) => return Ok(ListPage { total, ids: vec![] }),
        Some(serde_json::Value::Array(r)) => r,
        Some(_) => return Err("the list page's results is not a list".into()),
    };
    let ids = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            r.pointer("/value/id")
                .and_then(serde_json::Value::as_u64)
                .ok_or_else(|| format!("result {} of the list page has no numeric value.id", i + 1))
        })
        .collect::<Result<_, _>>()?;
    Ok(ListPage { total, ids })
}

/// Checks that `body` is the record of question `id` (`{"value": {"id": id, …}}`).
pub fn check_detail(body: &[u8], id: u64) -> Result<(), String> {
    let json: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("the record is not JSON: {e}"))?;
    match json
        .pointer("/value/id")
        .and_then(serde_json::Value::as_u64)
    {
        Some(got) if got == id => Ok(()),
        Some(got) => Err(format!("the server sent question {got} instead")),
        None => Err("the record has no numeric value.id".into()),
    }
}

/// Lists the questions matching `query`, then saves each one's full record
/// into `out`, skipping those already there unless `refresh`.
pub fn run(
    client: &mut Client,
    base: &str,
    query: &Query,
    out: &Output,
    refresh: bool,
    report: &mut Report,
) {
    let Ok(ids) = list(client, base, query, report) else {
        report.interrupted = true;
        return;
    };
    report.start(ids.len());
    for id in ids {
        let name = format!("{id}.json");
        if !refresh && out.has(&name) {
            report.skipped();
            continue;
        }
        match client.get(&detail_url(base, id)) {
            Ok(body) => match check_detail(&body, id) {
                Ok(()) => match out.write(&name, &body) {
                    Ok(()) => report.fetched(),
                    Err(e) => report.failed(id.to_string(), e.to_string()),
                },
                Err(why) => report.failed(id.to_string(), why),
            },
            Err(FetchError::Interrupted) => {
                report.interrupted = true;
                return;
            }
            Err(e) => report.failed(id.to_string(), e.to_string()),
        }
    }
}

/// Pages through the list; a page that fails ends the listing (recorded as
/// a failure) and the ids gathered so far are still fetched. Only Ctrl-C
/// is an `Err`.
fn list(
    client: &mut Client,
    base: &str,
    query: &Query,
    report: &mut Report,
) -> Result<Vec<u64>, Interrupted> {
    let mut ids: Vec<u64> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut skip = 0u64;
    let mut total = None;
    loop {
        report.status(&match total {
            None => "listing questions".to_string(),
            Some(t) => format!("listing questions: {} of {t}", ids.len()),
        });
        let page = match client.get(&query.list_url(base, skip)) {
            Ok(body) => parse_list(&body),
            Err(FetchError::Interrupted) => return Err(Interrupted),
            Err(e) => Err(e.to_string()),
        };
        let page = match page {
            Ok(p) => p,
            Err(why) => {
                report.failed(format!("list page from {skip}"), why);
                return Ok(ids);
            }
        };
        total = Some(page.total);
        let (got, before) = (page.ids.len() as u64, ids.len());
        ids.extend(page.ids.into_iter().filter(|id| seen.insert(*id)));
        // An empty page ends the list even if the total promised more.
        if got == 0 || skip + got >= page.total {
            return Ok(ids);
        }
        // A server that ignores `skip` would otherwise be paged until the total.
        if ids.len() == before {
            report.failed(
                format!("list page from {skip}"),
                "it repeats questions already listed; the listing stops here",
            );
            return Ok(ids);
        }
        skip += got;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_url_carries_every_filter() {
        let q = Query {
            search: Some("social media & co".into()),
            tabled_from: Some(jiff::civil::date(2024, 1, 1)),
            tabled_to: Some(jiff::civil::date(2024, 6, 30)),
            answered: Answered::Answered,
            house: Some(House::Commons),
            answering_bodies: vec![17, 29],
            page_size: 50,
        };
        assert_eq!(
            q.list_url("http://h/api/q", 100),
            "http://h/api/q?searchTerm=social%20media%20%26%20co&tabledWhenFrom=2024-01-01\
             &tabledWhenTo=2024-06-30&answered=Answered&house=Commons&answeringBodies=17\
             &answeringBodies=29&includeWithdrawn=true&skip=100&take=50"
        );
        assert_eq!(
            Query::default().list_url(BASE_URL, 0),
            format!("{BASE_URL}?answered=Any&includeWithdrawn=true&skip=0&take=100")
        );
    }

    #[test]
    fn the_detail_url_is_the_id_under_the_list() {
        assert_eq!(
            detail_url("http://h/api/q/", 1234),
            "http://h/api/q/1234?expandMember=true"
        );
    }

    #[test]
    fn list_pages_give_ids_and_total() {
        let page = br#"{"totalResults": 3, "results": [
            {"value": {"id": 11, "uin": "1"}, "links": []},
            {"value": {"id": 12}, "links": []}]}"#;
        assert_eq!(
            parse_list(page).unwrap(),
            ListPage {
                total: 3,
                ids: vec![11, 12]
            }
        );
        let empty = br#"{"totalResults": 0, "results": null}"#;
        assert_eq!(parse_list(empty).unwrap().ids, Vec::<u64>::new());
        assert!(
            parse_list(br#"{"totalResults": 1, "results": [{"value": {}}]}"#)
                .unwrap_err()
                .contains("result 1")
        );
        assert!(parse_list(b"<html>").unwrap_err().contains("not JSON"));
        assert!(
            parse_list(br#"{"results": []}"#)
                .unwrap_err()
                .contains("totalResults")
        );
    }

    #[test]
    fn a_detail_must_be_the_question_asked_for() {
        assert!(check_detail(br#"{"value": {"id": 5}, "links": []}"#, 5).is_ok());
        assert!(
            check_detail(br#"{"value": {"id": 6}}"#, 5)
                .unwrap_err()
                .contains("6")
        );
        assert!(
            check_detail(br#"{"value": {"id": 5"#, 5)
                .unwrap_err()
                .contains("not JSON")
        );
        assert!(check_detail(br#"{"id": 5}"#, 5).is_err());
    }
}
