//! Properties of shared-passage detection on arbitrary text: ranges are valid,
//! sorted and disjoint; swapping the texts swaps the result; a text shares all
//! of a long enough sentence with a copy of itself.

use proptest::prelude::*;
use qreview::analysis::shared::{MIN_RUN_WORDS, shared_passages};

/// Short texts over a small vocabulary (with accents, case and punctuation),
/// so that random pairs do share runs now and then.
fn text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "le", "LA", "été", "Ete", "de", "SPF", "médias", "medias", "l'", "1.", "a)", ".", "?",
        "\n", "œuvre", "—", "x",
    ]);
    prop::collection::vec(word, 0..120).prop_map(|w| w.join(" "))
}

fn check_ranges(text: &str, ranges: &[std::ops::Range<usize>]) {
    for r in ranges {
        assert!(r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    for w in ranges.windows(2) {
        assert!(w[0].end < w[1].start, "not sorted and merged: {ranges:?}");
    }
}

proptest! {
    #[test]
    fn ranges_are_valid_sorted_and_symmetric(a in text(), b in text()) {
        let s = shared_passages(&a, &b);
        check_ranges(&a, &s.a);
        check_ranges(&b, &s.b);
        let t = shared_passages(&b, &a);
        prop_assert_eq!(&s.a, &t.b);
        prop_assert_eq!(&s.b, &t.a);
        prop_assert_eq!(s.a.is_empty(), s.b.is_empty());
    }

    #[test]
    fn a_long_run_is_shared_with_an_upper_case_copy(
        words in prop::collection::vec("[a-zé]{1,8}", MIN_RUN_WORDS..40)
    ) {
        let a = words.join(" ");
        let b = format!("Intro. {} fin", a.to_uppercase());
        let s = shared_passages(&a, &b);
        prop_assert_eq!(s.a, vec![0..a.len()]);
        prop_assert_eq!(s.words_a, words.len());
    }
}
