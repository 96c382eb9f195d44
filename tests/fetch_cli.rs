//! `qreview fetch` end to end: the real binary against a local HTTP server
//! on 127.0.0.1 serving fixture records and pages, including every failure
//! a real server shows (429 with Retry-After, 500, cut bodies, slow answers,
//! 404), the rate limit, resuming, `--refresh` and Ctrl-C. Nothing here
//! reaches the internet.

mod common;
mod fetch_support;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use fetch_support::{Reply, Server, fixture};

const IDS: [u64; 5] = [1701001, 1701002, 1701003, 1701004, 1701005];

/// The detail record of `id` exactly as the fixture holds it.
fn detail(id: u64) -> Vec<u8> {
    fixture(&format!("uk/{id}.json"))
}

/// A list page as the API serves it: the records of `ids` with `answerText`
/// shortened to 60 characters and "...", and the total.
fn list_page(ids: &[u64], total: usize) -> Vec<u8> {
    let results: Vec<serde_json::Value> = ids
        .iter()
        .map(|&id| {
            let mut rec: serde_json::Value = serde_json::from_slice(&detail(id)).unwrap();
            let answer = rec["value"]["answerText"].as_str().unwrap().to_string();
            let short: String = answer.chars().take(60).collect();
            rec["value"]["answerText"] = format!("{short}...").into();
            rec
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({"totalResults": total, "results": results})).unwrap()
}

/// The query parameter `name` of a request target.
fn param<'a>(target: &'a str, name: &str) -> Option<&'a str> {
    let query = target.split_once('?')?.1;
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == name).then_some(v)
    })
}

/// The UK API over the five fixture records, `take` from the query;
/// `special(target, n)` may answer first.
fn uk_server(special: impl Fn(&str, usize) -> Option<Reply> + Send + Sync + 'static) -> Server {
    Server::start(move |target, n| {
        if let Some(reply) = special(target, n) {
            return reply;
        }
        let path = target.split('?').next().unwrap_or("");
        if path == "/api/q" {
            let skip: usize = param(target, "skip")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let take: usize = param(target, "take")
                .and_then(|s| s.parse().ok())
                .unwrap_or(20);
            let ids: Vec<u64> = IDS.iter().copied().skip(skip).take(take).collect();
            return Reply::json(list_page(&ids, IDS.len()));
        }
        match path
            .strip_prefix("/api/q/")
            .and_then(|id| id.parse::<u64>().ok())
        {
            Some(id) if IDS.contains(&id) => Reply::json(detail(id)),
            _ => Reply::status(404),
        }
    })
}

/// `qreview fetch ARGS` with short timeouts and backoffs so failures are quick.
fn fetch(args: &[&str]) -> Output {
    let mut all = vec!["fetch"];
    all.extend_from_slice(args);
    let fast = [
        ("--rate", "200"),
        ("--timeout", "1s"),
        ("--retries", "2"),
        ("--backoff", "20ms"),
    ];
    // A test may give its own value for any of these.
    for (flag, value) in fast {
        if !args.contains(&flag) {
            all.extend([flag, value]);
        }
    }
    Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(&all)
        .stdin(Stdio::null())
        .output()
        .expect("run qreview")
}

