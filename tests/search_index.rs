//! Full-text and fuzzy search on real input: the built-in corpus and a
//! generated corpus (the same generator as the benchmarks).

#[path = "../examples/synth/mod.rs"]
mod synth;

use std::borrow::Cow;
use std::sync::LazyLock;

use proptest::prelude::*;
use qreview::corpus::load::{SourceFile, load_sources};
use qreview::corpus::{Corpus, Question, QuestionId, embedded};
use qreview::search::{
    Field, FuzzyIndex, FuzzySession, Matcher, Nucleo, Query, Skim, TextIndex, TextSession,
};

fn generated(questions: usize) -> Corpus {
    let mut sources = Vec::new();
    synth::for_each_file(questions, 7, |path, text| {
        sources.push(SourceFile {
            path: path.display().to_string(),
            bytes: Cow::Owned(text.as_bytes().to_vec()),
        })
    });
    load_sources(sources, &|_, _| {})
}

fn ids(corpus: &Corpus, index: &TextIndex, query: &str) -> Vec<QuestionId> {
    let mut ids: Vec<_> = index
        .search(&Query::parse(query))
        .iter()
        .map(|h| corpus.questions[h.question].id)
        .collect();
    ids.dedup();
    ids
}

#[test]
fn generated_corpus_loads_without_errors_and_is_deterministic() {
    let corpus = generated(300);
    assert_eq!(corpus.questions.len(), 300);
    assert_eq!(
        corpus.error_count(),
        0,
        "{:?}",
        corpus.diagnostics.iter().find(|d| d.is_error())
    );
    assert!(corpus.families.iter().any(|f| f.members.len() >= 5));
    assert!(corpus.questions.iter().any(|q| !q.reminders().is_empty()));
    assert!(corpus.questions.iter().any(|q| q.answer.is_none()));
    assert!(corpus.questions.iter().any(|q| q.question.parts.len() >= 3));
    let again = generated(300);
    assert_eq!(corpus.questions, again.questions);
}

#[test]
fn accents_ligatures_and_case_are_ignored() {
    let corpus = generated(200);
    let index = TextIndex::build(&corpus);
    let query = Query::parse("oeuvre");
    let hits = index.search(&query);
    assert!(!hits.is_empty());
    for hit in hits.iter().take(20) {
        let text = TextIndex::piece_text(&corpus, hit).unwrap();
        let ranges = query.find_in(text);
        assert!(ranges.iter().any(|r| &text[r.clone()] == "œuvre"), "{text}");
    }
    for (plain, written) in [("reseaux", "réseaux"), ("medias sociaux", "médias sociaux")] {
        let hit = index.search(&Query::parse(plain))[0];
        let text = TextIndex::piece_text(&corpus, &hit).unwrap().to_lowercase();
        assert!(text.contains(written), "{plain}: {text}");
    }
    assert_eq!(
        ids(&corpus, &index, "RÉSEAUX"),
        ids(&corpus, &index, "reseaux")
    );
}

#[test]
fn default_corpus_medias_finds_5_8902_answer() {
    let corpus = embedded::load();
    let index = TextIndex::build(&corpus);
    let hits = index.search(&Query::parse("medias sociaux"));
    let best = hits[0];
    assert_eq!(
        corpus.questions[best.question].id,
        QuestionId::senate(5, 8902)
    );
    assert_eq!(best.field, Field::Answer);
}

/// A corpus of questions with the given question texts, ids 9-1, 9-2, …
fn corpus_of(texts: &[&str]) -> Corpus {
    let questions = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut q = Question::new(QuestionId::senate(9, i as u32 + 1));
            q.question.text = (*t).into();
            q
        })
        .collect();
    Corpus::new(questions, Vec::new())
}

