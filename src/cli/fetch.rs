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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{Args, Command};
    use clap::Parser;

    fn job_of(argv: &[&str]) -> Job {
        let mut all = vec!["qreview", "fetch"];
        all.extend_from_slice(argv);
        match Args::try_parse_from(all).unwrap().command {
            Some(Command::Fetch { source }) => job(source).unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_flags_become_the_job() {
        let j = job_of(&[
            "uk",
            "--search",
            "flood",
            "--answered",
            "unanswered",
            "--house",
            "commons",
            "--answering-body",
            "7",
            "-o",
            "d",
            "--rate",
            "0.5",
            "--retries",
            "1",
            "--backoff",
            "250ms",
            "--refresh",
        ]);
        let Source::Uk(q) = &j.source else {
            panic!("{j:?}")
        };
        assert_eq!(q.search.as_deref(), Some("flood"));
        assert_eq!(q.answered, uk::Answered::Unanswered);
        assert_eq!(q.house, Some(uk::House::Commons));
        assert_eq!(q.answering_bodies, [7]);
        assert!(j.refresh);
        assert_eq!(j.policy.retries, 1);
        assert_eq!(j.policy.interval(), std::time::Duration::from_secs(2));
        assert_eq!(j.policy.backoff, std::time::Duration::from_millis(250));
        assert_eq!(j.dir, std::path::PathBuf::from("d"));
        assert_eq!(j.base_url, None);
    }

    #[test]
    fn senate_references_and_languages_are_expanded_once() {
        let j = job_of(&[
            "senate",
            "5-8900..5-8902,5-8901",
            "--lang",
            "nl,fr,nl",
            "-o",
            "d",
        ]);
        let Source::Senate { refs, langs } = &j.source else {
            panic!("{j:?}")
        };
        assert_eq!(refs.len(), 3);
        assert_eq!(langs, &[senate::Lang::Fr, senate::Lang::Nl]);
        let argv = ["qreview", "fetch", "senate", "5-x", "-o", "d"];
        let Some(Command::Fetch { source }) = Args::try_parse_from(argv).unwrap().command else {
            panic!("not a fetch command")
        };
        assert!(job(source).unwrap_err().to_string().contains("5-x"));
    }
}
