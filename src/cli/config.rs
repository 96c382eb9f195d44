//! `qreview config`: prints the commented default file, checks the
//! configuration file, or says where it is read from.

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::config;

/// Runs `qreview config` with its one flag (`--default`, `--check` or
/// `--path`; with none, `--path`).
pub fn run(default: bool, check: bool, _path: bool) -> Result<ExitCode> {
    if default {
        super::run::print(config::DEFAULT)?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = config::source()
        .map(ToOwned::to_owned)
        .context("no configuration directory is known on this system; give --config PATH")?;
    if !check {
        super::run::print(&format!("{}\n", path.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    Ok(match config::load(&path, true) {
        Ok(_) => {
            super::run::print(&format!("{}: ok\n", path.display()))?;
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::run::say_line(&format!("qreview: {e}"));
            ExitCode::from(1)
        }
    })
}