#[test]
fn more_hits_rank_first_then_rarer_terms() {
    let corpus = corpus_of(&[
        "budget une fois",
        "budget budget budget trois fois",
        "rien à voir",
    ]);
    let index = TextIndex::build(&corpus);
    let hits = index.search(&Query::parse("budget"));
    let order: Vec<usize> = hits.iter().map(|h| h.question).collect();
    assert_eq!(order, vec![1, 0]);
    assert!(hits[0].score > hits[1].score);
    assert_eq!(hits[0].count, 3);

    // Each piece has one hit of each word in the query "commun rare"…
    // but one holds the rare word twice: the rare word's extra hit weighs more
    // than the common word's extra hit.
    let corpus = corpus_of(&[
        "commun commun rare",
        "commun rare rare",
        "commun",
        "commun",
        "commun",
    ]);
    let index = TextIndex::build(&corpus);
    let hits = index.search(&Query::parse("commun rare"));
    assert_eq!(
        hits.iter().map(|h| h.question).collect::<Vec<_>>(),
        vec![1, 0]
    );
}

#[test]
fn ties_keep_reading_order_across_shards() {
    // Enough questions for the index to be cut into one shard per core.
    let texts: Vec<String> = (0..600).map(|i| format!("budget {}", i % 7)).collect();
    let corpus = corpus_of(&texts.iter().map(String::as_str).collect::<Vec<_>>());
    let hits = TextIndex::build(&corpus).search(&Query::parse("budget"));
    assert_eq!(
        hits.iter().map(|h| h.question).collect::<Vec<_>>(),
        (0..600).collect::<Vec<_>>()
    );
    let hits = TextIndex::build(&corpus).search(&Query::parse("budget 3"));
    let expected: Vec<usize> = (0..600).filter(|i| i % 7 == 3).collect();
    assert_eq!(
        hits.iter().map(|h| h.question).collect::<Vec<_>>(),
        expected
    );
}

#[test]
fn phrases_need_the_words_together_and_in_order() {
    let corpus = corpus_of(&[
        "les médias sociaux du service",
        "sociaux, les médias",
        "les « médias » sociaux",
    ]);
    let index = TextIndex::build(&corpus);
    let phrase: Vec<usize> = index
        .search(&Query::parse("\"medias sociaux\""))
        .iter()
        .map(|h| h.question)
        .collect();
    assert_eq!(phrase, vec![0]);
    let words: Vec<usize> = index
        .search(&Query::parse("sociaux medias"))
        .iter()
        .map(|h| h.question)
        .collect();
    assert_eq!(words.len(), 3);
    // Typographic quotes in the query open and close a phrase too.
    let typographic: Vec<usize> = index
        .search(&Query::parse("“medias sociaux”"))
        .iter()
        .map(|h| h.question)
        .collect();
    assert_eq!(typographic, phrase);
}

#[test]
fn hits_name_their_part() {
    let corpus = embedded::load();
    let index = TextIndex::build(&corpus);
    let hit = index.search(&Query::parse("typhon hayan"))[0];
    assert_eq!(hit.field, Field::Answer);
    let q = &corpus.questions[hit.question];
    assert_eq!(
        qreview::search::part_label(q, hit.field, hit.part),
        Some("2.")
    );
}

fn narrowing_matches_fresh<M: Matcher>(m: &M, index: &FuzzyIndex, query: &str) {
    let mut session = FuzzySession::default();
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        let narrowed = session.update(index, m, &typed).to_vec();
        assert_eq!(
            narrowed,
            index.search(m, &typed),
            "{} on {typed:?}",
            m.name()
        );
    }
}

fn fuzzy_finds_metadata<M: Matcher>(m: &M, corpus: &Corpus, index: &FuzzyIndex) {
    let hits = index.search(m, "8916");
    assert_eq!(
        corpus.questions[hits[0].question].id,
        QuestionId::senate(5, 8916)
    );
    let line: Vec<char> = index.line(hits[0].question).chars().collect();
    let matched: String = index
        .indices(m, "medias", hits[0].question)
        .iter()
        .map(|&i| line[i])
        .collect();
    assert_eq!(matched, "médias", "{}", m.name());
    // Answer bodies are not searched: a phrase only found there gives nothing.
    assert!(index.search(m, "typhon hayan").is_empty(), "{}", m.name());
}

