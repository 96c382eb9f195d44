//! What the lens extracts from one answer: platform facts with their
//! accounts, figures, money and staff, policy signals, and a reference to
//! another minister's answer. Every fact keeps its exact span.
//!
//! The serde form of [`PlatformFact`] is the `platforms` field of
//! `qreview show --json` and of the JSON export.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::corpus::QuestionId;

/// Where a fact stands: a byte range of the answer text and its part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Label of the answer part (`2.`), when the answer has parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Byte offset of the start in the answer text.
    pub start: usize,
    /// Byte offset just past the end in the answer text.
    pub end: usize,
}

/// A kind of audience figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// likes, j'aime, vind-ik-leuks, fans.
    Likes,
    /// followers, abonnés, volgers.
    Followers,
    /// tweets.
    Tweets,
    /// posts, publications, berichten.
    Posts,
    /// views, vues, weergaven.
    Views,
    /// retweets.
    Retweets,
    /// subscribers.
    Subscribers,
}

impl Metric {
    /// All metrics, in display order.
    pub const ALL: [Metric; 7] = [
        Metric::Likes,
        Metric::Followers,
        Metric::Tweets,
        Metric::Posts,
        Metric::Views,
        Metric::Retweets,
        Metric::Subscribers,
    ];

    /// The JSON key and display word (`likes`).
    pub fn name(self) -> &'static str {
        match self {
            Metric::Likes => "likes",
            Metric::Followers => "followers",
            Metric::Tweets => "tweets",
            Metric::Posts => "posts",
            Metric::Views => "views",
            Metric::Retweets => "retweets",
            Metric::Subscribers => "subscribers",
        }
    }

    /// The metric a name stands for (`likes`), as in notes and corrections.
    pub fn from_name(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// One figure: a count tied to a platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// What is counted.
    pub metric: Metric,
    /// The count.
    pub value: u64,
    /// Where it is written (the number and its word).
    pub span: Span,
}

/// A sum of money spent on social-media work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// The amount, in `currency`.
    pub amount: f64,
    /// `EUR`, `GBP` or `USD`.
    pub currency: String,
    /// Where it is written.
    pub span: Span,
}

/// Staff working on social media, in full-time equivalents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Staff {
    /// Full-time equivalents (`1,5 ETP` → 1.5).
    pub fte: f64,
    /// Where it is written.
    pub span: Span,
}

/// An account as the answer names it (`Diplomatie.Belgium`, `@BelgiumMFA`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The name as written.
    pub name: String,
    /// Where it is written.
    pub span: Span,
}

pub use crate::notes::facts::FactVerdict as Verdict;

/// What one answer says about one platform (or group of platforms).
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformFact {
    /// The platform's id (`facebook`).
    pub id: String,
    /// Its display name (`Facebook`).
    pub name: String,
    /// Used (true), or said not to be used / only planned (false).
    pub used: bool,
    /// The account, when named.
    pub account: Option<Account>,
    /// Figures, in text order, one per metric.
    pub metrics: Vec<Figure>,
    /// Money spent, when said.
    pub money: Option<Money>,
    /// Staff, when said.
    pub staff: Option<Staff>,
    /// The passage that decides `used` (first use, or the negation).
    pub span: Span,
    /// Every mention of the platform in the answer (for highlighting).
    pub mentions: Vec<Span>,
    /// The analyst's verdict, once corrections are applied.
    pub verdict: Option<Verdict>,
}

impl PlatformFact {
    /// The value of one metric, when given.
    pub fn metric(&self, m: Metric) -> Option<u64> {
        self.metrics.iter().find(|f| f.metric == m).map(|f| f.value)
    }
}

/// The JSON shape of a platform fact: `{"platform", "used", "account"?,
/// "metrics": {"likes": 1565}, "money"?, "staff"?, "part", "start", "end"}`.
#[derive(Serialize)]
struct FactJson<'a> {
    platform: &'a str,
    id: &'a str,
    used: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    account: Option<&'a str>,
    metrics: BTreeMap<&'static str, u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    money: Option<MoneyJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    staff: Option<f64>,
    part: Option<&'a str>,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    correction: Option<&'static str>,
}

/// Money in the JSON: `{"amount": 120000, "currency": "GBP"}`.
#[derive(Serialize)]
struct MoneyJson<'a> {
    amount: f64,
    currency: &'a str,
}

impl Serialize for PlatformFact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FactJson {
            platform: &self.name,
            id: &self.id,
            used: self.used,
            account: self.account.as_ref().map(|a| a.name.as_str()),
            metrics: self
                .metrics
                .iter()
                .map(|f| (f.metric.name(), f.value))
                .collect(),
            money: self.money.as_ref().map(|m| MoneyJson {
                amount: m.amount,
                currency: &m.currency,
            }),
            staff: self.staff.as_ref().map(|s| s.fte),
            part: self.span.part.as_deref(),
            start: self.span.start,
            end: self.span.end,
            correction: self.verdict.map(Verdict::label),
        }
        .serialize(s)
    }
}

/// A kind of social-media policy an answer speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// A charter, guidelines, instructions.
    Charter,
    /// Moderation, review of what is published.
    Moderation,
    /// Evaluation, monitoring, statistics.
    Evaluation,
    /// A dedicated team or community manager.
    Team,
}

impl SignalKind {
    /// `charter`, `moderation`, `evaluation`, `team`.
    pub fn name(self) -> &'static str {
        match self {
            SignalKind::Charter => "charter",
            SignalKind::Moderation => "moderation",
            SignalKind::Evaluation => "evaluation",
            SignalKind::Team => "team",
        }
    }
}

/// A policy signal: a kind, said to exist or not, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    /// What kind.
    pub kind: SignalKind,
    /// False when the answer says there is none.
    pub present: bool,
    /// Where it is written.
    #[serde(flatten)]
    pub span: Span,
}

/// "I refer to the answer given by…": the answer defers to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// Question ids named in the sentence (may be empty: "my colleague").
    pub ids: Vec<QuestionId>,
    /// The sentence.
    #[serde(flatten)]
    pub span: Span,
}

/// Everything the lens found in one question's answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Lens {
    /// One fact per platform or group mentioned, in the table's order.
    pub platforms: Vec<PlatformFact>,
    /// Policy signals, in text order.
    pub signals: Vec<Signal>,
    /// The answer refers to another answer instead of answering.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<Reference>,
    /// Facts the analyst rejected (kept aside so that the rejection shows
    /// and can be undone).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<PlatformFact>,
}

impl Lens {
    /// The fact about this platform id, when there is one.
    pub fn fact(&self, id: &str) -> Option<&PlatformFact> {
        self.platforms.iter().find(|f| f.id == id)
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.platforms.is_empty() && self.signals.is_empty() && self.refers_to.is_none()
    }

    /// Every highlighted span (mentions, accounts, figures, money, staff,
    /// signals), sorted by start.
    pub fn highlights(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for f in &self.platforms {
            out.extend(f.mentions.iter().map(|s| (s.start, s.end)));
            out.extend(f.account.iter().map(|a| (a.span.start, a.span.end)));
            out.extend(f.metrics.iter().map(|m| (m.span.start, m.span.end)));
            out.extend(f.money.iter().map(|m| (m.span.start, m.span.end)));
            out.extend(f.staff.iter().map(|m| (m.span.start, m.span.end)));
        }
        out.extend(self.signals.iter().map(|s| (s.span.start, s.span.end)));
        out.sort_unstable();
        out.dedup();
        out
    }
}
