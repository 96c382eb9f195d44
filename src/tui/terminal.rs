//! The terminal lifecycle: raw mode, the alternate screen and mouse capture
//! are entered once and always left, on quit, on error, on panic (the hook
//! restores first, then the previous hook prints the message) and on
//! SIGTERM/SIGHUP (the event loop returns and the caller restores).

use std::io::{self, Stdout, Write, stdout};
use std::sync::Once;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal type the application draws on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

static HOOK: Once = Once::new();

/// Enters raw mode, the alternate screen and mouse capture, after chaining a
/// panic hook that restores the terminal before the previous hook runs.
pub fn init() -> io::Result<Term> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A panic inside the loader's per-file guard is caught and
            // reported as a diagnostic: the terminal stays as it is.
            if crate::corpus::load::in_guarded_parse() {
                return;
            }
            restore();
            previous(info);
        }));
    });
    enable_raw_mode()?;
    if let Err(e) = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout())).inspect_err(|_| restore())
}

/// Leaves mouse capture, the alternate screen and raw mode, and shows the
/// cursor. Safe to call more than once and when nothing was entered.
pub fn restore() {
    let mut out = stdout();
    // Each step is tried even if an earlier one failed: a half-restored
    // terminal is worse than a reported error.
    let _ = execute!(
        out,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}