#[test]
fn fuzzy_finds_metadata_with_indices_in_the_shown_line() {
    let corpus = embedded::load();
    let index = FuzzyIndex::build(&corpus);
    fuzzy_finds_metadata(&Skim::default(), &corpus, &index);
    fuzzy_finds_metadata(&Nucleo, &corpus, &index);
}

/// Every keystroke of `typed`, then backspacing to empty, through one session.
fn session_matches_fresh(index: &TextIndex, typed: &str) {
    let mut session = TextSession::default();
    let prefixes: Vec<&str> = typed
        .char_indices()
        .map(|(i, c)| &typed[..i + c.len_utf8()])
        .collect();
    for prefix in prefixes.iter().chain(prefixes.iter().rev()) {
        let query = Query::parse(prefix);
        assert_eq!(
            session.search(index, &query),
            index.search(&query),
            "{prefix:?}"
        );
    }
}

#[test]
fn text_session_gives_the_fresh_results_while_typing() {
    let corpus = generated(150);
    let index = TextIndex::build(&corpus);
    for typed in [
        "medias sociaux",
        "\"mise en oeuvre\" reseaux",
        "cour des comptes",
        "Réseaux X",
    ] {
        session_matches_fresh(&index, typed);
    }
    // A rebuilt index is noticed: the session does not reuse stale postings.
    let mut session = TextSession::default();
    let query = Query::parse("medias");
    session.search(&index, &query);
    let other = TextIndex::build(&corpus_of(&["les médias", "rien"]));
    assert_eq!(session.search(&other, &query).len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn incremental_narrowing_equals_a_fresh_query(query in "[a-zé89 -]{1,10}") {
        static INDEX: LazyLock<FuzzyIndex> = LazyLock::new(|| FuzzyIndex::build(&generated(120)));
        narrowing_matches_fresh(&Skim::default(), &INDEX, &query);
        narrowing_matches_fresh(&Nucleo, &INDEX, &query);
    }

    #[test]
    fn text_session_equals_fresh_search(typed in "[a-eé \"]{1,8}") {
        static TEXT: LazyLock<TextIndex> = LazyLock::new(|| TextIndex::build(&generated(60)));
        session_matches_fresh(&TEXT, &typed);
    }
}

/// Ids of the fuzzy hits of `query`, best first, with their scores.
fn fuzzy_ranked<M: Matcher>(m: &M, corpus: &Corpus, query: &str) -> Vec<(String, u32)> {
    FuzzyIndex::build(corpus)
        .search(m, query)
        .iter()
        .map(|h| (corpus.questions[h.question].id.to_string(), h.score))
        .collect()
}

#[test]
fn fuzzy_ranks_the_field_that_tells_siblings_apart_above_the_shared_title() {
    let corpus = embedded::load();
    for ranked in [
        fuzzy_ranked(&Skim::default(), &corpus, "Pensions"),
        fuzzy_ranked(&Nucleo, &corpus, "Pensions"),
    ] {
        assert_eq!(ranked[0].0, "5-8904", "{ranked:?}");
        assert!(
            ranked.get(1).is_none_or(|second| second.1 < ranked[0].1),
            "5-8904 alone at the top: {ranked:?}"
        );
    }
    // A ministry and an addressee beat the family's title and descriptors.
    let ranked = fuzzy_ranked(&Skim::default(), &corpus, "Intérieur");
    assert_eq!(ranked[0].0, "5-8905", "{ranked:?}");
    assert!(ranked.iter().skip(1).all(|(_, s)| *s < ranked[0].1));
}

#[test]
fn fuzzy_reads_the_other_languages_labels() {
    let corpus = embedded::load();
    let ranked = fuzzy_ranked(&Skim::default(), &corpus, "Buitenlandse Zaken");
    assert_eq!(ranked[0].0, "5-8902", "{ranked:?}");
    let ranked = fuzzy_ranked(&Skim::default(), &corpus, "Landsverdediging");
    assert_eq!(ranked[0].0, "5-8901", "{ranked:?}");
    let ranked = fuzzy_ranked(&Skim::default(), &corpus, "Pensioenen");
    assert_eq!(ranked[0].0, "5-8904", "{ranked:?}");
}
