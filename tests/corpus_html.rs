//! Senate pages as the Senate serves them (HTML): every text layout fixture
//! has an HTML twin in `tests/fixtures/html` (menus, footers, scripts, nested
//! layout tables, entities, Windows-1252, a BOM, `<base href>`), and the two
//! must give the same question. Bad HTML costs its file, never the load.

use std::borrow::Cow;
use std::path::PathBuf;

use qreview::corpus::load::{self, SourceFile};
use qreview::corpus::{Corpus, Question};
use serde_json::Value;

/// Each text fixture and its HTML twin share a base name.
const TWINS: [&str; 8] = [
    "fr-web-5-8916",
    "nl-web-5-8905",
    "fr-web-extras-8-101",
    "nl-web-extras-8-102",
    "fr-print-5-8913",
    "nl-print-5-8902",
    "bilingual-print-5-8904",
    "stripped-5-8903",
];

fn fixture(dir: &str, name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name)
}

fn load_path(path: PathBuf) -> Corpus {
    load::load_paths(&[path], &|_, _| {})
}

fn only(corpus: &Corpus) -> &Question {
    assert_eq!(corpus.questions.len(), 1, "{:?}", corpus.diagnostics);
    &corpus.questions[0]
}

fn file(path: &str, bytes: impl Into<Vec<u8>>) -> SourceFile {
    SourceFile {
        path: path.to_string(),
        bytes: Cow::Owned(bytes.into()),
    }
}

fn messages(c: &Corpus) -> Vec<String> {
    c.diagnostics.iter().map(ToString::to_string).collect()
}

/// The question as `show --json` prints it, less where it was read from.
fn json_without_source(q: &Question) -> Value {
    let mut v = serde_json::to_value(q).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("origin");
    obj.remove("url");
    v
}

#[test]
fn every_text_layout_and_its_html_twin_give_the_same_question() {
    for name in TWINS {
        let text = load_path(fixture("layouts", &format!("{name}.txt")));
        let html = load_path(fixture("html", &format!("{name}.html")));
        let (t, h) = (only(&text), only(&html));
        assert_eq!(
            json_without_source(h),
            json_without_source(t),
            "{name}: the HTML page and the text page differ"
        );
        // The same diagnostics too (inferred boundaries, repairs), bar the path.
        let norm = |c: &Corpus| -> Vec<String> {
            c.diagnostics
                .iter()
                .map(|d| format!("{:?} {}", d.severity, d.message))
                .collect()
        };
        assert_eq!(norm(&html), norm(&text), "{name}");
        assert!(h.origin.path.ends_with(".html"));
    }
}

#[test]
fn the_page_address_and_html_lines_are_kept() {
    let c = load_path(fixture("html", "fr-web-5-8916.html"));
    let q = only(&c);
    assert_eq!(
        q.url.as_deref(),
        Some("https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=8916&LANG=fr")
    );
    let html = std::fs::read_to_string(fixture("html", "fr-web-5-8916.html")).unwrap();
    let line_of = |needle: &str| 1 + html.lines().position(|l| l.contains(needle)).unwrap();
    assert_eq!(q.origin.first_line, line_of("Version à imprimer bilingue"));
    assert_eq!(q.origin.last_line, line_of("4. R&eacute;ponse de test"));

    // A browser's `saved from url` comment, when there is no `<base>`.
    let c = load_path(fixture("html", "nl-print-5-8902.html"));
    assert_eq!(
        only(&c).url.as_deref(),
        Some("https://senate.be/www/?MIval=Vragen/SVPrint&LEG=5&NR=8902&LANG=nl")
    );
}

#[test]
fn menus_footers_and_scripts_do_not_leak_into_the_question() {
    for name in TWINS {
        let c = load_path(fixture("html", &format!("{name}.html")));
        let q = only(&c);
        let all = serde_json::to_string(q).unwrap();
        for leak in [
            "Accueil",
            "Home",
            "Menu",
            "menu",
            "pied de page",
            "voettekst",
            "injecté",
            "statistique",
            "2020",
            "5-1\"",
            "9-9999",
            "print</p>",
        ] {
            assert!(!all.contains(leak), "{name}: «{leak}» leaked into {all}");
        }
    }
}

