//! The notes file on disk: where it is, loading it, and saving it safely.
//!
//! A save takes an exclusive lock on a separate file (`notes.json.lock`; a
//! lock on the notes file itself would be lost when the new file is renamed
//! over it), re-reads the notes file, and when its content hash differs from
//! the version this store last read or wrote, merges by note id
//! ([`super::merge`]) instead of overwriting. Then the previous version is
//! kept as `notes.json.bak` and the new one written atomically
//! ([`crate::atomic_file`]: temporary file, `sync_all`, rename, folder fsync).
//!
//! A file that cannot be read or understood is never written over: every
//! such case is a [`StoreError`] naming the file and the reason, and the
//! notes stay in memory in the [`Store`]. Only a regular file of at most
//! [`MAX_NOTES_BYTES`] is read. The lock is waited for at most
//! [`Store::lock_timeout`] (default [`DEFAULT_LOCK_TIMEOUT`], or
//! `$QREVIEW_LOCK_TIMEOUT` seconds), so a writer that never lets go cannot
//! hang another.

use std::hash::{DefaultHasher, Hasher};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::file::{self, ParseError};
use super::merge::{MergeReport, merge};
use super::model::NotesFile;
use crate::atomic_file::{self, WriteError};

/// The environment variable that overrides the default notes path.
pub const ENV: &str = "QREVIEW_NOTES";

/// The environment variable giving the lock wait in seconds.
pub const LOCK_TIMEOUT_ENV: &str = "QREVIEW_LOCK_TIMEOUT";

/// How long a save waits for another qreview to release the lock.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest notes file read: 100,000 notes take about 60 MB.
pub const MAX_NOTES_BYTES: u64 = 512 * 1024 * 1024;

/// The lock wait: `cli` (seconds, from `--lock-timeout`), else
/// `$QREVIEW_LOCK_TIMEOUT`, else [`DEFAULT_LOCK_TIMEOUT`]. An unreadable
/// value in the environment is ignored.
pub fn resolve_lock_timeout(cli: Option<f64>) -> Duration {
    cli.or_else(|| std::env::var(LOCK_TIMEOUT_ENV).ok()?.trim().parse().ok())
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .unwrap_or(DEFAULT_LOCK_TIMEOUT)
}

/// The notes file's own files: the file, its backup and its lock. No export
/// or import may replace them.
pub fn own_files(path: &Path) -> Vec<PathBuf> {
    let path = follow_link(path.to_path_buf());
    vec![backup_path(&path), lock_path(&path), path]
}

/// The notes path to use: `--notes PATH`, else `$QREVIEW_NOTES`, else
/// `notes.json` in the user's data directory, else `qreview-notes.json` in
/// the current folder (no home directory known).
pub fn resolve_path(cli: Option<PathBuf>) -> PathBuf {
    cli.or_else(|| {
        std::env::var_os(ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .or_else(default_path)
    .unwrap_or_else(|| PathBuf::from("qreview-notes.json"))
}

/// The file a symbolic link points to, so that saving (a rename) replaces
/// the linked file, not the link: a notes file linked into a repository stays
/// in the repository.
fn follow_link(path: PathBuf) -> PathBuf {
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(&path).unwrap_or_else(|_| {
            // The target does not exist yet: it is created where the link points.
            match std::fs::read_link(&path) {
                Ok(target) if target.is_absolute() => target,
                Ok(target) => path
                    .parent()
                    .map_or(target.clone(), |dir| dir.join(&target)),
                Err(_) => path,
            }
        }),
        _ => path,
    }
}

/// `notes.json` in the platform's data directory for qreview.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "qreview").map(|d| d.data_dir().join("notes.json"))
}

/// `PATH.lock`: the file writers lock.
pub fn lock_path(path: &Path) -> PathBuf {
    with_suffix(path, ".lock")
}

/// `PATH.bak`: the previous version of the notes file.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Why the notes file could not be read or saved. The notes in memory are
/// never lost by any of these.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a notes file this build understands.
    #[error(
        "cannot use notes file {path}: {reason}; the file was left untouched (fix or move the file, or use --notes to choose another)"
    )]
    Unreadable {
        /// The notes file.
        path: PathBuf,
        /// What is wrong with it.
        reason: ParseError,
    },
    /// The file could not be read (permission, a folder in its place, …).
    #[error("cannot read notes file {path}: {source}; it was left untouched")]
    Read {
        /// The notes file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The folder could not be created or the lock file not opened or locked.
    #[error(
        "cannot save notes: {path} is not writable ({source}); make the folder writable or use --notes to choose another path"
    )]
    NotWritable {
        /// The folder or lock file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Writing the backup or the new file failed.
    #[error("cannot save notes: {0}")]
    Write(#[from] WriteError),
    /// Another process held the lock for longer than the lock wait.
    #[error(
        "cannot save notes: {path} is held by another qreview (waited {waited:.1} s); try again when it has finished, or raise the wait with --lock-timeout or ${LOCK_TIMEOUT_ENV}"
    )]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// Seconds waited.
        waited: f64,
    },
}

