//! The one keymap table: which key does what, in which scope, and how it is
//! described. It drives key handling ([`resolve`]), the help overlay and the
//! status-line hints, so they cannot disagree.
//!
//! Keys are the application's own [`Key`] type so that this module (and the
//! whole `app` layer) knows nothing of the terminal library.
//!
//! The rows live in `table/` (one file per group of scopes), the key type
//! and its notation in `keys.rs`; [`bindings`] joins them into one table.

mod keys;
pub mod overrides;
pub mod reference;
mod table;

use std::sync::OnceLock;

pub use keys::Key;

use super::action::{Action, View};

/// Where a binding applies. A view's or overlay's keys are looked up first,
/// then the global ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Everywhere.
    Global,
    /// In a view (when no overlay is open).
    View(View),
    /// While the load report is open.
    LoadReport,
    /// While the help overlay is open.
    Help,
    /// While the search prompt is open. Modal: no global key applies, any
    /// key not bound here is text for the prompt.
    Search,
}

impl Scope {
    /// Heading of this scope in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::View(v) => v.title(),
            Scope::LoadReport => "Load report",
            Scope::Help => "This help",
            Scope::Search => "Search prompt (/)",
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// Where it applies.
    pub scope: Scope,
    /// Keys in [`Key::parse`] notation; the first is the one shown in hints.
    pub keys: &'static [&'static str],
    /// What it does.
    pub action: Action,
    /// What the help overlay says.
    pub description: &'static str,
    /// The short word in the status line, for the main keys only.
    pub hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    keys: &'static [&'static str],
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        description,
        hint,
    }
}

/// The built-in bindings, before the user's configuration.
pub fn builtin() -> &'static [Binding] {
    static TABLE: OnceLock<Vec<Binding>> = OnceLock::new();
    TABLE.get_or_init(|| table::GROUPS.concat())
}

/// The table in use: the built-in one merged with the user's keys.
static ACTIVE: OnceLock<Vec<Binding>> = OnceLock::new();

/// Every binding of the application, in one table: the built-in rows with
/// the user's `[keys.*]` applied once [`install`] has run.
pub fn bindings() -> &'static [Binding] {
    ACTIVE.get_or_init(|| builtin().to_vec())
}

/// Merges the user's keys over the built-in table and makes the result the
/// table every key, hint and help line comes from. On any problem (an
/// unknown command, a conflict) the built-in table stays and the problems
/// are returned for the status line. Call once, before the first key.
pub fn install(user: &overrides::KeyOverrides) -> Result<(), Vec<String>> {
    if user.is_empty() {
        return Ok(());
    }
    let merged = overrides::merge(builtin(), user)?;
    ACTIVE
        .set(merged)
        .map_err(|_| vec!["the keymap was already in use; the keys were not changed".to_owned()])
}

/// The action bound to `key` in `scope`, else in the global scope (except
/// in the modal [`Scope::Search`]).
pub fn resolve(scope: Scope, key: Key) -> Option<Action> {
    let find = |s: Scope| {
        bindings()
            .iter()
            .filter(|b| b.scope == s)
            .find(|b| b.keys.iter().any(|k| Key::parse(k) == Some(key)))
            .map(|b| b.action.clone())
    };
    if scope == Scope::Search {
        return find(scope);
    }
    find(scope).or_else(|| find(Scope::Global))
}

/// The bindings shown for `scope`: its own rows, then the global ones.
pub fn for_scope(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    let own = bindings().iter().filter(move |b| b.scope == scope);
    let global = bindings().iter().filter(move |b| {
        b.scope == Scope::Global && !matches!(scope, Scope::Global | Scope::Search)
    });
    own.chain(global)
}

/// The keys of a binding as shown to the user (`j ↓ wheel↓`).
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .filter_map(|k| Key::parse(k))
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Status-line hints for `scope`: `(first key, short word)` of its main keys.
pub fn hints(scope: Scope) -> Vec<(String, &'static str)> {
    for_scope(scope)
        .filter_map(|b| {
            let key = Key::parse(b.keys.first()?)?;
            Some((key.to_string(), b.hint?))
        })
        .collect()
}

/// The scopes the help overlay lists for a view, in order.
pub fn help_scopes(view: View) -> [Scope; 4] {
    [Scope::View(view), Scope::Global, Scope::Search, Scope::Help]
}

/// Lines of the help overlay for a view: per scope a heading, its rows and
/// a blank line, then the closing hint.
pub fn help_len(view: View) -> usize {
    help_scopes(view)
        .iter()
        .map(|s| bindings().iter().filter(|b| b.scope == *s).count() + 2)
        .sum::<usize>()
        + 1
}

/// The first key bound to `action` anywhere, as shown to the user.
pub fn key_for(action: &Action) -> Option<String> {
    bindings()
        .iter()
        .find(|b| &b.action == action)
        .and_then(|b| Key::parse(b.keys.first()?))
        .map(|k| k.to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_key_parses_and_no_key_is_bound_twice_in_a_scope() {
        let mut seen: HashSet<(Scope, Key)> = HashSet::new();
        for b in bindings() {
            for k in b.keys {
                let key = Key::parse(k).unwrap_or_else(|| panic!("bad key notation {k:?}"));
                assert!(
                    seen.insert((b.scope, key)),
                    "{key} bound twice in {:?}",
                    b.scope
                );
            }
        }
        // A scope must not shadow a global key: the help would show both.
        // The search prompt is modal (no global key applies in it).
        for (scope, key) in &seen {
            if !matches!(scope, Scope::Global | Scope::Search) {
                assert!(
                    !seen.contains(&(Scope::Global, *key)),
                    "{key} in {scope:?} shadows a global binding"
                );
            }
        }
    }

    #[test]
    fn every_binding_is_described_and_every_view_reachable() {
        for b in bindings() {
            assert!(
                !b.description.trim().is_empty(),
                "{:?} has no description",
                b.action
            );
            assert!(!b.keys.is_empty(), "{:?} has no key", b.action);
        }
        for view in View::ALL {
            assert!(
                key_for(&Action::ShowView(view)).is_some(),
                "{view:?} has no key"
            );
        }
        for a in [
            Action::Quit,
            Action::ToggleHelp,
            Action::ToggleLoadReport,
            Action::Back,
        ] {
            assert!(key_for(&a).is_some(), "{a:?} has no key");
        }
    }

    #[test]
    fn resolves_view_keys_then_global_keys() {
        let reader = Scope::View(View::Reader);
        assert_eq!(resolve(reader, Key::Char(']')), Some(Action::NextSibling));
        assert_eq!(resolve(reader, Key::Char('q')), Some(Action::Quit));
        assert_eq!(resolve(Scope::View(View::Questions), Key::Char(']')), None);
        assert_eq!(resolve(reader, Key::WheelDown), Some(Action::Down));
    }

    #[test]
    fn parses_and_shows_key_notation() {
        assert_eq!(Key::parse("<enter>"), Some(Key::Enter));
        assert_eq!(Key::parse("<c-c>"), Some(Key::Ctrl('c')));
        assert_eq!(Key::parse("<nope>"), None);
        assert_eq!(Key::PageDown.to_string(), "PgDn");
        assert_eq!(key_for(&Action::ToggleHelp).as_deref(), Some("?"));
    }
}
