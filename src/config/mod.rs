//! `config.toml`: the user's defaults (corpus paths, notes file, theme,
//! keys). Where the file is ([`path`]), what it holds ([`Config`]), and how
//! a bad one is reported ([`ConfigError`], `path:line:column: message`).
//! Loading never fails the program: the caller starts with the defaults and
//! shows the error. Command-line flags win over the file.

mod default_text;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use default_text::DEFAULT;

use crate::app::keymap::overrides::KeyOverrides;
use crate::tui::theme::{Palette, Theme, UserTheme};

/// The environment variable naming the configuration file.
pub const ENV: &str = "QREVIEW_CONFIG";

/// The contents of `config.toml`; every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Files or folders the app and commands open when given none.
    #[serde(default)]
    pub corpus: Vec<PathBuf>,
    /// The notes file (after `--notes` and `QREVIEW_NOTES`).
    pub notes: Option<PathBuf>,
    /// The theme: `dark`, `light`, `high-contrast` or a `[themes.NAME]`.
    pub theme: Option<String>,
    /// User themes: a base and restyled roles.
    #[serde(default)]
    pub themes: BTreeMap<String, UserTheme>,
    /// `[keys.<scope>]` tables: command = key, [keys] or false.
    #[serde(default)]
    pub keys: KeyOverrides,
}

/// What went wrong with a configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but cannot be read.
    #[error("{path}: cannot read the configuration file: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The TOML is malformed or a value has the wrong shape.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line of the offending value.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The file parses but names something that does not exist.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to write instead.
        message: String,
    },
}

/// The configuration of this process, set once by `main` ([`install`]);
/// the defaults until then (and in tests).
static ACTIVE: std::sync::OnceLock<Config> = std::sync::OnceLock::new();

/// Where the configuration was looked for ([`path`]'s answer), set with it.
static SOURCE: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Makes `config` (read from `source`) the one [`active`] returns, and
/// merges its keys into the keymap. Returns the keymap's problems, if any
/// (the built-in keys stay).
pub fn install(source: Option<PathBuf>, config: Config) -> Result<(), Vec<String>> {
    let keys = crate::app::keymap::install(&config.keys);
    let _ = ACTIVE.set(config);
    let _ = SOURCE.set(source);
    keys
}

/// The configuration file this process looked for, once installed.
pub fn source() -> Option<&'static Path> {
    SOURCE.get().and_then(|p| p.as_deref())
}

/// The configuration in use.
pub fn active() -> &'static Config {
    ACTIVE.get_or_init(Config::default)
}

