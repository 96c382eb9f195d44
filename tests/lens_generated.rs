//! The social-media lens over generated answers (`examples/synth`, which
//! writes platform mentions, figures in every local number form, negations,
//! money and staff): no panic, every span inside its text, every mention's
//! text names its platform, and the material is really there.

#[path = "../examples/synth/mod.rs"]
mod synth;

use std::borrow::Cow;

use qreview::corpus::load::{SourceFile, load_sources};
use qreview::lens::{Catalog, extract};

#[test]
fn generated_answers_give_facts_with_sound_spans() {
    let mut sources = Vec::new();
    synth::for_each_file(400, 11, |path, text| {
        sources.push(SourceFile {
            path: path.display().to_string(),
            bytes: Cow::Owned(text.as_bytes().to_vec()),
        });
    });
    let corpus = load_sources(sources, &|_, _| {});
    let catalog = Catalog::builtin();
    let (mut used, mut negated, mut figures, mut money, mut staff) = (0, 0, 0, 0, 0);
    for q in &corpus.questions {
        let lens = extract(q, catalog);
        let Some(answer) = &q.answer else {
            assert!(lens.is_empty());
            continue;
        };
        let text = answer.text.as_str();
        for f in &lens.platforms {
            let def = &catalog.platforms()[catalog.index_of(&f.id).expect("known id")];
            used += usize::from(f.used);
            negated += usize::from(!f.used);
            figures += f.metrics.len();
            money += usize::from(f.money.is_some());
            staff += usize::from(f.staff.is_some());
            for m in &f.mentions {
                assert!(m.start < m.end && m.end <= text.len(), "{}: {m:?}", q.id);
                let seen = text[m.start..m.end].to_lowercase();
                assert!(
                    def.aliases
                        .iter()
                        .chain(&def.exact)
                        .any(|a| seen.contains(&a.to_lowercase())),
                    "{}: `{seen}` does not name {}",
                    q.id,
                    f.id
                );
            }
            for m in &f.metrics {
                assert!(m.span.end <= text.len());
                // A figure's span holds its number.
                assert!(
                    text[m.span.start..m.span.end]
                        .chars()
                        .any(|c| c.is_ascii_digit())
                );
            }
        }
    }
    assert!(
        used > 50 && negated > 20 && figures > 50,
        "{used} {negated} {figures}"
    );
    assert!(money > 0 && staff > 0, "{money} {staff}");
}