/// What this store knows of the file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    /// There was no file.
    Missing,
    /// The file had this content (length and hash) and `base` holds it.
    Read(Fingerprint),
    /// The file could not be used; re-read before every save.
    Unknown,
}

/// Length and hash of a file's bytes: change detection by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint(usize, u64);

impl Fingerprint {
    fn of(bytes: &[u8]) -> Self {
        let mut h = DefaultHasher::new();
        h.write(bytes);
        Fingerprint(bytes.len(), h.finish())
    }
}

/// What a save did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveOutcome {
    /// True when the file was written (false when it already held these notes).
    pub written: bool,
    /// Set when the file had changed on disk and was merged first.
    pub merged: Option<MergeReport>,
}

/// The notes in memory, bound to their file.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    data: NotesFile,
    base: NotesFile,
    disk: Base,
    lock_timeout: Duration,
}

/// Reads the file: `None` when it does not exist. Only a regular file of at
/// most [`MAX_NOTES_BYTES`] is read: a FIFO would hang, a device never end.
fn read_disk(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match crate::input_file::read_regular(path, MAX_NOTES_BYTES) {
        Ok(b) => Ok(Some(b)),
        // A parent that is not a folder cannot hold the file either; saving
        // will say the path is not writable.
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => Ok(None),
        Err(source) => Err(StoreError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Removes temporary files of the notes file and its backup left by a
/// writer that was killed. Called with the lock held, so no live writer of
/// this file owns one; failures only leave litter and are ignored.
fn remove_stale_temporaries(dir: &Path, path: &Path) {
    let prefixes = [
        atomic_file::temp_prefix(path),
        atomic_file::temp_prefix(&backup_path(path)),
    ];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".tmp") && prefixes.iter().any(|p| name.starts_with(p.as_str())) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes `PATH.bak` the file now at `path` (whose bytes are `old`): a hard
/// link renamed over the backup, so that a large notes file is not copied
/// and synced again on every save; where links are not possible, a copy
/// written atomically.
fn back_up(path: &Path, dir: &Path, old: &[u8]) -> Result<(), StoreError> {
    let backup = backup_path(path);
    // Named like the atomic writer's temporaries, so that one left by a
    // killed process is removed by the next save.
    let link = dir.join(format!(
        "{}{}.link.tmp",
        atomic_file::temp_prefix(&backup),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&link);
    let linked = std::fs::hard_link(path, &link)
        .and_then(|()| std::fs::rename(&link, &backup))
        .and_then(|()| atomic_file::sync_dir(dir));
    // A rename between two links to one file does nothing (the backup
    // already is this file, after a writer was killed between its two
    // steps), leaving the link behind: it goes either way.
    let _ = std::fs::remove_file(&link);
    if linked.is_err() {
        atomic_file::write(&backup, old, true)?;
    }
    Ok(())
}

/// After this long waiting for the lock, the user is told why nothing
/// happens.
const SAY_WAITING_AFTER: Duration = Duration::from_millis(500);

/// Takes the exclusive lock on `lock`, trying every few milliseconds until
/// `timeout`; `waiting` is called once after [`SAY_WAITING_AFTER`].
fn acquire(
    lock: &std::fs::File,
    path: &Path,
    timeout: Duration,
    waiting: &mut dyn FnMut(),
) -> Result<(), StoreError> {
    let start = Instant::now();
    let mut said = false;
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StoreError::NotWritable {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
        let waited = start.elapsed();
        if waited >= timeout {
            return Err(StoreError::Locked {
                path: path.to_path_buf(),
                waited: waited.as_secs_f64(),
            });
        }
        if !said && waited >= SAY_WAITING_AFTER {
            said = true;
            waiting();
        }
        std::thread::sleep(Duration::from_millis(25).min(timeout - waited));
    }
}

impl Store {
    /// Loads the notes at `path` (no file: no notes yet).
    pub fn open(path: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let path = follow_link(path.into());
        let (data, disk) = match read_disk(&path)? {
            None => (NotesFile::default(), Base::Missing),
            Some(bytes) => {
                let data = file::parse(&bytes).map_err(|reason| StoreError::Unreadable {
                    path: path.clone(),
                    reason,
                })?;
                (data, Base::Read(Fingerprint::of(&bytes)))
            }
        };
        Ok(Store {
            path,
            base: data.clone(),
            data,
            disk,
            lock_timeout: resolve_lock_timeout(None),
        })
    }

    /// A store for `path` holding no notes, without reading the disk (the
    /// application before its notes file is opened, tests). Its first save
    /// merges whatever the file holds by then, as after any change on disk.
    pub fn empty(path: impl Into<PathBuf>) -> Store {
        Store {
            path: path.into(),
            data: NotesFile::default(),
            base: NotesFile::default(),
            disk: Base::Missing,
            lock_timeout: resolve_lock_timeout(None),
        }
    }

    /// Loads the notes at `path`; when the file cannot be used, starts with
    /// no notes and returns the error to show. Such a store never writes
    /// over the unusable file: each save re-reads it and refuses until it is
    /// readable again (then the two are merged).
    pub fn open_or_empty(path: impl Into<PathBuf>) -> (Store, Option<StoreError>) {
        let path = follow_link(path.into());
        match Store::open(path.clone()) {
            Ok(s) => (s, None),
            Err(e) => (
                Store {
                    path,
                    data: NotesFile::default(),
                    base: NotesFile::default(),
                    disk: Base::Unknown,
                    lock_timeout: resolve_lock_timeout(None),
                },
                Some(e),
            ),
        }
    }

    /// How long a save waits for the lock.
    pub fn lock_timeout(&self) -> Duration {
        self.lock_timeout
    }

    /// Sets how long a save waits for the lock (zero: one try).
    pub fn set_lock_timeout(&mut self, wait: Duration) {
        self.lock_timeout = wait;
    }

    /// The file this store saves to (shown in the status line).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The notes in memory.
    pub fn notes(&self) -> &NotesFile {
        &self.data
    }

    /// The notes in memory, to change (then call [`Store::save`]).
    pub fn notes_mut(&mut self) -> &mut NotesFile {
        &mut self.data
    }

    /// True when memory holds changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.disk == Base::Unknown || self.data != self.base
    }

    /// Merges a colleague's notes into memory (a union by id; a note both
    /// have in different versions is kept twice, the copy marked
    /// `conflict_of`). Call [`Store::save`] afterwards.
    pub fn merge_from(&mut self, other: &NotesFile) -> MergeReport {
        let (merged, report) = merge(&NotesFile::default(), &self.data, other);
        self.data = merged;
        report
    }

    /// Brings in changes made on disk since the file was read (another
    /// instance, a `git pull`) without writing anything.
    pub fn reload(&mut self) -> Result<Option<MergeReport>, StoreError> {
        let disk = read_disk(&self.path)?;
        self.absorb(disk.as_deref())
    }

    /// Merges the disk's content into memory when it is not what this store
    /// last read or wrote; then memory and disk share that base.
    fn absorb(&mut self, disk: Option<&[u8]>) -> Result<Option<MergeReport>, StoreError> {
        let Some(bytes) = disk else {
            // The file is gone (or never was): whatever is in memory stays.
            return Ok(None);
        };
        let fp = Fingerprint::of(bytes);
        if self.disk == Base::Read(fp) {
            return Ok(None);
        }
        let theirs = file::parse(bytes).map_err(|reason| StoreError::Unreadable {
            path: self.path.clone(),
            reason,
        })?;
        let (merged, report) = merge(&self.base, &self.data, &theirs);
        self.data = merged;
        self.base = theirs;
        self.disk = Base::Read(fp);
        Ok(Some(report))
    }

    /// Saves the notes: lock, merge what changed on disk, back up the old
    /// file, write the new one atomically. On error nothing on disk changed
    /// for the worse and the notes are still in memory.
    pub fn save(&mut self) -> Result<SaveOutcome, StoreError> {
        self.save_with(&mut || {})
    }

    /// [`Store::save`], calling `waiting` once when the lock has been held
    /// by another process for a moment (to say so), and giving up with
    /// [`StoreError::Locked`] after [`Store::lock_timeout`].
    pub fn save_with(&mut self, waiting: &mut dyn FnMut()) -> Result<SaveOutcome, StoreError> {
        let dir = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let not_writable = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::NotWritable { path, source }
        };
        std::fs::create_dir_all(&dir).map_err(not_writable(&dir))?;
        let lock_file = lock_path(&self.path);
        // Opening a FIFO or device for writing could block or write to it.
        if let Ok(meta) = std::fs::metadata(&lock_file)
            && !meta.is_file()
        {
            return Err(not_writable(&lock_file)(std::io::Error::other(format!(
                "it is {}",
                crate::input_file::kind_name(&meta)
            ))));
        }
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_file)
            .map_err(not_writable(&lock_file))?;
        acquire(&lock, &lock_file, self.lock_timeout, waiting)?;

        remove_stale_temporaries(&dir, &self.path);
        let disk = read_disk(&self.path)?;
        let merged = self.absorb(disk.as_deref())?;
        let bytes = file::to_bytes(&self.data);
        let written = disk.as_deref() != Some(bytes.as_slice());
        if written {
            if let Some(old) = &disk {
                back_up(&self.path, &dir, old)?;
            }
            atomic_file::write(&self.path, &bytes, true)?;
        }
        self.base = self.data.clone();
        self.disk = Base::Read(Fingerprint::of(&bytes));
        drop(lock);
        Ok(SaveOutcome { written, merged })
    }
}
