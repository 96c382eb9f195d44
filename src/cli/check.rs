//! `qreview check`: the load report and a summary line.

use crate::corpus::Corpus;
use crate::sanitize::sanitize;

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
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    [
        plural(corpus.questions.len(), "question", "questions"),
        plural(corpus.families.len(), "family", "families"),
        plural(corpus.answer_count(), "answer", "answers"),
        plural(corpus.warning_count(), "warning", "warnings"),
        plural(corpus.error_count(), "error", "errors"),
    ]
    .join(", ")
}
