//! `qreview search QUERY`: full-text (default) or fuzzy metadata search,
//! printed as a table or as JSON. Calls the same `search` functions as the TUI.

use serde::Serialize;

use super::{fit, text, to_json};
use crate::corpus::Corpus;
use crate::sanitize::sanitize;
use crate::search::{FuzzyIndex, Query, Skim, TextIndex, identical_passages, part_label};

/// Which search to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Accent- and case-insensitive words and phrases in question and answer texts.
    Text,
    /// Fuzzy match over id, title, ministry, addressee, author, party, descriptors.
    Fuzzy,
}

/// Characters of text shown around a hit.
const SNIPPET_WIDTH: usize = 100;

/// One result line; its serde form is the `--json` contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Question id, `5-8902`.
    pub id: String,
    /// Short ministry label.
    pub ministry: Option<String>,
    /// Rank score, higher is better (full text: see `search::fulltext`; fuzzy: the engine's score).
    pub score: f64,
    /// `question`, `answer`, or `metadata` for fuzzy hits.
    pub field: String,
    /// The part's label (`2.`), or null for the text before the first part.
    pub part: Option<String>,
    /// The text around the hit (full text) or the metadata line (fuzzy), sanitised.
    pub snippet: String,
    /// The other questions whose same field holds the same passage (full
    /// text; a family's shared question text), best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_text_in: Vec<String>,
}

/// What a search found: the rows shown and how many there were in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// At most `--limit` rows, best first.
    pub rows: Vec<Row>,
    /// Every result the search had before `--limit` cut it.
    pub total: usize,
}

impl Found {
    /// The line for standard error when `--limit` cut the results
    /// (`20 of 46 shown (--limit)`), or when there were none (`no match`).
    pub fn note(&self) -> Option<String> {
        if self.total == 0 {
            Some("no match".to_string())
        } else if self.rows.len() < self.total {
            Some(format!(
                "{} of {} shown (--limit)",
                self.rows.len(),
                self.total
            ))
        } else {
            None
        }
    }
}

/// Runs `query` on `corpus` and returns at most `limit` rows, best first,
/// with the number of results before the cut.
pub fn run(corpus: &Corpus, query: &str, mode: Mode, limit: usize) -> Found {
    match mode {
        Mode::Text => {
            let index = TextIndex::build(corpus);
            let query = Query::parse(query);
            let hits = index.search(&query);
            // One result per passage: copies of it stand behind the first.
            let groups = identical_passages(corpus, &hits);
            let rows = groups
                .iter()
                .take(limit)
                .map(|group| {
                    let hit = &group[0];
                    let q = &corpus.questions[hit.question];
                    let snippet = TextIndex::snippet(corpus, hit, &query, SNIPPET_WIDTH);
                    Row {
                        id: q.id.to_string(),
                        ministry: q.ministry.as_deref().map(|m| sanitize(m).into_owned()),
                        score: (f64::from(hit.score) * 1000.0).round() / 1000.0,
                        field: hit.field.name().to_string(),
                        part: part_label(q, hit.field, hit.part).map(|l| sanitize(l).into_owned()),
                        snippet: sanitize(&snippet.text).into_owned(),
                        same_text_in: group[1..]
                            .iter()
                            .map(|h| corpus.questions[h.question].id.to_string())
                            .collect(),
                    }
                })
                .collect();
            Found {
                rows,
                total: groups.len(),
            }
        }
        Mode::Fuzzy => {
            let index = FuzzyIndex::build(corpus);
            let hits = index.search(&Skim::default(), query);
            let rows = hits
                .iter()
                .take(limit)
                .map(|hit| {
                    let q = &corpus.questions[hit.question];
                    Row {
                        id: q.id.to_string(),
                        ministry: q.ministry.as_deref().map(|m| sanitize(m).into_owned()),
                        score: f64::from(hit.score),
                        field: "metadata".to_string(),
                        part: None,
                        snippet: sanitize(index.line(hit.question)).into_owned(),
                        same_text_in: Vec::new(),
                    }
                })
                .collect();
            Found {
                rows,
                total: hits.len(),
            }
        }
    }
}

