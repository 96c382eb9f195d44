//! `qreview check`: the load report and a summary line.

use crate::corpus::Corpus;
use crate::sanitize::sanitize;

/// The line `check` ends with when the paths it was given hold no question.
pub fn nothing_found(paths: &[std::path::PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    sanitize(&format!(
        "no questions found in {}; give Senate pages (.txt, .html), Chamber QRVA records or qreview JSON corpora (.json)",
        names.join(", ")
    ))
    .into_owned()
}

/// Diagnostics, one per line, then the format that read each file, then
/// the summary.
pub fn render(corpus: &Corpus) -> String {
    let mut out = String::new();
    for d in &corpus.diagnostics {
        out.push_str(&sanitize(&d.to_string()));
        out.push('\n');
    }
    for f in &corpus.files {
        let line = match f.format {
            Some(format) => format!("{}: read as {format} ({} found)", f.path, f.questions),
            None => format!("{}: not read", f.path),
        };
        out.push_str(&sanitize(&line));
        out.push('\n');
    }
    out.push_str(&summary(corpus));
    out.push('\n');
    out
}

/// `11 questions, 1 family, 1 answer, 2 warnings, 0 errors`.
pub fn summary(corpus: &Corpus) -> String {
    use super::plural;
    [
        plural(corpus.questions.len(), "question", "questions"),
        plural(corpus.families.len(), "family", "families"),
        plural(corpus.answer_count(), "answer", "answers"),
        plural(corpus.warning_count(), "warning", "warnings"),
        plural(corpus.error_count(), "error", "errors"),
    ]
    .join(", ")
}
