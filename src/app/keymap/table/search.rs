//! Keymap rows: the search prompt (`app::search`), opened by `/` everywhere.

use super::*;

/// The rows of this group, in the order the help lists them.
pub(in crate::app::keymap) static ROWS: &[Binding] = &[
    bind(
        G,
        &["/"],
        A::Search(SA::Open),
        "search texts and metadata (see Search prompt)",
        Some("search"),
    ),
    bind(
        Q,
        &["x"],
        A::Search(SA::Clear),
        "clear every filter (search, m, f, F) and the highlights",
        None,
    ),
    bind(
        R,
        &["n"],
        A::Search(SA::NextHit),
        "next search hit, across parts",
        Some("hit"),
    ),
    bind(
        R,
        &["N"],
        A::Search(SA::PrevHit),
        "previous search hit",
        None,
    ),
    bind(
        C,
        &["n"],
        A::Search(SA::NextHit),
        "next search hit in the focused column, across parts",
        None,
    ),
    bind(
        C,
        &["N"],
        A::Search(SA::PrevHit),
        "previous search hit in the focused column",
        None,
    ),
    bind(
        S,
        &["<enter>"],
        A::Search(SA::Commit),
        "filter Questions by the results, go to the selected hit",
        Some("filter + go"),
    ),
    bind(
        S,
        &["<esc>"],
        A::Search(SA::Cancel),
        "cancel: back exactly where you were",
        Some("cancel"),
    ),
    bind(
        S,
        &["<tab>"],
        A::Search(SA::CycleMode),
        "mode: text + metadata, full text only, metadata only",
        Some("mode"),
    ),
    bind(
        S,
        &["<c-e>"],
        A::Search(SA::ToggleGroup),
        "list or fold the siblings sharing the selected passage",
        Some("siblings"),
    ),
    bind(
        S,
        &["<down>", "<c-n>", "<wheeldown>"],
        A::Search(SA::Down),
        "next result",
        Some("select"),
    ),
    bind(
        S,
        &["<up>", "<c-p>", "<wheelup>"],
        A::Search(SA::Up),
        "previous result",
        None,
    ),
    bind(
        S,
        &["<pgdn>"],
        A::Search(SA::PageDown),
        "one screen of results down",
        None,
    ),
    bind(
        S,
        &["<pgup>"],
        A::Search(SA::PageUp),
        "one screen of results up",
        None,
    ),
];
