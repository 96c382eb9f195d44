//! Belgian federal ministries as one entity each, with French, Dutch and
//! English names: a Senate addressee's portfolio (`Landsverdediging`) and a
//! Chamber department (`SUBDEPTF` `Défense`) name the same ministry, so
//! French and Dutch pages of it count as one.
//!
//! Portfolios change with every government; a label that matches none here
//! stays its own ministry (compared without case or accents).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::model::Lang;

/// One ministry (portfolio) and its names.
#[derive(Debug, PartialEq, Eq)]
pub struct Ministry {
    /// A stable key (`defence`), used to group questions.
    pub key: &'static str,
    /// The French name.
    pub fr: &'static str,
    /// The Dutch name.
    pub nl: &'static str,
    /// The English name.
    pub en: &'static str,
    /// Other ways the portfolio is written (folded: lower case, no accents).
    aliases: &'static [&'static str],
}

impl Ministry {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::Nl => self.nl,
        }
    }
}

macro_rules! ministry {
    ($key:literal, $fr:literal, $nl:literal, $en:literal $(, $alias:literal)*) => {
        Ministry { key: $key, fr: $fr, nl: $nl, en: $en, aliases: &[$($alias),*] }
    };
}

/// The portfolios of the federal governments, by key.
pub static MINISTRIES: &[Ministry] = &[
    ministry!(
        "prime-minister",
        "Premier ministre",
        "Eerste minister",
        "Prime Minister"
    ),
    ministry!(
        "defence",
        "Défense",
        "Landsverdediging",
        "Defence",
        "defensie",
        "la defense"
    ),
    ministry!(
        "foreign-affairs",
        "Affaires étrangères",
        "Buitenlandse Zaken",
        "Foreign Affairs"
    ),
    ministry!(
        "foreign-trade",
        "Commerce extérieur",
        "Buitenlandse Handel",
        "Foreign Trade"
    ),
    ministry!(
        "european-affairs",
        "Affaires européennes",
        "Europese Zaken",
        "European Affairs"
    ),
    ministry!(
        "interior",
        "Intérieur",
        "Binnenlandse Zaken",
        "Home Affairs",
        "securite et interieur",
        "veiligheid en binnenlandse zaken"
    ),
    ministry!("justice", "Justice", "Justitie", "Justice"),
    ministry!("finance", "Finances", "Financiën", "Finance"),
    ministry!("budget", "Budget", "Begroting", "Budget"),
    ministry!(
        "civil-service",
        "Fonction publique",
        "Ambtenarenzaken",
        "Civil Service"
    ),
    ministry!(
        "employment",
        "Emploi",
        "Werk",
        "Employment",
        "werkgelegenheid"
    ),
    ministry!("pensions", "Pensions", "Pensioenen", "Pensions"),
    ministry!(
        "social-affairs",
        "Affaires sociales",
        "Sociale Zaken",
        "Social Affairs"
    ),
    ministry!(
        "public-health",
        "Santé publique",
        "Volksgezondheid",
        "Public Health"
    ),
    ministry!("economy", "Économie", "Economie", "Economy"),
    ministry!(
        "consumers",
        "Consommateurs",
        "Consumentenzaken",
        "Consumer Affairs"
    ),
    ministry!("mobility", "Mobilité", "Mobiliteit", "Mobility"),
    ministry!("energy", "Énergie", "Energie", "Energy"),
    ministry!(
        "environment",
        "Environnement",
        "Leefmilieu",
        "Environment",
        "milieu"
    ),
    ministry!("climate", "Climat", "Klimaat", "Climate"),
    ministry!("agriculture", "Agriculture", "Landbouw", "Agriculture"),
    ministry!(
        "smes",
        "Classes moyennes",
        "Middenstand",
        "Small Businesses and the Self-employed",
        "pme",
        "kmo"
    ),
    ministry!(
        "public-enterprises",
        "Entreprises publiques",
        "Overheidsbedrijven",
        "Public Enterprises"
    ),
    ministry!(
        "development-cooperation",
        "Coopération au développement",
        "Ontwikkelingssamenwerking",
        "Development Cooperation"
    ),
    ministry!(
        "asylum-migration",
        "Asile et Migration",
        "Asiel en Migratie",
        "Asylum and Migration",
        "asile et la migration"
    ),
    ministry!(
        "social-integration",
        "Intégration sociale",
        "Maatschappelijke Integratie",
        "Social Integration"
    ),
    ministry!(
        "equal-opportunities",
        "Égalité des chances",
        "Gelijke Kansen",
        "Equal Opportunities"
    ),
    ministry!(
        "digital-agenda",
        "Agenda numérique",
        "Digitale Agenda",
        "Digital Agenda"
    ),
    ministry!(
        "telecommunications",
        "Télécommunications",
        "Telecommunicatie",
        "Telecommunications"
    ),
    ministry!(
        "science-policy",
        "Politique scientifique",
        "Wetenschapsbeleid",
        "Science Policy"
    ),
];

/// Lower case without accents, runs of spaces as one, `’` as `'`.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ministry a portfolio label names (`Landsverdediging`, `Défense`,
/// `Affaires étrangères, du Commerce extérieur …`): the longest name or
/// alias the folded label starts with.
pub fn canonical(label: &str) -> Option<&'static Ministry> {
    // Folded once: this runs for every question the league table groups.
    static FOLDED: std::sync::OnceLock<Vec<[String; 3]>> = std::sync::OnceLock::new();
    let folded = FOLDED.get_or_init(|| {
        MINISTRIES
            .iter()
            .map(|m| [fold(m.fr), fold(m.nl), fold(m.en)])
            .collect()
    });
    let label = fold(label);
    let mut best: Option<(&'static Ministry, usize)> = None;
    for (m, names) in MINISTRIES.iter().zip(folded) {
        let matched = names
            .iter()
            .map(String::as_str)
            .chain(m.aliases.iter().copied())
            .filter(|name| {
                label == *name
                    || label
                        .strip_prefix(name)
                        .is_some_and(|rest| rest.starts_with([' ', ',', '-', '(', '.']))
            })
            .map(str::len)
            .max();
        if let Some(len) = matched
            && best.is_none_or(|(_, b)| len > b)
        {
            best = Some((m, len));
        }
    }
    best.map(|(m, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_dutch_and_chamber_names_are_one_ministry() {
        let defence = canonical("Landsverdediging").unwrap();
        assert_eq!(defence.key, "defence");
        assert_eq!(canonical("Défense"), Some(defence));
        assert_eq!(canonical("DEFENSIE"), Some(defence));
        assert_eq!(defence.name(Lang::Fr), "Défense");
        assert_eq!(defence.en, "Defence");
        assert_eq!(
            canonical("Affaires étrangères, du Commerce extérieur et des Affaires européennes")
                .map(|m| m.key),
            Some("foreign-affairs")
        );
        assert_eq!(
            canonical("Buitenlandse Zaken").map(|m| m.key),
            Some("foreign-affairs")
        );
        assert_eq!(
            canonical("Eerste minister").map(|m| m.key),
            Some("prime-minister")
        );
    }

    #[test]
    fn a_label_matching_nothing_is_no_known_ministry() {
        assert_eq!(canonical("Météo"), None);
        assert_eq!(
            canonical("Justicier"),
            None,
            "a prefix of a word does not count"
        );
        assert_eq!(fold("  Égalité   des Chances "), "egalite des chances");
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = MINISTRIES.iter().map(|m| m.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), MINISTRIES.len());
    }
}
