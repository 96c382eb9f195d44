//! The REFI-QDA project export (`.qdpx`), the exchange format that NVivo,
//! ATLAS.ti, MAXQDA and QualCoder import: a zip holding `project.qde` (XML in
//! the namespace `urn:QDA-XML:project:1.0`, children in the schema's order)
//! and one UTF-8 plain-text source per question under `sources/`.
//!
//! Tags become codes, notes' passages `PlainTextSelection`s coded with the
//! note's tags, note texts `Note`s referenced from their selection, and the
//! review record, ministry, days, deadline status and, per social-media
//! platform an answer names, its cell of the lens table `Variables`. Every GUID
//! is a UUID v5 of what it names, so two exports of the same review agree.
//! Positions count Unicode code points of the source text, end-exclusive.

use std::io::Write as _;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use uuid::Uuid;

use super::select::{Row, Selection};
use super::{ExportError, clean};
use crate::lens::Table;
use crate::lens::table::CellState;
use crate::notes::{Field, Located, Note, anchor};

/// The project namespace of REFI-QDA 1.0.
pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// The name of the project file inside the zip.
pub const PROJECT_FILE: &str = "project.qde";

/// Who the export names as the analyst when nobody is given.
pub const DEFAULT_ANALYST: &str = "qreview analyst";

/// The variables every source carries, with their REFI-QDA types.
const VARIABLES: [(&str, &str); 6] = [
    ("Review status", "Text"),
    ("Verdict", "Text"),
    ("Ministry", "Text"),
    ("Days to answer", "Integer"),
    ("Deadline", "Date"),
    ("Deadline status", "Text"),
];

/// The namespace every qreview GUID is derived in (a v5 UUID of the
/// project's name in the URL namespace), so GUIDs are stable across exports.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://qreview/refi-qda")
}

/// A stable GUID for `kind` + `name` (`code`, `social media`).
pub fn guid(kind: &str, name: &str) -> String {
    Uuid::new_v5(&namespace(), format!("{kind}:{name}").as_bytes())
        .hyphenated()
        .to_string()
}

/// One question's plain-text source and where its fields start in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// The whole text: a header, the question, the answer.
    pub text: String,
    /// Code-point offset of the question text, when there is one.
    pub question_at: Option<usize>,
    /// Code-point offset of the answer text, when there is one.
    pub answer_at: Option<usize>,
}

/// The source text of a row: a header (id, ministry, title, dates), then
/// the question and the answer under their headings.
pub fn source_text(row: &Row<'_>) -> SourceText {
    let mut text = String::new();
    let f = &row.figures;
    text.push_str(&format!(
        "{} · {}\n",
        row.id,
        clean(f.ministry.as_deref().unwrap_or("unknown ministry"))
    ));
    if let Some(t) = row.question.and_then(|q| q.title.as_deref()) {
        text.push_str(&clean(t));
        text.push('\n');
    }
    text.push_str(&format!(
        "Sent: {} · Answered: {} · Deadline: {}\n",
        crate::format::date(f.sent),
        crate::format::date(f.answered),
        row.deadline
            .deadline
            .map_or_else(|| "-".to_string(), |d| d.date.to_string()),
    ));
    let mut question_at = None;
    let mut answer_at = None;
    if let Some(q) = row.question {
        for (field, heading, at) in [
            (Field::Question, "QUESTION", &mut question_at),
            (Field::Answer, "ANSWER", &mut answer_at),
        ] {
            if let Some((body, _)) = anchor::field_text(q, field) {
                text.push('\n');
                text.push_str(heading);
                text.push_str("\n\n");
                *at = Some(text.chars().count());
                text.push_str(body);
                text.push('\n');
            }
        }
    }
    SourceText {
        text,
        question_at,
        answer_at,
    }
}

