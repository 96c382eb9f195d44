//! Keymap rows: the Platforms view (`app::platforms`): the social-media
//! table, its cursor and the analyst's corrections.

use super::*;

/// The rows of this group, in the order the help lists them.
pub(in crate::app::keymap) static ROWS: &[Binding] = &[
    bind(
        G,
        &["8"],
        A::ShowView(View::Platforms),
        "Platforms view: which platforms each answer says it uses",
        None,
    ),
    bind(
        R,
        &["F"],
        A::Platforms(PA::FromReader),
        "this answer's social-media facts in the Platforms view, to confirm or reject",
        None,
    ),
    bind(
        PL,
        &["j", "<down>", "<wheeldown>"],
        A::Down,
        "next question",
        Some("move"),
    ),
    bind(
        PL,
        &["k", "<up>", "<wheelup>"],
        A::Up,
        "previous question",
        None,
    ),
    bind(PL, &["g", "<home>"], A::Top, "first question", None),
    bind(PL, &["G", "<end>"], A::Bottom, "last question", None),
    bind(PL, &["<pgdn>"], A::PageDown, "one screen down", None),
    bind(PL, &["<pgup>"], A::PageUp, "one screen up", None),
    bind(
        PL,
        &["l", "<right>"],
        A::Platforms(PA::Right),
        "next platform",
        None,
    ),
    bind(
        PL,
        &["h", "<left>"],
        A::Platforms(PA::Left),
        "previous platform",
        None,
    ),
    bind(
        PL,
        &["<enter>"],
        A::Platforms(PA::Open),
        "open the cell's passage in the Reader",
        Some("passage"),
    ),
    bind(
        PL,
        &["c"],
        A::Platforms(PA::Confirm),
        "confirm the cell's fact",
        Some("confirm"),
    ),
    bind(
        PL,
        &["x"],
        A::Platforms(PA::Reject),
        "reject the cell's fact (then: not mentioned)",
        Some("reject"),
    ),
    bind(
        PL,
        &["u"],
        A::Platforms(PA::FlipUsed),
        "correct the cell: used ↔ not used",
        Some("used"),
    ),
    bind(
        PL,
        &["z"],
        A::Platforms(PA::Clear),
        "clear the correction of the cell",
        None,
    ),
    bind(
        PL,
        &["T"],
        A::Platforms(PA::ToTags),
        "tag the question with its confirmed facts",
        None,
    ),
];
