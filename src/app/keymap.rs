//! The one keymap table: which key does what, in which scope, and how it is
//! described. It drives key handling ([`resolve`]), the help overlay and the
//! status-line hints, so they cannot disagree.
//!
//! Keys are the application's own [`Key`] type so that this module (and the
//! whole `app` layer) knows nothing of the terminal library.

use std::fmt;

use super::action::{Action, CompareAction, ReviewAction, SearchAction, TimelineAction, View};

/// A key press or a mouse-wheel step, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character (`j`, `G`, `?`, `]`).
    Char(char),
    /// A character typed with Ctrl held.
    Ctrl(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Tab.
    Tab,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Backspace (text input).
    Backspace,
    /// Delete (text input).
    Delete,
    /// Mouse wheel towards the user's screen top.
    WheelUp,
    /// Mouse wheel towards the bottom.
    WheelDown,
}

/// The names accepted in `<…>` by [`Key::parse`], and shown in help.
const NAMED: [(&str, Key, &str); 16] = [
    ("enter", Key::Enter, "Enter"),
    ("esc", Key::Esc, "Esc"),
    ("up", Key::Up, "↑"),
    ("down", Key::Down, "↓"),
    ("pgup", Key::PageUp, "PgUp"),
    ("pgdn", Key::PageDown, "PgDn"),
    ("home", Key::Home, "Home"),
    ("end", Key::End, "End"),
    ("wheelup", Key::WheelUp, "wheel↑"),
    ("wheeldown", Key::WheelDown, "wheel↓"),
    ("bs", Key::Backspace, "Backspace"),
    ("del", Key::Delete, "Del"),
    ("left", Key::Left, "←"),
    ("right", Key::Right, "→"),
    ("tab", Key::Tab, "Tab"),
    ("space", Key::Char(' '), "Space"),
];

impl Key {
    /// Parses the keymap notation: `j`, `?`, `<enter>`, `<pgdn>`, `<c-c>`.
    pub fn parse(s: &str) -> Option<Key> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => return Some(Key::Char(c)),
            (Some('<'), Some(_)) if s.ends_with('>') => {}
            _ => return None,
        }
        let name = &s[1..s.len() - 1];
        if let Some(c) = name.strip_prefix("c-") {
            let mut cs = c.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) => Some(Key::Ctrl(c)),
                _ => None,
            };
        }
        NAMED.iter().find(|(n, ..)| *n == name).map(|(_, k, _)| *k)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "Ctrl-{c}"),
            k => {
                let name = NAMED.iter().find(|(_, n, _)| n == k).map_or("?", |e| e.2);
                f.write_str(name)
            }
        }
    }
}

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

const G: Scope = Scope::Global;
const Q: Scope = Scope::View(View::Questions);
const R: Scope = Scope::View(View::Reader);
const L: Scope = Scope::LoadReport;
const H: Scope = Scope::Help;
const C: Scope = Scope::View(View::Compare);
const T: Scope = Scope::View(View::Timeline);
const N: Scope = Scope::View(View::Notes);
const S: Scope = Scope::Search;

