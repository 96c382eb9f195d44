//! The words that turn a mention around: negations ("n'utilise aucun",
//! "maakt geen gebruik van", "does not use"), words of having or using
//! that a negation must come with, and words of planning ("envisage",
//! "overweegt"). Word lists in French, Dutch and English.

use super::context::{Context, head, tail, words};

/// Negation words.
const NEGATIONS: [&str; 25] = [
    "ne",
    "pas",
    "aucun",
    "aucune",
    "aucuns",
    "aucunes",
    "ni",
    "jamais",
    "nullement",
    "geen",
    "niet",
    "nooit",
    "noch",
    "not",
    "no",
    "never",
    "none",
    "neither",
    "nor",
    "without",
    "sans",
    "zonder",
    "cannot",
    "nulle",
    "nul",
];

/// Beginnings of words of using or having an account.
const USAGE: [&str; 33] = [
    "utilis", "use", "using", "gebruik", "dispos", "compte", "account", "page", "pagina", "profil",
    "profiel", "présen", "presen", "aanwezig", "actie", "actif", "activ", "recour", "beschik",
    "possè", "posse", "inscri", "channel", "kanaal", "chaîne", "heeft", "hebben", "have", "has",
    "avons", "avez", "ont", "recourt",
];

/// Beginnings of words of planning (not used yet).
const PLANNING: [&str; 14] = [
    "envisag",
    "projet",
    "prévoi",
    "prévu",
    "overweeg",
    "overweg",
    "plan",
    "intend",
    "consider",
    "bientôt",
    "binnenkort",
    "futur",
    "avenir",
    "toekomst",
];

/// True for a negation word (`n'utilise`, `doesn't` included).
fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.starts_with("n'") || w.ends_with("n't")
}

/// True for a word of using or having.
fn is_usage(w: &str) -> bool {
    let w = w.strip_prefix("n'").unwrap_or(w);
    w == "a" || w == "heb" || USAGE.iter().any(|u| w.starts_with(u))
}

/// How the clause around a mention speaks of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// Plainly: the platform is used.
    Used,
    /// Negated: not used.
    Negated,
    /// Planned or considered: not used yet.
    Planned,
}

/// The stance of the clause towards the mention at `start..end`.
pub fn stance(ctx: &Context<'_>, start: usize, end: usize) -> Stance {
    let clause = ctx.clause_start(start);
    let before = words(tail(ctx.text, clause, start, 110));
    if before.iter().any(|w| is_negation(w)) && before.iter().any(|w| is_usage(w)) {
        return Stance::Negated;
    }
    // After the name: "TikTok n'est pas utilisé", "Instagram: geen account".
    let sentence_end = ctx.sentence(start).end;
    let rest = head(ctx.text, end, sentence_end, 60);
    let rest = rest.split([',', ';', '(']).next().unwrap_or("");
    let after = words(rest);
    let near = &after[..after.len().min(4)];
    if near.iter().any(|w| is_negation(w)) && after.iter().any(|w| is_usage(w)) {
        return Stance::Negated;
    }
    if before
        .iter()
        .any(|w| PLANNING.iter().any(|p| w.starts_with(p)))
    {
        return Stance::Planned;
    }
    Stance::Used
}

/// True when a negation stands among the few words before `start` in its
/// clause ("pas de charte", "geen richtlijnen", "no guidelines").
pub fn negated_nearby(ctx: &Context<'_>, start: usize) -> bool {
    let clause = ctx.clause_start(start);
    let before = words(tail(ctx.text, clause, start, 60));
    before.iter().rev().take(5).any(|w| is_negation(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str, name: &str) -> Stance {
        let c = Context::new(text, &[], "");
        let at = text.find(name).unwrap();
        stance(&c, at, at + name.len())
    }

    #[test]
    fn negations_in_three_languages() {
        assert_eq!(
            of("Le SPF n'utilise aucun réseau social.", "réseau social"),
            Stance::Negated
        );
        assert_eq!(
            of("Le SPF n’utilise aucune messagerie.", "messagerie"),
            Stance::Negated
        );
        assert_eq!(
            of("De FOD maakt geen gebruik van Facebook.", "Facebook"),
            Stance::Negated
        );
        assert_eq!(
            of("Wij hebben geen account op Instagram.", "Instagram"),
            Stance::Negated
        );
        assert_eq!(
            of("The department does not use TikTok.", "TikTok"),
            Stance::Negated
        );
        assert_eq!(
            of("Il ne dispose pas d'un compte Snapchat.", "Snapchat"),
            Stance::Negated
        );
        assert_eq!(of("TikTok n'est pas utilisé.", "TikTok"), Stance::Negated);
        assert_eq!(
            of("Instagram wordt niet gebruikt.", "Instagram"),
            Stance::Negated
        );
    }

    #[test]
    fn plain_uses_plans_and_clauses() {
        assert_eq!(of("Nous avons un compte Vimeo.", "Vimeo"), Stance::Used);
        assert_eq!(
            of(
                "Nous n'avons pas de compte TikTok, mais nous utilisons Instagram.",
                "Instagram"
            ),
            Stance::Used
        );
        assert_eq!(
            of(
                "rien qui n'aurait pu être dit sans autorisation ne pourra être diffusé via les médias sociaux.",
                "médias sociaux"
            ),
            Stance::Used
        );
        assert_eq!(
            of(
                "Nous envisageons d'ouvrir un compte Instagram.",
                "Instagram"
            ),
            Stance::Planned
        );
    }
}
