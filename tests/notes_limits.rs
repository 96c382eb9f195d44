//! The notes file against hostile surroundings: a lock another process never
//! releases, a FIFO or a huge file in its place, a byte order mark, and
//! fields written by a newer qreview, which must survive load, merge and save.

use std::fs;
use std::time::{Duration, Instant};

use qreview::corpus::QuestionId;
use qreview::notes::store::lock_path;
use qreview::notes::{Store, StoreError};

fn q() -> QuestionId {
    QuestionId::senate(5, 8902)
}

#[test]
fn a_lock_held_elsewhere_is_waited_for_then_given_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    let held = fs::File::create(lock_path(&path)).unwrap();
    held.lock().unwrap();
    let mut store = Store::open(&path).unwrap();
    store.set_lock_timeout(Duration::from_millis(800));
    store
        .notes_mut()
        .add_note(q(), "waiting", &[], None)
        .unwrap();
    let mut told = 0;
    let start = Instant::now();
    let err = store.save_with(&mut || told += 1).unwrap_err();
    let waited = start.elapsed();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(waited >= Duration::from_millis(800), "{waited:?}");
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    assert_eq!(told, 1, "the wait is announced once");
    assert!(err.to_string().contains("held by another qreview"));
    assert!(!path.exists());
    // Once released, the same store saves.
    drop(held);
    store.save().unwrap();
    assert!(fs::read_to_string(&path).unwrap().contains("waiting"));
}

#[cfg(unix)]
#[test]
fn a_fifo_as_notes_file_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap()
            .success()
    );
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("FIFO"), "{err}");
    let (mut store, problem) = Store::open_or_empty(&path);
    assert!(problem.is_some());
    store.notes_mut().add_note(q(), "x", &[], None).unwrap();
    assert!(store.save().is_err());
}

#[test]
fn an_oversized_notes_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    // Sparse: costs no disk and, unread, no memory.
    let f = fs::File::create(&path).unwrap();
    f.set_len(qreview::notes::store::MAX_NOTES_BYTES + 1)
        .unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("larger than 512 MB"), "{err}");
}

#[test]
fn a_byte_order_mark_is_accepted_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    fs::write(
        &path,
        b"\xEF\xBB\xBF{\"format\":\"qreview-notes\",\"version\":1,\"notes\":[]}",
    )
    .unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.notes().notes.is_empty());
}

const NEWER: &str = r#"{
  "format": "qreview-notes",
  "version": 1,
  "extra": {"layout": 3},
  "notes": [
    {"id": "0190a0000000-00000001", "question": "5-8902", "text": "from a newer build",
     "created": "2024-01-01T00:00:00Z", "updated": "2024-01-01T00:00:00Z", "color": "red"}
  ]
}"#;

#[test]
fn unknown_fields_survive_a_save_and_a_merge_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    fs::write(&path, NEWER).unwrap();
    let mut store = Store::open(&path).unwrap();
    store.notes_mut().add_note(q(), "ours", &[], None).unwrap();
    // Another writer changes the file meanwhile: the save merges.
    let mut theirs: serde_json::Value = serde_json::from_str(NEWER).unwrap();
    theirs["notes"][0]["text"] = "edited elsewhere".into();
    theirs["since"] = "theirs".into();
    fs::write(&path, serde_json::to_vec(&theirs).unwrap()).unwrap();
    let outcome = store.save().unwrap();
    assert!(outcome.merged.is_some());
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["extra"]["layout"], 3);
    assert_eq!(saved["since"], "theirs");
    let kept = saved["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["text"] == "edited elsewhere")
        .expect("their edit merged");
    assert_eq!(kept["color"], "red");
}

#[test]
fn unknown_fields_survive_notes_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    let mut store = Store::open(&path).unwrap();
    let other = qreview::notes::file::parse(NEWER.as_bytes()).unwrap();
    store.merge_from(&other);
    store.save().unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["extra"]["layout"], 3);
    assert_eq!(saved["notes"][0]["color"], "red");
}
