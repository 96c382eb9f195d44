//! The event loop: one channel carries everything that happens (loader
//! progress and result, terminal events, signals); each message becomes an
//! action, effects are executed here, and the screen is redrawn when
//! something changed.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Instant;

use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::Backend;
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
    /// The notes file, read on a thread after the first frame.
    Notes(Box<Store>, Option<String>),
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
    let sig_tx = tx.clone();
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = sig_tx.send(Msg::Signal(sig));
        }
    });
    let size = term.size()?;
    let mut app = App::new((size.width, size.height), options.open);
    app.lang = options.lang;
    app.lang_file = options.lang_file;
    app.detection = options.detection;
    // Until the file is read, changes go to an empty store for that path;
    // they are merged into the file's notes when it arrives.
    let first = app.attach_notes(Store::empty(options.notes.clone()), None);
    spawn_notes_reader(tx.clone(), options.notes.clone());
    let probe = Probe::from_env(options.started);
    session(term, &mut app, &rx, &tx, first, &probe, after)
}

/// Runs the loop, then, however it ended (quit, failure, signal, or an
/// error of the terminal itself), saves a change whose save has not
/// succeeded, before the caller restores the terminal.
fn session<B: Backend>(
    term: &mut Terminal<B>,
    app: &mut App,
    rx: &Receiver<Msg>,
    tx: &Sender<Msg>,
    first: Vec<Effect>,
    probe: &Probe,
    after: &mut Vec<String>,
) -> std::io::Result<Outcome>
where
    B::Error: Send + Sync + 'static,
{
    let result = event_loop(term, app, rx, tx, first, probe);
    after.extend(notes_io::save_on_exit(app));
    result
}

/// Handles messages until the session ends; `first` are the effects of
/// starting (a notes file whose anchors moved is saved at once).
fn event_loop<B: Backend>(
    term: &mut Terminal<B>,
    app: &mut App,
    rx: &Receiver<Msg>,
    tx: &Sender<Msg>,
    first: Vec<Effect>,
    probe: &Probe,
) -> std::io::Result<Outcome>
where
    B::Error: Send + Sync + 'static,
{
    let theme = Theme::from_env();
    if let Some(outcome) = execute_all(app, first, tx) {
        return Ok(outcome);
    }
    draw(term, app, &theme)?;
    probe.first_frame();
    let mut notes_ready = false;
    loop {
        let effects = match next(rx)? {
            Msg::Action(action) => update(app, action),
            Msg::Term(Event::Key(k)) => input::key(k).map_or_else(Vec::new, |k| app.key(k)),
            Msg::Term(Event::Mouse(m)) => input::wheel(m).map_or_else(Vec::new, |k| app.key(k)),
            Msg::Term(Event::Resize(width, height)) => {
                // Redraw at once, at the new size.
                term.autoresize().map_err(io_error)?;
                update(app, Action::Resize { width, height })
            }
            Msg::Term(_) => continue,
            Msg::Signal(sig) => return Ok(Outcome::Signal(sig)),
            Msg::InputError(e) => return Err(e),
            Msg::Notes(store, problem) => {
                notes_ready = true;
                attach_read_notes(app, *store, problem)
            }
        };
        if let Some(outcome) = execute_all(app, effects, tx) {
            return Ok(outcome);
        }
        draw(term, app, &theme)?;
        if probe.frame(app, notes_ready) {
            return Ok(Outcome::Quit);
        }
    }
}

/// Executes `effects` and those their outcomes cause; `Some` when the
/// session ends with one of them.
fn execute_all(app: &mut App, effects: Vec<Effect>, tx: &Sender<Msg>) -> Option<Outcome> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if effect == Effect::IndexSearch {
            let tx = tx.clone();
            indexer::spawn(&app.corpus, move |action| {
                let _ = tx.send(Msg::Action(action));
            });
        } else if let Some(action) = notes_io::execute(app, &effect, &|| {
            let tx = tx.clone();
            thread::spawn(move || {
                thread::sleep(notes_io::LOCK_RETRY);
                let _ = tx.send(Msg::Action(Action::Review(
                    crate::app::review::ReviewAction::RetrySave,
                )));
            });
        }) {
            queue.extend(update(app, action));
        } else if let Some(outcome) = execute(effect) {
            return Some(outcome);
        }
    }
    None
}

