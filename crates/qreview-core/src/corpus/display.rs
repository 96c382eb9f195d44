//! The display language of corpus labels: titles, addressees, descriptors
//! and ministries shown in French or Dutch, never mixed.
//!
//! A question read from a bilingual source carries its labels in both
//! languages (the other one in [`Translation`](super::Translation)); this
//! swaps the label fields so that the ones every view and command reads
//! are in the language asked for. Question and answer texts are left where
//! they are: notes are anchored in them by line. Known ministries are named
//! by their canonical entity in that language.

use super::Corpus;
use super::model::{Lang, Question};

/// How an unknown ministry is written, everywhere it is shown.
pub const UNKNOWN_MINISTRY: &str = "ministry unknown";

/// A ministry label as shown: the label, or [`UNKNOWN_MINISTRY`].
pub fn ministry_label(ministry: Option<&str>) -> &str {
    match ministry {
        Some(m) if !m.trim().is_empty() => m,
        _ => UNKNOWN_MINISTRY,
    }
}

/// Puts every question's labels (and so every family's title) in `lang`
/// where the corpus has them in that language; idempotent, and
/// `show_labels_in(c, other)` undoes it.
pub fn show_labels_in(corpus: &mut Corpus, lang: Lang) {
    for q in &mut corpus.questions {
        question_labels_in(q, lang);
    }
    for family in &mut corpus.families {
        family.title = family
            .members
            .iter()
            .filter_map(|m| m.question)
            .find_map(|i| corpus.questions[i].title.clone());
    }
}

/// One question's labels in `lang` (see [`show_labels_in`]).
pub fn question_labels_in(q: &mut Question, lang: Lang) {
    if let Some(m) = q.ministry_entity() {
        // The entity is found from either label, so the one replaced is
        // never the only way back to it.
        q.ministry = Some(m.name(lang).to_string());
        if q.translation.ministry.is_some() {
            q.translation.ministry = Some(m.name(lang.other()).to_string());
        }
    }
    let Some(current) = q.labels_lang() else {
        return;
    };
    if current == lang || q.translation.lang.is_none() {
        return;
    }
    let known = q.ministry_entity().is_some();
    let t = &mut q.translation;
    // Field by field, only where the other language has a value: swapping
    // again finds the same fields filled and restores them.
    if t.title.is_some() {
        std::mem::swap(&mut q.title, &mut t.title);
    }
    if t.addressee.is_some() {
        std::mem::swap(&mut q.addressee, &mut t.addressee);
    }
    if !t.descriptors.is_empty() {
        std::mem::swap(&mut q.descriptors, &mut t.descriptors);
    }
    if !known && t.ministry.is_some() {
        std::mem::swap(&mut q.ministry, &mut t.ministry);
    }
    t.labels_swapped = !t.labels_swapped;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{QuestionId, Translation};

    fn bilingual() -> Question {
        let mut q = Question::new(QuestionId::senate(5, 8901));
        q.asked_in = Some(Lang::Fr);
        q.title = Some("Médias sociaux".into());
        q.addressee = Some("au ministre de la Défense".into());
        q.descriptors = vec!["réseau social".into()];
        q.ministry = Some("Landsverdediging".into());
        q.translation = Translation {
            lang: Some(Lang::Nl),
            title: Some("Sociale media".into()),
            addressee: None,
            descriptors: vec!["sociaal netwerk".into()],
            ..Translation::default()
        };
        q
    }

    #[test]
    fn labels_follow_the_display_language_and_come_back() {
        let original = bilingual();
        let mut q = original.clone();
        question_labels_in(&mut q, Lang::Nl);
        assert_eq!(q.title.as_deref(), Some("Sociale media"));
        assert_eq!(q.descriptors, ["sociaal netwerk"]);
        assert_eq!(q.ministry.as_deref(), Some("Landsverdediging"));
        // No Dutch addressee: the French one stays rather than nothing.
        assert_eq!(q.addressee.as_deref(), Some("au ministre de la Défense"));
        assert_eq!(q.labels_lang(), Some(Lang::Nl));
        assert_eq!(q.title_in(Lang::Fr), Some("Médias sociaux"));
        assert_eq!(q.title_in(Lang::Nl), Some("Sociale media"));
        question_labels_in(&mut q, Lang::Nl);
        assert_eq!(q.title.as_deref(), Some("Sociale media"), "idempotent");
        question_labels_in(&mut q, Lang::Fr);
        assert_eq!(q.title, original.title);
        assert_eq!(q.descriptors, original.descriptors);
        assert_eq!(q.ministry.as_deref(), Some("Défense"), "never mixed");
        assert!(!q.translation.labels_swapped);
    }

    #[test]
    fn a_known_ministry_is_named_in_the_display_language_without_translation() {
        let mut q = Question::new(QuestionId::senate(5, 8901));
        q.ministry = Some("Landsverdediging".into());
        question_labels_in(&mut q, Lang::Fr);
        assert_eq!(q.ministry.as_deref(), Some("Défense"));
        question_labels_in(&mut q, Lang::Nl);
        assert_eq!(q.ministry.as_deref(), Some("Landsverdediging"));
    }

    #[test]
    fn an_unknown_ministry_is_written_one_way() {
        assert_eq!(ministry_label(None), UNKNOWN_MINISTRY);
        assert_eq!(ministry_label(Some("  ")), UNKNOWN_MINISTRY);
        assert_eq!(ministry_label(Some("Météo")), "Météo");
    }

    #[test]
    fn family_titles_follow() {
        let mut corpus = Corpus::new(vec![bilingual()], Vec::new());
        show_labels_in(&mut corpus, Lang::Nl);
        assert_eq!(corpus.families[0].title.as_deref(), Some("Sociale media"));
        show_labels_in(&mut corpus, Lang::Fr);
        assert_eq!(corpus.families[0].title.as_deref(), Some("Médias sociaux"));
    }
}
