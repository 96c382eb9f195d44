//! The TUI with a notes file it cannot use at once: a FIFO in its place
//! (reading would block forever) and a lock another qreview holds (saving
//! must not freeze the keys; the status line says it waits and retries).

mod common;

use std::time::{Duration, Instant};

use common::Session;

#[cfg(unix)]
#[test]
fn a_fifo_as_notes_file_is_reported_and_the_tui_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("notes.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut s = Session::start(&[], &[("QREVIEW_NOTES", fifo.to_str().unwrap())]);
    s.wait_for(&["5-8902", "FIFO"]);
    s.send("j");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_held_lock_is_retried_while_the_keys_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let lock = std::fs::File::create(dir.path().join("notes.json.lock")).unwrap();
    lock.lock().unwrap();
    let mut s = Session::start(&[], &[("QREVIEW_NOTES", notes.to_str().unwrap())]);
    s.wait_for(&["5-8902"]);
    // Review status of the selected question: a change, so a save.
    s.send("r");
    s.wait_for(&["waiting for the notes lock"]);
    // The keys still work: the help overlay opens and closes.
    s.send("?");
    s.wait_for(&["help"]);
    s.send("\x1b");
    assert!(!notes.exists(), "nothing was written under the lock");
    let released = Instant::now();
    drop(lock);
    while !notes.exists() {
        assert!(
            released.elapsed() < common::TIMEOUT,
            "the save was not retried:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(
        std::fs::read_to_string(&notes)
            .unwrap()
            .contains("in_progress")
    );
}
