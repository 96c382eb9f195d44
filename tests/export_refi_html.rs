//! The REFI-QDA (.qdpx) and HTML exports on the embedded corpus with notes
//! of our own (hostile text included): the project validates against the
//! REFI-QDA Project.xsd (`xmllint`), keeps the schema's element order,
//! required attributes and GUID pattern, and every selection's text is its
//! note's quote; the HTML report parses, escapes what it shows, fetches
//! nothing, and renders in headless Chromium to a page that is not blank.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use qreview::corpus::{Corpus, QuestionId, embedded};
use qreview::export::{self, Filter, Format};
use qreview::notes::{Field, NotesFile, ReviewStatus, Verdict, anchor};
use quick_xml::Reader;
use quick_xml::events::Event;

const XSD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/refi/Project-mrt2019.xsd"
);
const HOSTILE: &str = "</PlainTextContent><script>alert(1)</script> & ]]> \u{1b}[2J \"q\" 'a'";

fn id(n: u32) -> QuestionId {
    QuestionId::senate(5, n)
}

fn notes(corpus: &Corpus) -> NotesFile {
    let mut f = NotesFile::default();
    let q = corpus.get(id(8902)).unwrap();
    let a4 = anchor::for_part(q, Field::Answer, "4").unwrap();
    f.add_note(
        id(8902),
        HOSTILE,
        &["evasive".into(), "<b>x</b>".into()],
        Some(a4),
    )
    .unwrap();
    let a1 = anchor::for_part(q, Field::Answer, "1").unwrap();
    f.add_note(
        id(8902),
        "Says nothing about reach.",
        &["evasive".into()],
        Some(a1),
    )
    .unwrap();
    let q1 = anchor::for_part(q, Field::Question, "1").unwrap();
    f.add_note(
        id(8902),
        "The question's first part.",
        &["social media".into()],
        Some(q1),
    )
    .unwrap();
    f.add_note(id(8904), "no passage", &[], None).unwrap();
    f.set_status(id(8902), ReviewStatus::Reviewed);
    f.set_verdict(id(8902), Some(Verdict::Partial));
    f.tag_question(id(8902), "slow").unwrap();
    f
}

fn filter() -> Filter {
    Filter {
        today: Some(jiff::civil::date(2026, 1, 1)),
        analyst: Some("Ana <Lyst>".into()),
        ..Filter::default()
    }
}

/// The zip's files by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).expect("UTF-8 member");
        files.insert(f.name().to_string(), s);
    }
    files
}

fn qdpx(corpus: &Corpus, f: &NotesFile) -> BTreeMap<String, String> {
    unzip(&export::render_bytes(Format::Qdpx, corpus, f, &filter()).unwrap())
}

/// One element of the parsed project: name, attributes, children, text.
#[derive(Debug, Default, Clone)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<El>,
    text: String,
}

impl El {
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.all(name, out);
        }
    }
    fn find(&self, name: &str) -> Vec<&El> {
        let mut v = Vec::new();
        self.all(name, &mut v);
        v
    }
    fn names(&self) -> Vec<&str> {
        self.children.iter().map(|c| c.name.as_str()).collect()
    }
}

fn parse(xml: &str) -> El {
    let mut r = Reader::from_str(xml);
    let mut stack = vec![El::default()];
    let el = |e: &quick_xml::events::BytesStart| El {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.unescape_value().unwrap().into_owned(),
                )
            })
            .collect(),
        ..El::default()
    };
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(el(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(el(&e)),
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap())
                        .expect("only predefined entities")
                        .to_string(),
                };
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    stack.pop().unwrap().children.remove(0)
}

fn is_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

