//! The notes file on disk: round trip, backup, merge with changes made by
//! another writer, conflicts, and files that must never be overwritten.

use std::fs;
use std::path::{Path, PathBuf};

use qreview::corpus::QuestionId;
use qreview::notes::store::{backup_path, lock_path};
use qreview::notes::{ReviewStatus, Store, StoreError, TagInfo, Verdict};

fn q(n: u32) -> QuestionId {
    QuestionId::senate(5, n)
}

fn notes_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("notes.json")
}

/// True when permission bits do not stop this process (root).
fn privileged(dir: &Path) -> bool {
    let probe = dir.join("probe");
    fs::write(&probe, b"x").unwrap();
    set_mode(&probe, 0o000);
    let readable = fs::read(&probe).is_ok();
    set_mode(&probe, 0o600);
    fs::remove_file(&probe).unwrap();
    readable
}

fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(p, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn round_trip_with_backup_and_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("notes.json");
    let mut s = Store::open(&path).unwrap();
    assert!(s.notes().notes.is_empty());
    let id = s
        .notes_mut()
        .add_note(q(8902), "line one\nline two «é»", &["evasive".into()], None)
        .unwrap();
    s.notes_mut().set_status(q(8902), ReviewStatus::InProgress);
    s.notes_mut().set_verdict(q(8902), Some(Verdict::NoAnswer));
    s.notes_mut()
        .define_tag(
            "evasive",
            TagInfo {
                colour: Some("red".into()),
                description: Some("talks around it".into()),
            },
        )
        .unwrap();
    assert!(s.is_dirty());
    let out = s.save().unwrap();
    assert!(out.written && out.merged.is_none());
    assert!(!s.is_dirty());
    assert!(lock_path(&path).ends_with("notes.json.lock") && lock_path(&path).exists());
    assert!(!backup_path(&path).exists(), "no previous version yet");

    let first = fs::read(&path).unwrap();
    let again = Store::open(&path).unwrap();
    assert_eq!(again.notes(), s.notes());
    assert_eq!(
        again.notes().note(&id).unwrap().text,
        "line one\nline two «é»"
    );
    assert_eq!(
        again.notes().review(q(8902)).verdict,
        Some(Verdict::NoAnswer)
    );

    // Saving unchanged notes writes nothing; a change keeps the old file as .bak.
    assert!(!s.save().unwrap().written);
    s.notes_mut().edit_note(&id, "changed").unwrap();
    assert!(s.save().unwrap().written);
    assert_eq!(fs::read(backup_path(&path)).unwrap(), first);
    // Only the file, its backup and the lock file remain: no temporary files.
    let mut names: Vec<String> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["notes.json", "notes.json.bak", "notes.json.lock"]);
}

#[test]
fn file_is_pretty_and_sorted_for_diffs() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    let mut s = Store::open(&path).unwrap();
    for i in 0..5 {
        s.notes_mut()
            .add_note(q(8900 + i), &format!("n{i}"), &[], None)
            .unwrap();
    }
    s.save().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"qreview-notes\",\n  \"version\": 1,\n"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert!(v["notes"][0]["created"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn change_on_disk_is_merged_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    let mut a = Store::open(&path).unwrap();
    let shared = a
        .notes_mut()
        .add_note(q(8902), "shared", &[], None)
        .unwrap();
    a.save().unwrap();

    // A second instance reads the same file and adds a note.
    let mut b = Store::open(&path).unwrap();
    let from_b = b
        .notes_mut()
        .add_note(q(8903), "from b", &[], None)
        .unwrap();
    b.notes_mut().set_status(q(8903), ReviewStatus::Reviewed);
    b.save().unwrap();

    // The first instance, unaware, adds its own and saves: nothing is lost.
    let from_a = a
        .notes_mut()
        .add_note(q(8904), "from a", &[], None)
        .unwrap();
    let out = a.save().unwrap();
    let report = out.merged.expect("the change on disk was detected");
    assert_eq!(report.added, vec![from_b.clone()]);
    assert!(!report.has_conflicts());
    let disk = Store::open(&path).unwrap();
    for id in [&shared, &from_a, &from_b] {
        assert!(disk.notes().note(id).is_some(), "{id} lost");
    }
    assert_eq!(disk.notes().review(q(8903)).status, ReviewStatus::Reviewed);
}

#[test]
fn same_length_change_is_detected_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    let mut a = Store::open(&path).unwrap();
    let id = a.notes_mut().add_note(q(8902), "aaaa", &[], None).unwrap();
    a.save().unwrap();
    // Someone edits the text in place: same length, and the modification
    // time set back, so only the content tells.
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    let edited = fs::read_to_string(&path).unwrap().replace("aaaa", "bbbb");
    fs::write(&path, edited).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let other = a.notes_mut().add_note(q(8903), "x", &[], None).unwrap();
    let out = a.save().unwrap();
    assert!(out.merged.is_some());
    let disk = Store::open(&path).unwrap();
    assert_eq!(disk.notes().note(&id).unwrap().text, "bbbb");
    assert!(disk.notes().note(&other).is_some());
}

