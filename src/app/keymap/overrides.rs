//! The user's `[keys.<scope>]` tables merged over the built-in keymap:
//! stable snake_case names for scopes and commands, the merge (a rebind
//! takes the key from whatever default had it in that scope; `false` or
//! `[]` unbinds), and the uniqueness check that the built-in table passes
//! and a merged table must pass before it is used.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use super::{Binding, Key, Scope};
use crate::app::action::{Action, View};

/// The keys a user gives a command: one key, a list, or `false` to unbind.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    /// `down = "n"`.
    One(String),
    /// `down = ["n", "<down>"]`; an empty list unbinds.
    Many(Vec<String>),
    /// `down = false` unbinds (`true` is an error).
    Flag(bool),
}

/// `[keys.<scope>]` tables: scope name → command name → keys.
pub type KeyOverrides = BTreeMap<String, BTreeMap<String, KeyList>>;

/// The name of a scope in a `[keys.<scope>]` table.
pub fn scope_name(scope: Scope) -> String {
    match scope {
        Scope::Global => "global".into(),
        Scope::View(v) => snake(&format!("{v:?}")),
        Scope::LoadReport => "load_report".into(),
        Scope::Help => "help".into(),
        Scope::Search => "search_prompt".into(),
    }
}

/// Every scope, in the order the default configuration lists them.
pub fn all_scopes() -> Vec<Scope> {
    let mut v = vec![Scope::Global];
    v.extend(View::ALL.map(Scope::View));
    v.extend([Scope::LoadReport, Scope::Help, Scope::Search]);
    v
}

/// The stable name of a bindable command: its action written in
/// snake_case (`down`, `show_view_reader`, `compare_swap`).
pub fn command_name(action: &Action) -> String {
    snake(&format!("{action:?}"))
}

/// `ShowView(Reader)` → `show_view_reader`.
fn snake(debug: &str) -> String {
    let mut out = String::new();
    for c in debug.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// Conflicts in `table`: a key bound twice in one scope, a key that does
/// not parse, or a view's key that shadows a global one (the help would
/// list both). Empty for a usable table.
pub fn conflicts(table: &[Binding]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen: HashSet<(Scope, Key)> = HashSet::new();
    for b in table {
        for k in b.keys {
            let Some(key) = Key::parse(k) else {
                problems.push(format!("{k:?} is not a key"));
                continue;
            };
            if !seen.insert((b.scope, key)) {
                problems.push(format!(
                    "{key} is bound twice in [keys.{}]",
                    scope_name(b.scope)
                ));
            }
        }
    }
    let mut shadowed: Vec<_> = seen
        .iter()
        .filter(|(scope, key)| {
            !matches!(scope, Scope::Global | Scope::Search) && seen.contains(&(Scope::Global, *key))
        })
        .map(|(scope, key)| {
            format!(
                "{key} in [keys.{}] is also a key in [keys.global]",
                scope_name(*scope)
            )
        })
        .collect();
    shadowed.sort();
    problems.extend(shadowed);
    problems
}

/// `base` with `overrides` applied, or every problem found (unknown scope
/// or command, a bad key, conflicts in the result).
pub fn merge(base: &[Binding], overrides: &KeyOverrides) -> Result<Vec<Binding>, Vec<String>> {
    let mut table = base.to_vec();
    let mut problems = Vec::new();
    for (scope_key, commands) in overrides {
        let Some(scope) = all_scopes()
            .into_iter()
            .find(|s| scope_name(*s) == *scope_key)
        else {
            let names: Vec<_> = all_scopes().into_iter().map(scope_name).collect();
            problems.push(format!(
                "unknown scope [keys.{scope_key}]; the scopes are {}",
                names.join(", ")
            ));
            continue;
        };
        for (command, list) in commands {
            let keys = match list {
                KeyList::One(k) => vec![k.clone()],
                KeyList::Many(ks) => ks.clone(),
                KeyList::Flag(false) => Vec::new(),
                KeyList::Flag(true) => {
                    problems.push(format!(
                        "[keys.{scope_key}] {command} = true: give a key, a list of keys, or false to unbind"
                    ));
                    continue;
                }
            };
            let bad: Vec<_> = keys.iter().filter(|k| Key::parse(k).is_none()).collect();
            if !bad.is_empty() {
                problems.push(format!(
                    "[keys.{scope_key}] {command}: {bad:?} is not a key (e.g. j, <c-s>, <a-x>, <f5>, <backtab>)"
                ));
                continue;
            }
            let Some(row) = table
                .iter()
                .position(|b| b.scope == scope && command_name(&b.action) == *command)
            else {
                let known: Vec<_> = table
                    .iter()
                    .filter(|b| b.scope == scope)
                    .map(|b| command_name(&b.action))
                    .collect();
                problems.push(format!(
                    "[keys.{scope_key}] has no command `{command}`; it has {}",
                    known.join(", ")
                ));
                continue;
            };
            let taken: Vec<Key> = keys.iter().filter_map(|k| Key::parse(k)).collect();
            // A rebind takes its keys from the defaults that had them.
            for (i, b) in table.iter_mut().enumerate() {
                if i != row && b.scope == scope {
                    let kept: Vec<&'static str> = b
                        .keys
                        .iter()
                        .copied()
                        .filter(|k| Key::parse(k).is_none_or(|k| !taken.contains(&k)))
                        .collect();
                    if kept.len() != b.keys.len() {
                        b.keys = leak(kept);
                    }
                }
            }
            let keys: Vec<&'static str> = keys
                .into_iter()
                .map(|k| &*Box::leak(k.into_boxed_str()))
                .collect();
            table[row].keys = leak(keys);
        }
    }
    problems.extend(conflicts(&table));
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(problems)
    }
}

