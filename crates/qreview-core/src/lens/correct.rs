//! Applying the analyst's corrections (from the notes file) to extracted
//! facts: a rejected fact goes, a corrected one takes the analyst's values,
//! a confirmed one is marked; each says which verdict it carries.

use super::catalog::Catalog;
use super::model::{Account, Figure, Lens, Metric, PlatformFact, Span, Verdict};
use crate::corpus::QuestionId;
use crate::notes::FactCorrection;

/// Applies the corrections of `question` among `corrections` to `lens`.
pub fn apply(
    lens: &mut Lens,
    question: QuestionId,
    corrections: &[FactCorrection],
    catalog: &Catalog,
) {
    for c in corrections.iter().filter(|c| c.question == question) {
        let at = lens.platforms.iter().position(|f| f.id == c.platform);
        match (c.verdict, at) {
            (Verdict::Rejected, Some(i)) => {
                let mut fact = lens.platforms.remove(i);
                fact.verdict = Some(Verdict::Rejected);
                lens.rejected.push(fact);
            }
            (Verdict::Confirmed, Some(i)) => lens.platforms[i].verdict = Some(Verdict::Confirmed),
            (Verdict::Corrected, Some(i)) => correct(&mut lens.platforms[i], c),
            (Verdict::Corrected, None) => {
                // A platform the extraction missed, added by the analyst.
                let name = catalog.index_of(&c.platform).map_or_else(
                    || c.platform.clone(),
                    |i| catalog.platforms()[i].name.clone(),
                );
                let mut fact = PlatformFact {
                    id: c.platform.clone(),
                    name,
                    used: true,
                    account: None,
                    metrics: Vec::new(),
                    money: None,
                    staff: None,
                    span: Span {
                        part: None,
                        start: 0,
                        end: 0,
                    },
                    mentions: Vec::new(),
                    verdict: None,
                };
                correct(&mut fact, c);
                let order = |id: &str| catalog.index_of(id).unwrap_or(usize::MAX);
                let pos = lens
                    .platforms
                    .iter()
                    .position(|f| order(&f.id) > order(&fact.id))
                    .unwrap_or(lens.platforms.len());
                lens.platforms.insert(pos, fact);
            }
            // A verdict on a fact no longer extracted (the text changed):
            // nothing to mark.
            (Verdict::Rejected | Verdict::Confirmed, None) => {}
        }
    }
}

/// Puts the corrected values of `c` into `fact`.
fn correct(fact: &mut PlatformFact, c: &FactCorrection) {
    fact.verdict = Some(Verdict::Corrected);
    if let Some(used) = c.used {
        fact.used = used;
    }
    if let Some(name) = &c.account {
        let span = fact
            .account
            .as_ref()
            .map_or_else(|| fact.span.clone(), |a| a.span.clone());
        fact.account = (!name.is_empty()).then(|| Account {
            name: name.clone(),
            span,
        });
    }
    for (name, value) in &c.metrics {
        let Some(metric) = Metric::from_name(name) else {
            continue;
        };
        match fact.metrics.iter_mut().find(|f| f.metric == metric) {
            Some(f) => f.value = *value,
            None => fact.metrics.push(Figure {
                metric,
                value: *value,
                span: fact.span.clone(),
            }),
        }
    }
}

/// The question's tags that its confirmed (or corrected) facts stand for:
/// `platform:facebook` for a used platform, `no-platform:tiktok` for one
/// said not to be used.
pub fn tags_of(lens: &Lens) -> Vec<String> {
    lens.platforms
        .iter()
        .filter(|f| matches!(f.verdict, Some(Verdict::Confirmed | Verdict::Corrected)))
        .map(|f| {
            if f.used {
                format!("platform:{}", f.id)
            } else {
                format!("no-platform:{}", f.id)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lens::extract_text;
    use crate::notes::FactVerdict;

    #[test]
    fn reject_confirm_correct_and_add() {
        let c = Catalog::builtin();
        let q = QuestionId::senate(5, 1);
        let mut lens = extract_text(
            "Nous avons une page Facebook et un compte Vimeo. Nous comptons 10 tweets.",
            &[],
            "",
            c,
        );
        assert!(lens.fact("vimeo").is_some());
        let mut fix = FactCorrection::new(q, "facebook", FactVerdict::Corrected);
        fix.account = Some("Diplomatie.Belgium".into());
        fix.metrics.insert("likes".into(), 1565);
        let mut add = FactCorrection::new(q, "tiktok", FactVerdict::Corrected);
        add.used = Some(false);
        let corrections = vec![
            FactCorrection::new(q, "vimeo", FactVerdict::Rejected),
            FactCorrection::new(q, "twitter", FactVerdict::Confirmed),
            fix,
            add,
            FactCorrection::new(QuestionId::senate(5, 2), "facebook", FactVerdict::Rejected),
        ];
        apply(&mut lens, q, &corrections, c);
        assert!(lens.fact("vimeo").is_none());
        let fb = lens.fact("facebook").unwrap();
        assert_eq!(fb.account.as_ref().unwrap().name, "Diplomatie.Belgium");
        assert_eq!(fb.metric(Metric::Likes), Some(1565));
        assert_eq!(
            lens.fact("twitter").unwrap().verdict,
            Some(Verdict::Confirmed)
        );
        assert!(!lens.fact("tiktok").unwrap().used);
        assert_eq!(
            tags_of(&lens),
            [
                "platform:facebook",
                "platform:twitter",
                "no-platform:tiktok"
            ]
        );
    }
}
