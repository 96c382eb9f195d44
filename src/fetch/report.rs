//! What a run did, as it goes and at the end: the progress bar on stderr
//! (counts and an estimate), notices printed above it, and the summary of
//! what was fetched, skipped and failed (with reasons). Every line that may
//! quote a server's words passes the sanitiser.

use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::sanitize::sanitize;

/// One item that could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What it was (`1234567`, `5-8902 fr`, `list page from 200`).
    pub item: String,
    /// Why.
    pub reason: String,
}

/// The counts of one run, and its progress bar.
#[derive(Debug)]
pub struct Report {
    bar: ProgressBar,
    /// Files written.
    pub fetched: usize,
    /// Files already there (not fetched again).
    pub skipped: usize,
    /// What failed, in order.
    pub failed: Vec<Failure>,
    /// Whether Ctrl-C ended the run early.
    pub interrupted: bool,
}

impl Report {
    /// A report with its bar on stderr (drawn only when stderr is a terminal).
    pub fn new() -> Self {
        Self::with_target(ProgressDrawTarget::stderr())
    }

    /// A report whose bar is never drawn (tests).
    pub fn hidden() -> Self {
        Self::with_target(ProgressDrawTarget::hidden())
    }

    fn with_target(target: ProgressDrawTarget) -> Self {
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Self {
            bar,
            fetched: 0,
            skipped: 0,
            failed: Vec::new(),
            interrupted: false,
        }
    }

    /// A cheap handle to print notices above the bar from the client.
    pub fn notifier(&self) -> Box<dyn Fn(&str)> {
        let bar = self.bar.clone();
        Box::new(move |line| notice(&bar, line))
    }

    /// Shows what is being done before the number of items is known.
    pub fn status(&self, message: &str) {
        self.bar.set_message(sanitize(message).into_owned());
    }

    /// Switches to a bar of `total` items with counts and an estimate.
    pub fn start(&self, total: usize) {
        self.bar.set_style(
            ProgressStyle::with_template("{pos}/{len} {msg} · ~{eta} left {wide_bar}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.refresh();
    }

    /// One file written.
    pub fn fetched(&mut self) {
        self.fetched += 1;
        self.bar.inc(1);
        self.refresh();
    }

    /// One file already there. It leaves the bar's total rather than
    /// advancing it, so that the estimate is made from real downloads only.
    pub fn skipped(&mut self) {
        self.skipped += 1;
        if let Some(len) = self.bar.length() {
            self.bar.set_length(len.saturating_sub(1));
        }
        self.refresh();
    }

    /// One item failed.
    pub fn failed(&mut self, item: impl Into<String>, reason: impl Into<String>) {
        let failure = Failure {
            item: item.into(),
            reason: reason.into(),
        };
        notice(
            &self.bar,
            &format!("failed: {}: {}", failure.item, failure.reason),
        );
        self.failed.push(failure);
        self.bar.inc(1);
        self.refresh();
    }

    fn refresh(&self) {
        self.bar.set_message(format!(
            "({} new, {} skipped, {} failed)",
            self.fetched,
            self.skipped,
            self.failed.len()
        ));
    }

    /// Removes the bar and returns the summary lines for `dir`.
    pub fn finish(&self, dir: &Path) -> Vec<String> {
        self.bar.finish_and_clear();
        summary(self, dir)
    }
}

impl Default for Report {
    fn default() -> Self {
        Self::new()
    }
}

/// Prints `line` above the bar, or on stderr when no bar is drawn.
fn notice(bar: &ProgressBar, line: &str) {
    let line = sanitize(line);
    if bar.is_hidden() {
        eprintln!("{line}");
    } else {
        bar.println(line);
    }
}

/// The end-of-run summary: counts, each failure with its reason, and what to do next.
pub fn summary(report: &Report, dir: &Path) -> Vec<String> {
    let dir = dir.display();
    let mut lines = vec![format!(
        "fetched {}, skipped {} (already in {dir}), failed {}",
        report.fetched,
        report.skipped,
        report.failed.len()
    )];
    for f in &report.failed {
        lines.push(format!("  {}: {}", f.item, f.reason));
    }
    if report.interrupted {
        lines.push(format!(
            "interrupted: the files in {dir} are complete; run the same command again to finish"
        ));
    } else if !report.failed.is_empty() {
        lines.push(
            "run the same command again to retry the failed ones (finished files are skipped)"
                .into(),
        );
    }
    lines
        .into_iter()
        .map(|l| sanitize(&l).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_and_gives_reasons() {
        let mut r = Report::hidden();
        r.start(4);
        r.fetched();
        r.fetched();
        r.skipped();
        r.failed("1234", "HTTP 500 after 3 tries\u{1b}[2J");
        let lines = r.finish(Path::new("out"));
        assert_eq!(lines[0], "fetched 2, skipped 1 (already in out), failed 1");
        assert!(lines[1].starts_with("  1234: HTTP 500 after 3 tries"));
        assert!(!lines[1].contains('\u{1b}'), "{:?}", lines[1]);
        assert!(lines[2].contains("again"));
    }

    #[test]
    fn an_interrupted_run_says_how_to_finish() {
        let mut r = Report::hidden();
        r.interrupted = true;
        let lines = r.finish(Path::new("d"));
        assert_eq!(lines.len(), 2);
        assert!(lines[1].starts_with("interrupted"), "{lines:?}");
    }
}
