//! `qreview fetch`: downloading written questions from the sources' public
//! endpoints into a folder the app can open. Polite by construction: one
//! blocking client with a rate limit, retries with backoff and a clear
//! `User-Agent` ([`client`], [`pace`]); resumable, since every file is
//! written whole or not at all and finished files are skipped ([`output`]);
//! Ctrl-C stops at once, writing nothing half done ([`interrupt`]); progress and
//! the summary on stderr ([`report`]). One module per source ([`uk`],
//! [`senate`]). This layer parses nothing: the corpus readers do.

pub mod client;
pub mod interrupt;
pub mod output;
pub mod pace;
pub mod report;
pub mod senate;
pub mod uk;

use std::path::PathBuf;

pub use client::{Client, FetchError, USER_AGENT};
pub use interrupt::Stop;
pub use output::Output;
pub use pace::Policy;
pub use report::Report;

/// What to download.
#[derive(Debug, Clone)]
pub enum Source {
    /// UK written questions matching a query.
    Uk(uk::Query),
    /// Senate pages by reference and language.
    Senate {
        /// The questions.
        refs: Vec<senate::Reference>,
        /// The languages of each page.
        langs: Vec<senate::Lang>,
    },
}

/// One download: what, from where, into where, how politely.
#[derive(Debug, Clone)]
pub struct Job {
    /// What to download.
    pub source: Source,
    /// The folder to write into.
    pub dir: PathBuf,
    /// The endpoint to use instead of the source's public one.
    pub base_url: Option<String>,
    /// Fetch again what is already in the folder.
    pub refresh: bool,
    /// Rate, timeouts and retries.
    pub policy: Policy,
}

/// Runs `job`, stopping when `stop` is set, reporting into `report`.
/// `Err` only when the output folder cannot be made.
pub fn run(job: &Job, stop: Stop, report: &mut Report) -> std::io::Result<()> {
    let out = Output::open(&job.dir)?;
    let mut client = Client::new(job.policy.clone(), stop, report.notifier());
    match &job.source {
        Source::Uk(query) => {
            let base = job.base_url.as_deref().unwrap_or(uk::BASE_URL);
            uk::run(&mut client, base, query, &out, job.refresh, report);
        }
        Source::Senate { refs, langs } => {
            let base = job.base_url.as_deref().unwrap_or(senate::BASE_URL);
            senate::run(&mut client, base, refs, langs, &out, job.refresh, report);
        }
    }
    Ok(())
}
