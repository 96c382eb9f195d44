//! `qreview completions SHELL` and `qreview man`: shell completion scripts and
//! the manual page, both generated from the clap definitions in
//! [`super::args`] so they never drift from the real flags.

use clap::CommandFactory;

use super::args::Args;

/// The completion script for `shell`, as the shell expects to source it.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut command = Args::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "qreview", &mut out);
    out
}

/// The manual page in roff, with one section per subcommand.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let command = Args::command();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render(&mut out)?;
    // clap_mangen renders the top command only; the subcommands follow as
    // sections of the same page so `man qreview` documents every flag.
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        out.extend_from_slice(format!(".SH \"QREVIEW {}\"\n", name.to_uppercase()).as_bytes());
        let has_subcommands = sub.get_subcommands().next().is_some();
        let man = clap_mangen::Man::new(sub.clone().bin_name(format!("qreview {name}")));
        man.render_description_section(&mut out)?;
        man.render_synopsis_section(&mut out)?;
        man.render_options_section(&mut out)?;
        if has_subcommands {
            man.render_subcommands_section(&mut out)?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_gets_a_script_naming_the_subcommands() {
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
            clap_complete::Shell::PowerShell,
        ] {
            let script = String::from_utf8(completions(shell)).unwrap();
            for word in ["qreview", "stats", "fetch", "completions", "lock-timeout"] {
                assert!(script.contains(word), "{shell}: no {word} in the script");
            }
        }
    }

    #[test]
    fn bash_script_defines_its_completion_function() {
        let script = String::from_utf8(completions(clap_complete::Shell::Bash)).unwrap();
        assert!(script.contains("complete -F _qreview"), "{script}");
    }

    #[test]
    fn man_page_is_roff_with_every_subcommand() {
        let page = String::from_utf8(man_page().unwrap()).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH qreview"),
            "{page}"
        );
        for section in [
            "QREVIEW STATS",
            "QREVIEW FETCH",
            "QREVIEW MAN",
            "QREVIEW NOTES",
        ] {
            assert!(page.contains(section), "no {section} section");
        }
        assert!(
            page.contains("lock\\-timeout"),
            "the --lock-timeout flag is documented"
        );
    }
}