fn uk(server: &Server, dir: &Path, extra: &[&str]) -> Output {
    let base = format!("{}/api/q", server.root);
    let mut args = vec!["uk", "--base-url", &base, "-o", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    fetch(&args)
}

/// Starts `qreview fetch uk` against `server` without waiting for it, for
/// the tests that interrupt a run (its stderr piped, its timeout given).
fn spawn_uk(server: &Server, dir: &Path, timeout: &str) -> std::process::Child {
    let base = format!("{}/api/q", server.root);
    Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(["fetch", "uk", "--base-url", &base, "-o"])
        .arg(dir)
        .args(["--rate", "200", "--timeout", timeout])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start qreview")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The file names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn all_json_names() -> Vec<String> {
    IDS.iter().map(|id| format!("{id}.json")).collect()
}

#[test]
fn uk_pages_through_the_list_then_saves_each_full_record_as_served() {
    let server = uk_server(|_, _| None);
    let dir = tempfile::tempdir().unwrap();
    let out = uk(
        &server,
        dir.path(),
        &[
            "--search",
            "social media",
            "--tabled-from",
            "2024-01-01",
            "--tabled-to",
            "2024-03-31",
            "--answered",
            "answered",
            "--house",
            "commons",
            "--answering-body",
            "17",
            "--answering-body",
            "29",
            "--page-size",
            "2",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(dir.path()), all_json_names());
    for id in IDS {
        let saved = std::fs::read(dir.path().join(format!("{id}.json"))).unwrap();
        assert_eq!(
            saved,
            detail(id),
            "{id} is saved exactly as served, full answer included"
        );
    }
    let lists: Vec<String> = server
        .targets()
        .into_iter()
        .filter(|t| t.starts_with("/api/q?"))
        .collect();
    assert_eq!(lists.len(), 3, "{lists:?}");
    let skips: Vec<&str> = lists.iter().map(|t| param(t, "skip").unwrap()).collect();
    assert_eq!(skips, ["0", "2", "4"]);
    let first = &lists[0];
    for (k, v) in [
        ("searchTerm", "social%20media"),
        ("tabledWhenFrom", "2024-01-01"),
        ("tabledWhenTo", "2024-03-31"),
        ("answered", "Answered"),
        ("house", "Commons"),
        ("take", "2"),
    ] {
        assert_eq!(param(first, k), Some(v), "{k} in {first}");
    }
    assert!(
        first.contains("answeringBodies=17&answeringBodies=29"),
        "{first}"
    );
    for id in IDS {
        assert_eq!(server.count(&format!("/api/q/{id}?expandMember=true")), 1);
    }
    for r in server.requests() {
        assert!(
            r.user_agent
                .starts_with(&format!("qreview/{}", env!("CARGO_PKG_VERSION"))),
            "{:?}",
            r.user_agent
        );
    }
    assert!(
        stderr(&out).contains("fetched 5, skipped 0"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_second_run_skips_what_is_there_and_refresh_fetches_again() {
    let server = uk_server(|_, _| None);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("1701002.json"), detail(1701002)).unwrap();
    let out = uk(&server, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("fetched 4, skipped 1"),
        "{}",
        stderr(&out)
    );
    assert_eq!(server.count("/api/q/1701002"), 0);

    let again = uk(&server, dir.path(), &[]);
    assert!(
        stderr(&again).contains("fetched 0, skipped 5"),
        "{}",
        stderr(&again)
    );
    assert_eq!(server.count("/api/q/"), 4, "nothing fetched twice");

    let refreshed = uk(&server, dir.path(), &["--refresh"]);
    assert!(
        stderr(&refreshed).contains("fetched 5, skipped 0"),
        "{}",
        stderr(&refreshed)
    );
    assert_eq!(server.count("/api/q/"), 9);
}

#[test]
fn a_429_is_retried_after_the_pause_the_server_asked_for() {
    let server = uk_server(|t, n| {
        (t.starts_with("/api/q/1701002") && n == 1)
            .then(|| Reply::status_with(429, "Retry-After", "1"))
    });
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(names(dir.path()), all_json_names());
    let tries: Vec<Instant> = server
        .requests()
        .into_iter()
        .filter(|r| r.target.starts_with("/api/q/1701002"))
        .map(|r| r.at)
        .collect();
    assert_eq!(tries.len(), 2);
    let gap = tries[1] - tries[0];
    assert!(gap >= Duration::from_millis(950), "waited only {gap:?}");
    assert!(stderr(&out).contains("HTTP 429"), "{}", stderr(&out));
}

#[test]
fn a_retry_after_beyond_the_limit_is_a_failure_not_a_long_sleep() {
    let server = uk_server(|t, _| {
        t.starts_with("/api/q/1701003")
            .then(|| Reply::status_with(503, "Retry-After", "3600"))
    });
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &["--max-wait", "2s"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("1701003: the server asked to wait 3600 s"),
        "{err}"
    );
    assert_eq!(server.count("/api/q/1701003"), 1);
    assert_eq!(names(dir.path()).len(), 4);
}

#[test]
fn a_500_then_success_is_retried_and_saved() {
    let server =
        uk_server(|t, n| (t.starts_with("/api/q/1701004") && n == 1).then(|| Reply::status(500)));
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(server.count("/api/q/1701004"), 2);
    assert_eq!(
        std::fs::read(dir.path().join("1701004.json")).unwrap(),
        detail(1701004)
    );
    assert!(
        stderr(&out).contains("HTTP 500 Internal Server Error"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_server_that_keeps_failing_is_given_up_with_the_reason_and_exit_1() {
    let server = uk_server(|t, _| t.starts_with("/api/q/1701005").then(|| Reply::status(500)));
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &["--retries", "3"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        server.count("/api/q/1701005"),
        4,
        "the first try and 3 retries"
    );
    let err = stderr(&out);
    assert!(err.contains("fetched 4, skipped 0"), "{err}");
    assert!(err.contains("failed 1"), "{err}");
    assert!(
        err.contains("1701005: HTTP 500 Internal Server Error after 4 tries"),
        "{err}"
    );
}

#[test]
fn a_cut_short_body_is_never_saved_and_the_next_run_finishes() {
    let broken = uk_server(|t, _| {
        t.starts_with("/api/q/1701003").then(|| {
            let full = detail(1701003);
            Reply::Truncated {
                claimed: full.len(),
                body: full[..full.len() / 2].to_vec(),
            }
        })
    });
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&broken, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1701003: the response was cut short"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        broken.count("/api/q/1701003"),
        3,
        "tried, then retried twice"
    );
    let expected: Vec<String> = all_json_names()
        .into_iter()
        .filter(|n| n != "1701003.json")
        .collect();
    assert_eq!(names(dir.path()), expected, "no partial or temporary file");

    let fixed = uk_server(|_, _| None);
    let out = uk(&fixed, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("fetched 1, skipped 4"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fixed.count("/api/q/"), 1, "{:?}", fixed.targets());
    assert_eq!(names(dir.path()), all_json_names());
}

#[test]
fn a_truncated_body_once_is_retried() {
    let server = uk_server(|t, n| {
        (t.starts_with("/api/q/1701001") && n == 1).then(|| Reply::Truncated {
            body: b"{\"value\":{\"id\":17010".to_vec(),
            claimed: 4000,
        })
    });
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("1701001.json")).unwrap(),
        detail(1701001)
    );
}

#[test]
fn a_slow_answer_past_the_timeout_is_retried() {
    let server = uk_server(|t, n| {
        (t.starts_with("/api/q/1701002") && n == 1).then(|| Reply::Slow {
            delay: Duration::from_secs(3),
            then: Box::new(Reply::json(detail(1701002))),
        })
    });
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = uk(&server, dir.path(), &["--timeout", "400ms"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the slow answer was not awaited"
    );
    assert_eq!(server.count("/api/q/1701002"), 2);
    assert!(
        stderr(&out).contains("no complete answer within 0.4 s"),
        "{}",
        stderr(&out)
    );
    assert_eq!(names(dir.path()), all_json_names());
}

#[test]
fn a_missing_question_fails_at_once_without_retries() {
    let server = uk_server(|t, _| t.starts_with("/api/q/1701004").then(|| Reply::status(404)));
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(server.count("/api/q/1701004"), 1);
    assert!(
        stderr(&out).contains("1701004: HTTP 404"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_detail_that_is_not_the_question_asked_for_is_refused() {
    let server = uk_server(|t, _| {
        t.starts_with("/api/q/1701005")
            .then(|| Reply::json(detail(1701001)))
    });
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1701005: the server sent question 1701001 instead"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("1701005.json").exists());
}

#[test]
fn a_list_page_with_results_null_is_an_empty_list() {
    let server = Server::start(|_, _| Reply::json(r#"{"totalResults": 0, "results": null}"#));
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("fetched 0, skipped 0"),
        "{}",
        stderr(&out)
    );
    assert_eq!(server.targets().len(), 1);
}

#[test]
fn a_broken_list_page_is_a_failure_and_the_ids_listed_before_it_are_fetched() {
    let server = uk_server(|t, _| {
        (t.starts_with("/api/q?") && param(t, "skip") == Some("2"))
            .then(|| Reply::html("<html>maintenance</html>"))
    });
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &["--page-size", "2"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("list page from 2: the list page is not JSON"),
        "{err}"
    );
    assert_eq!(names(dir.path()), ["1701001.json", "1701002.json"]);
}

#[test]
fn requests_keep_to_the_rate() {
    let server = uk_server(|_, _| None);
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &["--rate", "5"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let times: Vec<Instant> = server.requests().into_iter().map(|r| r.at).collect();
    assert_eq!(times.len(), 6, "one list page and five records");
    // 5 per second = one every 200 ms, paced where the client sends. The
    // server sees arrivals, and one request the scheduler held back arrives
    // closer to the next: so each gap only has to show pacing at all (an
    // unpaced client sends within a few ms), and the whole run the rate.
    for pair in times.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= Duration::from_millis(50), "requests {gap:?} apart");
    }
    let span = times[5] - times[0];
    assert!(span >= Duration::from_millis(800), "6 requests in {span:?}");
}

#[test]
fn senate_pages_are_fetched_by_the_url_pattern_and_saved_byte_for_byte() {
    let page = fixture("senate-5-8902.fr.html");
    assert!(
        std::str::from_utf8(&page).is_err(),
        "the fixture is Windows-1252, not UTF-8"
    );
    let served = page.clone();
    let server = Server::start(move |t, _| {
        if t.starts_with("/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=") {
            let mut body = served.clone();
            // Each page differs, so a mix-up of files would show.
            body.extend_from_slice(format!("<!-- {t} -->").as_bytes());
            Reply::html(body)
        } else {
            Reply::status(404)
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let base = format!("{}/www/", server.root);
    let out = fetch(&[
        "senate",
        "5-8901..5-8902",
        "5-8905",
        "--lang",
        "fr,nl",
        "--base-url",
        &base,
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        names(dir.path()),
        [
            "5-8901.fr.html",
            "5-8901.nl.html",
            "5-8902.fr.html",
            "5-8902.nl.html",
            "5-8905.fr.html",
            "5-8905.nl.html"
        ]
    );
    let target = "/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=8902&LANG=fr";
    let mut expected = page.clone();
    expected.extend_from_slice(format!("<!-- {target} -->").as_bytes());
    assert_eq!(
        std::fs::read(dir.path().join("5-8902.fr.html")).unwrap(),
        expected
    );
    assert_eq!(server.count(target), 1);
    assert!(
        stderr(&out).contains("fetched 6, skipped 0"),
        "{}",
        stderr(&out)
    );

    let again = fetch(&[
        "senate",
        "5-8902",
        "--base-url",
        &base,
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(
        stderr(&again).contains("fetched 0, skipped 1"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_bad_senate_reference_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = fetch(&[
        "senate",
        "5-8918..5-8900",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ends before it starts"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_output_folder_that_cannot_be_made_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, b"x").unwrap();
    let target = file.join("out");
    let out = fetch(&[
        "senate",
        "5-8902",
        "-o",
        target.to_str().unwrap(),
        "--base-url",
        "http://127.0.0.1:9/",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot use the output folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ctrl_c_stops_cleanly_and_a_second_run_finishes() {
    let slow = uk_server(|t, _| {
        t.starts_with("/api/q/").then(|| {
            let id: u64 = t["/api/q/".len()..]
                .split('?')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            Reply::Slow {
                delay: Duration::from_millis(300),
                then: Box::new(Reply::json(detail(id))),
            }
        })
    });
    let dir = tempfile::tempdir().unwrap();
    let child = spawn_uk(&slow, dir.path(), "5s");
    let start = Instant::now();
    while names(dir.path())
        .iter()
        .filter(|n| n.ends_with(".json"))
        .count()
        < 2
    {
        assert!(start.elapsed() < Duration::from_secs(30), "no progress");
        std::thread::sleep(Duration::from_millis(10));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(kill.success());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    let left = names(dir.path());
    assert!(left.len() < 5, "stopped before the end: {left:?}");
    for name in &left {
        assert!(name.ends_with(".json") && !name.starts_with('.'), "{name}");
        let id: u64 = name.trim_end_matches(".json").parse().unwrap();
        assert_eq!(
            std::fs::read(dir.path().join(name)).unwrap(),
            detail(id),
            "{name} complete"
        );
    }

    let fast = uk_server(|_, _| None);
    let out = uk(&fast, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "fetched {}, skipped {}",
            5 - left.len(),
            left.len()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(names(dir.path()), all_json_names());
}

#[test]
fn on_a_terminal_a_progress_bar_shows_counts_and_an_estimate() {
    let server = uk_server(|t, _| {
        t.starts_with("/api/q/").then(|| {
            let id: u64 = t["/api/q/".len()..]
                .split('?')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            Reply::Slow {
                delay: Duration::from_millis(250),
                then: Box::new(Reply::json(detail(id))),
            }
        })
    });
    let dir = tempfile::tempdir().unwrap();
    let base = format!("{}/api/q", server.root);
    let mut session = common::Session::start(
        &[
            "fetch",
            "uk",
            "--base-url",
            &base,
            "-o",
            dir.path().to_str().unwrap(),
            "--rate",
            "200",
        ],
        &[],
    );
    let during = session.wait_for(&["/5 (", "new,", "skipped,", "failed)", "left"]);
    assert!(during.contains('█') || during.contains('░'), "{during}");
    let end = session.wait_for(&["fetched 5, skipped 0"]);
    assert_eq!(session.exit_code(), 0);
    assert!(
        !end.contains("left"),
        "the bar is cleared at the end:\n{end}"
    );
}

#[test]
fn ctrl_c_during_a_slow_request_stops_at_once() {
    let server = uk_server(|t, _| {
        t.starts_with("/api/q/").then(|| Reply::Slow {
            delay: Duration::from_secs(20),
            then: Box::new(Reply::status(500)),
        })
    });
    let dir = tempfile::tempdir().unwrap();
    let child = spawn_uk(&server, dir.path(), "60s");
    let start = Instant::now();
    while server.count("/api/q/") == 0 {
        assert!(start.elapsed() < Duration::from_secs(30), "no request");
        std::thread::sleep(Duration::from_millis(10));
    }
    let asked = Instant::now();
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(kill.success());
    let out = child.wait_with_output().expect("wait");
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "took {:?} to stop",
        asked.elapsed()
    );
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("fetched 0, skipped 0"),
        "{}",
        stderr(&out)
    );
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn an_unreachable_server_is_retried_then_reported() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let base = format!("http://127.0.0.1:{port}/www/");
    let out = fetch(&[
        "senate",
        "5-8902",
        "--base-url",
        &base,
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("5-8902 fr: Connection refused"), "{err}");
    assert!(err.contains("after 3 tries"), "{err}");
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn a_server_that_ignores_skip_does_not_make_the_listing_loop() {
    let server = uk_server(|t, _| {
        t.starts_with("/api/q?")
            .then(|| Reply::json(list_page(&IDS[..2], 1_000_000)))
    });
    let dir = tempfile::tempdir().unwrap();
    let out = uk(&server, dir.path(), &["--page-size", "2"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(server.count("/api/q?"), 2, "{:?}", server.targets());
    let err = stderr(&out);
    assert!(
        err.contains("list page from 2: it repeats questions"),
        "{err}"
    );
    assert_eq!(names(dir.path()), ["1701001.json", "1701002.json"]);
}