#[test]
fn windows_1252_page_with_its_meta_tag() {
    let bytes = std::fs::read(fixture("html", "nl-web-5-8905.html")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is Windows-1252"
    );
    assert!(String::from_utf8_lossy(&bytes).contains("<meta charset=\"windows-1252\">"));
    let c = load_path(fixture("html", "nl-web-5-8905.html"));
    let q = only(&c);
    assert!(q.question.text.contains("FOD Financiën"));
    assert!(
        q.answer.as_ref().unwrap().text.contains("Viscoöperatie"),
        "`&#370;` (not in Windows-1252) decoded, then repaired like the text page"
    );
    assert!(
        messages(&c).iter().all(|m| !m.contains("not valid UTF-8")),
        "a declared encoding is not a fallback: {:?}",
        messages(&c)
    );
}

#[test]
fn a_bom_and_a_utf8_page_declaring_windows_1252() {
    let bytes = std::fs::read(fixture("html", "fr-print-5-8913.html")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "the fixture has a BOM");
    // Re-saved as UTF-8 but keeping an old Latin-1 meta: read as UTF-8, said so.
    let text = String::from_utf8(bytes[3..].to_vec())
        .unwrap()
        .replace("charset=UTF-8", "charset=iso-8859-1");
    let c = load::load_sources(vec![file("x/5-8913.html", text)], &|_, _| {});
    let q = only(&c);
    assert!(q.question.text.contains("médias sociaux"));
    assert!(
        messages(&c).iter().any(|m| m
            .starts_with("x/5-8913.html:1: warning: the page declares windows-1252 but is UTF-8")),
        "{:?}",
        messages(&c)
    );
}

#[test]
fn html_is_found_in_folders_and_by_content() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("layouts/fr-web-5-8916.txt", "a/5-8916.txt"),
        ("html/nl-web-5-8905.html", "a/5-8905.html"),
        ("html/fr-print-5-8913.html", "a/b/5-8913.HTM"),
        // A page saved with a `.txt` name is still HTML.
        ("html/nl-print-5-8902.html", "a/b/5-8902.txt"),
    ] {
        let (dir_part, name) = from.split_once('/').unwrap();
        let dest = dir.path().join(to);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(fixture(dir_part, name), dest).unwrap();
    }
    // And a qreview corpus file: its records merge with the HTML pages.
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("crates/qreview-core/assets/senate-5-8900-family.json"),
        dir.path().join("a/family.json"),
    )
    .unwrap();
    let c = load_path(dir.path().to_path_buf());
    let loaded: Vec<String> = c
        .questions
        .iter()
        .map(|q| format!("{} {}", q.id, q.origin.path.rsplit('/').next().unwrap()))
        .filter(|s| !s.ends_with("family.json"))
        .collect();
    assert_eq!(
        loaded,
        [
            "5-8902 5-8902.txt",
            "5-8905 5-8905.html",
            "5-8913 5-8913.HTM",
            "5-8916 5-8916.txt"
        ]
    );
    assert_eq!(c.error_count(), 0, "{:?}", messages(&c));
    let q = c.get("5-8905".parse().unwrap()).unwrap();
    assert!(q.url.as_deref().unwrap().contains("NR=8905"));
    assert_eq!(c.families[0].members.len(), 19);
    let q = c.get("5-8902".parse().unwrap()).unwrap();
    assert_eq!(q.days_to_answer, Some(293));
}

/// The good part of every bad-input corpus below.
fn good() -> SourceFile {
    file(
        "good/5-8916.html",
        std::fs::read(fixture("html", "fr-web-5-8916.html")).unwrap(),
    )
}

fn assert_good_still_loads(c: &Corpus) {
    let q = c
        .get("5-8916".parse().unwrap())
        .expect("the good page still loads");
    assert_eq!(q.answer.as_ref().unwrap().parts.len(), 4);
}

#[test]
fn html_that_is_not_a_senate_page() {
    let page = "<!DOCTYPE html><html><head><title>Recette du jour</title></head>\
                <body><nav>Menu</nav><h1>Tarte</h1><p>Le 30/4/2013, il pleuvait.</p></body></html>";
    let c = load::load_sources(vec![file("bad/recette.html", page), good()], &|_, _| {});
    assert_good_still_loads(&c);
    let m = messages(&c);
    assert!(
        m.iter().any(|m| m.starts_with(
            "bad/recette.html: error: an HTML page but not a Senate written question (its title: «Recette du jour»)"
        )),
        "{m:?}"
    );
    assert_eq!(c.questions.len(), 1);
}

