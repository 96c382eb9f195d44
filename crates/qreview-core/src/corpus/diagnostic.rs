//! Load diagnostics: what went wrong or was repaired, and where (`path:line`).
//!
//! A diagnostic never stops loading; the rest of the corpus still loads.

use std::fmt;

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was inferred or repaired; the data is usable.
    Warning,
    /// Something could not be read; that document (or record) was skipped or is incomplete.
    Error,
}

/// One message about one place in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// File the message is about.
    pub path: String,
    /// 1-based line, when the message is about one line.
    pub line: Option<usize>,
    /// Warning or error.
    pub severity: Severity,
    /// What happened and, where useful, what to do.
    pub message: String,
}

impl Diagnostic {
    /// A warning at `path:line`.
    pub fn warning(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        Self {
            path: path.to_string(),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    /// An error at `path:line`.
    pub fn error(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        Self {
            path: path.to_string(),
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(line) => write!(f, "{}:{}: {}: {}", self.path, line, sev, self.message),
            None => write!(f, "{}: {}: {}", self.path, sev, self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_path_line_message() {
        let d = Diagnostic::error("a/b.txt", Some(3), "no id");
        assert_eq!(d.to_string(), "a/b.txt:3: error: no id");
        let w = Diagnostic::warning("c.json", None, "x");
        assert_eq!(w.to_string(), "c.json: warning: x");
    }
}