/// A note's passage in code points of the source text (end-exclusive), when
/// its anchor is found in the current corpus.
pub fn selection(
    row: &Row<'_>,
    source: &SourceText,
    note: &Note,
    located: &Located,
) -> Option<(usize, usize)> {
    let a = note.anchor.as_ref()?;
    let range = match located {
        Located::Exact(r) | Located::Moved(r) => r.clone(),
        Located::Detached => return None,
    };
    let q = row.question?;
    let (body, _) = anchor::field_text(q, a.field)?;
    let base = match a.field {
        Field::Question => source.question_at?,
        Field::Answer => source.answer_at?,
    };
    let start = base + body.get(..range.start)?.chars().count();
    let end = start + body.get(range)?.chars().count();
    Some((start, end))
}

type W = Writer<Vec<u8>>;
type XmlResult = std::io::Result<()>;

/// The `project.qde` document.
pub fn project_xml(sel: &Selection<'_>, analyst: &str, platforms: &Table) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_project(&mut w, sel, analyst, platforms).expect("writing XML to memory cannot fail");
    String::from_utf8(w.into_inner()).expect("quick-xml writes the UTF-8 it is given")
}

fn write_project(w: &mut W, sel: &Selection<'_>, analyst: &str, platforms: &Table) -> XmlResult {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    let user = guid("user", analyst);
    let mut attrs = vec![
        ("xmlns", NAMESPACE.to_string()),
        ("name", "qreview review".to_string()),
        ("origin", format!("qreview {}", env!("CARGO_PKG_VERSION"))),
        ("creatingUserGUID", user.clone()),
    ];
    if let Some(t) = sel.notes().map(|(_, n)| n.note.updated).max() {
        attrs.push(("modifiedDateTime", t.to_string()));
    }
    w.create_element("Project")
        .with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())))
        .write_inner_content(|w| {
            w.create_element("Users").write_inner_content(|w| {
                w.create_element("User")
                    .with_attributes([("guid", user.as_str()), ("name", &clean(analyst))])
                    .write_empty()?;
                Ok::<_, std::io::Error>(())
            })?;
            codebook(w, sel)?;
            variables(w, platforms)?;
            sources(w, sel, &user, platforms)?;
            notes(w, sel, &user)?;
            Ok::<_, std::io::Error>(())
        })?;
    Ok(())
}

/// Every tag used by a selected note or question, and those defined.
fn tag_names(sel: &Selection<'_>) -> std::collections::BTreeSet<String> {
    let mut tags: std::collections::BTreeSet<String> = sel.notes.tags.keys().cloned().collect();
    for g in &sel.groups {
        for r in &g.rows {
            tags.extend(r.review.tags.iter().cloned());
            for n in &r.notes {
                tags.extend(n.note.tags.iter().cloned());
            }
        }
    }
    tags
}

fn codebook(w: &mut W, sel: &Selection<'_>) -> XmlResult {
    let tags = tag_names(sel);
    if tags.is_empty() {
        return Ok(());
    }
    w.create_element("CodeBook").write_inner_content(|w| {
        w.create_element("Codes").write_inner_content(|w| {
            for t in &tags {
                let info = sel.notes.tags.get(t);
                let mut attrs = vec![
                    ("guid", guid("code", t)),
                    ("name", clean(t)),
                    ("isCodable", "true".to_string()),
                ];
                if let Some(c) = info.and_then(|i| i.colour.as_deref()).and_then(rgb) {
                    attrs.push(("color", c));
                }
                let el = w
                    .create_element("Code")
                    .with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())));
                match info.and_then(|i| i.description.as_deref()) {
                    Some(d) => {
                        el.write_inner_content(|w| {
                            w.create_element("Description")
                                .write_text_content(BytesText::new(&clean(d)))?;
                            Ok::<_, std::io::Error>(())
                        })?;
                    }
                    None => {
                        el.write_empty()?;
                    }
                }
            }
            Ok::<_, std::io::Error>(())
        })?;
        Ok::<_, std::io::Error>(())
    })?;
    Ok(())
}

/// `#rrggbb` (or `#rgb`) as given; colour names are not codes' colours.
fn rgb(c: &str) -> Option<String> {
    let hex = c.strip_prefix('#')?;
    ((hex.len() == 6 || hex.len() == 3) && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| c.to_string())
}

/// The variable holding a platform's cell (`Social media: Facebook`).
fn platform_variable(name: &str) -> String {
    format!("Social media: {}", clean(name))
}

