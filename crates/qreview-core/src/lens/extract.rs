//! Putting the pieces together for one answer: platform mentions and their
//! stance, accounts, figures, money and staff tied to a platform, policy
//! signals and a reference to another answer, as one [`Lens`].
//!
//! Only the answer counts: a platform named in the question alone, or in a
//! quotation of the question inside the answer, is not one the ministry uses.

use super::accounts;
use super::catalog::{AliasHit, Catalog};
use super::context::Context;
use super::cues::{Stance, stance};
use super::figures::{Reading, readings};
use super::model::{Account, Figure, Lens, Money, PlatformFact, Span, Staff};
use super::signals::{reference, signals};
use crate::corpus::Question;

/// One kept mention of a platform.
#[derive(Debug, Clone, Copy)]
struct Mention {
    hit: AliasHit,
    stance: Stance,
}

/// What is gathered per platform before it becomes a fact.
#[derive(Default)]
struct Gathered {
    mentions: Vec<Mention>,
    account: Option<Account>,
    metrics: Vec<Figure>,
    money: Option<Money>,
    staff: Option<Staff>,
}

/// The lens over one question's answer (empty when there is no answer text).
pub fn extract(q: &Question, catalog: &Catalog) -> Lens {
    let Some(answer) = q.answer.as_ref().filter(|a| !a.text.is_empty()) else {
        return Lens::default();
    };
    extract_text(&answer.text, &answer.parts, &q.question.text, catalog)
}

/// The lens over an answer text with its parts, given the question text.
pub fn extract_text(
    text: &str,
    parts: &[crate::corpus::Part],
    question: &str,
    catalog: &Catalog,
) -> Lens {
    let ctx = Context::new(text, parts, question);
    let platforms = catalog.platforms();
    let mut gathered: Vec<Gathered> = platforms.iter().map(|_| Gathered::default()).collect();
    let mut mentions: Vec<Mention> = Vec::new();
    for hit in catalog.find(text) {
        let stance = stance(&ctx, hit.start, hit.end);
        // A group used plainly ("les médias sociaux") is no fact: no need to
        // ask whether it quotes the question.
        let plain_group = platforms[hit.platform].is_group() && stance == Stance::Used;
        if !plain_group
            && ctx.question_names(catalog, hit.platform)
            && ctx.quotes_question(hit.start, hit.end)
        {
            continue;
        }
        let m = Mention { hit, stance };
        mentions.push(m);
        gathered[hit.platform].mentions.push(m);
    }

    // Accounts named right at a mention.
    let mut used_names: Vec<(usize, usize)> = Vec::new();
    for m in &mentions {
        if platforms[m.hit.platform].is_group() {
            continue;
        }
        let alias = &text[m.hit.start..m.hit.end];
        let from =
            if accounts::is_compound_account(alias) || accounts::word_before(text, m.hit.start) {
                Some(m.hit.end)
            } else {
                accounts::word_after(text, m.hit.end)
            };
        let Some((s, e)) = from.and_then(|f| accounts::name_at(text, f)) else {
            continue;
        };
        if catalog.find(&text[s..e]).iter().any(|h| h.start == 0) {
            continue;
        }
        used_names.push((s, e));
        let g = &mut gathered[m.hit.platform];
        if g.account.is_none() {
            g.account = Some(Account {
                name: text[s..e].to_string(),
                span: ctx.span(s, e),
            });
        }
    }
    // Bare handles: the nearest platform in the sentence, else the default.
    for (s, e) in accounts::handles(text) {
        if used_names.iter().any(|&(a, b)| a <= s && e <= b) {
            continue;
        }
        let sentence = ctx.sentence(s);
        let platform = nearest(&mentions, platforms, s, sentence.clone(), sentence)
            .or_else(|| catalog.handle_platform());
        if let Some(p) = platform {
            let g = &mut gathered[p];
            if g.account.is_none() {
                g.account = Some(Account {
                    name: text[s..e].to_string(),
                    span: ctx.span(s, e),
                });
            }
        }
    }

    // Figures, money and staff.
    for r in readings(text) {
        match r {
            Reading::Count {
                metric,
                value,
                start,
                end,
                word,
            } => {
                let platform = catalog.implied_by(&word).or_else(|| {
                    nearest(
                        &mentions,
                        platforms,
                        start,
                        ctx.line(start),
                        ctx.sentence(start),
                    )
                });
                let Some(p) = platform else { continue };
                let g = &mut gathered[p];
                if g.metrics.iter().all(|f| f.metric != metric) {
                    g.metrics.push(Figure {
                        metric,
                        value,
                        span: ctx.span(start, end),
                    });
                }
            }
            Reading::Money {
                amount,
                currency,
                start,
                end,
            } => {
                let sentence = ctx.sentence(start);
                let Some(p) = tied(&mentions, platforms, start, sentence) else {
                    continue;
                };
                gathered[p].money.get_or_insert(Money {
                    amount,
                    currency: currency.to_string(),
                    span: ctx.span(start, end),
                });
            }
            Reading::Staff { fte, start, end } => {
                let Some(p) = tied(&mentions, platforms, start, ctx.line(start)) else {
                    continue;
                };
                gathered[p].staff.get_or_insert(Staff {
                    fte,
                    span: ctx.span(start, end),
                });
            }
        }
    }

    let mut facts = Vec::new();
    for (i, g) in gathered.into_iter().enumerate() {
        let def = &platforms[i];
        // A platform never named may still be implied (`648 tweets`, `@handle`).
        let implied = g
            .account
            .as_ref()
            .map(|a| a.span.clone())
            .or_else(|| g.metrics.first().map(|f| f.span.clone()));
        if g.mentions.is_empty() && (implied.is_none() || def.is_group()) {
            continue;
        }
        let positive: Vec<&Mention> = g
            .mentions
            .iter()
            .filter(|m| m.stance == Stance::Used)
            .collect();
        let negative: Vec<&Mention> = g
            .mentions
            .iter()
            .filter(|m| m.stance != Stance::Used)
            .collect();
        let evidence =
            g.account.is_some() || !g.metrics.is_empty() || g.money.is_some() || g.staff.is_some();
        let used =
            (!positive.is_empty() || g.mentions.is_empty()) && (negative.is_empty() || evidence);
        // A group ("social media") is a fact only when it says something:
        // that none is used, or money or staff.
        if def.is_group() && used && g.money.is_none() && g.staff.is_none() {
            continue;
        }
        let decisive = match (used, positive.first(), negative.first()) {
            (true, Some(m), _) | (false, _, Some(m)) => ctx.span(m.hit.start, m.hit.end),
            _ => implied.clone().unwrap_or_else(|| ctx.span(0, 0)),
        };
        facts.push(PlatformFact {
            id: def.id.clone(),
            name: def.name.clone(),
            used,
            account: g.account,
            metrics: g.metrics,
            money: g.money,
            staff: g.staff,
            span: decisive,
            mentions: g
                .mentions
                .iter()
                .map(|m| ctx.span(m.hit.start, m.hit.end))
                .collect(),
            verdict: None,
        });
    }
    Lens {
        platforms: facts,
        signals: signals(&ctx),
        refers_to: reference(&ctx),
        rejected: Vec::new(),
    }
}