/// The table, with a header line.
pub fn render(rows: &[Row]) -> String {
    let mut out = format!(
        "{}{}{}{}{}{}\n",
        fit("ID", 9),
        fit("MINISTRY", 24),
        fit("FIELD", 10),
        fit("PART", 6),
        fit("SCORE", 8),
        "TEXT"
    );
    for r in rows {
        // The field says the passage is shared, as the app's list does.
        let field = match r.same_text_in.len() {
            0 => r.field.clone(),
            n => format!("{}, same text in {} siblings", r.field, n + 1),
        };
        out.push_str(&format!(
            "{}{}{}{}{}{}\n",
            fit(&r.id, 9),
            fit(
                &text(Some(crate::corpus::display::ministry_label(
                    r.ministry.as_deref()
                ))),
                24
            ),
            fit(&r.field, 10),
            fit(r.part.as_deref().unwrap_or("-"), 6),
            fit(&format!("{:.2}", r.score), 8),
            r.snippet
        ));
        if !r.same_text_in.is_empty() {
            out.push_str(&format!(
                "{}{field}: {}\n",
                " ".repeat(9),
                r.same_text_in.join(", ")
            ));
        }
    }
    out
}

/// The JSON array of rows.
pub fn render_json(rows: &[Row]) -> String {
    to_json(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::embedded;

    #[test]
    fn text_search_finds_the_seed_without_accents() {
        let corpus = embedded::load();
        let rows = run(&corpus, "medias sociaux", Mode::Text, 50).rows;
        assert!(!rows.is_empty());
        assert_eq!(
            (rows[0].id.as_str(), rows[0].field.as_str()),
            ("5-8902", "answer")
        );
        assert!(
            rows.iter()
                .all(|r| r.snippet.to_lowercase().contains("médias"))
        );
        assert!(rows.windows(2).all(|w| w[0].score >= w[1].score));
        let table = render(&rows);
        assert!(table.starts_with("ID"));
        assert!(table.contains("5-8902"));
    }

    #[test]
    fn fuzzy_search_matches_metadata_and_json_has_the_contract_keys() {
        let corpus = embedded::load();
        let rows = run(&corpus, "8916", Mode::Fuzzy, 1).rows;
        assert_eq!(rows[0].id, "5-8916");
        let json: serde_json::Value = serde_json::from_str(&render_json(&rows)).unwrap();
        let keys: Vec<&String> = json[0].as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["field", "id", "ministry", "part", "score", "snippet"]
        );
        assert_eq!(json[0]["field"], "metadata");
    }

    #[test]
    fn a_cut_says_how_many_were_shown_and_an_empty_result_says_no_match() {
        let corpus = embedded::load();
        let all = run(&corpus, "sociaux", Mode::Text, usize::MAX);
        assert!(all.total > 3, "{}", all.total);
        assert_eq!(all.note(), None);
        let cut = run(&corpus, "sociaux", Mode::Text, 3);
        assert_eq!(cut.rows.len(), 3);
        assert_eq!(cut.total, all.total);
        assert_eq!(
            cut.note(),
            Some(format!("3 of {} shown (--limit)", all.total))
        );
        let none = run(&corpus, "zyxwvutsrq", Mode::Text, 20);
        assert_eq!(none.note().as_deref(), Some("no match"));
    }

    #[test]
    fn a_passage_shared_by_the_family_is_one_result() {
        let corpus = embedded::load();
        let found = run(&corpus, "recourent-ils", Mode::Text, 50);
        assert_eq!(found.total, 1, "{:?}", found.rows);
        let row = &found.rows[0];
        assert_eq!(row.field, "question");
        assert_eq!(row.same_text_in.len(), 10, "{:?}", row.same_text_in);
        assert!(!row.same_text_in.contains(&row.id));
        let table = render(&found.rows);
        assert!(
            table.contains("question, same text in 11 siblings: 5-8901, 5-8902"),
            "{table}"
        );
        let json: serde_json::Value = serde_json::from_str(&render_json(&found.rows)).unwrap();
        assert_eq!(json[0]["same_text_in"].as_array().unwrap().len(), 10);
        // The answer's hits are not buried under the copies.
        let medias = run(&corpus, "médias", Mode::Text, 6).rows;
        assert!(medias.iter().filter(|r| r.field == "answer").count() >= 2);
    }
}
