//! Keymap rows: the load report and the help overlay.

use super::*;

/// The rows of this group, in the order the help lists them.
pub(in crate::app::keymap) static ROWS: &[Binding] = &[
    bind(
        L,
        &["j", "<down>", "<wheeldown>"],
        A::Down,
        "scroll down",
        Some("scroll"),
    ),
    bind(L, &["k", "<up>", "<wheelup>"], A::Up, "scroll up", None),
    bind(L, &["<pgdn>"], A::PageDown, "one screen down", None),
    bind(L, &["<pgup>"], A::PageUp, "one screen up", None),
    bind(L, &["g", "<home>"], A::Top, "first diagnostic", None),
    bind(L, &["G", "<end>"], A::Bottom, "last diagnostic", None),
    bind(
        H,
        &["j", "<down>", "<wheeldown>"],
        A::Down,
        "scroll the help down",
        Some("scroll"),
    ),
    bind(
        H,
        &["k", "<up>", "<wheelup>"],
        A::Up,
        "scroll the help up",
        None,
    ),
    bind(H, &["<pgdn>"], A::PageDown, "one screen down", None),
    bind(H, &["<pgup>"], A::PageUp, "one screen up", None),
    bind(H, &["g", "<home>"], A::Top, "top of the help", None),
    bind(H, &["G", "<end>"], A::Bottom, "end of the help", None),
];