#[test]
fn truncated_html() {
    let full = std::fs::read_to_string(fixture("html", "fr-web-5-8916.html")).unwrap();
    let cut = &full[..full.find("2) Comment").unwrap() + 20];
    let c = load::load_sources(vec![good(), file("bad/5-8910.html", cut)], &|_, _| {});
    assert_good_still_loads(&c);
    let m = messages(&c);
    let line = cut.lines().count();
    assert!(
        m.iter().any(|m| m.starts_with(&format!(
            "bad/5-8910.html:{line}: warning: the HTML ends before its closing </html>"
        ))),
        "{m:?}"
    );
    // What is there is read: the header and the first part of the question.
    let q = c.get("5-8916".parse().unwrap()).unwrap();
    assert_eq!(
        q.origin.path, "good/5-8916.html",
        "the cut page is the same question"
    );
    assert!(
        m.iter()
            .any(|m| m.starts_with("bad/5-8910.html:") && m.contains("5-8916 is also loaded")),
        "{m:?}"
    );

    // Cut inside a tag, a comment and an attribute: still no panic.
    for at in [
        "<tabl",
        "document.write(\"<p>Quest",
        "href=\"https://www.sen",
    ] {
        let cut = &full[..full.find(at).unwrap() + at.len()];
        let c = load::load_sources(vec![file("bad/cut.html", cut), good()], &|_, _| {});
        assert_good_still_loads(&c);
        assert!(
            messages(&c).iter().any(|m| m.starts_with("bad/cut.html")),
            "{at}: {:?}",
            messages(&c)
        );
    }
}

#[test]
fn fifty_megabyte_html_file() {
    let para = "<div class=\"x\"><p>M&eacute;dias sociaux&nbsp;: une phrase de remplissage, \
                <b>en gras</b>, <a href=\"#\">un lien</a>.</p><table><tr><td>1</td><td>2</td></tr></table></div>\n";
    let mut page = String::from("<!DOCTYPE html><html><head><title>Énorme</title></head><body>\n");
    while page.len() < 50 * 1024 * 1024 {
        page.push_str(para);
    }
    page.push_str("</body></html>\n");
    let c = load::load_sources(vec![file("big/huge.html", page), good()], &|_, _| {});
    assert_good_still_loads(&c);
    assert!(
        messages(&c).iter().any(|m| m.starts_with(
            "big/huge.html: error: an HTML page but not a Senate written question (its title: «Énorme»)"
        )),
        "{:?}",
        messages(&c)
    );
}

/// The binary, as a user runs it on HTML pages.
fn qreview(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_qreview"))
        .args(args)
        .output()
        .expect("binary runs")
}

#[test]
fn show_json_of_an_html_page_equals_its_text_page() {
    for name in ["nl-web-5-8905", "bilingual-print-5-8904"] {
        let id = &name[name.len() - 6..];
        let out = |dir: &str, ext: &str| -> Value {
            let path = fixture(dir, &format!("{name}.{ext}"));
            let o = qreview(&["show", id, path.to_str().unwrap(), "--json"]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let mut v: Value = serde_json::from_slice(&o.stdout).unwrap();
            let obj = v.as_object_mut().unwrap();
            obj.remove("origin");
            obj.remove("url");
            v
        };
        assert_eq!(out("html", "html"), out("layouts", "txt"), "{name}");
    }
}

#[test]
fn check_reports_a_page_that_is_not_the_senates_and_loads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("html", "fr-web-5-8916.html"),
        dir.path().join("5-8916.html"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("menu.htm"),
        "<html><head><title>Plan du site</title></head><body><ul><li>Accueil</li></ul></body></html>",
    )
    .unwrap();
    let o = qreview(&["check", dir.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let all = format!("{stdout}{stderr}");
    assert_eq!(o.status.code(), Some(1), "{all}");
    assert!(
        all.contains("menu.htm: error: an HTML page but not a Senate written question (its title: «Plan du site»)"),
        "{all}"
    );
    assert!(
        all.contains("1 question, 1 family, 1 answer, 0 warnings, 1 error"),
        "{all}"
    );
}