/// Every binding of the application.
pub fn bindings() -> &'static [Binding] {
    use Action as A;
    use CompareAction as CA;
    use ReviewAction as RA;
    use SearchAction as SA;
    use TimelineAction as TA;
    static TABLE: &[Binding] = &[
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
            "Questions view: families and their members",
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
            &["<esc>"],
            A::Back,
            "close the overlay, or go back to the list",
            None,
        ),
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
        // Compare and Timeline (issue 4).
        bind(
            G,
            &["3"],
            A::ShowView(View::Compare),
            "Compare view: two siblings' answers side by side",
            None,
        ),
        bind(
            G,
            &["4"],
            A::ShowView(View::Timeline),
            "Timeline view: the family as a Gantt chart",
            None,
        ),
        bind(
            R,
            &["c"],
            A::Compare(CA::WithNext),
            "compare with the next sibling",
            Some("compare"),
        ),
        bind(
            C,
            &["j", "<down>", "<wheeldown>"],
            A::Compare(CA::Down),
            "scroll down (matrix: next sibling)",
            Some("scroll"),
        ),
        bind(
            C,
            &["k", "<up>", "<wheelup>"],
            A::Compare(CA::Up),
            "scroll up (matrix: previous sibling)",
            None,
        ),
        bind(C, &["g", "<home>"], A::Compare(CA::Top), "top", None),
        bind(C, &["G", "<end>"], A::Compare(CA::Bottom), "bottom", None),
        bind(
            C,
            &["<pgdn>"],
            A::Compare(CA::PageDown),
            "one screen down",
            None,
        ),
        bind(
            C,
            &["<pgup>"],
            A::Compare(CA::PageUp),
            "one screen up",
            None,
        ),
        bind(
            C,
            &["p", "l", "<right>"],
            A::Compare(CA::NextPart),
            "next part",
            Some("part"),
        ),
        bind(
            C,
            &["P", "h", "<left>"],
            A::Compare(CA::PrevPart),
            "previous part",
            None,
        ),
        bind(
            C,
            &["v"],
            A::Compare(CA::AllParts),
            "show all parts at once, or one part",
            Some("all parts"),
        ),
        bind(
            C,
            &["]"],
            A::Compare(CA::NextRight),
            "right column: next sibling",
            Some("sibling"),
        ),
        bind(
            C,
            &["["],
            A::Compare(CA::PrevRight),
            "right column: previous sibling",
            None,
        ),
        bind(
            C,
            &["}"],
            A::Compare(CA::NextLeft),
            "left column: next sibling",
            None,
        ),
        bind(
            C,
            &["{"],
            A::Compare(CA::PrevLeft),
            "left column: previous sibling",
            None,
        ),
        bind(
            C,
            &["<tab>"],
            A::Compare(CA::SwitchColumn),
            "focus the other column",
            Some("column"),
        ),
        bind(
            C,
            &["S"],
            A::Compare(CA::ToggleSync),
            "synced scrolling of both columns on or off",
            Some("sync"),
        ),
        bind(
            C,
            &["m"],
            A::Compare(CA::ToggleMatrix),
            "matrix: siblings × parts, answered and words",
            Some("matrix"),
        ),
        bind(
            C,
            &["<enter>"],
            A::Compare(CA::Open),
            "matrix: compare at the cell; columns: open in Reader",
            None,
        ),
        bind(
            T,
            &["j", "<down>", "<wheeldown>"],
            A::Timeline(TA::Down),
            "next row (families list: next family)",
            Some("row"),
        ),
        bind(
            T,
            &["k", "<up>", "<wheelup>"],
            A::Timeline(TA::Up),
            "previous row (families list: previous family)",
            None,
        ),
        bind(T, &["g", "<home>"], A::Timeline(TA::Top), "first row", None),
        bind(
            T,
            &["G", "<end>"],
            A::Timeline(TA::Bottom),
            "last row",
            None,
        ),
        bind(
            T,
            &["<pgdn>"],
            A::Timeline(TA::PageDown),
            "one screen down",
            None,
        ),
        bind(
            T,
            &["<pgup>"],
            A::Timeline(TA::PageUp),
            "one screen up",
            None,
        ),
        bind(
            T,
            &["l", "<right>"],
            A::Timeline(TA::NextEvent),
            "next event of the family, in date order",
            Some("event"),
        ),
        bind(
            T,
            &["h", "<left>"],
            A::Timeline(TA::PrevEvent),
            "previous event of the family",
            None,
        ),
        bind(
            T,
            &["s"],
            A::Timeline(TA::CycleSort),
            "sort rows by days, ministry, id",
            Some("sort"),
        ),
        bind(
            T,
            &["<enter>"],
            A::Timeline(TA::Open),
            "open the row in the Reader (families list: chart it)",
            Some("open"),
        ),
        bind(
            T,
            &["f"],
            A::Timeline(TA::ToggleFamilies),
            "list families and ministries with their figures",
            Some("families"),
        ),
        // Notes and review (app::review).
        bind(
            G,
            &["5"],
            A::ShowView(View::Notes),
            "Notes view: every note, filtered",
            None,
        ),
        bind(
            G,
            &["e"],
            A::Review(RA::Export),
            "export the notes (Markdown, CSV, JSON)",
            None,
        ),
        bind(
            Q,
            &["a"],
            A::Review(RA::AddNote),
            "add a note to the question",
            Some("note"),
        ),
        bind(Q, &["t"], A::Review(RA::Tag), "tag the question", None),
        bind(
            Q,
            &["r"],
            A::Review(RA::CycleStatus),
            "cycle review status",
            None,
        ),
        bind(
            Q,
            &["V"],
            A::Review(RA::CycleVerdict),
            "cycle verdict",
            None,
        ),
        bind(
            R,
            &["a"],
            A::Review(RA::AddNote),
            "add a note on the current part (part cursor or top of view)",
            Some("note"),
        ),
        bind(
            R,
            &["v"],
            A::Review(RA::StartSelection),
            "select lines (j/k), then a or Enter adds a note on them",
            Some("select"),
        ),
        bind(
            R,
            &["p"],
            A::Review(RA::NextPart),
            "next part (part cursor)",
            None,
        ),
        bind(R, &["P"], A::Review(RA::PrevPart), "previous part", None),
        bind(
            R,
            &["t"],
            A::Review(RA::Tag),
            "tag the question",
            Some("tag"),
        ),
        bind(
            R,
            &["r"],
            A::Review(RA::CycleStatus),
            "cycle review status (unreviewed, in progress, reviewed)",
            Some("review"),
        ),
        bind(
            R,
            &["V"],
            A::Review(RA::CycleVerdict),
            "cycle verdict (complete, partial, evasive, no answer)",
            None,
        ),
        bind(
            C,
            &["a"],
            A::Review(RA::AddNote),
            "add a note on the focused column's part",
            Some("note"),
        ),
        bind(
            C,
            &["t"],
            A::Review(RA::Tag),
            "tag the focused question",
            None,
        ),
        bind(
            C,
            &["r"],
            A::Review(RA::CycleStatus),
            "cycle the focused question's review status",
            None,
        ),
        bind(
            C,
            &["V"],
            A::Review(RA::CycleVerdict),
            "cycle the focused question's verdict",
            None,
        ),
        bind(
            T,
            &["t"],
            A::Review(RA::Tag),
            "tag the question of the row",
            None,
        ),
        bind(
            T,
            &["r"],
            A::Review(RA::CycleStatus),
            "cycle the row's review status",
            None,
        ),
        bind(
            T,
            &["V"],
            A::Review(RA::CycleVerdict),
            "cycle the row's verdict",
            None,
        ),
        bind(
            N,
            &["j", "<down>", "<wheeldown>"],
            A::Down,
            "next note",
            Some("move"),
        ),
        bind(N, &["k", "<up>", "<wheelup>"], A::Up, "previous note", None),
        bind(N, &["g", "<home>"], A::Top, "first note", None),
        bind(N, &["G", "<end>"], A::Bottom, "last note", None),
        bind(N, &["<pgdn>"], A::PageDown, "one screen down", None),
        bind(N, &["<pgup>"], A::PageUp, "one screen up", None),
        bind(
            N,
            &["<enter>"],
            A::Review(RA::JumpToNote),
            "open the note's question at its passage",
            Some("jump"),
        ),
        bind(
            N,
            &["E"],
            A::Review(RA::EditNote),
            "edit the note's text",
            Some("edit"),
        ),
        bind(
            N,
            &["d"],
            A::Review(RA::DeleteNote),
            "delete the note (asks first)",
            Some("delete"),
        ),
        bind(N, &["t"], A::Review(RA::Tag), "tag the note", Some("tag")),
        bind(
            N,
            &["f"],
            A::Review(RA::FilterText),
            "filter by text",
            Some("filter"),
        ),
        bind(N, &["T"], A::Review(RA::FilterTag), "filter by tag", None),
        bind(
            N,
            &["S"],
            A::Review(RA::FilterStatus),
            "filter by review status (cycle)",
            None,
        ),
        bind(
            N,
            &["x"],
            A::Review(RA::ClearFilters),
            "clear the filters",
            None,
        ),
        // Search (app::search).
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
            "clear the search filter and highlights",
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
    TABLE
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
