//! Keymap rows: the Questions list and the Reader.

use super::*;

/// The rows of this group, in the order the help lists them.
pub(in crate::app::keymap) static ROWS: &[Binding] = &[
    bind(
        Q,
        &["j", "<down>", "<wheeldown>"],
        A::Down,
        "next question",
        Some("move"),
    ),
    bind(
        Q,
        &["k", "<up>", "<wheelup>"],
        A::Up,
        "previous question",
        None,
    ),
    bind(Q, &["g", "<home>"], A::Top, "first question", None),
    bind(Q, &["G", "<end>"], A::Bottom, "last question", None),
    bind(Q, &["<pgdn>"], A::PageDown, "one screen down", None),
    bind(Q, &["<pgup>"], A::PageUp, "one screen up", None),
    bind(
        Q,
        &["<enter>"],
        A::Open,
        "open the question in the Reader",
        Some("open"),
    ),
    bind(
        Q,
        &["s"],
        A::CycleSort,
        "sort by id, ministry, days to answer, answer date",
        Some("sort"),
    ),
    bind(
        Q,
        &["X"],
        A::SplitFamily,
        "take the question out of its detected family",
        None,
    ),
    bind(
        Q,
        &["J"],
        A::JoinFamily,
        "join families: J on one, then J on the other",
        None,
    ),
    bind(
        R,
        &["f"],
        A::FollowLink,
        "follow the answer's reference (… to PQ 12345)",
        None,
    ),
    bind(
        R,
        &["j", "<down>", "<wheeldown>"],
        A::Down,
        "scroll down",
        Some("scroll"),
    ),
    bind(R, &["k", "<up>", "<wheelup>"], A::Up, "scroll up", None),
    bind(R, &["g", "<home>"], A::Top, "top of the text", None),
    bind(R, &["G", "<end>"], A::Bottom, "end of the text", None),
    bind(R, &["<pgdn>"], A::PageDown, "one screen down", None),
    bind(R, &["<pgup>"], A::PageUp, "one screen up", None),
    bind(
        R,
        &["]"],
        A::NextSibling,
        "next sibling in the family",
        Some("sibling"),
    ),
    bind(
        R,
        &["["],
        A::PrevSibling,
        "previous sibling in the family",
        None,
    ),
];
