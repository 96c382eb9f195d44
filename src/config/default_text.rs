//! The commented default configuration that `qreview config --default`
//! prints. Every setting is commented out, so the file changes nothing
//! until a line is uncommented; a test parses it.

/// The default `config.toml`, commented.
pub const DEFAULT: &str = r##"# qreview configuration. Put it at the path `qreview config --path` prints,
# or point --config PATH or $QREVIEW_CONFIG at it. Check it with
# `qreview config --check`. Command-line flags win over this file.

# Files or folders opened when the command line names none
# (default: the built-in example corpus).
# corpus = ["~/data/senate", "~/data/uk"]

# The notes file (after --notes and $QREVIEW_NOTES; default: the data directory).
# notes = "/home/me/notes/qreview-notes.json"

# The colours: "dark", "light", "high-contrast" or one of your [themes.NAME].
# NO_COLOR=1 in the environment always wins.
# theme = "dark"

# A theme of your own: a built-in base and the roles you restyle.
# Roles: title heading label dim inferred answered late shared fact search_hit
#   selection bar active_tab key warning error info note_mark
#   line_selection fuzzy_match border
# Colours: names (red, lightblue, darkgray…), "#rrggbb" or 0-255.
# Modifiers: bold dim italic underlined reversed.
# [themes.mine]
# base = "light"
# late = { fg = "#c00000", modifiers = ["bold"] }
# selection = { fg = "black", bg = "lightcyan" }

# Keys, per scope: command = "key", ["key", "key"], or false to unbind.
# A key you give a command is taken from whatever had it in that scope.
# Scopes: global questions reader compare timeline notes ministries coding
#   load_report help search_prompt
# Notation: j  G  ?  <enter> <esc> <tab> <backtab> <space> <up> <pgdn>
#   <home> <c-s> (Ctrl) <a-x> (Alt) <s-j> (Shift) <f5>
# The commands of each scope are listed in the README's key table.
# [keys.questions]
# down = ["k", "<down>"]
# up = ["j", "<up>"]
# [keys.global]
# toggle_load_report = false
"##;