#[test]
fn qdpx_holds_the_project_and_one_source_per_question() {
    let corpus = embedded::load();
    let files = qdpx(&corpus, &notes(&corpus));
    assert!(files.contains_key("project.qde"));
    let sources: Vec<&String> = files.keys().filter(|k| k.starts_with("sources/")).collect();
    assert_eq!(sources.len(), corpus.questions.len(), "{sources:?}");
    let project = parse(&files["project.qde"]);
    assert_eq!(project.name, "Project");
    assert_eq!(project.attrs["xmlns"], "urn:QDA-XML:project:1.0");
    for s in project.find("TextSource") {
        let path = &s.attrs["plainTextPath"];
        let g = path
            .strip_prefix("internal://")
            .unwrap()
            .strip_suffix(".txt")
            .unwrap();
        assert_eq!(g, s.attrs["guid"]);
        assert!(files.contains_key(&format!("sources/{g}.txt")), "{path}");
    }
    // The social-media lens: a variable per platform named, valued per source.
    let facebook = project
        .find("Variable")
        .into_iter()
        .find(|v| v.attrs["name"] == "Social media: Facebook")
        .expect("a Facebook variable");
    let valued = project
        .find("VariableRef")
        .into_iter()
        .filter(|r| r.attrs["targetGUID"] == facebook.attrs["guid"])
        .count();
    assert!(valued >= 1, "no source carries a Facebook value");
    let user = &project.find("User")[0];
    assert_eq!(user.attrs["name"], "Ana <Lyst>");
}

#[test]
fn qdpx_keeps_the_schema_order_required_attributes_and_guid_pattern() {
    let corpus = embedded::load();
    let project = parse(&qdpx(&corpus, &notes(&corpus))["project.qde"]);
    assert_eq!(
        project.names(),
        ["Users", "CodeBook", "Variables", "Sources", "Notes"]
    );
    let required: [(&str, &[&str]); 8] = [
        ("Project", &["name"]),
        ("User", &["guid"]),
        ("Code", &["guid", "name", "isCodable"]),
        ("Variable", &["guid", "name", "typeOfVariable"]),
        ("TextSource", &["guid"]),
        (
            "PlainTextSelection",
            &["guid", "startPosition", "endPosition"],
        ),
        ("Coding", &["guid"]),
        ("Note", &["guid"]),
    ];
    for (name, attrs) in required {
        let els = project.find(name);
        assert!(!els.is_empty(), "no {name}");
        for e in els {
            for a in attrs {
                assert!(e.attrs.contains_key(*a), "{name} without {a}");
            }
        }
    }
    // A TextSource's children in the schema's order.
    let order = [
        "Description",
        "PlainTextContent",
        "PlainTextSelection",
        "Coding",
        "NoteRef",
        "VariableValue",
    ];
    for s in project.find("TextSource") {
        let ranks: Vec<usize> = s
            .names()
            .iter()
            .map(|n| {
                order
                    .iter()
                    .position(|o| o == n)
                    .unwrap_or_else(|| panic!("{n}"))
            })
            .collect();
        assert!(ranks.is_sorted(), "{:?}", s.names());
    }
    let mut guids = 0;
    let mut all = Vec::new();
    fn walk<'a>(e: &'a El, out: &mut Vec<&'a El>) {
        out.push(e);
        e.children.iter().for_each(|c| walk(c, out));
    }
    walk(&project, &mut all);
    for e in all {
        for (k, v) in &e.attrs {
            if k == "guid" || k == "targetGUID" || k.ends_with("UserGUID") || k.ends_with("User") {
                assert!(is_guid(v), "{}@{k}={v}", e.name);
                guids += 1;
            }
        }
    }
    assert!(guids > 100, "{guids}");
    // Every reference points at something defined.
    let defined: Vec<&str> = project
        .find("Code")
        .into_iter()
        .chain(project.find("Note"))
        .chain(project.find("Variable"))
        .map(|e| e.attrs["guid"].as_str())
        .collect();
    for r in project
        .find("CodeRef")
        .into_iter()
        .chain(project.find("NoteRef"))
        .chain(project.find("VariableRef"))
    {
        assert!(
            defined.contains(&r.attrs["targetGUID"].as_str()),
            "{:?}",
            r.attrs
        );
    }
}

