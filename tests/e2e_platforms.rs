//! End-to-end journey of the Platforms view in the real binary, in a
//! pseudo-terminal: open the view, `Enter` on a cell lands on the passage in
//! the Reader, reject a fact, the table updates; restart and it is still
//! rejected; `qreview platforms --json` says so too. The notes file lives in
//! a temporary folder (`QREVIEW_NOTES`).

mod common;

use common::Session;

#[test]
fn enter_lands_on_the_passage_and_a_rejection_survives_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.json");
    let env = [("QREVIEW_NOTES", notes.to_str().expect("utf-8 path"))];

    let mut s = Session::start(&[], &env);
    s.wait_for(&["5-8902"]);
    s.send("8");
    s.wait_for(&["QUESTION · MINISTRY", "Asked: Ces dernières années"]);
    s.send("jj");
    s.wait_for(&["5-8902 · Facebook: used · Diplomatie.Belgium · 1,565 likes"]);
    s.send("\r");
    s.wait_for(&["Facebook: used · Diplomatie.Belgium", "page Facebook"]);
    s.send("8");
    s.wait_for(&["QUESTION · MINISTRY"]);
    s.send("llll");
    s.wait_for(&["5-8902 · Google+: used"]);
    s.send("x");
    s.wait_for(&["Google+: rejected (saved in the notes)", "· rejected"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let saved = std::fs::read_to_string(&notes).expect("the notes file was written");
    assert!(saved.contains("\"5-8902/googleplus\""), "{saved}");

    let mut s = Session::start(&[], &env);
    s.wait_for(&["5-8902"]);
    s.send("8");
    s.wait_for(&["QUESTION · MINISTRY", "· rejected"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(["platforms", "--json"])
        .env("QREVIEW_NOTES", &notes)
        .output()
        .expect("run qreview platforms");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let row = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["question"] == "5-8902")
        .expect("5-8902's row");
    let used: Vec<&str> = row["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(used, ["facebook", "twitter", "youtube", "vimeo"]);
    assert_eq!(row["rejected"][0]["id"], "googleplus");
    assert_eq!(row["rejected"][0]["correction"], "rejected");
}
