//! The event loop: one channel carries everything that happens (loader
//! progress and result, terminal events, signals); each message becomes an
//! action, effects are executed here, and the screen is redrawn when
//! something changed.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Instant;

use crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, Effect, update};
use crate::corpus::{embedded, load};
use crate::notes::Store;

use super::terminal::Term;
use super::theme::Theme;
use super::{Options, Outcome, indexer, input, notes_io, views};

/// Something for the loop to handle.
enum Msg {
    /// From the loader thread.
    Action(Action),
    /// From the terminal.
    Term(Event),
    /// SIGTERM or SIGHUP.
    Signal(i32),
    /// The terminal could not be read.
    InputError(std::io::Error),
}

/// Registers SIGTERM and SIGHUP before the terminal changes, so that no
/// signal can arrive between the two and kill the process un-restored.
pub fn watch_signals() -> std::io::Result<Signals> {
    Signals::new([SIGTERM, SIGHUP])
}

/// Runs until quit, failure or signal; `after` receives what to print once
/// the terminal is restored (notes that could not be saved).
pub fn run(
    term: &mut Term,
    options: Options,
    mut signals: Signals,
    after: &mut Vec<String>,
) -> std::io::Result<Outcome> {
    let (tx, rx) = mpsc::channel();
    spawn_loader(tx.clone(), options.paths.clone());
    spawn_input(tx.clone());
    let index_tx = tx.clone();
    let sig_tx = tx;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = sig_tx.send(Msg::Signal(sig));
        }
    });
    let size = term.size()?;
    let mut app = App::new((size.width, size.height), options.open);
    let (store, problem) = Store::open_or_empty(options.notes.clone());
    app.attach_notes(store, problem.map(|e| e.to_string()));
    let theme = Theme::from_env();
    let probe = Probe::from_env(options.started);
    draw(term, &app, &theme)?;
    probe.first_frame();
    loop {
        let effects = match next(&rx)? {
            Msg::Action(action) => update(&mut app, action),
            Msg::Term(Event::Key(k)) => input::key(k).map_or_else(Vec::new, |k| app.key(k)),
            Msg::Term(Event::Mouse(m)) => input::wheel(m).map_or_else(Vec::new, |k| app.key(k)),
            Msg::Term(Event::Resize(width, height)) => {
                // Redraw at once, at the new size.
                term.autoresize()?;
                update(&mut app, Action::Resize { width, height })
            }
            Msg::Term(_) => continue,
            Msg::Signal(sig) => {
                after.extend(notes_io::save_on_exit(&mut app));
                return Ok(Outcome::Signal(sig));
            }
            Msg::InputError(e) => return Err(e),
        };
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if effect == Effect::IndexSearch {
                let tx = index_tx.clone();
                indexer::spawn(&app.corpus, move |action| {
                    let _ = tx.send(Msg::Action(action));
                });
            } else if let Some(action) = notes_io::execute(&mut app, &effect) {
                queue.extend(update(&mut app, action));
            } else if let Some(outcome) = execute(effect) {
                after.extend(notes_io::save_on_exit(&mut app));
                return Ok(outcome);
            }
        }
        draw(term, &app, &theme)?;
        if probe.frame(&app) {
            return Ok(Outcome::Quit);
        }
    }
}

/// Carries out one effect; `Some` when the session ends with it.
fn execute(effect: Effect) -> Option<Outcome> {
    match effect {
        Effect::Quit => Some(Outcome::Quit),
        Effect::Fail(message) => Some(Outcome::Fail(message)),
        // Executed by `notes_io` and the indexer before this is reached.
        Effect::SaveNotes | Effect::Export { .. } | Effect::IndexSearch => None,
    }
}

fn next(rx: &Receiver<Msg>) -> std::io::Result<Msg> {
    // Every sender lives as long as its thread; the signal thread never ends.
    rx.recv()
        .map_err(|_| std::io::Error::other("event channel closed"))
}

fn draw(term: &mut Term, app: &App, theme: &Theme) -> std::io::Result<()> {
    term.draw(|f| views::render(app, theme, f.area(), f.buffer_mut()))?;
    Ok(())
}

/// Reads the corpus on a thread, reporting progress, then hands it over.
fn spawn_loader(tx: Sender<Msg>, paths: Vec<std::path::PathBuf>) {
    thread::spawn(move || {
        let progress = |done, total| {
            let _ = tx.send(Msg::Action(Action::Progress { done, total }));
        };
        let corpus = if paths.is_empty() {
            load::load_sources(embedded::sources(), &progress)
        } else {
            load::load_paths(&paths, &progress)
        };
        let _ = tx.send(Msg::Action(Action::from(corpus)));
    });
}

/// Reads terminal events on a thread, so the loop waits on one channel.
fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(e) => Msg::Term(e),
                Err(e) => Msg::InputError(e),
            };
            let failed = matches!(msg, Msg::InputError(_));
            if tx.send(msg).is_err() || failed {
                return;
            }
        }
    });
}

/// The test and measurement hooks described in the module `tui`.
struct Probe {
    started: Instant,
    panic: bool,
    bench: bool,
}

impl Probe {
    fn from_env(started: Instant) -> Self {
        let on = |name| std::env::var_os(name).is_some_and(|v| v == "1");
        Self {
            started,
            panic: on("QREVIEW_TEST_PANIC"),
            bench: on("QREVIEW_BENCH_FIRST_FRAME"),
        }
    }

    /// Called once the first frame is on screen.
    fn first_frame(&self) {
        if self.bench {
            eprintln!(
                "first frame: {:.2} ms",
                self.started.elapsed().as_secs_f64() * 1e3
            );
        }
        assert!(
            !self.panic,
            "QREVIEW_TEST_PANIC: deliberate panic after the first frame"
        );
    }

    /// Called after each frame; true when the measurement is complete.
    fn frame(&self, app: &App) -> bool {
        if self.bench && !app.is_loading() {
            eprintln!(
                "first frame with the corpus: {:.2} ms",
                self.started.elapsed().as_secs_f64() * 1e3
            );
            return true;
        }
        false
    }
}
