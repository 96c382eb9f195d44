//! Drives the application with a key sequence written in keymap notation,
//! for tests: `press(&mut app, "j j <enter> ]")`.

use super::App;
use super::action::Effect;
use super::keymap::Key;

/// Presses each space-separated key of `keys` (keymap notation: `j`, `G`,
/// `<enter>`, `<pgdn>`, `<c-c>`) and returns all effects requested.
///
/// # Panics
/// On a key that is not valid notation, so that a typo fails the test.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.split_whitespace()
        .flat_map(|k| {
            let key = Key::parse(k).unwrap_or_else(|| panic!("not a key: {k:?}"));
            app.key(key)
        })
        .collect()
}
