//! The shell commands as a user runs them: exit codes, text and the JSON contract.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn qreview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(args: &[&str]) -> Value {
    let o = qreview(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

const LIST_FIELDS: [&str; 21] = [
    "id",
    "legislature",
    "number",
    "title",
    "author",
    "party",
    "addressee",
    "ministry",
    "asked_in",
    "descriptors",
    "events",
    "siblings",
    "days_to_answer",
    "deadline",
    "deadline_source",
    "late_working_days",
    "timeliness",
    "links",
    "id_inferred",
    "source",
    "origin",
];

#[test]
fn check_prints_report_and_summary() {
    let o = qreview(&["check"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.ends_with("11 questions, 1 family, 1 answer, 2 warnings, 0 errors\n"),
        "{out}"
    );
    assert!(out.contains("embedded:assets/000_2da824b8edb94aec.txt:1: warning: no id in the document; inferred 5-8902"));

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.json"), "{ nope").unwrap();
    let o = qreview(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("broken.json:1: error: not valid JSON"));
}

#[test]
fn list_text_and_json() {
    let o = qreview(&["list"]);
    let out = stdout(&o);
    let line = out.lines().find(|l| l.starts_with("5-8902")).unwrap();
    let cols: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        cols,
        [
            "5-8902",
            "Affaires",
            "étrangères",
            "2013-04-30",
            "2014-02-17",
            "293",
            "1"
        ]
    );

    let v = json(&["list", "--json"]);
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 11);
    for item in items {
        for field in LIST_FIELDS {
            assert!(item.get(field).is_some(), "list item lacks {field}");
        }
        assert!(item.get("question").is_none() && item.get("answer").is_none());
    }
    let q = items.iter().find(|i| i["id"] == "5-8904").unwrap();
    assert_eq!(q["days_to_answer"], 8);
    assert_eq!(q["legislature"], 5);
    assert_eq!(q["number"], 8904);
}

#[test]
fn show_json_is_the_contract() {
    let q = json(&["show", "5-8902", "--json"]);
    for field in LIST_FIELDS.iter().chain(&["question", "answer"]) {
        assert!(q.get(*field).is_some(), "show lacks {field}");
    }
    assert_eq!(q["id"], "5-8902");
    assert_eq!(q["id_inferred"], true);
    assert_eq!(q["author"], "Martine Taelman");
    assert_eq!(q["party"], "Open Vld");
    assert_eq!(q["asked_in"], "nl");
    assert_eq!(q["descriptors"].as_array().unwrap().len(), 5);
    assert_eq!(
        q["events"][0],
        serde_json::json!({"date": "2013-04-30", "kind": "sent", "label": "Envoi question"})
    );
    assert_eq!(q["events"][1]["kind"], "reminder");
    assert_eq!(
        q["events"][2],
        serde_json::json!({"date": "2014-02-17", "kind": "answer", "label": "Réponse"})
    );
    assert_eq!(q["siblings"].as_array().unwrap().len(), 18);
    assert_eq!(q["question"]["parts"].as_array().unwrap().len(), 4);
    assert_eq!(q["question"]["parts"][0]["label"], "1)");
    assert_eq!(q["answer"]["boundary"], "inferred");
    assert_eq!(q["answer"]["parts"][3]["label"], "4.");
    assert_eq!(q["days_to_answer"], 293);
    // No deadline stated on the page: the Senate rule's, twenty working days.
    assert_eq!(q["deadline"], "2013-05-31");
    assert_eq!(q["deadline_source"], "computed");
    assert_eq!(q["timeliness"], "late");
    assert_eq!(q["late_working_days"], 181);
    assert_eq!(q["links"], serde_json::json!([]));
    assert_eq!(q["source"], "be-senate");
    assert_eq!(
        q["origin"]["path"],
        "embedded:assets/000_2da824b8edb94aec.txt"
    );
    assert_eq!(q["origin"]["first_line"], 1);

    let sibling = json(&["show", "5-8905", "--json"]);
    assert_eq!(sibling["answer"], Value::Null);
    let text = stdout(&qreview(&["show", "5-8905"]));
    assert!(
        text.contains("answered on 2013-10-18, text not in this corpus"),
        "{text}"
    );
}

#[test]
fn show_unknown_id_is_a_usage_error() {
    let o = qreview(&["show", "5-1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("question 5-1 is not in this corpus"));
    let o = qreview(&["show", "banana"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn stats_per_family() {
    let v = json(&["stats", "--json"]);
    let f = &v[0];
    assert_eq!(f["family"], "5-8900");
    assert_eq!(f["members"].as_array().unwrap().len(), 19);
    assert_eq!(f["fastest"], serde_json::json!({"id": "5-8904", "days": 8}));
    assert_eq!(
        f["slowest"],
        serde_json::json!({"id": "5-8902", "days": 293})
    );
    let text = stdout(&qreview(&["stats"]));
    assert!(
        text.contains(
            "fastest: 5-8904 Pensions, 8 days · slowest: 5-8902 Affaires étrangères, 293 days"
        ),
        "{text}"
    );
    assert!(text.contains("5-8907   (not in corpus)"));
    assert!(text.contains("reminded 2 (5-8902, 5-8906)"), "{text}");
}

#[test]
fn import_writes_a_corpus_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus.json");
    let layouts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts");
    let args = [
        "import",
        layouts.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    assert!(qreview(&args).status.success());
    let first = std::fs::read(&out).unwrap();

    let o = qreview(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists; use --force"));
    assert_eq!(std::fs::read(&out).unwrap(), first, "left untouched");

    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(qreview(&forced).status.success());

    // The written corpus loads back to the same questions.
    let from_text = json(&["list", "--json", layouts.to_str().unwrap()]);
    let from_json = json(&["list", "--json", out.to_str().unwrap()]);
    let strip = |v: &Value| -> Vec<Value> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| {
                let mut i = i.clone();
                let fields = i.as_object_mut().unwrap();
                fields.remove("origin");
                fields.remove("format");
                i
            })
            .collect()
    };
    assert_eq!(strip(&from_text), strip(&from_json));
}

#[test]
fn check_on_a_folder_without_questions_says_so_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let o = qreview(&["check", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("no questions found in {}", dir.path().display())),
        "{err}"
    );
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error_for_every_command_and_the_app() {
    let runs: [&[&str]; 6] = [
        &["stat"],
        &["check", "stat"],
        &["list", "stat"],
        &["stats", "stat"],
        &["search", "x", "stat"],
        &["export", "--format", "csv", "stat"],
    ];
    for args in runs {
        let o = qreview(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("stat: no such file or folder"),
            "{args:?}: {err}"
        );
        assert!(o.stdout.is_empty(), "{args:?} printed {:?}", stdout(&o));
    }
}

#[test]
fn search_says_when_limit_cut_the_results_and_when_nothing_matched() {
    let o = qreview(&["search", "sociaux", "--limit", "2"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    // Rows start with an id; a shared passage's siblings follow indented.
    let rows = stdout(&o)
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with(' '))
        .count();
    assert_eq!(rows, 2, "two results");
    let line = err
        .lines()
        .find(|l| l.contains("shown (--limit)"))
        .expect(&err);
    assert!(line.starts_with("2 of "), "{line}");
    let o = qreview(&["search", "zyxwvutsrq"]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stderr).trim(), "no match");
    assert!(o.stdout.is_empty());
}

#[test]
fn a_load_summary_says_1_error_not_1_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.json"), "{ not json").unwrap();
    let o = qreview(&["list", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("1 error, 0 warnings while loading"), "{err}");
}

#[test]
fn lang_puts_every_label_in_one_language() {
    let nl = stdout(&qreview(&["list", "--lang", "nl"]));
    assert!(
        nl.contains("Landsverdediging") && nl.contains("Buitenlandse Zaken"),
        "{nl}"
    );
    assert!(!nl.contains("Défense") && !nl.contains("Affaires"), "{nl}");
    let fr = stdout(&qreview(&["list"]));
    assert!(
        fr.contains("Défense") && fr.contains("Affaires étrangères"),
        "{fr}"
    );
    assert!(!fr.contains("Landsverdediging"), "{fr}");
    // An unknown ministry is written one way.
    assert!(fr.contains("ministry unknown"), "{fr}");
    let show = stdout(&qreview(&["show", "5-8902", "--lang", "nl"]));
    assert!(show.contains("Gebruik van sociale media"), "{show}");
    assert!(show.contains("Ministry:    Buitenlandse Zaken"), "{show}");
    let stats = stdout(&qreview(&["stats", "--ministries", "--lang", "nl"]));
    assert!(stats.contains("Pensioenen"), "{stats}");
    // The JSON stays the data as read, whatever the language.
    let raw = json(&["show", "5-8902", "--json", "--lang", "nl"]);
    assert_eq!(raw["ministry"], "Affaires étrangères");
}
