//! Helpers shared by the end-to-end tests: the real `qreview` binary in a
//! pseudo-terminal (portable-pty), its output parsed by vt100.
// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// How long a screen may take to appear on a loaded machine.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The binary running in a pty, with everything it wrote so far.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    size: (u16, u16),
    // Kept so the pty stays open until the session ends.
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Starts `qreview ARGS` at 100×30 with `env` set.
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Self {
        Self::start_cmd(env!("CARGO_BIN_EXE_qreview"), args, env)
    }

    /// Starts `sh -c SCRIPT qreview ARGS`: the script sees the binary as `$0`.
    pub fn start_shell(script: &str, args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut all = vec!["-c", script, env!("CARGO_BIN_EXE_qreview")];
        all.extend_from_slice(args);
        Self::start_cmd("sh", &all, env)
    }

    pub fn start_cmd(program: &str, args: &[&str], env: &[(&str, &str)]) -> Self {
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
        // No user's config.toml may change what a test sees.
        cmd.env_remove("QREVIEW_CONFIG");
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/qreview-test-config");
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
            master: pair.master,
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH). The screen is read
    /// at the new size from then on.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        self.size = (cols, rows);
    }

    pub fn bytes(&self) -> Vec<u8> {
        self.output.lock().expect("output lock").clone()
    }

    /// The screen as the terminal shows it now.
    pub fn screen(&self) -> String {
        self.parsed().screen().contents()
    }

    /// The terminal emulator after all output so far, for cell attributes.
    pub fn parsed(&self) -> vt100::Parser {
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero size");
        let mut parser = vt100::Parser::new(nz(self.size.1), nz(self.size.0), 0);
        parser.process(&self.bytes());
        parser
    }

    /// Waits until every needle is on screen; fails with the screen if not.
    pub fn wait_for(&self, needles: &[&str]) -> String {
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
    pub fn wait_for_bytes(&self, needle: &[u8]) {
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

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Waits for the process to end and returns its exit code.
    pub fn exit_code(&mut self) -> u32 {
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

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
