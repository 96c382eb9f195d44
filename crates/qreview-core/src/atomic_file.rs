//! Writing user data so that a crash never leaves a half-written file:
//! temporary file in the same folder, `sync_all`, rename, fsync of the folder.
//!
//! Also the one rule for what an output (`export -o`, `import -o`, the TUI's
//! export dialog) may replace, [`check_output`]: only a regular file (a link
//! is followed to its target, which must pass the same test) that is not one
//! of the notes file's own files. A device, FIFO, socket or folder is never
//! replaced, with or without `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target exists and overwriting was not allowed.
    #[error("{0} already exists; use --force to overwrite it")]
    Exists(PathBuf),
    /// The target is a device, FIFO, socket or folder.
    #[error("{path} is {kind}, not a regular file; it is never replaced — give the path of a file")]
    NotRegular {
        /// The output path given.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// The target is the notes file, its backup or its lock.
    #[error(
        "{0} is the notes file or one of its own files; it is never replaced — choose another output path"
    )]
    Protected(PathBuf),
    /// An I/O step failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Checks that an output may be written at `path` and returns the path to
/// write (the target of a link). `protected` are files no output may
/// replace (the notes file, its backup and lock: [`crate::notes::store::own_files`]).
pub fn check_output(
    path: &Path,
    force: bool,
    protected: &[PathBuf],
) -> Result<PathBuf, WriteError> {
    let target = resolve_links(path);
    let meta = match std::fs::metadata(&target) {
        Ok(m) => m,
        // Nothing there yet (or a link to nothing): a new file is written.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(target),
        Err(source) => {
            return Err(WriteError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if !meta.is_file() {
        return Err(WriteError::NotRegular {
            path: path.to_path_buf(),
            kind: crate::input_file::kind_name(&meta),
        });
    }
    if protected.iter().any(|p| same_file(p, &target, &meta)) {
        return Err(WriteError::Protected(path.to_path_buf()));
    }
    if !force {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    Ok(target)
}

/// [`check_output`], then [`write`] to the checked path; returns the path
/// written.
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    force: bool,
    protected: &[PathBuf],
) -> Result<PathBuf, WriteError> {
    let target = check_output(path, force, protected)?;
    write(&target, bytes, force)?;
    Ok(target)
}

/// Follows symbolic links (a chain of them, at most 40 as the kernel
/// does) to the path they end at, existing or not.
fn resolve_links(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&path) {
            Ok(target) => {
                path = match path.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Err(_) => return path,
        }
    }
    path
}

/// True when `candidate` names the file `meta` describes (at `target`).
fn same_file(candidate: &Path, target: &Path, meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(c) = std::fs::metadata(candidate) {
            return c.dev() == meta.dev() && c.ino() == meta.ino();
        }
    }
    let _ = meta;
    match (
        std::fs::canonicalize(candidate),
        std::fs::canonicalize(target),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` to `path` atomically. Without `overwrite`, an existing file
/// is left alone and [`WriteError::Exists`] returned.
pub fn write(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source: without_temp_path(source),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the mode any program would give it (0666 less the
    // umask, so 0644 by default), not the temporary file's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    // A file being replaced keeps its permissions, whatever they are.
    if overwrite && let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    if overwrite {
        tmp.persist(path).map_err(|e| io(e.error))?;
    } else {
        // persist_noclobber fails if the target appeared meanwhile: no race.
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io(e.error)
            }
        })?;
    }
    sync_dir(&dir).map_err(io)
}

/// The error `tempfile` wrapped with its temporary file's name, unwrapped:
/// the user asked to write `path` and never sees that file, so a message
/// naming it only confuses.
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    // tempfile's wrapper keeps the kind and exposes the cause only through
    // its message (`… at path "…"`), so the message is cut there.
    if e.get_ref().is_none() {
        return e;
    }
    let message = e.to_string();
    match message.rfind(" at path \"") {
        Some(at) => std::io::Error::new(e.kind(), &message[..at]),
        None => e,
    }
}

/// The name prefix of the temporary files written for `path`
/// (`.notes.json~`), so that a writer holding a lock on `path` can recognise
/// and remove those a killed process left behind.
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "qreview".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}~")
}

/// Makes a rename durable by syncing the folder that holds it.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_names_the_file_asked_for_never_the_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no-such-folder").join("out.csv");
        let message = write(&p, b"x", false).unwrap_err().to_string();
        assert!(message.contains("out.csv"), "{message}");
        assert!(!message.contains(&temp_prefix(&p)), "{message}");
        assert!(!message.contains("at path"), "{message}");
        assert_eq!(message.matches("out.csv").count(), 1, "{message}");
    }

    #[test]
    fn writes_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        write(&p, b"one", false).unwrap();
        assert!(matches!(
            write(&p, b"two", false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1);
    }

    #[test]
    fn outputs_replace_only_regular_files_that_are_not_protected() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.json");
        std::fs::write(&notes, b"notes").unwrap();
        let protected = vec![notes.clone()];
        let out = dir.path().join("out.md");
        assert_eq!(write_output(&out, b"1", false, &protected).unwrap(), out);
        assert!(matches!(
            write_output(&out, b"2", false, &protected),
            Err(WriteError::Exists(_))
        ));
        write_output(&out, b"2", true, &protected).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"2");
        let folder = write_output(dir.path(), b"x", true, &protected).unwrap_err();
        assert!(matches!(
            folder,
            WriteError::NotRegular {
                kind: "a folder",
                ..
            }
        ));
        assert!(!folder.to_string().contains("--force"));
        assert!(matches!(
            write_output(&notes, b"x", true, &protected),
            Err(WriteError::Protected(_))
        ));
        assert_eq!(std::fs::read(&notes).unwrap(), b"notes");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_their_targets_checked() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.json");
        std::fs::write(&notes, b"notes").unwrap();
        let to_notes = dir.path().join("to-notes");
        std::os::unix::fs::symlink(&notes, &to_notes).unwrap();
        assert!(matches!(
            write_output(&to_notes, b"x", true, std::slice::from_ref(&notes)),
            Err(WriteError::Protected(_))
        ));
        // A FIFO of our own: were the rule broken, no device of the machine
        // would be replaced by this test.
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let to_fifo = dir.path().join("to-fifo");
        std::os::unix::fs::symlink(&fifo, &to_fifo).unwrap();
        assert!(matches!(
            write_output(&to_fifo, b"x", true, &[]),
            Err(WriteError::NotRegular {
                kind: "a FIFO (named pipe)",
                ..
            })
        ));
        assert!(
            std::fs::symlink_metadata(&to_fifo)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let file = dir.path().join("real.md");
        std::fs::write(&file, b"old").unwrap();
        let to_file = dir.path().join("to-file");
        std::os::unix::fs::symlink("real.md", &to_file).unwrap();
        write_output(&to_file, b"new", true, &[]).unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"new");
        assert!(
            std::fs::symlink_metadata(&to_file)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    /// The mode a new file gets under the process's umask, read back from
    /// a file created the ordinary way in the same folder.
    #[cfg(unix)]
    fn ordinary_mode(dir: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        let probe = dir.join("probe");
        std::fs::write(&probe, b"").unwrap();
        let mode = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        std::fs::remove_file(probe).unwrap();
        mode
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_ordinary_mode_and_a_replaced_one_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let expected = ordinary_mode(dir.path());
        assert_ne!(
            expected, 0o600,
            "umask too strict for this test to mean anything"
        );
        let p = dir.path().join("export.csv");
        write(&p, b"one", false).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&p), expected);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&p, b"two", true).unwrap();
        assert_eq!(mode(&p), 0o640);
    }
}
