//! Which questions a corpus-wide table (league table, coding matrix) counts:
//! one family, one legislature, one source, a range of sending dates.

use jiff::civil::Date;

use super::deadline::source_of;
use crate::corpus::{Corpus, Question, QuestionId};

/// Restrictions on the questions counted; the default counts every one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionFilter {
    /// Only the family this question belongs to.
    pub family: Option<QuestionId>,
    /// Only this legislature.
    pub legislature: Option<u16>,
    /// Only this source (`be-senate`).
    pub source: Option<String>,
    /// Only questions sent on or after this date.
    pub from: Option<Date>,
    /// Only questions sent on or before this date.
    pub to: Option<Date>,
}

impl QuestionFilter {
    /// True when nothing is restricted.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The questions of `corpus` that pass, in corpus order.
    pub fn questions<'c>(&self, corpus: &'c Corpus) -> impl Iterator<Item = &'c Question> {
        let family = self
            .family
            .and_then(|id| corpus.family_of(id))
            .map(|f| f.id);
        let unknown_family = self.family.is_some() && family.is_none();
        corpus.questions.iter().filter(move |q| {
            !unknown_family
                && family.is_none_or(|f| corpus.family_of(q.id).is_some_and(|g| g.id == f))
                && self.accepts(q)
        })
    }

    /// True when `q` passes every restriction but the family's.
    fn accepts(&self, q: &Question) -> bool {
        if self.legislature.is_some_and(|l| q.legislature != Some(l)) {
            return false;
        }
        if self.source.as_deref().is_some_and(|s| source_of(q) != s) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(sent) = q.sent() else { return false };
            if self.from.is_some_and(|f| sent < f) || self.to.is_some_and(|t| sent > t) {
                return false;
            }
        }
        true
    }

    /// A one-line description (`family 5-8900, sent 2013-01-01 to 2013-12-31`), empty when none.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = self.family {
            parts.push(format!("family of {f}"));
        }
        if let Some(l) = self.legislature {
            parts.push(format!("legislature {l}"));
        }
        if let Some(s) = &self.source {
            parts.push(format!("source {s}"));
        }
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(format!("sent {f} to {t}")),
            (Some(f), None) => parts.push(format!("sent from {f}")),
            (None, Some(t)) => parts.push(format!("sent up to {t}")),
            (None, None) => {}
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn filters_the_default_corpus() {
        let corpus = crate::corpus::embedded::load();
        let all = QuestionFilter::default();
        assert_eq!(all.questions(&corpus).count(), 11);
        let family = QuestionFilter {
            family: Some("5-8910".parse().unwrap()),
            ..Default::default()
        };
        assert_eq!(family.questions(&corpus).count(), 11);
        let nowhere = QuestionFilter {
            family: Some("5-1".parse().unwrap()),
            ..Default::default()
        };
        assert_eq!(nowhere.questions(&corpus).count(), 0);
        let leg = QuestionFilter {
            legislature: Some(4),
            ..Default::default()
        };
        assert_eq!(leg.questions(&corpus).count(), 0);
        let dates = QuestionFilter {
            from: Some(date(2013, 5, 1)),
            ..Default::default()
        };
        assert_eq!(dates.questions(&corpus).count(), 0);
        let source = QuestionFilter {
            source: Some("be-senate".into()),
            to: Some(date(2013, 4, 30)),
            ..Default::default()
        };
        assert_eq!(source.questions(&corpus).count(), 11);
        assert_eq!(source.describe(), "source be-senate, sent up to 2013-04-30");
    }
}