#[test]
fn every_selection_is_its_notes_quote_in_code_points() {
    let corpus = embedded::load();
    let f = notes(&corpus);
    let files = qdpx(&corpus, &f);
    let project = parse(&files["project.qde"]);
    let quotes: BTreeMap<String, String> = f
        .notes
        .iter()
        .filter_map(|n| {
            Some((
                qreview::export::qdpx::guid("note", &n.id.to_string()),
                n.anchor.as_ref()?.quote.clone(),
            ))
        })
        .collect();
    let mut checked = 0;
    for s in project.find("TextSource") {
        let text = &files[&format!("sources/{}.txt", s.attrs["guid"])];
        for sel in s.children.iter().filter(|c| c.name == "PlainTextSelection") {
            let start: usize = sel.attrs["startPosition"].parse().unwrap();
            let end: usize = sel.attrs["endPosition"].parse().unwrap();
            let got: String = text.chars().skip(start).take(end - start).collect();
            let note = &sel.find("NoteRef")[0].attrs["targetGUID"];
            assert_eq!(&got, &quotes[note]);
            checked += 1;
        }
    }
    // Three anchored notes; accented French before them makes bytes ≠ chars.
    assert_eq!(checked, 3);
    assert!(files.values().any(|t| t.contains("’")));
    // The hostile note survives as text, its tags as codes.
    let texts: Vec<&str> = project
        .find("PlainTextContent")
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("</PlainTextContent><script>") && t.contains("␛[2J")),
        "{texts:?}"
    );
    let codes: Vec<&str> = project
        .find("Code")
        .iter()
        .map(|e| e.attrs["name"].as_str())
        .collect();
    assert_eq!(codes, ["<b>x</b>", "evasive", "slow", "social media"]);
}

#[test]
fn code_guids_come_from_the_tag_name_so_two_exports_agree() {
    let corpus = embedded::load();
    let a = parse(&qdpx(&corpus, &notes(&corpus))["project.qde"]);
    let mut other = NotesFile::default();
    other
        .add_note(id(8900), "elsewhere", &["evasive".into()], None)
        .unwrap();
    let b = parse(&qdpx(&corpus, &other)["project.qde"]);
    let guid_of = |p: &El, name: &str| {
        p.find("Code")
            .into_iter()
            .find(|c| c.attrs["name"] == name)
            .map(|c| c.attrs["guid"].clone())
    };
    assert_eq!(guid_of(&a, "evasive"), guid_of(&b, "evasive"));
    assert!(guid_of(&a, "evasive").is_some());
    assert_ne!(guid_of(&a, "evasive"), guid_of(&a, "slow"));
}

fn tool(name: &str) -> bool {
    Command::new(name).arg("--version").output().is_ok()
}

#[test]
fn qdpx_validates_against_the_refi_qda_project_schema() {
    assert!(
        tool("xmllint"),
        "xmllint is missing: install libxml2-utils (.ci/run does)"
    );
    let corpus = embedded::load();
    let dir = tempfile::tempdir().unwrap();
    let check = |f: &NotesFile, name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, &qdpx(&corpus, f)["project.qde"]).unwrap();
        Command::new("xmllint")
            .args(["--noout", "--schema", XSD])
            .arg(&path)
            .output()
            .unwrap()
    };
    let out = check(&notes(&corpus), "project.qde");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let empty = check(&NotesFile::default(), "empty.qde");
    assert!(
        empty.status.success(),
        "{}",
        String::from_utf8_lossy(&empty.stderr)
    );
    // The validator is not a rubber stamp: a misordered project fails.
    let bad = dir.path().join("bad.qde");
    let text = qdpx(&corpus, &notes(&corpus))["project.qde"].replacen(
        "<Users>",
        "<Notes><Note guid=\"00000000-0000-0000-0000-000000000000\"/></Notes><Users>",
        1,
    );
    std::fs::write(&bad, text).unwrap();
    let out = Command::new("xmllint")
        .args(["--noout", "--schema", XSD])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
}

fn html(corpus: &Corpus, f: &NotesFile) -> String {
    export::render(Format::Html, corpus, f, &filter()).unwrap()
}