#[test]
fn note_edited_on_both_sides_keeps_both_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    let mut a = Store::open(&path).unwrap();
    let id = a.notes_mut().add_note(q(8902), "start", &[], None).unwrap();
    a.save().unwrap();
    let mut b = Store::open(&path).unwrap();
    b.notes_mut().edit_note(&id, "b's version").unwrap();
    b.save().unwrap();
    a.notes_mut().edit_note(&id, "a's version").unwrap();
    let report = a.save().unwrap().merged.unwrap();
    assert_eq!(report.conflicts.len(), 1, "{report}");
    assert!(report.to_string().contains("both versions kept"));
    let disk = Store::open(&path).unwrap();
    assert_eq!(disk.notes().note(&id).unwrap().text, "a's version");
    let copy = disk.notes().note(&report.conflicts[0].copy).unwrap();
    assert_eq!(copy.text, "b's version");
    assert_eq!(copy.conflict_of.as_ref(), Some(&id));
}

#[test]
fn colleague_file_merges_as_union_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.json");
    let theirs = dir.path().join("theirs.json");
    let mut a = Store::open(&mine).unwrap();
    let common = a
        .notes_mut()
        .add_note(q(8902), "common", &[], None)
        .unwrap();
    a.save().unwrap();
    fs::copy(&mine, &theirs).unwrap();
    let mut b = Store::open(&theirs).unwrap();
    b.notes_mut().edit_note(&common, "their edit").unwrap();
    let only_b = b
        .notes_mut()
        .add_note(q(8905), "only theirs", &[], None)
        .unwrap();
    b.save().unwrap();
    a.notes_mut()
        .add_note(q(8906), "only mine", &[], None)
        .unwrap();

    let report = a.merge_from(b.notes());
    assert_eq!(report.added, vec![only_b]);
    assert_eq!(report.conflicts.len(), 1);
    a.save().unwrap();
    assert_eq!(Store::open(&mine).unwrap().notes().notes.len(), 4);
    let again = a.merge_from(b.notes());
    assert!(again.is_empty(), "{again}");
}

/// Saving over `bad` must fail with the expected error and leave it as it was.
fn assert_never_overwritten(path: &Path, check: impl Fn(&StoreError) -> bool) {
    let before = fs::read(path).ok();
    let err = Store::open(path).unwrap_err();
    assert!(check(&err), "unexpected error: {err}");
    assert!(err.to_string().contains(&path.display().to_string()));
    let (mut s, problem) = Store::open_or_empty(path);
    assert!(problem.is_some());
    let id = s
        .notes_mut()
        .add_note(q(8902), "kept in memory", &[], None)
        .unwrap();
    let save = s.save().unwrap_err();
    assert!(check(&save), "unexpected error: {save}");
    // The store keeps the notes; saying so is for the caller (the TUI keeps
    // working, the CLI exits).
    assert!(!save.to_string().contains("in memory"), "{save}");
    assert_eq!(fs::read(path).ok(), before, "the file was changed");
    assert!(!backup_path(path).exists());
    assert!(s.notes().note(&id).is_some() && s.is_dirty());
}

