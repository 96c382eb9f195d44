//! The shell journey: `qreview notes add|list|merge` and `qreview export`
//! through the real binary, on the embedded corpus.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn qreview(notes: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .arg("--notes")
        .arg(notes)
        .env_remove("QREVIEW_NOTES")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn add_a_tagged_note_to_part_2_then_export_markdown_shows_it_with_its_quote() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let text = "Counts likes but never evaluates.\nAsk again.";
    let id = stdout(&qreview(
        &notes,
        &["notes", "add", "5-8902", text, "--tag", "x", "--part", "2"],
    ));
    let id = id.trim();
    assert_eq!(id.len(), 21, "{id}");

    let list = stdout(&qreview(&notes, &["notes", "list"]));
    assert!(list.contains(id) && list.contains("5-8902") && list.contains("answer 2."));
    assert!(list.contains("Affaires étrangères") && list.contains("Counts likes"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&qreview(&notes, &["notes", "list", "--json"]))).unwrap();
    assert_eq!(json[0]["id"], id);
    assert_eq!(json[0]["anchor"]["part"], "2.");
    assert_eq!(json[0]["anchor_state"], "exact");

    let md = stdout(&qreview(&notes, &["export", "--format", "markdown"]));
    assert!(
        md.contains("## Family 5-8900: Services publics fédéraux"),
        "{md}"
    );
    assert!(md.contains(
        "| 5-8902 | Affaires étrangères | 2013-04-30 | 2014-02-17 | 293 | 1 (2013-12-18) |"
    ));
    assert!(md.contains("### 5-8902 · Affaires étrangères"));
    assert!(md.contains(&format!("#### Note {id} · answer, part 2. · tags: x")));
    assert!(md.contains(
        "\n> a. Depuis le lancement officiel de notre page Facebook, nous avons 1 565 likes"
    ));
    assert!(md.contains("Counts likes but never evaluates.\\\nAsk again.\n"));
}

#[test]
fn environment_variable_chooses_the_notes_file() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("env-notes.json");
    let out = Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(["notes", "add", "5-8904", "via env"])
        .env("QREVIEW_NOTES", &notes)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&notes.display().to_string()));
    assert!(fs::read_to_string(&notes).unwrap().contains("via env"));
}

#[test]
fn csv_export_neutralises_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    for (text, tag) in [
        ("=HYPERLINK(\"http://x\",\"click\")", "@risk"),
        ("+1", "-dash"),
        ("\tTabbed\nsecond line", "plain"),
        ("plain text, with comma \"and quotes\"", "+plus"),
    ] {
        let notes_arg = format!("--notes={}", notes.display());
        let tag = format!("--tag={tag}");
        let o = Command::new(env!("CARGO_BIN_EXE_qreview"))
            .args(["notes", "add", &notes_arg, &tag, "--", "5-8904", text])
            .output()
            .unwrap();
        stdout(&o);
    }
    let csv_text = stdout(&qreview(&notes, &["export", "--format", "csv"]));
    assert!(csv_text.starts_with(
        "question,ministry,sent,answered,days,reminders,deadline,deadline_source,timeliness,late_working_days,status,verdict,question_tags,\
         part,tags,quote,note,created,updated,note_id,platforms\r\n"
    ));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    for row in &rows {
        assert_eq!(&row[0], "5-8904");
        assert_eq!(&row[1], "Pensions");
        // 5-8904 answered 8/5/2013, before the Senate's computed deadline.
        assert_eq!(&row[6], "2013-05-31");
        assert_eq!(&row[7], "computed");
        assert_eq!(&row[8], "on_time");
        assert_eq!(&row[9], "0");
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
    // The figures of 5-8904 on every row.
    for row in &rows {
        assert_eq!(
            (&row[2], &row[3], &row[4], &row[5]),
            ("2013-04-30", "2013-05-08", "8", "0")
        );
    }
    let cells: Vec<(&str, &str)> = rows.iter().map(|r| (&r[16], &r[14])).collect();
    assert!(cells.contains(&("'=HYPERLINK(\"http://x\",\"click\")", "'@risk")));
    assert!(cells.contains(&("'+1", "'-dash")));
    assert!(cells.contains(&("'    Tabbed\nsecond line", "plain")));
    assert!(cells.contains(&("plain text, with comma \"and quotes\"", "'+plus")));
}