#[test]
fn html_report_has_charts_tables_and_highlighted_passages() {
    use scraper::{Html, Selector};
    let corpus = embedded::load();
    let f = notes(&corpus);
    let page = html(&corpus, &f);
    let doc = Html::parse_document(&page);
    let count = |sel: &str| doc.select(&Selector::parse(sel).unwrap()).count();
    assert_eq!(count("svg.gantt"), 1);
    assert!(count("svg.gantt rect.bar") >= 10);
    assert!(count("svg.gantt path.deadline") >= 10);
    assert_eq!(count("svg.league"), 1);
    assert!(count("table.league tr") > 10);
    assert_eq!(count("table.coding"), 1);
    let platforms: String = doc
        .select(&Selector::parse("table.platforms tr").unwrap())
        .next()
        .expect("the social-media table")
        .text()
        .collect();
    assert!(
        platforms.contains("Facebook") && platforms.contains("Twitter"),
        "{platforms}"
    );
    assert_eq!(count("mark"), 3);
    assert_eq!(count("div.note"), 4);
    let league_heads: Vec<String> = doc
        .select(&Selector::parse("table.league th").unwrap())
        .map(|e| e.text().collect())
        .collect();
    assert!(league_heads.len() >= 8, "{league_heads:?}");
    // The coding matrix counts 5-8902's two evasive passages.
    let coding: String = doc
        .select(&Selector::parse("table.coding").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        coding.contains("evasive") && coding.contains("Affaires étrangères"),
        "{coding}"
    );
    // A highlighted passage is its note's quote.
    for m in doc.select(&Selector::parse("mark").unwrap()) {
        let nid = m.value().attr("data-note").unwrap();
        let note = f.notes.iter().find(|n| n.id.to_string() == nid).unwrap();
        assert_eq!(
            m.text().collect::<String>(),
            note.anchor.as_ref().unwrap().quote
        );
    }
}

#[test]
fn html_report_escapes_hostile_text_and_fetches_nothing() {
    use scraper::{Html, Selector};
    let corpus = embedded::load();
    let page = html(&corpus, &notes(&corpus));
    let doc = Html::parse_document(&page);
    let count = |sel: &str| doc.select(&Selector::parse(sel).unwrap()).count();
    assert_eq!(count("script"), 0);
    assert_eq!(count("img, link, iframe, object, embed"), 0);
    assert_eq!(count("b > b, th b"), 0, "a tag name became markup");
    assert!(!page.contains('\u{1b}'));
    assert!(!page.contains("src=") && !page.contains("href=\"http") && !page.contains("url("));
    let notes_text: String = doc
        .select(&Selector::parse("div.notes").unwrap())
        .flat_map(|e| e.text())
        .collect();
    assert!(
        notes_text.contains("</PlainTextContent><script>alert(1)</script> & ]]> ␛[2J"),
        "{notes_text}"
    );
    assert!(notes_text.contains("<b>x</b>"));
}

/// The share of pixels that are not near-white, and whether the chart blue
/// (#5b8fd6) is among them.
fn ink(png_path: &Path) -> (f64, bool) {
    let decoder = png::Decoder::new(std::fs::File::open(png_path).unwrap());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let px = &buf[..info.buffer_size()];
    let (mut inked, mut blue, mut total) = (0usize, false, 0usize);
    for p in px.chunks(channels) {
        total += 1;
        if p[0] < 240 || p[1] < 240 || p[2] < 240 {
            inked += 1;
        }
        if p[0].abs_diff(0x5b) < 8 && p[1].abs_diff(0x8f) < 8 && p[2].abs_diff(0xd6) < 8 {
            blue = true;
        }
    }
    (inked as f64 / total as f64, blue)
}

#[test]
fn html_report_renders_in_headless_chromium_without_console_errors() {
    assert!(
        tool("chromium"),
        "chromium is missing: install Debian's chromium (.ci/run does)"
    );
    let corpus = embedded::load();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, html(&corpus, &notes(&corpus))).unwrap();
    let shot = dir.path().join("shot.png");
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
        ])
        .args([
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1200,1600",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    let console: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("net::ERR"))
        .collect();
    assert!(console.is_empty(), "{console:?}");
    let (share, blue) = ink(&shot);
    assert!(share > 0.02, "the page looks blank ({share})");
    assert!(blue, "no chart bar drawn");
}
