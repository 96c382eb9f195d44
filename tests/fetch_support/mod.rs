//! A tiny HTTP/1.1 server on 127.0.0.1 for the `qreview fetch` tests: a
//! thread per connection, replies chosen by a closure from the request path
//! and how many times that path was asked, and a log of every request (path,
//! User-Agent, arrival time). It can misbehave on purpose: wrong statuses,
//! `Retry-After`, bodies shorter than their Content-Length, slow answers.
// Each test uses a different subset of these helpers.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Request {
    /// Path and query, e.g. `/api/q?skip=0&take=2`.
    pub target: String,
    /// The User-Agent header, or empty.
    pub user_agent: String,
    /// When the request line arrived.
    pub at: Instant,
}

/// What the server answers.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete response.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// A 200 whose Content-Length promises more than is sent before closing.
    Truncated { body: Vec<u8>, claimed: usize },
    /// Waits, then answers.
    Slow { delay: Duration, then: Box<Reply> },
}

impl Reply {
    /// 200 with a JSON body.
    pub fn json(body: impl Into<Vec<u8>>) -> Self {
        Self::Full {
            status: 200,
            headers: vec![(
                "Content-Type".into(),
                "application/json; charset=utf-8".into(),
            )],
            body: body.into(),
        }
    }

    /// 200 with HTML bytes (charset as a Windows-1252 server would say).
    pub fn html(body: impl Into<Vec<u8>>) -> Self {
        Self::Full {
            status: 200,
            headers: vec![(
                "Content-Type".into(),
                "text/html; charset=windows-1252".into(),
            )],
            body: body.into(),
        }
    }

    /// A bare status with a short text body.
    pub fn status(status: u16) -> Self {
        Self::Full {
            status,
            headers: vec![],
            body: format!("status {status}").into_bytes(),
        }
    }

    /// A status with one extra header.
    pub fn status_with(status: u16, name: &str, value: &str) -> Self {
        Self::Full {
            status,
            headers: vec![(name.into(), value.into())],
            body: format!("status {status}").into_bytes(),
        }
    }
}

type Handler = dyn Fn(&str, usize) -> Reply + Send + Sync;

/// The running server; it stops when dropped.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub root: String,
    log: Arc<Mutex<Vec<Request>>>,
    done: Arc<AtomicBool>,
    port: u16,
}

impl Server {
    /// Starts serving; `handler(target, n)` answers the `n`-th (from 1)
    /// request for `target`.
    pub fn start(handler: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let done = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let counts: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        {
            let (log, done) = (Arc::clone(&log), Arc::clone(&done));
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if done.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (log, handler, counts) =
                        (Arc::clone(&log), Arc::clone(&handler), Arc::clone(&counts));
                    thread::spawn(move || serve(stream, &log, &*handler, &counts));
                }
            });
        }
        Self {
            root: format!("http://127.0.0.1:{port}"),
            log,
            done,
            port,
        }
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().expect("log").clone()
    }

    /// The targets asked for so far.
    pub fn targets(&self) -> Vec<String> {
        self.requests().into_iter().map(|r| r.target).collect()
    }

    /// How many requests asked for a target starting with `prefix`.
    pub fn count(&self, prefix: &str) -> usize {
        self.targets()
            .iter()
            .filter(|t| t.starts_with(prefix))
            .count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.done.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(
    stream: TcpStream,
    log: &Mutex<Vec<Request>>,
    handler: &Handler,
    counts: &Mutex<HashMap<String, usize>>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let at = Instant::now();
    let target = line.split_whitespace().nth(1).unwrap_or("").to_string();
    let mut user_agent = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("user-agent")
        {
            user_agent = value.trim().to_string();
        }
    }
    log.lock().expect("log").push(Request {
        target: target.clone(),
        user_agent,
        at,
    });
    let n = {
        let mut counts = counts.lock().expect("counts");
        let c = counts.entry(target.clone()).or_insert(0);
        *c += 1;
        *c
    };
    let reply = handler(&target, n);
    let mut stream = stream;
    let _ = write_reply(&mut stream, reply);
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

fn write_reply(stream: &mut TcpStream, reply: Reply) -> std::io::Result<()> {
    match reply {
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut head = format!(
                "HTTP/1.1 {status} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
                reason(status),
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body)
        }
        Reply::Truncated { body, claimed } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {claimed}\r\nConnection: close\r\n\
                 Content-Type: application/json\r\n\r\n"
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body)
        }
        Reply::Slow { delay, then } => {
            thread::sleep(delay);
            write_reply(stream, *then)
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// A fixture file under `tests/fixtures/fetch/`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fetch")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}
