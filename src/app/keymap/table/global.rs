//! Keymap rows: keys that apply everywhere: quit, help, the views, the load report, Esc.

use super::*;

/// The rows of this group, in the order the help lists them.
pub(in crate::app::keymap) static ROWS: &[Binding] = &[
    bind(G, &["q", "<c-c>"], A::Quit, "quit", Some("quit")),
    bind(
        G,
        &["?"],
        A::ToggleHelp,
        "show or hide this help",
        Some("help"),
    ),
    bind(
        G,
        &["1"],
        A::ShowView(View::Questions),
        "Questions view: families and their siblings",
        None,
    ),
    bind(
        G,
        &["2"],
        A::ShowView(View::Reader),
        "Reader view: the question under the cursor in full",
        None,
    ),
    bind(
        G,
        &["w"],
        A::ToggleLoadReport,
        "show or hide the load report (warnings and errors)",
        None,
    ),
    bind(
        G,
        &["D"],
        A::SwitchLang,
        "display language of titles, ministries, descriptors: French or Dutch",
        Some("lang"),
    ),
    bind(
        G,
        &["<esc>"],
        A::Back,
        "close the overlay, or go back to the list",
        None,
    ),
];
