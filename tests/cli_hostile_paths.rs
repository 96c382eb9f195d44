//! The shell commands pointed at things that are not ordinary files: an
//! output path that is a device, a folder, a link or the notes file itself;
//! a notes input that never ends; a lock another process never releases.

use std::path::Path;
use std::process::{Command, Output};

fn qreview(args: &[&str], notes: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qreview"));
    cmd.args(args).env("QREVIEW_NOTES", notes);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("binary runs")
}

/// A page to import.
const PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/layouts/fr-web-5-8916.txt"
);

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[cfg(unix)]
#[test]
fn export_and_import_never_replace_devices_fifos_links_to_them_or_the_notes_files() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let add = qreview(&["notes", "add", "5-8902", "keep me"], &notes, &[]);
    assert!(add.status.success(), "{}", stderr(&add));
    let add = qreview(&["notes", "add", "5-8902", "again"], &notes, &[]);
    assert!(add.status.success(), "{}", stderr(&add));
    let before = std::fs::read(&notes).unwrap();
    let bak = format!("{}.bak", notes.display());
    // Targets inside the temporary folder only: were the rule ever broken,
    // this test must not replace a device of the machine itself. A device
    // node of our own needs root (`mknod`); a FIFO and links do not.
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let link = dir.path().join("link-to-fifo");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let device = dir.path().join("null-device");
    let have_device = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let n = notes.display().to_string();
    let l = link.display().to_string();
    let f = fifo.display().to_string();
    let d = device.display().to_string();
    let mut targets = vec![l.as_str(), f.as_str(), n.as_str(), bak.as_str()];
    if have_device {
        targets.push(&d);
    }
    for target in targets {
        for cmd in [
            vec!["export", "--format", "json", "-o", target, "--force"],
            vec!["import", PAGE, "-o", target, "--force"],
        ] {
            let o = qreview(&cmd, &notes, &[]);
            assert_eq!(o.status.code(), Some(2), "{cmd:?}: {}", stderr(&o));
            assert!(
                stderr(&o).contains("never replaced"),
                "{cmd:?}: {}",
                stderr(&o)
            );
        }
    }
    assert_eq!(std::fs::read(&notes).unwrap(), before);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn export_to_a_folder_says_why_once_and_does_not_suggest_force() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let d = dir.path().display().to_string();
    for force in [false, true] {
        let mut args = vec!["export", "--format", "markdown", "-o", &d];
        if force {
            args.push("--force");
        }
        let o = qreview(&args, &notes, &[]);
        assert_eq!(o.status.code(), Some(2));
        let e = stderr(&o);
        assert!(e.contains("is a folder, not a regular file"), "{e}");
        assert!(!e.contains("--force"), "{e}");
        assert_eq!(e.matches("folder").count(), 1, "{e}");
    }
}

#[cfg(unix)]
#[test]
fn notes_merge_refuses_dev_zero_and_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let o = qreview(&["notes", "merge", "/dev/zero"], &notes, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("a device, not a regular file"),
        "{}",
        stderr(&o)
    );
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let f = fifo.display().to_string();
    let o = qreview(&["notes", "merge", &f], &notes, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));
    // The FIFO as the notes file itself.
    let o = qreview(&["notes", "list"], &fifo, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));
}

#[test]
fn notes_add_gives_up_on_a_held_lock_and_says_the_note_was_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let lock = std::fs::File::create(dir.path().join("notes.json.lock")).unwrap();
    lock.lock().unwrap();
    let start = std::time::Instant::now();
    let o = qreview(
        &[
            "notes",
            "add",
            "5-8902",
            "my precious note",
            "--lock-timeout",
            "1",
        ],
        &notes,
        &[],
    );
    let took = start.elapsed();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(took >= std::time::Duration::from_secs(1), "{took:?}");
    assert!(
        e.contains("waiting for the notes lock held by another qreview"),
        "{e}"
    );
    assert!(e.contains("the note was NOT saved"), "{e}");
    assert!(e.contains("my precious note"), "{e}");
    assert!(!e.contains("in memory"), "{e}");
    assert!(!notes.exists());
    // The environment variable sets the wait too.
    let o = qreview(
        &["notes", "add", "5-8902", "x"],
        &notes,
        &[("QREVIEW_LOCK_TIMEOUT", "0")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("waiting"), "{}", stderr(&o));
}
