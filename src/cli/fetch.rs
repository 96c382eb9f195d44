//! `qreview fetch uk|senate`: turns the flags into a [`crate::fetch::Job`],
//! runs it with Ctrl-C handling and a progress bar, prints the summary and
//! picks the exit code (0 all done, 1 something failed, 130 interrupted).

use std::process::ExitCode;

use anyhow::{Context, Result};

use super::args::{AnsweredArg, FetchArgs, FetchCommand, HouseArg, LangArg};
use crate::fetch::{self, Job, Policy, Report, Source, Stop, senate, uk};

/// Builds the job the flags describe; `Err` is a usage error.
pub fn job(command: FetchCommand) -> Result<Job> {
    let (source, common) = match command {
        FetchCommand::Uk(a) => {
            let query = uk::Query {
                search: a.search,
                tabled_from: a.tabled_from,
                tabled_to: a.tabled_to,
                answered: match a.answered {
                    AnsweredArg::Any => uk::Answered::Any,
                    AnsweredArg::Answered => uk::Answered::Answered,
                    AnsweredArg::Unanswered => uk::Answered::Unanswered,
                },
                house: a.house.map(|h| match h {
                    HouseArg::Commons => uk::House::Commons,
                    HouseArg::Lords => uk::House::Lords,
                }),
                answering_bodies: a.answering_bodies,
                page_size: a.page_size,
            };
            (Source::Uk(query), a.common)
        }
        FetchCommand::Senate(a) => {
            let refs = senate::parse_references(&a.refs).map_err(anyhow::Error::msg)?;
            let mut langs: Vec<senate::Lang> = a
                .lang
                .iter()
                .map(|l| match l {
                    LangArg::Fr => senate::Lang::Fr,
                    LangArg::Nl => senate::Lang::Nl,
                })
                .collect();
            langs.sort();
            langs.dedup();
            (Source::Senate { refs, langs }, a.common)
        }
    };
    Ok(job_with(source, common))
}

fn job_with(source: Source, c: FetchArgs) -> Job {
    Job {
        source,
        dir: c.output,
        base_url: c.base_url,
        refresh: c.refresh,
        policy: Policy {
            rate: c.rate,
            timeout: c.timeout,
            retries: c.retries,
            backoff: c.backoff,
            max_wait: c.max_wait,
        },
    }
}

/// Runs `qreview fetch …`.
pub fn run(command: FetchCommand) -> Result<ExitCode> {
    let job = job(command)?;
    let stop = Stop::on_signals().context("cannot install the Ctrl-C handler")?;
    let mut report = Report::new();
    if let Err(e) = fetch::run(&job, stop, &mut report) {
        report.finish(&job.dir);
        super::run::say_line(&format!(
            "qreview: cannot use the output folder {}: {e}; check the path and its permissions",
            job.dir.display()
        ));
        return Ok(ExitCode::from(1));
    }
    for line in report.finish(&job.dir) {
        super::run::say_line(&line);
    }
    Ok(exit_code(&report))
}

/// 130 after Ctrl-C, 1 when anything failed, else 0.
fn exit_code(report: &Report) -> ExitCode {
    if report.interrupted {
        ExitCode::from(130)
    } else if !report.failed.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