fn variables(w: &mut W, platforms: &Table) -> XmlResult {
    let lens = platforms
        .columns
        .iter()
        .map(|c| (platform_variable(&c.name), "Text"));
    let all: Vec<(String, &str)> = VARIABLES
        .iter()
        .map(|(n, k)| (n.to_string(), *k))
        .chain(lens)
        .collect();
    w.create_element("Variables").write_inner_content(|w| {
        for (name, kind) in &all {
            w.create_element("Variable")
                .with_attributes([
                    ("guid", guid("variable", name).as_str()),
                    ("name", name.as_str()),
                    ("typeOfVariable", *kind),
                ])
                .write_empty()?;
        }
        Ok::<_, std::io::Error>(())
    })?;
    Ok(())
}

/// The rows that become sources: those whose question the corpus holds.
fn source_rows<'s, 'a>(sel: &'s Selection<'a>) -> impl Iterator<Item = &'s Row<'a>> {
    sel.groups
        .iter()
        .flat_map(|g| g.rows.iter())
        .filter(|r| r.question.is_some())
}

fn sources(w: &mut W, sel: &Selection<'_>, user: &str, platforms: &Table) -> XmlResult {
    if source_rows(sel).next().is_none() {
        return Ok(());
    }
    w.create_element("Sources").write_inner_content(|w| {
        for r in source_rows(sel) {
            let lens = platforms.rows.iter().find(|p| p.question == r.id);
            text_source(w, r, user, platforms, lens)?;
        }
        Ok::<_, std::io::Error>(())
    })?;
    Ok(())
}

fn text_source(
    w: &mut W,
    r: &Row<'_>,
    user: &str,
    platforms: &Table,
    lens: Option<&crate::lens::table::Row>,
) -> XmlResult {
    let id = r.id.qualified();
    let guid_s = guid("source", &id);
    let path = format!("internal://{guid_s}.txt");
    let source = source_text(r);
    let name = match r.figures.ministry.as_deref() {
        Some(m) => format!("{} {}", r.id, clean(m)),
        None => r.id.to_string(),
    };
    w.create_element("TextSource")
        .with_attributes([
            ("guid", guid_s.as_str()),
            ("name", name.as_str()),
            ("plainTextPath", path.as_str()),
            ("creatingUser", user),
        ])
        .write_inner_content(|w| {
            // Selections first, then the question's own codes, then notes
            // without a passage, then variables: the schema's order.
            let mut loose = Vec::new();
            for v in &r.notes {
                let n = v.note;
                match v.located.as_ref().and_then(|l| selection(r, &source, n, l)) {
                    Some((start, end)) => plain_text_selection(w, n, start, end, user)?,
                    None => loose.push(n),
                }
            }
            for t in &r.review.tags {
                coding(w, &format!("{id}:{t}"), t, user)?;
            }
            for n in loose {
                w.create_element("NoteRef")
                    .with_attribute(("targetGUID", guid("note", &n.id.to_string()).as_str()))
                    .write_empty()?;
            }
            let fig = &r.figures;
            text_value(w, "Review status", r.review.status.label())?;
            text_value(w, "Verdict", r.review.verdict.map_or("none", |v| v.label()))?;
            if let Some(m) = fig.ministry.as_deref() {
                text_value(w, "Ministry", &clean(m))?;
            }
            if let Some(d) = fig.days_to_answer {
                value(w, "Days to answer", "IntegerValue", &d.to_string())?;
            }
            if let Some(d) = r.deadline.deadline {
                value(w, "Deadline", "DateValue", &d.date.to_string())?;
            }
            text_value(w, "Deadline status", &r.deadline.timeliness.label())?;
            if let Some(lens) = lens {
                for (c, cell) in platforms.columns.iter().zip(&lens.cells) {
                    if cell.state != CellState::NotMentioned {
                        text_value(w, &platform_variable(&c.name), &clean(&cell.summary()))?;
                    }
                }
            }
            Ok::<_, std::io::Error>(())
        })?;
    Ok(())
}

