//! The platform list as data: the built-in table (`platforms.json`, compiled
//! in), user additions merged over it, and the automaton that finds the
//! platforms' names in a text.
//!
//! Nothing here knows a sentence or a negation; it only says "this alias of
//! this platform is at these bytes". The configuration (a later feature)
//! feeds [`Catalog::with_additions`].

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

/// The built-in table, in the shape [`CatalogData`] reads.
const BUILTIN: &str = include_str!("platforms.json");

/// One platform (or a group of platforms, such as "social media") as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformDef {
    /// Stable id (`facebook`), used in notes and exports.
    pub id: String,
    /// Display name (`Facebook`).
    pub name: String,
    /// Names found whatever their ASCII case (`Facebook`, `X (formerly Twitter)`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Names found only in exactly this case (`Threads`, a common word otherwise).
    #[serde(default)]
    pub exact: Vec<String>,
    /// Words that name this platform on their own (`tweets` → Twitter).
    #[serde(default)]
    pub implied_by: Vec<String>,
    /// For a group: the ids it stands for (`["*"]` = every platform).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

impl PlatformDef {
    /// True for a group ("social media", "messaging apps"), not one platform.
    pub fn is_group(&self) -> bool {
        !self.members.is_empty()
    }

    /// True when the group stands for `platform` (a platform covers itself).
    pub fn covers(&self, platform: &str) -> bool {
        self.id == platform || self.members.iter().any(|m| m == "*" || m == platform)
    }
}

/// The table as written in `platforms.json` or a configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogData {
    /// Platform a bare `@handle` belongs to when no platform is named near it.
    #[serde(default)]
    pub handle_platform: Option<String>,
    /// Words glued after a platform name that still name it (`Facebookpagina`).
    #[serde(default)]
    pub compound_suffixes: Vec<String>,
    /// The platforms and groups, in display order.
    #[serde(default)]
    pub platforms: Vec<PlatformDef>,
}

/// Why a platform table could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// Not JSON of the expected shape.
    #[error("platform table: line {line}, column {column}: {message}; fix the JSON")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// A platform without an id or any name to find.
    #[error("platform table: entry `{0}` has no alias; give it at least one name")]
    NoAlias(String),
    /// The automaton could not be built.
    #[error("platform table: {0}")]
    Build(String),
}

/// One alias match: which platform, where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasHit {
    /// Index of the platform in [`Catalog::platforms`].
    pub platform: usize,
    /// Byte offset of the match.
    pub start: usize,
    /// Byte offset just past the match (a compound suffix included).
    pub end: usize,
}

/// The platform table ready to search texts.
#[derive(Debug, Clone)]
pub struct Catalog {
    data: CatalogData,
    automaton: AhoCorasick,
    /// Per pattern: (platform index, case must match exactly).
    owners: Vec<(usize, bool)>,
    patterns: Vec<String>,
}

impl Catalog {
    /// The built-in table (parsed once).
    pub fn builtin() -> &'static Catalog {
        static BUILT: OnceLock<Catalog> = OnceLock::new();
        BUILT.get_or_init(|| {
            Catalog::from_json(BUILTIN).expect("the built-in platform table is valid")
        })
    }

    /// A table read from JSON in the shape of `platforms.json`.
    pub fn from_json(json: &str) -> Result<Catalog, CatalogError> {
        let data: CatalogData = serde_json::from_str(json).map_err(|e| CatalogError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        Catalog::new(data)
    }

    /// The built-in table with `additions` merged over it: an addition with
    /// a known id adds its names to that platform, a new id is appended.
    pub fn with_additions(additions: &CatalogData) -> Result<Catalog, CatalogError> {
        let mut data = Catalog::builtin().data.clone();
        merge_data(&mut data, additions);
        Catalog::new(data)
    }

    /// Builds the automaton over every alias.
    pub fn new(data: CatalogData) -> Result<Catalog, CatalogError> {
        let mut owners = Vec::new();
        let mut patterns = Vec::new();
        for (i, p) in data.platforms.iter().enumerate() {
            if p.aliases.is_empty() && p.exact.is_empty() {
                return Err(CatalogError::NoAlias(p.id.clone()));
            }
            for a in &p.aliases {
                for variant in case_variants(a) {
                    patterns.push(variant);
                    owners.push((i, false));
                }
            }
            for a in &p.exact {
                patterns.push(a.clone());
                owners.push((i, true));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| CatalogError::Build(e.to_string()))?;
        Ok(Catalog {
            data,
            automaton,
            owners,
            patterns,
        })
    }

    /// The platforms and groups, in display order.
    pub fn platforms(&self) -> &[PlatformDef] {
        &self.data.platforms
    }

    /// The table's data (to show or save it).
    pub fn data(&self) -> &CatalogData {
        &self.data
    }

    /// Index of the platform with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.data.platforms.iter().position(|p| p.id == id)
    }

    /// Index of the platform a bare `@handle` belongs to.
    pub fn handle_platform(&self) -> Option<usize> {
        self.data
            .handle_platform
            .as_deref()
            .and_then(|id| self.index_of(id))
    }

    /// Index of the platform a word names on its own (`tweets` → Twitter).
    pub fn implied_by(&self, word: &str) -> Option<usize> {
        self.data
            .platforms
            .iter()
            .position(|p| p.implied_by.iter().any(|w| w.eq_ignore_ascii_case(word)))
    }

    /// Every platform name in `text` standing as a word of its own (or glued
    /// to a compound suffix: `Facebookpagina`), in text order.
    pub fn find(&self, text: &str) -> Vec<AliasHit> {
        let mut hits = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (platform, exact) = self.owners[m.pattern().as_usize()];
            if exact && text[m.start()..m.end()] != self.patterns[m.pattern().as_usize()] {
                continue;
            }
            if text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
            {
                continue;
            }
            let Some(end) = self.word_end(text, m.end()) else {
                continue;
            };
            hits.push(AliasHit {
                platform,
                start: m.start(),
                end,
            });
        }
        hits
    }

    /// Where a match ending at `end` ends as a word: there when a non-word
    /// character follows, after a compound suffix when one follows, else
    /// `None` (the name is the start of another word).
    fn word_end(&self, text: &str, end: usize) -> Option<usize> {
        let rest = &text[end..];
        if !rest.chars().next().is_some_and(is_word_char) {
            return Some(end);
        }
        let word_len = rest
            .char_indices()
            .find(|&(_, c)| !is_word_char(c) && c != '\'')
            .map_or(rest.len(), |(i, _)| i);
        let word = rest[..word_len].trim_end_matches('\'');
        self.data
            .compound_suffixes
            .iter()
            .any(|s| s.eq_ignore_ascii_case(word) || s.eq_ignore_ascii_case(&rest[..word_len]))
            .then(|| end + word_len)
    }
}