/// The table holds `'static` key lists; a merged table is built once per
/// process, so its few strings are leaked rather than threaded through
/// every user of [`Binding`].
fn leak(keys: Vec<&'static str>) -> &'static [&'static str] {
    Box::leak(keys.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::builtin;

    fn overrides(toml_text: &str) -> KeyOverrides {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn names_are_snake_case() {
        assert_eq!(command_name(&Action::Down), "down");
        assert_eq!(
            command_name(&Action::ShowView(View::Reader)),
            "show_view_reader"
        );
        assert_eq!(scope_name(Scope::View(View::Questions)), "questions");
    }

    #[test]
    fn a_rebind_takes_the_key_from_the_default() {
        let o = overrides("[questions]\ndown = \"k\"\nup = [\"j\"]\n");
        let t = merge(builtin(), &o).unwrap();
        let row = |a: Action| {
            t.iter()
                .find(|b| b.scope == Scope::View(View::Questions) && b.action == a)
                .unwrap()
                .keys
                .to_vec()
        };
        assert_eq!(row(Action::Down), ["k"]);
        assert_eq!(row(Action::Up), ["j"]);
    }

    #[test]
    fn false_unbinds() {
        let o = overrides("[reader]\ndown = false\n");
        let t = merge(builtin(), &o).unwrap();
        assert!(t.iter().any(|b| b.scope == Scope::View(View::Reader)
            && b.action == Action::Down
            && b.keys.is_empty()));
    }

    #[test]
    fn conflicts_and_unknown_names_are_reported() {
        let e = merge(builtin(), &overrides("[reader]\ndown = \"q\"\n")).unwrap_err();
        assert!(
            e.iter()
                .any(|p| p.contains("q in [keys.reader] is also a key in [keys.global]")),
            "{e:?}"
        );
        let e = merge(builtin(), &overrides("[nowhere]\ndown = \"x\"\n")).unwrap_err();
        assert!(e[0].contains("unknown scope [keys.nowhere]"), "{e:?}");
        let e = merge(builtin(), &overrides("[reader]\nfly = \"x\"\n")).unwrap_err();
        assert!(e[0].contains("no command `fly`"), "{e:?}");
        let e = merge(builtin(), &overrides("[reader]\ndown = \"<hyper-x>\"\n")).unwrap_err();
        assert!(e[0].contains("is not a key"), "{e:?}");
    }

    #[test]
    fn command_names_are_unique_in_each_scope() {
        let mut seen = HashSet::new();
        for b in builtin() {
            assert!(
                seen.insert((b.scope, command_name(&b.action))),
                "{} twice in [keys.{}]",
                command_name(&b.action),
                scope_name(b.scope)
            );
        }
    }

    #[test]
    fn the_builtin_table_has_no_conflicts() {
        assert_eq!(conflicts(builtin()), Vec::<String>::new());
    }
}