#[test]
fn corrupt_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    fs::write(
        &path,
        b"{\"format\": \"qreview-notes\", \"version\": 1, \"notes\": [tru",
    )
    .unwrap();
    assert_never_overwritten(&path, |e| {
        matches!(e, StoreError::Unreadable { .. }) && e.to_string().contains("line 1")
    });
    fs::write(&path, b"\xff\xfe not utf-8").unwrap();
    assert_never_overwritten(&path, |e| matches!(e, StoreError::Unreadable { .. }));
    fs::write(&path, br#"{"format": "something-else", "version": 1}"#).unwrap();
    assert_never_overwritten(&path, |e| {
        e.to_string().contains("not a qreview notes file")
    });
}

#[test]
fn newer_version_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    fs::write(
        &path,
        br#"{"format": "qreview-notes", "version": 2, "notes": {"new": "shape"}}"#,
    )
    .unwrap();
    assert_never_overwritten(&path, |e| e.to_string().contains("newer qreview"));
}

#[test]
fn unreadable_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    if privileged(dir.path()) {
        println!(
            "running as root: permission bits do not stop reads; testing an unreadable path (a folder) instead"
        );
        fs::create_dir(&path).unwrap();
        assert_never_overwritten(&path, |e| matches!(e, StoreError::Read { .. }));
        assert!(path.is_dir() && fs::read_dir(&path).unwrap().next().is_none());
        return;
    }
    fs::write(&path, br#"{"format": "qreview-notes", "version": 1}"#).unwrap();
    set_mode(&path, 0o000);
    assert_never_overwritten(&path, |e| matches!(e, StoreError::Read { .. }));
    set_mode(&path, 0o600);
}

#[test]
fn file_fixed_later_is_merged_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    let mut good = Store::open(&path).unwrap();
    let old = good
        .notes_mut()
        .add_note(q(8902), "old", &[], None)
        .unwrap();
    good.save().unwrap();
    let saved = fs::read(&path).unwrap();
    fs::write(&path, b"garbage").unwrap();
    let (mut s, problem) = Store::open_or_empty(&path);
    assert!(problem.is_some());
    let new = s.notes_mut().add_note(q(8903), "new", &[], None).unwrap();
    assert!(s.save().is_err());
    fs::write(&path, saved).unwrap(); // the user repaired the file
    s.save().unwrap();
    let disk = Store::open(&path).unwrap();
    assert!(disk.notes().note(&old).is_some() && disk.notes().note(&new).is_some());
}

#[test]
fn read_only_folder_gives_a_clear_error_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // A path whose parent is a file cannot be written by anyone, root included.
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, b"x").unwrap();
    let path = blocker.join("notes.json");
    let mut s = Store::open(&path).unwrap();
    let id = s
        .notes_mut()
        .add_note(q(8902), "precious", &[], None)
        .unwrap();
    let err = s.save().unwrap_err();
    assert!(matches!(err, StoreError::NotWritable { .. }), "{err}");
    assert!(err.to_string().contains("not writable"), "{err}");
    assert!(s.notes().note(&id).is_some() && s.is_dirty());
    assert_eq!(fs::read(&blocker).unwrap(), b"x");

    // A real read-only folder, where permission bits apply.
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    if privileged(dir.path()) {
        println!(
            "running as root: permission bits do not stop writes; read-only folder case skipped (covered above by a path whose parent is a file)"
        );
        return;
    }
    let path = ro.join("notes.json");
    let mut s = Store::open(&path).unwrap();
    s.notes_mut()
        .add_note(q(8902), "precious", &[], None)
        .unwrap();
    set_mode(&ro, 0o555);
    let err = s.save();
    set_mode(&ro, 0o755);
    let err = err.unwrap_err();
    assert!(matches!(err, StoreError::NotWritable { .. }), "{err}");
    assert_eq!(s.notes().notes.len(), 1);
    // Once writable again, the same store saves.
    s.save().unwrap();
    assert_eq!(Store::open(&path).unwrap().notes().notes.len(), 1);
}

