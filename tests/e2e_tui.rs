//! End-to-end journeys: the real `qreview` binary in a pseudo-terminal
//! (portable-pty), its output parsed by a terminal emulator (vt100). Each
//! test waits for what it expects on the parsed screen, with a generous
//! timeout, and never sleeps a fixed time as an assertion.

mod common;

use std::path::PathBuf;

use common::{Session, contains};

const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

#[test]
fn default_corpus_journey_list_reader_sibling_help_quit() {
    let mut s = Session::start(&[], &[]);
    s.wait_for(&[
        "5-8902",
        "Affaires étrangères",
        "5-8900",
        "Premier ministre",
        "5-8916",
        "not in corpus",
    ]);
    s.send("jj\r");
    let reader = s.wait_for(&[
        "= 293 days",
        "sent 2013-04-30",
        "reminder 2013-12-18",
        "QUESTION",
    ]);
    assert!(reader.contains("5-8902 (id inferred)"), "{reader}");
    // The answer is further down: scroll to its end.
    s.send("G");
    s.wait_for(&["Nous avons un système de peer review."]);
    s.send("]");
    s.wait_for(&["5-8903 · ", "sent 2013-04-30 ─29d→ answer 2013-05-29"]);
    s.send("G");
    s.wait_for(&["Answered on 2013-05-29, text not in this corpus."]);
    s.send("?");
    s.wait_for(&["Help: Reader", "next sibling in the family", "Everywhere"]);
    s.send("\x1b");
    s.wait_for(&["Family 5-8900"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.wait_for_bytes(LEAVE_ALT_SCREEN);
}

#[test]
fn open_flag_starts_in_the_reader_and_rejects_unknown_ids() {
    let mut s = Session::start(&["--open", "5-8910"], &[]);
    s.wait_for(&["5-8910", "Emploi", "= 76 days"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let mut s = Session::start(&["--open", "5-8907"], &[]);
    assert_eq!(s.exit_code(), 2);
    s.wait_for(&["question 5-8907 is not in this corpus"]);
    assert!(contains(&s.bytes(), LEAVE_ALT_SCREEN));
}

#[test]
fn escape_sequences_in_the_corpus_never_reach_the_terminal() {
    let hostile = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let path = hostile.to_str().expect("utf-8 path");
    let mut s = Session::start(&[path], &[]);
    s.wait_for(&["Clipboard ␛]52;c;cHduZWQ=␇ grab", "5-9001"]);
    s.send("\r");
    s.wait_for(&[
        "Mallory ␛[2J Cleaner",
        "Intro with ␛]52;c;SGVsbG8=␇ clipboard.",
    ]);
    s.send("G");
    s.wait_for(&["Answer one ␛]0;EVIL␇ readable."]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let out = s.bytes();
    for bad in [
        &b"\x1b]52"[..],
        b"\x1b]0;PWNED",
        b"\x1b]0;EVIL",
        b"\x07",
        b"\xc2\x9b",
        b"\xc2\x9d",
        b"\xc2\x85",
    ] {
        assert!(
            !contains(&out, bad),
            "{:?} reached the terminal",
            String::from_utf8_lossy(bad)
        );
    }
    // A screen clear would be the bare sequence; the app's own clears are
    // allowed, so check the text around the corpus's one instead.
    assert!(!contains(&out, b"Mallory \x1b[2J"));
    assert!(!contains(&out, b"Second\x1b[2J"));
}

/// Runs qreview under `sh`, then prints the terminal modes (`stty -a`) and
/// qreview's exit code, so the test sees the terminal as qreview left it.
const THEN_STTY: &str = r#""$0" "$@"; code=$?; stty -a; echo "EXIT=$code""#;

fn assert_terminal_restored(out: &str) {
    let after = out.rsplit("\x1b[?1049l").next().unwrap_or("");
    let words: Vec<&str> = after.split_whitespace().collect();
    assert!(words.contains(&"icanon"), "raw mode still on:\n{after}");
    assert!(words.contains(&"echo"), "echo still off:\n{after}");
}

#[test]
fn a_panic_in_the_event_loop_restores_the_terminal() {
    let s = Session::start_shell(THEN_STTY, &[], &[("QREVIEW_TEST_PANIC", "1")]);
    s.wait_for_bytes(b"EXIT=101");
    let out = String::from_utf8_lossy(&s.bytes()).into_owned();
    assert!(
        out.contains("\x1b[?1049l"),
        "never left the alternate screen"
    );
    assert!(
        out.contains("deliberate panic after the first frame"),
        "{out}"
    );
    // The panic message is printed after the terminal is restored.
    let leave = out.find("\x1b[?1049l").unwrap_or(usize::MAX);
    assert!(out.find("deliberate panic").unwrap_or(0) > leave, "{out}");
    assert_terminal_restored(&out);
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, code) in [("TERM", "143"), ("HUP", "129")] {
        let script = format!(
            r#""$0" & pid=$!; while [ ! -e "$READY" ]; do sleep 0.05; done; kill -{signal} $pid; wait $pid; code=$?; stty -a; echo "EXIT=$code""#
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let ready = dir.path().join("ready");
        let s = Session::start_shell(&script, &[], &[("READY", ready.to_str().expect("utf-8"))]);
        s.wait_for(&["5-8902"]);
        std::fs::write(&ready, b"").expect("ready file");
        s.wait_for_bytes(format!("EXIT={code}").as_bytes());
        assert_terminal_restored(&String::from_utf8_lossy(&s.bytes()));
    }
}

#[test]
fn the_mouse_wheel_scrolls_the_reader() {
    let mut s = Session::start(&["--open", "5-8902"], &[]);
    let before = s.wait_for(&["5-8902", "QUESTION"]);
    // SGR mouse report of a wheel step down at column 20, row 15.
    for _ in 0..4 {
        s.send("\x1b[<65;20;15M");
    }
    let start = std::time::Instant::now();
    while s.screen() == before {
        assert!(
            start.elapsed() < common::TIMEOUT,
            "the wheel did not scroll:\n{before}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let after = s.screen();
    assert!(after.contains("5-8902"), "{after}");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_resize_redraws_at_once_and_too_small_says_so() {
    let mut s = Session::start(&[], &[]);
    s.wait_for(&["5-8902", "Affaires étrangères"]);
    s.resize(60, 20);
    s.wait_for(&["Terminal too small"]);
    s.resize(90, 26);
    let screen = s.wait_for(&["5-8902", "Affaires étrangères", "? help"]);
    assert!(!screen.contains("Terminal too small"), "{screen}");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn no_color_draws_without_colours_and_keeps_the_selection_visible() {
    let mut s = Session::start(&[], &[("NO_COLOR", "1")]);
    s.wait_for(&["5-8902", "Affaires étrangères"]);
    let parser = s.parsed();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let mut inverse = false;
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            let cell = screen.cell(r, c).expect("cell");
            assert_eq!(cell.fgcolor(), vt100::Color::Default, "colour at {r},{c}");
            assert_eq!(cell.bgcolor(), vt100::Color::Default, "colour at {r},{c}");
            inverse |= cell.inverse();
        }
    }
    assert!(inverse, "the selected row is reversed");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