/// True for letters and digits (a name glued to them is not a name).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The alias as written, plus its capitalised and lower-case forms when it
/// starts with a non-ASCII letter (ASCII case is already ignored).
pub(crate) fn case_variants(alias: &str) -> Vec<String> {
    let mut out = vec![alias.to_string()];
    if alias.chars().next().is_some_and(|c| !c.is_ascii()) {
        let mut chars = alias.chars();
        let first = chars.next().unwrap_or_default();
        let rest: String = chars.collect();
        for f in first.to_uppercase().chain(first.to_lowercase()) {
            let v = format!("{f}{rest}");
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// Merges `additions` into `data` (names added by id, new ids appended).
pub fn merge_data(data: &mut CatalogData, additions: &CatalogData) {
    if additions.handle_platform.is_some() {
        data.handle_platform.clone_from(&additions.handle_platform);
    }
    for s in &additions.compound_suffixes {
        if !data.compound_suffixes.contains(s) {
            data.compound_suffixes.push(s.clone());
        }
    }
    for add in &additions.platforms {
        match data.platforms.iter_mut().find(|p| p.id == add.id) {
            Some(p) => {
                for (into, from) in [
                    (&mut p.aliases, &add.aliases),
                    (&mut p.exact, &add.exact),
                    (&mut p.implied_by, &add.implied_by),
                    (&mut p.members, &add.members),
                ] {
                    for a in from {
                        if !into.contains(a) {
                            into.push(a.clone());
                        }
                    }
                }
            }
            None => data.platforms.push(add.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        let c = Catalog::builtin();
        c.find(text)
            .into_iter()
            .map(|h| {
                (
                    c.platforms()[h.platform].id.clone(),
                    text[h.start..h.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_names_aliases_and_compounds_as_words() {
        let found = names(
            "Notre Facebookpagina, le compte Twitter, X (formerly Twitter), youtube et Google+; \
             pas Facebooking ni MyFacebook. Les Médias sociaux, les réseaux sociaux.",
        );
        let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "facebook",
                "twitter",
                "twitter",
                "youtube",
                "googleplus",
                "social_media",
                "social_media"
            ]
        );
        assert_eq!(found[0].1, "Facebookpagina");
        assert_eq!(found[2].1, "X (formerly Twitter)");
    }

    #[test]
    fn exact_aliases_keep_their_case() {
        assert!(names("discussion threads").is_empty());
        assert_eq!(names("sur Threads")[0].0, "threads");
    }

    #[test]
    fn additions_extend_and_append() {
        let add: CatalogData = serde_json::from_str(
            r#"{"platforms": [{"id": "facebook", "name": "Facebook", "aliases": ["Fessebouc"]},
                              {"id": "signal", "name": "Signal", "exact": ["Signal"]}]}"#,
        )
        .unwrap();
        let c = Catalog::with_additions(&add).unwrap();
        let hits = c.find("Fessebouc et Signal");
        assert_eq!(c.platforms()[hits[0].platform].id, "facebook");
        assert_eq!(c.platforms()[hits[1].platform].id, "signal");
        assert!(Catalog::from_json("{").is_err());
        assert!(matches!(
            Catalog::from_json(r#"{"platforms":[{"id":"x","name":"X"}]}"#),
            Err(CatalogError::NoAlias(_))
        ));
    }
}