/// Carries out one effect; `Some` when the session ends with it.
fn execute(effect: Effect) -> Option<Outcome> {
    match effect {
        Effect::Quit => Some(Outcome::Quit),
        Effect::Fail(message) => Some(Outcome::Fail(message)),
        // Executed by `notes_io` and the indexer before this is reached.
        Effect::SaveLang { lang, path } => {
            // Losing the remembered language costs one key next time; the
            // session goes on.
            let _ = super::lang_state::save(&path, lang);
            None
        }
        Effect::SaveNotes | Effect::Export { .. } | Effect::IndexSearch => None,
    }
}

fn next(rx: &Receiver<Msg>) -> std::io::Result<Msg> {
    // Every sender lives as long as its thread; the signal thread never ends.
    rx.recv()
        .map_err(|_| std::io::Error::other("event channel closed"))
}

fn draw<B: Backend>(term: &mut Terminal<B>, app: &App, theme: &Theme) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    term.draw(|f| views::render(app, theme, f.area(), f.buffer_mut()))
        .map_err(io_error)?;
    Ok(())
}

/// A backend's error as an `io::Error` (the terminal's own is one already).
fn io_error<E: std::error::Error + Send + Sync + 'static>(e: E) -> std::io::Error {
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e);
    match boxed.downcast::<std::io::Error>() {
        Ok(e) => *e,
        Err(other) => std::io::Error::other(other),
    }
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

/// Reads the notes file on a thread (a large file takes a moment; the first
/// frame and the signals do not wait for it), then hands it over.
fn spawn_notes_reader(tx: Sender<Msg>, path: std::path::PathBuf) {
    thread::spawn(move || {
        let (store, problem) = Store::open_or_empty(path);
        let problem = problem.map(|e| notes_io::kept_in_memory(&e));
        let _ = tx.send(Msg::Notes(Box::new(store), problem));
    });
}

/// Binds the notes read from disk to the application; changes made before
/// they arrived are merged in and saved.
fn attach_read_notes(app: &mut App, mut store: Store, problem: Option<String>) -> Vec<Effect> {
    let early = app.review.store.is_dirty();
    if early {
        store.merge_from(app.review.store.notes());
    }
    let mut effects = app.attach_notes(store, problem);
    if early && !effects.contains(&Effect::SaveNotes) {
        app.review.unsaved = true;
        effects.push(Effect::SaveNotes);
    }
    effects
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

    /// Called after each frame; true when the measurement is complete
    /// (the corpus and the notes file are both in).
    fn frame(&self, app: &App, notes_ready: bool) -> bool {
        if self.bench && !app.is_loading() && notes_ready {
            eprintln!(
                "first frame with the corpus and notes: {:.2} ms",
                self.started.elapsed().as_secs_f64() * 1e3
            );
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::embedded;
    use ratatui::backend::TestBackend;

    /// An application with one unsaved note, bound to `path`.
    fn unsaved(path: &std::path::Path) -> App {
        let mut app = App::with_corpus(embedded::load(), (80, 24));
        let effects = app.attach_notes(Store::empty(path), None);
        assert!(effects.is_empty());
        crate::app::press(&mut app, "j j a");
        for c in "kept".chars() {
            app.key(crate::app::keymap::Key::Char(c));
        }
        assert_eq!(
            crate::app::press(&mut app, "<c-s>"),
            vec![Effect::SaveNotes]
        );
        assert!(app.review.unsaved);
        app
    }

    #[test]
    fn a_terminal_error_still_saves_the_notes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("notes.json");
        let mut app = unsaved(&path);
        let (tx, rx) = mpsc::channel();
        tx.send(Msg::InputError(std::io::Error::other("tty gone")))
            .expect("send");
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let probe = Probe::from_env(Instant::now());
        let mut after = Vec::new();
        let result = session(
            &mut term,
            &mut app,
            &rx,
            &tx,
            Vec::new(),
            &probe,
            &mut after,
        );
        assert_eq!(
            result.expect_err("the error ends the session").to_string(),
            "tty gone"
        );
        assert!(after.is_empty(), "{after:?}");
        let saved = std::fs::read_to_string(&path).expect("the notes were saved");
        assert!(saved.contains("kept"), "{saved}");
    }
}