/// The platform (not a group) a figure at `at` belongs to: the nearest used
/// mention before it in `before_range`, else the first one after it in
/// `after_range`.
fn nearest(
    mentions: &[Mention],
    platforms: &[super::catalog::PlatformDef],
    at: usize,
    before_range: std::ops::Range<usize>,
    after_range: std::ops::Range<usize>,
) -> Option<usize> {
    let single = |m: &&Mention| !platforms[m.hit.platform].is_group();
    mentions
        .iter()
        .filter(single)
        .rfind(|m| m.hit.end <= at && m.hit.start >= before_range.start && m.stance == Stance::Used)
        .or_else(|| {
            mentions
                .iter()
                .filter(single)
                .find(|m| m.hit.start >= at && m.hit.end <= after_range.end)
        })
        .map(|m| m.hit.platform)
}

/// The platform money or staff at `at` belongs to: a platform in `range`,
/// else a group ("social media") named there; `None` when `range` speaks
/// of no social media at all.
fn tied(
    mentions: &[Mention],
    platforms: &[super::catalog::PlatformDef],
    at: usize,
    range: std::ops::Range<usize>,
) -> Option<usize> {
    nearest(mentions, platforms, at, range.clone(), range.clone()).or_else(|| {
        mentions
            .iter()
            .filter(|m| m.hit.start >= range.start && m.hit.end <= range.end)
            .min_by_key(|m| m.hit.start.abs_diff(at))
            .map(|m| m.hit.platform)
    })
}

/// A span's text (for tests and messages).
pub fn span_text<'t>(text: &'t str, span: &Span) -> &'t str {
    &text[span.start..span.end]
}