#[test]
fn export_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    stdout(&qreview(&notes, &["notes", "add", "5-8902", "a note"]));
    let out = dir.path().join("export.json");
    fs::write(&out, b"precious").unwrap();
    let o = qreview(
        &notes,
        &["export", "--format", "json", "-o", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(fs::read(&out).unwrap(), b"precious");
    let o = qreview(
        &notes,
        &[
            "export",
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("wrote json export of 1 note(s)"));
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["format"], "qreview-export");
    let q = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "5-8902")
        .unwrap();
    assert_eq!(q["ministry"], "Affaires étrangères");
    assert_eq!(q["days_to_answer"], 293);
    assert_eq!(q["deadline"], "2013-05-31");
    assert_eq!(q["deadline_source"], "computed");
    assert_eq!(q["timeliness"], "late");
    assert_eq!(q["late_working_days"], 181);
    assert_eq!(q["notes"][0]["text"], "a note");
    // A new file needs no --force.
    let fresh = dir.path().join("fresh.md");
    let o = qreview(
        &notes,
        &[
            "export",
            "--format",
            "markdown",
            "-o",
            fresh.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    assert!(fs::read_to_string(&fresh).unwrap().contains("a note"));
}

#[test]
fn export_filters_by_tag_question_and_family() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    stdout(&qreview(
        &notes,
        &["notes", "add", "5-8902", "tagged one", "--tag", "follow-up"],
    ));
    stdout(&qreview(
        &notes,
        &["notes", "add", "5-8904", "untagged one"],
    ));
    let md = stdout(&qreview(
        &notes,
        &["export", "--format", "markdown", "--tag", "follow-up"],
    ));
    assert!(md.contains("tagged one") && !md.contains("untagged one"));
    assert!(md.contains("| 5-8902 |") && !md.contains("| 5-8904 |"));
    let md = stdout(&qreview(
        &notes,
        &["export", "--format", "markdown", "--question", "5-8904"],
    ));
    assert!(md.contains("untagged one") && !md.contains("\ntagged one\n"));
    let md = stdout(&qreview(
        &notes,
        &["export", "--format", "markdown", "--family", "5-8910"],
    ));
    assert!(md.contains("tagged one") && md.contains("untagged one"));
    let o = qreview(&notes, &["export", "--format", "csv", "--family", "5-1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("5-1 is not in this corpus"));
}

#[test]
fn unknown_part_or_question_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let o = qreview(&notes, &["notes", "add", "5-8902", "x", "--part", "9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no answer part `9` (parts: 1. 2. 3. 4.)"));
    let o = qreview(&notes, &["notes", "add", "5-1", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!notes.exists());
}

#[test]
fn corrupt_notes_file_stops_the_commands_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    fs::write(&notes, b"{ not json").unwrap();
    for args in [
        &["notes", "add", "5-8902", "x"][..],
        &["notes", "list"][..],
        &["export", "--format", "csv"][..],
    ] {
        let o = qreview(&notes, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&notes.display().to_string()) && err.contains("left untouched"),
            "{err}"
        );
    }
    assert_eq!(fs::read(&notes).unwrap(), b"{ not json");
}

#[test]
fn merge_a_colleagues_file_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.json");
    let theirs = dir.path().join("theirs.json");
    let shared = stdout(&qreview(&mine, &["notes", "add", "5-8902", "shared"]));
    fs::copy(&mine, &theirs).unwrap();
    // The colleague edits the shared note by hand and adds one.
    let edited = fs::read_to_string(&theirs)
        .unwrap()
        .replace("\"shared\"", "\"shared, their words\"");
    fs::write(&theirs, edited).unwrap();
    stdout(&qreview(
        &theirs,
        &["notes", "add", "5-8905", "theirs only"],
    ));
    stdout(&qreview(&mine, &["notes", "add", "5-8906", "mine only"]));
    // Our copy of the shared note changes too: a conflict.
    let mine_text = fs::read_to_string(&mine)
        .unwrap()
        .replace("\"shared\"", "\"shared, my words\"");
    fs::write(&mine, mine_text).unwrap();

    let o = qreview(&mine, &["notes", "merge", theirs.to_str().unwrap()]);
    let report = stdout(&o);
    assert!(report.contains("1 added"), "{report}");
    assert!(
        report.contains("edited on both sides, both versions kept"),
        "{report}"
    );
    let list = stdout(&qreview(&mine, &["notes", "list", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    let texts: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    for t in [
        "shared, my words",
        "shared, their words",
        "theirs only",
        "mine only",
    ] {
        assert!(texts.contains(&t), "{t} missing from {texts:?}");
    }
    let copy = v
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["text"] == "shared, their words")
        .unwrap();
    assert_eq!(copy["conflict_of"], shared.trim());
}

#[test]
fn csv_export_has_reviewed_questions_without_notes_and_tag_selects_notes() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    let mut file = qreview::notes::NotesFile::default();
    let q = |n| qreview::corpus::QuestionId::senate(5, n);
    file.add_note(q(8902), "slow and vague", &["evasive".into()], None)
        .unwrap();
    file.add_note(q(8902), "counts likes", &["figures".into()], None)
        .unwrap();
    file.set_verdict(q(8904), Some(qreview::notes::Verdict::Complete));
    file.tag_question(q(8906), "evasive").unwrap();
    fs::write(&notes, qreview::notes::file::to_bytes(&file)).unwrap();

    let all = stdout(&qreview(&notes, &["export", "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(all.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids, ["5-8902", "5-8902", "5-8904", "5-8906"], "{all}");
    // 5-8904: a verdict and no note still makes a row, with its figures.
    let r = &rows[2];
    assert_eq!((&r[4], &r[11], &r[16]), ("8", "complete", ""));
    // 5-8902: the reminder and the figures.
    assert_eq!((&rows[0][4], &rows[0][5]), ("293", "1"));

    let tagged = stdout(&qreview(
        &notes,
        &["export", "--format", "csv", "--tag", "evasive"],
    ));
    let mut reader = csv::Reader::from_reader(tagged.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (&r[0], &r[12], &r[16])).collect();
    assert_eq!(
        got,
        [("5-8902", "", "slow and vague"), ("5-8906", "evasive", "")],
        "the note carrying the tag, and the question tagged: {tagged}"
    );
}
