//! Keymap rows: the Ministries view (league table) and the Coding view
//! (ministries × tags).

use super::*;

/// The rows of this group, in the order the help lists them.
pub(in crate::app::keymap) static ROWS: &[Binding] = &[
    bind(
        G,
        &["6"],
        A::ShowView(View::Ministries),
        "Ministries view: the league table across the corpus",
        None,
    ),
    bind(
        G,
        &["7"],
        A::ShowView(View::Coding),
        "Coding view: ministries × tags",
        None,
    ),
    bind(
        M,
        &["j", "<down>", "<wheeldown>"],
        A::Ministries(MA::Down),
        "next ministry (list: next question)",
        Some("row"),
    ),
    bind(
        M,
        &["k", "<up>", "<wheelup>"],
        A::Ministries(MA::Up),
        "previous ministry (list: previous question)",
        None,
    ),
    bind(
        M,
        &["g", "<home>"],
        A::Ministries(MA::Top),
        "first row",
        None,
    ),
    bind(
        M,
        &["G", "<end>"],
        A::Ministries(MA::Bottom),
        "last row",
        None,
    ),
    bind(
        M,
        &["s", "l", "<right>"],
        A::Ministries(MA::NextColumn),
        "sort by the next column",
        Some("sort"),
    ),
    bind(
        M,
        &["S", "h", "<left>"],
        A::Ministries(MA::PrevColumn),
        "sort by the previous column",
        None,
    ),
    bind(
        M,
        &["o"],
        A::Ministries(MA::Reverse),
        "ascending or descending order",
        Some("order"),
    ),
    bind(
        M,
        &["<enter>"],
        A::Ministries(MA::Open),
        "list the ministry's questions (list: open in the Reader)",
        Some("questions"),
    ),
    bind(
        M,
        &["f"],
        A::Ministries(MA::ToggleFamily),
        "count only the current question's family, or all",
        Some("family"),
    ),
    bind(
        K,
        &["j", "<down>", "<wheeldown>"],
        A::Coding(KA::Down),
        "next ministry (passages: next passage)",
        Some("move"),
    ),
    bind(
        K,
        &["k", "<up>", "<wheelup>"],
        A::Coding(KA::Up),
        "previous ministry (passages: previous passage)",
        None,
    ),
    bind(K, &["l", "<right>"], A::Coding(KA::Right), "next tag", None),
    bind(
        K,
        &["h", "<left>"],
        A::Coding(KA::Left),
        "previous tag",
        None,
    ),
    bind(
        K,
        &["<enter>"],
        A::Coding(KA::Open),
        "list the cell's passages (passages: open in the Reader)",
        Some("passages"),
    ),
];
