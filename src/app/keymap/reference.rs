//! The key reference as Markdown, generated from the built-in table: one
//! table per `[keys.<scope>]` with each command's config name, its keys and
//! what it does. The README holds a copy that a test keeps equal.

use super::overrides::{all_scopes, command_name, scope_name};
use super::{Key, builtin};

/// The Markdown key reference of the built-in table.
pub fn markdown() -> String {
    let mut out = String::new();
    for scope in all_scopes() {
        let rows: Vec<_> = builtin().iter().filter(|b| b.scope == scope).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n**{}** (`[keys.{}]`)\n\n| command | keys | what |\n|---|---|---|\n",
            scope.title(),
            scope_name(scope)
        ));
        for b in rows {
            let keys: Vec<String> = b
                .keys
                .iter()
                .filter(|k| Key::parse(k).is_some())
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                command_name(&b.action),
                keys.join(" "),
                b.description.replace('|', "\\|")
            ));
        }
    }
    out
}
