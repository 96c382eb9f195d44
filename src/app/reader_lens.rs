//! The social-media lens in the Reader: a header line listing the answer's
//! facts (`Platforms: Facebook ✓ Diplomatie.Belgium 1,565 likes · …`) and
//! the extracted passages (platform names, accounts, figures, money,
//! staff, policy words) set in [`Tone::Fact`] in the laid-out answer.
//!
//! Runs at layout time (open, resize, notes changed), never per frame.

use crate::corpus::Question;
use crate::lens::{Catalog, Lens, extract, table::group_thousands};
use crate::notes::Field;

use super::doc::{DocLine, Tone, labelled, seg};
use super::reader::LineOrigin;

/// The lens of `q` (what was extracted, before corrections).
pub fn lens_of(q: &Question) -> Lens {
    extract(q, Catalog::builtin())
}

/// The header lines listing the facts (at most `max_lines`, the last cut
/// with `…`), or none when there are none.
pub fn header_lines(lens: &Lens, width: usize, max_lines: usize) -> Vec<DocLine> {
    if lens.platforms.is_empty() && lens.refers_to.is_none() {
        return Vec::new();
    }
    let mut items: Vec<String> = lens
        .platforms
        .iter()
        .map(|f| {
            let mut s = format!("{} {}", f.name, if f.used { "✓" } else { "✗" });
            if let Some(a) = &f.account {
                s.push(' ');
                s.push_str(&a.name);
            }
            for m in &f.metrics {
                s.push_str(&format!(
                    " {} {}",
                    group_thousands(m.value),
                    m.metric.name()
                ));
            }
            if let Some(m) = &f.money {
                s.push_str(&format!(
                    " {} {}",
                    m.currency,
                    group_thousands(m.amount.round() as u64)
                ));
            }
            if let Some(st) = &f.staff {
                s.push_str(&format!(" {} FTE", st.fte));
            }
            s
        })
        .collect();
    if let Some(r) = &lens.refers_to {
        let ids: Vec<String> = r.ids.iter().map(ToString::to_string).collect();
        items.push(
            format!("refers to another answer {}", ids.join(", "))
                .trim_end()
                .to_string(),
        );
    }
    labelled(
        "Platforms:",
        Tone::Label,
        &items.join(" · "),
        width,
        max_lines,
    )
}

/// Sets the lens's spans in [`Tone::Fact`] in the answer's body lines.
pub fn tone_facts(body: &mut [DocLine], origins: &[Option<LineOrigin>], text: &str, lens: &Lens) {
    let spans = lens.highlights();
    if spans.is_empty() {
        return;
    }
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut current: Option<(usize, usize)> = None; // (source line, search position)
    for (i, origin) in origins.iter().enumerate() {
        let Some(o) = origin.as_ref().filter(|o| o.field == Field::Answer) else {
            continue;
        };
        let Some(&line_start) = starts.get(o.line) else {
            continue;
        };
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |k| line_start + k);
        let mut pos = match current {
            Some((l, p)) if l == o.line => p,
            _ => line_start,
        };
        let Some(line) = body.get_mut(i) else { break };
        let mut toned: DocLine = Vec::with_capacity(line.len());
        for s in line.drain(..) {
            let t = s.text().to_string();
            let found = (s.tone != Tone::Label && !t.trim().is_empty())
                .then(|| text[pos..line_end].find(&t))
                .flatten();
            let Some(k) = found else {
                toned.push(s);
                continue;
            };
            let abs = pos + k;
            pos = abs + t.len();
            let mut cut = 0;
            for &(a, b) in spans.iter().filter(|&&(a, b)| a < abs + t.len() && b > abs) {
                let (ms, me) = (a.max(abs) - abs, b.min(abs + t.len()) - abs);
                if !t.is_char_boundary(ms) || !t.is_char_boundary(me) || ms < cut {
                    continue;
                }
                if ms > cut {
                    toned.push(seg(&t[cut..ms], s.tone));
                }
                toned.push(seg(&t[ms..me], Tone::Fact));
                cut = me;
            }
            if cut < t.len() {
                toned.push(seg(&t[cut..], s.tone));
            }
        }
        *line = toned;
        current = Some((o.line, pos));
    }
}

#[cfg(test)]
mod tests {
    use crate::app::doc::{Tone, text_of};
    use crate::app::reader::ReaderState;
    use crate::corpus::{QuestionId, embedded};

    #[test]
    fn facts_are_listed_and_toned_in_the_answer_only() {
        let corpus = embedded::load();
        let mut r = ReaderState::default();
        r.open(&corpus, QuestionId::senate(5, 8902), (100, 60));
        let header: Vec<String> = r.header.iter().map(text_of).collect();
        let facts = header
            .iter()
            .find(|l| l.starts_with("Platforms:"))
            .expect("a facts line");
        assert!(
            facts.contains("Facebook ✓ Diplomatie.Belgium 1,565 likes"),
            "{facts}"
        );
        let toned: Vec<String> = r
            .body
            .iter()
            .flat_map(|l| {
                l.iter()
                    .filter(|s| s.tone == Tone::Fact)
                    .map(|s| s.text().to_string())
            })
            .collect();
        assert!(toned.contains(&"1 565 likes".to_string()), "{toned:?}");
        assert!(
            toned.contains(&"Diplomatie.Belgium".to_string()),
            "{toned:?}"
        );
        // The question's own "Twitter" and handles are not facts.
        assert!(!toned.iter().any(|t| t.starts_with('@')), "{toned:?}");
        // Toning changes no text.
        let before: Vec<String> = {
            let mut plain = ReaderState::default();
            plain.open(&corpus, QuestionId::senate(5, 8902), (100, 60));
            plain.body.iter().map(text_of).collect()
        };
        assert_eq!(before, r.body.iter().map(text_of).collect::<Vec<_>>());
    }
}
