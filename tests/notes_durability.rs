//! Durability of the notes file under SIGKILL, and concurrent writers.
//!
//! The child process is this test binary itself, re-run with only the
//! ignored `writer_child` test selected and `QREVIEW_TEST_NOTES_WRITER` set:
//! it adds and saves notes in a loop and prints each id once its save has
//! returned. The parent kills it with SIGKILL at random moments; after every
//! kill the file must parse and hold every printed id.

use std::collections::BTreeSet;
use std::hash::{BuildHasher, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use qreview::corpus::QuestionId;
use qreview::notes::Store;
use qreview::notes::store::backup_path;

const CHILD_ENV: &str = "QREVIEW_TEST_NOTES_WRITER";
const LIMIT_ENV: &str = "QREVIEW_TEST_NOTES_LIMIT";

/// The child process's body (see the file comment); runs only when spawned.
#[test]
#[ignore = "child process of the durability tests; spawned by them"]
fn writer_child() {
    let path = std::env::var_os(CHILD_ENV).expect("spawned by the durability tests");
    let limit: usize = std::env::var(LIMIT_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let mut store = Store::open(path).expect("notes file readable");
    let mut out = std::io::stdout().lock();
    for i in 0..limit {
        let q = QuestionId::senate(5, 8900 + (i % 19) as u32);
        let id = store
            .notes_mut()
            .add_note(
                q,
                &format!("note {i} of pid {}", std::process::id()),
                &[],
                None,
            )
            .unwrap();
        store.save().expect("save");
        writeln!(out, "saved {id}").unwrap();
        out.flush().unwrap();
    }
}

fn spawn_writer(path: &Path, limit: Option<usize>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "writer_child",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_ENV, path)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if let Some(n) = limit {
        cmd.env(LIMIT_ENV, n.to_string());
    }
    cmd.spawn().unwrap()
}

/// Sends each `saved ID` line of the child as it comes.
fn read_ids(child: &mut Child) -> (mpsc::Receiver<String>, thread::JoinHandle<()>) {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            // The harness may print `test writer_child ... ` on the same line.
            if let Some((_, id)) = line.split_once("saved ") {
                let _ = tx.send(id.trim().to_string());
            }
        }
    });
    (rx, handle)
}

/// A small xorshift generator seeded from the std random state.
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        let seed = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
            | 1;
        println!("random seed {seed:#x}");
        Rng(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn ids_on_disk(path: &Path) -> BTreeSet<String> {
    let store = Store::open(path).expect("the notes file always parses");
    store.notes().notes.iter().map(|n| n.id.0.clone()).collect()
}

#[test]
fn sigkill_at_random_moments_never_loses_a_saved_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    let mut rng = Rng::new();
    let mut confirmed = BTreeSet::new();
    let started = Instant::now();
    const KILLS: usize = 30;
    for round in 0..KILLS {
        let mut child = spawn_writer(&path, None);
        let (rx, reader) = read_ids(&mut child);
        // Wait for the first save so that the kill lands while saving, not
        // while the process starts; then let it run a random while.
        let first = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the writer saves within 10 s");
        confirmed.insert(first);
        thread::sleep(Duration::from_micros(rng.below(40_000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        confirmed.extend(rx.try_iter());

        let on_disk = ids_on_disk(&path);
        let missing: Vec<_> = confirmed.difference(&on_disk).collect();
        assert!(
            missing.is_empty(),
            "round {round}: saved notes lost: {missing:?}"
        );
        if backup_path(&path).exists() {
            Store::open(backup_path(&path)).expect("the backup always parses");
        }
    }
    // Killed writers may leave temporary files; the next save clears them.
    let mut store = Store::open(&path).unwrap();
    store
        .notes_mut()
        .add_note(QuestionId::senate(5, 8902), "after the kills", &[], None)
        .unwrap();
    store.save().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["notes.json", "notes.json.bak", "notes.json.lock"]);
    println!(
        "{KILLS} kills, {} notes confirmed, {:.1} s",
        confirmed.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(confirmed.len() >= KILLS);
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    let mut children: Vec<Child> = (0..2).map(|_| spawn_writer(&path, Some(40))).collect();
    let readers: Vec<_> = children.iter_mut().map(read_ids).collect();
    let mut confirmed = BTreeSet::new();
    for (child, (rx, reader)) in children.iter_mut().zip(readers) {
        assert!(child.wait().unwrap().success());
        reader.join().unwrap();
        confirmed.extend(rx.try_iter());
    }
    assert_eq!(confirmed.len(), 80);
    let missing: Vec<_> = confirmed.difference(&ids_on_disk(&path)).cloned().collect();
    assert!(missing.is_empty(), "lost: {missing:?}");
}

#[test]
fn two_shell_commands_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    let workers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            thread::spawn(move || {
                (0..8)
                    .map(|i| {
                        let out = Command::new(env!("CARGO_BIN_EXE_qreview"))
                            .args(["notes", "add", "5-8902", &format!("w{w} n{i}")])
                            .arg("--notes")
                            .arg(&path)
                            .output()
                            .unwrap();
                        assert!(out.status.success(), "{out:?}");
                        String::from_utf8(out.stdout).unwrap().trim().to_string()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let ids: BTreeSet<String> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert_eq!(ids.len(), 16);
    let missing: Vec<_> = ids.difference(&ids_on_disk(&path)).cloned().collect();
    assert!(missing.is_empty(), "lost: {missing:?}");
}
