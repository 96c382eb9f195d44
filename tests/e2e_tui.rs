//! End-to-end journeys: the real `qreview` binary in a pseudo-terminal
//! (portable-pty), its output parsed by a terminal emulator (vt100). Each
//! test waits for what it expects on the parsed screen, with a generous
//! timeout, and never sleeps a fixed time as an assertion.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// How long a screen may take to appear on a loaded machine.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The binary running in a pty, with everything it wrote so far.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    size: (u16, u16),
    // Kept so the pty stays open until the session ends.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Starts `qreview ARGS` at 100×30 with `env` set.
    fn start(args: &[&str], env: &[(&str, &str)]) -> Self {
        Self::start_cmd(env!("CARGO_BIN_EXE_qreview"), args, env)
    }

    /// Starts `sh -c SCRIPT qreview ARGS`: the script sees the binary as `$0`.
    fn start_shell(script: &str, args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut all = vec!["-c", script, env!("CARGO_BIN_EXE_qreview")];
        all.extend_from_slice(args);
        Self::start_cmd("sh", &all, env)
    }

    fn start_cmd(program: &str, args: &[&str], env: &[(&str, &str)]) -> Self {
        let size = (100, 30);
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: size.1,
                cols: size.0,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start qreview");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("output lock")
                    .extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Self {
            child,
            writer,
            output,
            size,
            _master: pair.master,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().expect("output lock").clone()
    }

    /// The screen as the terminal shows it now.
    fn screen(&self) -> String {
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero size");
        let mut parser = vt100::Parser::new(nz(self.size.1), nz(self.size.0), 0);
        parser.process(&self.bytes());
        parser.screen().contents()
    }

    /// Waits until every needle is on screen; fails with the screen if not.
    fn wait_for(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if needles.iter().all(|n| screen.contains(n)) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {needles:?}; screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the raw output contains `needle`.
    fn wait_for_bytes(&self, needle: &[u8]) {
        let start = Instant::now();
        while !contains(&self.bytes(), needle) {
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {:?}; output:\n{}",
                String::from_utf8_lossy(needle),
                String::from_utf8_lossy(&self.bytes())
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Waits for the process to end and returns its exit code.
    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "qreview did not exit:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

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
