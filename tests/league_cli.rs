//! `qreview stats --ministries` and `qreview matrix` in the real binary:
//! the league table ranked and filtered, as text, CSV and JSON; the coding
//! matrix of notes added with `qreview notes add`.

use std::process::{Command, Output};

fn qreview(args: &[&str], notes: Option<&std::path::Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_qreview"));
    c.args(args);
    if let Some(n) = notes {
        c.env("QREVIEW_NOTES", n);
    }
    c.output().expect("run qreview")
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

#[test]
fn league_table_ranked_by_on_time_as_text_csv_and_json() {
    let out = stdout(&qreview(
        &[
            "stats",
            "--ministries",
            "--rank",
            "on-time",
            "--desc",
            "--today",
            "2024-01-01",
        ],
        None,
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Ministries over all questions"));
    assert!(lines[1].starts_with("MINISTRY"));
    let first: Vec<&str> = lines[2..6]
        .iter()
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    assert_eq!(
        first,
        [
            "Défense",
            "Pensions",
            "Premier ministre",
            "ministry unknown"
        ]
    );

    let csv_text = stdout(&qreview(&["stats", "--ministries", "--csv"], None));
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 11);
    let on_time: usize = rows.iter().map(|r| r[3].parse::<usize>().unwrap()).sum();
    assert_eq!(on_time, 4);

    let json: serde_json::Value = serde_json::from_str(&stdout(&qreview(
        &["stats", "--ministries", "--json"],
        None,
    )))
    .unwrap();
    let ae = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ministry"] == "Affaires étrangères")
        .unwrap();
    assert_eq!(ae["median_late_working_days"], 181.0);
    assert_eq!(ae["p90_days"], 293);
}

#[test]
fn league_table_filters() {
    let none = stdout(&qreview(
        &["stats", "--ministries", "--legislature", "4"],
        None,
    ));
    assert_eq!(none.lines().count(), 2, "{none}");
    assert!(none.contains("legislature 4"));
    let family = stdout(&qreview(
        &[
            "stats",
            "--ministries",
            "--family",
            "5-8910",
            "--from",
            "2013-04-30",
            "--to",
            "2013-04-30",
            "--json",
        ],
        None,
    ));
    let v: serde_json::Value = serde_json::from_str(&family).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 11);
    let bad = qreview(&["stats", "--ministries", "--family", "nope"], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn matrix_of_tagged_notes() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.json");
    for (part, tags) in [
        ("1", vec!["--tag", "figures"]),
        ("2", vec!["--tag", "evasive", "--tag", "figures"]),
    ] {
        let mut args = vec!["notes", "add", "5-8902", "a note", "--part", part];
        args.extend(tags);
        stdout(&qreview(&args, Some(&notes)));
    }
    let out = stdout(&qreview(&["matrix"], Some(&notes)));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["MINISTRY", "evasive", "figures"]
    );
    assert!(lines[1].starts_with("Affaires étrangères"));
    assert_eq!(
        lines[1].split_whitespace().skip(2).collect::<Vec<_>>(),
        ["1/1", "2/1"]
    );

    let csv_text = stdout(&qreview(&["matrix", "--csv"], Some(&notes)));
    assert!(csv_text.starts_with("ministry,tag,notes,questions,question_tags,note_ids\r\n"));
    assert_eq!(csv_text.lines().count(), 3);

    let v: serde_json::Value =
        serde_json::from_str(&stdout(&qreview(&["matrix", "--json"], Some(&notes)))).unwrap();
    assert_eq!(v["tags"], serde_json::json!(["evasive", "figures"]));
    assert_eq!(v["cells"][0][1]["notes"].as_array().unwrap().len(), 2);

    let filtered = stdout(&qreview(&["matrix", "--legislature", "4"], Some(&notes)));
    assert!(filtered.starts_with("no tagged notes"), "{filtered}");
}
