//! Merging what several inputs say about one question: a text document with
//! a JSON record (metadata fills the gaps), or two records of the same id.

use super::diagnostic::Diagnostic;
use super::model::{Event, Question};
use crate::formats::Record;

/// The diagnostic for a second text document with an id already loaded.
pub fn duplicate_text(kept: &Question, dropped: &Question) -> Diagnostic {
    let same = kept.question.text == dropped.question.text
        && kept.answer.as_ref().map(|a| &a.text) == dropped.answer.as_ref().map(|a| &a.text)
        && same_events(&kept.events, &dropped.events);
    let at = format!("{}:{}", kept.origin.path, kept.origin.first_line);
    let src = &dropped.origin;
    if same {
        Diagnostic::warning(
            &src.path,
            Some(src.first_line),
            format!(
                "{} is also loaded from {at} with the same content; kept that one",
                dropped.id
            ),
        )
    } else {
        Diagnostic::error(
            &src.path,
            Some(src.first_line),
            format!(
                "{} is also loaded from {at} with different content; kept that one and skipped this one (remove one of the two)",
                dropped.id
            ),
        )
    }
}

/// Events compared by date and kind: labels differ between languages.
fn same_events(a: &[Event], b: &[Event]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.date == y.date && x.kind == y.kind)
}

/// Swaps a question's written-language fields with its translation's, so a
/// Dutch record can be compared field by field with a French page.
fn flip_language(q: &mut Question) {
    let written = q.text_lang();
    let t = &mut q.translation;
    std::mem::swap(&mut q.title, &mut t.title);
    std::mem::swap(&mut q.addressee, &mut t.addressee);
    std::mem::swap(&mut q.descriptors, &mut t.descriptors);
    std::mem::swap(&mut q.ministry, &mut t.ministry);
    let question = t.question.take();
    t.question = (!q.question.text.is_empty()).then(|| std::mem::take(&mut q.question));
    q.question = question.unwrap_or_default();
    std::mem::swap(&mut q.answer, &mut t.answer);
    t.lang = written;
}

/// Merges a JSON record into `base`. Empty fields of `base` are filled; a field
/// set on both sides with different values keeps `base`'s and is reported
/// (a warning against a text document, an error between two records). The
/// record's `ministry` always wins: it is how JSON overrides the derived label.
pub fn merge_record(base: &mut Question, record: Record, base_is_text: bool) -> Vec<Diagnostic> {
    let mut r = record.question;
    // A record in the other language is a translation of the page, not a
    // disagreement: compare it with the page's translation side.
    if let (Some(a), Some(b)) = (base.text_lang(), r.text_lang())
        && a != b
    {
        flip_language(&mut r);
    }
    let mut conflicts: Vec<&str> = Vec::new();
    fill(&mut base.title, r.title, "title", &mut conflicts);
    fill(&mut base.author, r.author, "author", &mut conflicts);
    fill(&mut base.party, r.party, "party", &mut conflicts);
    fill(
        &mut base.addressee,
        r.addressee,
        "addressee",
        &mut conflicts,
    );
    fill(&mut base.asked_in, r.asked_in, "asked_in", &mut conflicts);
    fill(&mut base.date, r.date, "date", &mut conflicts);
    fill(&mut base.url, r.url, "url", &mut conflicts);
    fill(&mut base.deadline, r.deadline, "deadline", &mut conflicts);
    if r.ministry.is_some() {
        base.ministry = r.ministry;
    }
    if !merge_lists(&mut base.descriptors, r.descriptors) {
        conflicts.push("descriptors");
    }
    if base.events.is_empty() {
        base.events = r.events;
    } else if !r.events.is_empty() && !same_events(&base.events, &r.events) {
        conflicts.push("events");
    }
    for s in r.siblings {
        if !base.siblings.contains(&s) {
            base.siblings.push(s);
        }
    }
    for l in r.links {
        if !base.links.contains(&l) {
            base.links.push(l);
        }
    }
    if base.question.text.is_empty() {
        base.question = r.question;
    } else if !r.question.text.is_empty() && base.question.text != r.question.text {
        conflicts.push("question");
    }
    match (&base.answer, r.answer) {
        (None, a) => base.answer = a,
        (Some(a), Some(b)) if a.text != b.text => conflicts.push("answer"),
        _ => {}
    }
    let t = r.translation;
    if base.translation.lang.is_none() {
        base.translation.lang = t.lang;
    }
    fill(
        &mut base.translation.title,
        t.title,
        "translation.title",
        &mut conflicts,
    );
    fill(
        &mut base.translation.addressee,
        t.addressee,
        "translation.addressee",
        &mut conflicts,
    );
    // The other language's terms are filled in, never a conflict: they
    // come from the side of a page that is least reliably extracted.
    let _complete = merge_lists(&mut base.translation.descriptors, t.descriptors);
    fill(
        &mut base.translation.ministry,
        t.ministry,
        "translation.ministry",
        &mut conflicts,
    );
    if base.translation.question.is_none() {
        base.translation.question = t.question;
    }
    if base.translation.answer.is_none() {
        base.translation.answer = t.answer;
    }
    if base.further_answers.is_empty() {
        base.further_answers = r.further_answers;
    }
    // A list's summary may not know an answer its full record has: the
    // more definite state wins (withdrawn, then answered).
    base.status = match (base.status, r.status) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if conflicts.is_empty() {
        return Vec::new();
    }
    let src = &r.origin;
    let what = conflicts.join(", ");
    let kept = format!("{}:{}", base.origin.path, base.origin.first_line);
    vec![if base_is_text {
        Diagnostic::warning(
            &src.path,
            Some(record.line),
            format!(
                "record {} disagrees with the text at {kept} on {what}; kept the text's",
                base.id
            ),
        )
    } else {
        Diagnostic::error(
            &src.path,
            Some(record.line),
            format!(
                "record {} conflicts with the record at {kept} on {what}; kept the first",
                base.id
            ),
        )
    }]
}