#[test]
fn resolve_path_prefers_flag_then_environment() {
    let flag = PathBuf::from("/x/flag.json");
    assert_eq!(qreview::notes::resolve_path(Some(flag.clone())), flag);
    // The environment is process-wide; this is the only test touching it.
    unsafe { std::env::set_var("QREVIEW_NOTES", "/x/env.json") };
    assert_eq!(
        qreview::notes::resolve_path(None),
        PathBuf::from("/x/env.json")
    );
    unsafe { std::env::set_var("QREVIEW_NOTES", "") };
    let default = qreview::notes::resolve_path(None);
    assert!(default.ends_with("notes.json"), "{}", default.display());
    unsafe { std::env::remove_var("QREVIEW_NOTES") };
}

#[test]
fn saving_keeps_the_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    let mut s = Store::open(&path).unwrap();
    s.notes_mut().add_note(q(8902), "one", &[], None).unwrap();
    s.save().unwrap();
    set_mode(&path, 0o644);
    s.notes_mut().add_note(q(8902), "two", &[], None).unwrap();
    s.save().unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}

#[test]
fn two_different_notes_under_one_id_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    let mut s = Store::open(&path).unwrap();
    s.notes_mut().add_note(q(8902), "ours", &[], None).unwrap();
    s.save().unwrap();
    // A hand-resolved git conflict leaves both versions under the same id.
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    let mut twin = v["notes"][0].clone();
    twin["text"] = "theirs".into();
    v["notes"].as_array_mut().unwrap().push(twin.clone());
    v["notes"].as_array_mut().unwrap().push(twin);
    fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();

    let s = Store::open(&path).unwrap();
    let notes = &s.notes().notes;
    assert_eq!(
        notes.len(),
        2,
        "identical twins collapse, different ones stay"
    );
    let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
    assert!(texts.contains(&"ours") && texts.contains(&"theirs"));
    assert_eq!(notes.iter().filter(|n| n.conflict_of.is_some()).count(), 1);
}

#[cfg(unix)]
#[test]
fn a_linked_notes_file_is_saved_through_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("repo").join("notes.json");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    Store::open(&real).unwrap().save().unwrap();
    let link = dir.path().join("notes-link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut s = Store::open(&link).unwrap();
    s.notes_mut()
        .add_note(q(8902), "via the link", &[], None)
        .unwrap();
    s.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert!(fs::read_to_string(&real).unwrap().contains("via the link"));
}

#[test]
fn three_notes_under_one_id_get_three_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = notes_path(&dir);
    let mut s = Store::open(&path).unwrap();
    s.notes_mut().add_note(q(8902), "a", &[], None).unwrap();
    s.save().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    let first = v["notes"][0].clone();
    // a, c, b: three texts; a, b, a: two texts, the a's not adjacent.
    for twins in [["c", "b"], ["b", "a"]] {
        let mut w = v.clone();
        for t in twins {
            let mut twin = first.clone();
            twin["text"] = t.into();
            w["notes"].as_array_mut().unwrap().push(twin);
        }
        fs::write(&path, serde_json::to_vec_pretty(&w).unwrap()).unwrap();
        let s = Store::open(&path).unwrap();
        let notes = &s.notes().notes;
        let ids: std::collections::BTreeSet<_> = notes.iter().map(|n| n.id.clone()).collect();
        assert_eq!(ids.len(), notes.len(), "unique ids: {notes:?}");
        let mut texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), notes.len(), "one note per distinct text");
    }
}

#[cfg(unix)]
#[test]
fn a_link_to_a_notes_file_not_yet_created_creates_it_where_it_points() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("repo").join("notes.json");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    let link = dir.path().join("notes.json");
    std::os::unix::fs::symlink("repo/notes.json", &link).unwrap();
    let (mut s, err) = Store::open_or_empty(&link);
    assert!(err.is_none());
    s.notes_mut().add_note(q(8902), "first", &[], None).unwrap();
    s.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&real).unwrap().contains("first"));
}