/// The configuration file to read: `--config`, else `$QREVIEW_CONFIG`,
/// else `config.toml` in the platform's configuration directory.
pub fn path(cli: Option<PathBuf>) -> Option<PathBuf> {
    cli.or_else(|| {
        std::env::var_os(ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .or_else(|| {
        directories::ProjectDirs::from("", "", "qreview")
            .map(|d| d.config_dir().join("config.toml"))
    })
}

/// Reads the file at `path`. A missing file is the defaults unless it was
/// asked for by name (`explicit`), which is an error.
pub fn load(path: &Path, explicit: bool) -> Result<Config, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
            return Ok(Config::default());
        }
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    parse(path, &text)
}

/// Parses and checks `text`, read from `path` (for the messages).
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |span| line_column(text, span.start));
        ConfigError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })?;
    let invalid = |message: String| ConfigError::Invalid {
        path: path.to_owned(),
        message,
    };
    config.palette().map_err(invalid)?;
    crate::app::keymap::overrides::merge(crate::app::keymap::builtin(), &config.keys)
        .map_err(|problems| invalid(format!("keys: {}", problems.join("; "))))?;
    Ok(config)
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl Config {
    /// The palette of the chosen theme (`dark` when none is chosen).
    pub fn palette(&self) -> Result<Palette, String> {
        let name = self.theme.as_deref().unwrap_or("dark");
        if let Some(user) = self.themes.get(name) {
            return user.palette().map_err(|e| format!("[themes.{name}]: {e}"));
        }
        Palette::builtin(name).ok_or_else(|| {
            let mut names: Vec<&str> = Palette::BUILTIN.to_vec();
            names.extend(self.themes.keys().map(String::as_str));
            format!(
                "theme = \"{name}\" is not a theme; the themes are {}",
                names.join(", ")
            )
        })
    }

    /// The session's theme: the chosen palette, or none under `NO_COLOR`.
    pub fn theme(&self) -> Theme {
        Theme::from_env_with(
            self.palette().unwrap_or_else(|_| {
                Palette::builtin("dark").expect("the dark palette is built in")
            }),
        )
    }

    /// The notes file: `--notes`, else `$QREVIEW_NOTES`, else this file's
    /// `notes`, else the data directory.
    pub fn notes_path(&self, cli: Option<PathBuf>) -> PathBuf {
        let env_set = std::env::var_os(crate::notes::store::ENV).is_some_and(|v| !v.is_empty());
        let from_file = if env_set { None } else { self.notes.clone() };
        crate::notes::resolve_path(cli.or(from_file))
    }

    /// The corpus paths: those on the command line, else this file's.
    pub fn corpus_paths(&self, cli: Vec<PathBuf>) -> Vec<PathBuf> {
        if cli.is_empty() {
            self.corpus.clone()
        } else {
            cli
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("/home/a/config.toml"), text)
    }

    #[test]
    fn the_default_file_parses_and_changes_nothing() {
        let c = parse_text(DEFAULT).unwrap();
        assert!(c.corpus.is_empty() && c.notes.is_none() && c.keys.is_empty());
        assert_eq!(c.palette().unwrap(), Palette::builtin("dark").unwrap());
    }

    #[test]
    fn a_full_file_is_read() {
        let c = parse_text(
            "corpus = [\"/data/senate\"]\nnotes = \"/n.json\"\ntheme = \"mine\"\n\
             [themes.mine]\nbase = \"light\"\nlate = { fg = \"red\", modifiers = [\"bold\"] }\n\
             [keys.questions]\ndown = \"k\"\nup = \"j\"\n",
        )
        .unwrap();
        assert_eq!(c.corpus, [PathBuf::from("/data/senate")]);
        assert_eq!(
            c.corpus_paths(vec![PathBuf::from("x")]),
            [PathBuf::from("x")]
        );
        assert_ne!(c.palette().unwrap(), Palette::builtin("light").unwrap());
        assert_eq!(c.keys["questions"].len(), 2);
    }

    #[test]
    fn a_syntax_error_gives_line_and_column() {
        let e = parse_text("theme = \"dark\"\n\n[keys.reader]\ndown = = 3\n").unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("/home/a/config.toml:4:"), "{text}");
    }

    #[test]
    fn a_wrong_type_and_an_unknown_field_point_at_the_value() {
        let e = parse_text("theme = \"dark\"\nnotes = 3\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("/home/a/config.toml:2:9: "), "{e}");
        let e = parse_text("colour = \"red\"\n").unwrap_err().to_string();
        assert!(
            e.starts_with("/home/a/config.toml:1:1: ") && e.contains("colour"),
            "{e}"
        );
    }

    #[test]
    fn unknown_theme_and_key_conflicts_are_reported() {
        let e = parse_text("theme = \"neon\"\n").unwrap_err().to_string();
        assert!(
            e.contains("\"neon\" is not a theme") && e.contains("high-contrast"),
            "{e}"
        );
        let e = parse_text("[keys.reader]\ndown = \"q\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("also a key in [keys.global]"), "{e}");
    }

    #[test]
    fn a_missing_file_is_the_defaults_unless_named() {
        let p = Path::new("/nonexistent/qreview/config.toml");
        assert!(load(p, false).unwrap().keys.is_empty());
        assert!(matches!(load(p, true), Err(ConfigError::Read { .. })));
    }
}