/// Merges a list of terms: one side empty or holding only terms of the
/// other (a summary's main descriptor, the full record's list) takes the
/// longer; `false` when each has terms the other lacks.
fn merge_lists(base: &mut Vec<String>, other: Vec<String>) -> bool {
    if other.iter().all(|t| base.contains(t)) {
        return true;
    }
    if base.iter().all(|t| other.contains(t)) {
        *base = other;
        return true;
    }
    false
}

fn fill<T: PartialEq>(
    base: &mut Option<T>,
    other: Option<T>,
    name: &'static str,
    conflicts: &mut Vec<&'static str>,
) {
    match (base.as_ref(), other) {
        (None, o) => *base = o,
        (Some(b), Some(o)) if *b != o => conflicts.push(name),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(q: Question) -> Record {
        Record {
            question: q,
            file: None,
            line: 3,
        }
    }

    #[test]
    fn record_fills_text_gaps_and_reports_conflicts() {
        let mut base = Question::new("5-1".parse().unwrap());
        base.title = Some("Titre".into());
        base.question.text = "body".into();
        let mut r = Question::new("5-1".parse().unwrap());
        r.title = Some("Autre".into());
        r.author = Some("Martine Taelman".into());
        r.ministry = Some("Emploi".into());
        r.origin.path = "c.json".into();
        let d = merge_record(&mut base, record(r), true);
        assert_eq!(base.author.as_deref(), Some("Martine Taelman"));
        assert_eq!(base.title.as_deref(), Some("Titre"));
        assert_eq!(base.ministry.as_deref(), Some("Emploi"));
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        assert!(d[0].message.contains("title"));
        assert_eq!(d[0].to_string().split(':').nth(1), Some("3"));
    }

    #[test]
    fn two_records_conflicting_is_an_error() {
        let mut base = Question::new("5-1".parse().unwrap());
        base.author = Some("A".into());
        let mut r = Question::new("5-1".parse().unwrap());
        r.author = Some("B".into());
        let d = merge_record(&mut base, record(r), false);
        assert!(d[0].is_error());
    }

    #[test]
    fn a_record_in_the_other_language_merges_as_the_translation() {
        use crate::corpus::model::Lang;
        // A French page that knows its Dutch title from a bilingual print.
        let mut page = Question::new("5-8901".parse().unwrap());
        page.title = Some("Recours aux médias sociaux".into());
        page.addressee = Some("à la ministre de la Défense".into());
        page.question.text = "Texte français".into();
        page.translation.lang = Some(Lang::Nl);
        page.translation.title = Some("Gebruik van sociale media".into());
        // A Dutch record of the same question.
        let mut dutch = Question::new("5-8901".parse().unwrap());
        dutch.title = Some("Gebruik van sociale media".into());
        dutch.addressee = Some("aan de minister van Landsverdediging".into());
        dutch.question.text = "Nederlandse tekst".into();
        dutch.translation.lang = Some(Lang::Fr);
        let diags = merge_record(&mut page, record(dutch), true);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(page.title_in(Lang::Fr), Some("Recours aux médias sociaux"));
        assert_eq!(page.title_in(Lang::Nl), Some("Gebruik van sociale media"));
        assert_eq!(
            page.addressee_in(Lang::Nl),
            Some("aan de minister van Landsverdediging")
        );
        assert_eq!(
            page.question_in(Lang::Nl).text.as_str(),
            "Nederlandse tekst"
        );
        assert_eq!(page.question_in(Lang::Fr).text.as_str(), "Texte français");
    }
}
