//! Circular questions found automatically: for sources that do not list a
//! question's siblings (the UK, the Assemblée nationale, the Chamber), the
//! same question sent to several ministers is recognised as questions by
//! the same author, tabled within a short window (the same day by default),
//! whose texts are the same once the addressee is taken out, or nearly so
//! (word-shingle similarity at least a threshold).
//!
//! Only questions are compared that share source and author and fall in the
//! window, so the work grows with the corpus, not with its square; shingles
//! are computed only for questions that have such a neighbour.

pub mod shingle;

use std::collections::HashMap;

use jiff::civil::Date;

use super::model::Question;
use super::source::Source;

/// The least shingle similarity at which two texts count as the same
/// question. Chosen on the labelled set in this module's tests: siblings as
/// members word them (another addressee, "her" for "his", a dropped
/// article, "most recent" for "last") score 0.73 and above; the same
/// author's other questions that day on the same subject, opening the same
/// way, score at most 0.32. 0.55 sits near the middle, with a margin of
/// more than 0.1 on both sides.
pub const DEFAULT_THRESHOLD: f64 = 0.55;

/// How families are detected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// Days between the first and a later tabling that still count as one
    /// sending (0: the same day).
    pub window_days: u32,
    /// The least text similarity (0 to 1) of two members.
    pub threshold: f64,
}

impl Default for Detection {
    fn default() -> Self {
        Self {
            window_days: 0,
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// One detected family: indices into the questions, and what they matched on.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// Indices of the members, ascending.
    pub members: Vec<usize>,
    /// `same author, same day, text 97% identical`.
    pub why: String,
}

/// True for questions that may be grouped by detection: of a source that
/// lists no siblings, listing none, with an author, a date and a text.
fn candidate(q: &Question) -> Option<(String, Date)> {
    if q.id.source() == Source::BeSenate || !q.siblings.is_empty() || q.question.text.is_empty() {
        return None;
    }
    let author = q
        .author
        .as_deref()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!author.is_empty())
        .then(|| (author.to_lowercase(), q.sent()))
        .and_then(|(a, d)| Some((a, d?)))
}

/// Finds the families among `questions`.
pub fn detect(questions: &[Question], opts: &Detection) -> Vec<Detected> {
    let mut by_author: HashMap<(Source, String), Vec<(Date, usize)>> = HashMap::new();
    for (i, q) in questions.iter().enumerate() {
        if let Some((author, date)) = candidate(q) {
            by_author
                .entry((q.id.source(), author))
                .or_default()
                .push((date, i));
        }
    }
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut weakest: HashMap<usize, f64> = HashMap::new();
    let mut spans: HashMap<usize, i32> = HashMap::new();
    let mut groups: Vec<Vec<(Date, usize)>> =
        by_author.into_values().filter(|g| g.len() > 1).collect();
    for g in &mut groups {
        g.sort();
    }
    groups.sort_by_key(|g| g[0].1);
    let shingles = shingles_needed(questions, &groups, opts.window_days);
    for group in groups {
        for a in 0..group.len() {
            let (da, ia) = group[a];
            for &(db, ib) in &group[a + 1..] {
                let days = (db - da).get_days();
                if days > opts.window_days as i32 {
                    break;
                }
                let sim = shingle::similarity(&shingles[ia], &shingles[ib]);
                if sim + 1e-9 >= opts.threshold {
                    let (ra, rb) = (find(&mut parent, ia), find(&mut parent, ib));
                    let w = sim
                        .min(weakest.get(&ra).copied().unwrap_or(1.0))
                        .min(weakest.get(&rb).copied().unwrap_or(1.0));
                    let span = days
                        .max(spans.get(&ra).copied().unwrap_or(0))
                        .max(spans.get(&rb).copied().unwrap_or(0));
                    let root = ra.min(rb);
                    if ra != rb {
                        parent.insert(ra.max(rb), root);
                    }
                    weakest.insert(root, w);
                    spans.insert(root, span);
                }
            }
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    let nodes: Vec<usize> = parent.keys().copied().collect();
    for i in nodes {
        let root = find(&mut parent, i);
        members.entry(root).or_default().push(i);
    }
    let mut out: Vec<Detected> = members
        .into_iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(root, mut m)| {
            m.sort_unstable();
            Detected {
                members: m,
                why: why(
                    spans.get(&root).copied().unwrap_or(0),
                    weakest.get(&root).copied().unwrap_or(1.0),
                ),
            }
        })
        .collect();
    out.sort_by_key(|d| d.members[0]);
    out
}

/// The shingles of every question that has a neighbour in its group's
/// window (the others are never compared), computed on all cores; empty
/// for the rest.
fn shingles_needed(
    questions: &[Question],
    groups: &[Vec<(Date, usize)>],
    window_days: u32,
) -> Vec<Vec<u64>> {
    let near = |a: Date, b: Date| (b - a).get_days().abs() <= window_days as i32;
    let mut needed: Vec<usize> = Vec::new();
    for g in groups {
        for (k, &(d, i)) in g.iter().enumerate() {
            let before = k > 0 && near(g[k - 1].0, d);
            let after = g.get(k + 1).is_some_and(|&(n, _)| near(d, n));
            if before || after {
                needed.push(i);
            }
        }
    }
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = needed.len().div_ceil(workers).max(1);
    let of = move |part: &[usize]| -> Vec<(usize, Vec<u64>)> {
        part.iter()
            .map(|&i| {
                (
                    i,
                    shingle::shingles_of(&shingle::word_hashes(&questions[i])),
                )
            })
            .collect()
    };
    let computed: Vec<Vec<(usize, Vec<u64>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = needed
            .chunks(chunk)
            .map(|part| (part, scope.spawn(move || of(part))))
            .collect();
        // A worker that failed is redone here: a question left without its
        // shingles would compare as identical to any other.
        handles
            .into_iter()
            .map(|(part, h)| h.join().unwrap_or_else(|_| of(part)))
            .collect()
    });
    let mut out: Vec<Vec<u64>> = vec![Vec::new(); questions.len()];
    for (i, s) in computed.into_iter().flatten() {
        out[i] = s;
    }
    out
}

/// The root of `x` (itself when not yet joined), compressing the path.
fn find(parent: &mut HashMap<usize, usize>, x: usize) -> usize {
    let mut root = x;
    while let Some(&p) = parent.get(&root) {
        if p == root {
            break;
        }
        root = p;
    }
    parent.entry(x).or_insert(x);
    let mut at = x;
    while at != root {
        let next = parent[&at];
        parent.insert(at, root);
        at = next;
    }
    parent.entry(root).or_insert(root);
    root
}

/// `same author, same day, text 97% identical`, or `… text identical once
/// the addressee is taken out` when every match was exact. The percentage
/// is the weakest match that joined the family, rounded down so a near
/// match never reads as 100%.
pub fn why(span_days: i32, weakest: f64) -> String {
    let when = match span_days {
        0 => "same day".to_string(),
        1 => "tabled within 1 day".to_string(),
        n => format!("tabled within {n} days"),
    };
    let text = if weakest >= 1.0 {
        "text identical but for the addressee".to_string()
    } else {
        format!(
            "text {}% identical",
            ((weakest * 100.0).floor() as u32).min(99)
        )
    };
    format!("same author, {when}, {text}")
}

#[cfg(test)]
mod tests;