fn plain_text_selection(w: &mut W, n: &Note, start: usize, end: usize, user: &str) -> XmlResult {
    let id = n.id.to_string();
    let (s, e) = (start.to_string(), end.to_string());
    let created = n.created.to_string();
    let name = n
        .anchor
        .as_ref()
        .map(|a| clean(&a.quote.chars().take(60).collect::<String>()))
        .unwrap_or_default();
    w.create_element("PlainTextSelection")
        .with_attributes([
            ("guid", guid("selection", &id).as_str()),
            ("name", name.as_str()),
            ("startPosition", s.as_str()),
            ("endPosition", e.as_str()),
            ("creatingUser", user),
            ("creationDateTime", created.as_str()),
        ])
        .write_inner_content(|w| {
            for t in &n.tags {
                coding(w, &format!("{id}:{t}"), t, user)?;
            }
            w.create_element("NoteRef")
                .with_attribute(("targetGUID", guid("note", &id).as_str()))
                .write_empty()?;
            Ok::<_, std::io::Error>(())
        })?;
    Ok(())
}

fn coding(w: &mut W, key: &str, tag: &str, user: &str) -> XmlResult {
    w.create_element("Coding")
        .with_attributes([
            ("guid", guid("coding", key).as_str()),
            ("creatingUser", user),
        ])
        .write_inner_content(|w| {
            w.create_element("CodeRef")
                .with_attribute(("targetGUID", guid("code", tag).as_str()))
                .write_empty()?;
            Ok::<_, std::io::Error>(())
        })?;
    Ok(())
}

fn text_value(w: &mut W, variable: &str, v: &str) -> XmlResult {
    value(w, variable, "TextValue", v)
}

fn value(w: &mut W, variable: &str, element: &str, v: &str) -> XmlResult {
    w.create_element("VariableValue").write_inner_content(|w| {
        w.create_element("VariableRef")
            .with_attribute(("targetGUID", guid("variable", variable).as_str()))
            .write_empty()?;
        w.create_element(element)
            .write_text_content(BytesText::new(v))?;
        Ok::<_, std::io::Error>(())
    })?;
    Ok(())
}

fn notes(w: &mut W, sel: &Selection<'_>, user: &str) -> XmlResult {
    if sel.notes().next().is_none() {
        return Ok(());
    }
    w.create_element("Notes").write_inner_content(|w| {
        for (r, v) in sel.notes() {
            let n = v.note;
            let id = n.id.to_string();
            let name = format!("{} note {id}", r.id);
            let (created, updated) = (n.created.to_string(), n.updated.to_string());
            w.create_element("Note")
                .with_attributes([
                    ("guid", guid("note", &id).as_str()),
                    ("name", name.as_str()),
                    ("creatingUser", user),
                    ("creationDateTime", created.as_str()),
                    ("modifyingUser", user),
                    ("modifiedDateTime", updated.as_str()),
                ])
                .write_inner_content(|w| {
                    w.create_element("PlainTextContent")
                        .write_text_content(BytesText::new(&clean(&n.text)))?;
                    Ok::<_, std::io::Error>(())
                })?;
        }
        Ok::<_, std::io::Error>(())
    })?;
    Ok(())
}

/// The `.qdpx` zip: `project.qde` and `sources/GUID.txt` per question.
pub fn render(
    sel: &Selection<'_>,
    analyst: &str,
    platforms: &Table,
) -> Result<Vec<u8>, ExportError> {
    let zip_err = |e: zip::result::ZipError| ExportError::Package(e.to_string());
    let io_err = |e: std::io::Error| ExportError::Package(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(PROJECT_FILE, options).map_err(zip_err)?;
    zip.write_all(project_xml(sel, analyst, platforms).as_bytes())
        .map_err(io_err)?;
    for r in source_rows(sel) {
        let name = format!("sources/{}.txt", guid("source", &r.id.qualified()));
        zip.start_file(name, options).map_err(zip_err)?;
        zip.write_all(source_text(r).text.as_bytes())
            .map_err(io_err)?;
    }
    Ok(zip.finish().map_err(zip_err)?.into_inner())
}
