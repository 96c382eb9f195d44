//! Policy signals (a charter or guidelines, moderation, evaluation or
//! monitoring, a dedicated team) and "I refer to the answer given by…".
//! Word lists in French, Dutch and English; a signal preceded by a negation
//! ("il n'existe pas de charte", "geen richtlijnen") is kept as absent.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::catalog::case_variants;
use super::context::{Context, fold};
use super::cues::negated_nearby;
use super::model::{Reference, Signal, SignalKind};
use crate::corpus::QuestionId;

/// Beginnings of words that signal a policy, and their kind.
const WORDS: [(&str, SignalKind); 42] = [
    ("charte", SignalKind::Charter),
    ("charter", SignalKind::Charter),
    ("richtlijn", SignalKind::Charter),
    ("guideline", SignalKind::Charter),
    ("gedragscode", SignalKind::Charter),
    ("code de conduite", SignalKind::Charter),
    ("code of conduct", SignalKind::Charter),
    ("lignes directrices", SignalKind::Charter),
    ("instructions", SignalKind::Charter),
    ("vademecum", SignalKind::Charter),
    ("social media policy", SignalKind::Charter),
    ("socialemediabeleid", SignalKind::Charter),
    ("modération", SignalKind::Moderation),
    ("modérat", SignalKind::Moderation),
    ("modér", SignalKind::Moderation),
    ("moderat", SignalKind::Moderation),
    ("modereer", SignalKind::Moderation),
    ("modereren", SignalKind::Moderation),
    ("peer review", SignalKind::Moderation),
    ("évaluation", SignalKind::Evaluation),
    ("évalu", SignalKind::Evaluation),
    ("evaluat", SignalKind::Evaluation),
    ("evalueer", SignalKind::Evaluation),
    ("evalueren", SignalKind::Evaluation),
    ("monitoring", SignalKind::Evaluation),
    ("monitor", SignalKind::Evaluation),
    ("statistiques", SignalKind::Evaluation),
    ("statistieken", SignalKind::Evaluation),
    ("statistics", SignalKind::Evaluation),
    ("analytics", SignalKind::Evaluation),
    ("community manager", SignalKind::Team),
    ("webteam", SignalKind::Team),
    ("web team", SignalKind::Team),
    ("social media team", SignalKind::Team),
    ("socialemediateam", SignalKind::Team),
    ("équipe dédiée", SignalKind::Team),
    ("équipe web", SignalKind::Team),
    ("cellule communication", SignalKind::Team),
    ("cellule de communication", SignalKind::Team),
    ("communicatiecel", SignalKind::Team),
    ("communicatieteam", SignalKind::Team),
    ("dedicated team", SignalKind::Team),
];

/// Phrases of deferring to another answer.
const REFERRALS: [&str; 10] = [
    "renvoie",
    "réfère",
    "refere",
    "verwijs",
    "verwijzen",
    "refer ",
    "refer the",
    "voir la réponse",
    "zie het antwoord",
    "se rallie",
];

/// Words that say the deferral is to an answer.
const ANSWER_WORDS: [&str; 5] = ["réponse", "antwoord", "answer", "reply", "repl"];

/// The signal automaton and each pattern's kind.
fn automaton() -> &'static (AhoCorasick, Vec<SignalKind>) {
    static BUILT: OnceLock<(AhoCorasick, Vec<SignalKind>)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        for (w, k) in WORDS {
            for v in case_variants(w) {
                patterns.push(v);
                kinds.push(k);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("signal words build");
        (ac, kinds)
    })
}

/// Every policy signal in the answer, at most one per kind and presence,
/// in text order.
pub fn signals(ctx: &Context<'_>) -> Vec<Signal> {
    let (ac, kinds) = automaton();
    let mut out: Vec<Signal> = Vec::new();
    for m in ac.find_iter(ctx.text) {
        if ctx.text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let end = ctx.text[m.end()..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(ctx.text.len(), |i| m.end() + i);
        let kind = kinds[m.pattern().as_usize()];
        let present = !negated_nearby(ctx, m.start());
        if out.iter().any(|s| s.kind == kind && s.present == present) {
            continue;
        }
        out.push(Signal {
            kind,
            present,
            span: ctx.span(m.start(), end),
        });
    }
    out
}

/// The automaton of [`REFERRALS`].
fn referrals() -> &'static AhoCorasick {
    static BUILT: OnceLock<AhoCorasick> = OnceLock::new();
    BUILT.get_or_init(|| {
        let patterns: Vec<String> = REFERRALS.iter().flat_map(|p| case_variants(p)).collect();
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("referral phrases build")
    })
}

/// The sentence deferring to another answer, with the ids it names.
pub fn reference(ctx: &Context<'_>) -> Option<Reference> {
    for m in referrals().find_iter(ctx.text) {
        let sentence = ctx.sentence(m.start());
        let folded = fold(&ctx.text[sentence.clone()]);
        if !ANSWER_WORDS.iter().any(|w| folded.contains(w)) {
            continue;
        }
        let ids = ids_in(&ctx.text[sentence.clone()]);
        let trimmed_end = sentence.start + ctx.text[sentence.clone()].trim_end().len();
        return Some(Reference {
            ids,
            span: ctx.span(sentence.start, trimmed_end),
        });
    }
    None
}

/// Every `L-N` question id in `s`, in order.
fn ids_in(s: &str) -> Vec<QuestionId> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(id) = QuestionId::find_in(rest) {
        if !out.contains(&id) {
            out.push(id);
        }
        let text = id.to_string();
        match rest.find(&text) {
            Some(i) => rest = &rest[i + text.len()..],
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_present_and_absent() {
        let t = "Une charte encadre nos comptes. Il n'existe pas de modération. Geen richtlijnen. Een community manager volgt de statistieken op.";
        let c = Context::new(t, &[], "");
        let s = signals(&c);
        let got: Vec<(SignalKind, bool)> = s.iter().map(|s| (s.kind, s.present)).collect();
        assert_eq!(
            got,
            [
                (SignalKind::Charter, true),
                (SignalKind::Moderation, false),
                (SignalKind::Charter, false),
                (SignalKind::Team, true),
                (SignalKind::Evaluation, true),
            ]
        );
        assert_eq!(&t[s[0].span.start..s[0].span.end], "charte");
    }

    #[test]
    fn references_to_other_answers() {
        let t = "Je renvoie l'honorable membre à la réponse donnée par le ministre de l'Intérieur à la question écrite 5-8900.";
        let c = Context::new(t, &[], "");
        let r = reference(&c).unwrap();
        assert_eq!(r.ids, [QuestionId::senate(5, 8900)]);
        let t = "I refer the honourable Member to the answer given by my colleague.";
        assert!(reference(&Context::new(t, &[], "")).unwrap().ids.is_empty());
        assert!(reference(&Context::new("Nous renvoyons les messages.", &[], "")).is_none());
    }
}
