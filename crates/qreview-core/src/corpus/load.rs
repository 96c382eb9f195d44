//! Loading a corpus: collecting files, decoding and parsing them in parallel,
//! resolving ids, merging text documents with JSON records, and reporting.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::diagnostic::Diagnostic;
use super::id::QuestionId;
use super::merge;
use super::model::Question;
use super::{Corpus, FileRead, ministry, parts};
use crate::formats::{self, ParsedDoc};

/// One input file: its display path and its bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown in diagnostics (`embedded:` prefix for built-in files).
    pub path: String,
    /// The raw bytes.
    pub bytes: std::borrow::Cow<'static, [u8]>,
}

/// What one file yielded, and which format read it.
#[derive(Default)]
struct FileResult {
    format: Option<&'static str>,
    parsed: formats::Parsed,
}

impl FileResult {
    fn failed(diagnostic: Diagnostic) -> Self {
        Self {
            format: None,
            parsed: formats::Parsed {
                diagnostics: vec![diagnostic],
                ..formats::Parsed::default()
            },
        }
    }
}

/// Expands files and folders (recursively, sorted) into the files a format
/// reads by their extension (`.txt`, `.json`, `.html`, `.htm`, `.zip`). A file named explicitly is read whatever its extension.
pub fn collect(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut out, diags),
            Ok(m) if m.is_file() => out.push(path.clone()),
            // A FIFO or a device would block or never end.
            Ok(_) => diags.push(Diagnostic::error(
                &path.display().to_string(),
                None,
                "not a regular file or folder; skipped",
            )),
            Err(e) => diags.push(Diagnostic::error(
                &path.display().to_string(),
                None,
                format!("cannot read: {e}; check the path"),
            )),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::error(
                &dir.display().to_string(),
                None,
                format!("cannot list folder: {e}"),
            ));
            return;
        }
    };
    // The entry's own file type (not following links) comes with the listing,
    // so no extra `stat` per file is needed.
    let mut entries: Vec<(PathBuf, std::fs::FileType)> = entries
        .filter_map(|e| e.ok().and_then(|e| Some((e.path(), e.file_type().ok()?))))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in entries {
        // Symlinked folders are not followed, so a link loop cannot hang loading.
        if kind.is_dir() {
            walk(&path, out, diags);
        } else if is_corpus_file(&path) {
            out.push(path);
        }
    }
}

fn is_corpus_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        ext.as_deref(),
        Some("txt" | "json" | "zip" | "html" | "htm")
    )
}

/// Reads the files at `paths` (files and folders) into a corpus.
/// `progress(done, total)` is called as files are parsed, from worker threads.
///
/// Each worker reads, decodes and parses its files, then drops their bytes:
/// reading in the workers overlaps disk reads with parsing and keeps at most
/// a few raw files in memory at once.
pub fn load_paths(paths: &[PathBuf], progress: &(dyn Fn(usize, usize) + Sync)) -> Corpus {
    let mut diags = Vec::new();
    let files = collect(paths, &mut diags);
    let results = parallel_map(files.len(), progress, |i| {
        let path = files[i].display().to_string();
        let result = match read_capped(&files[i]) {
            Ok(bytes) => read_file(&path, bytes),
            Err(e) => {
                FileResult::failed(Diagnostic::error(&path, None, format!("cannot read: {e}")))
            }
        };
        (path, result)
    });
    let mut corpus = assemble(results);
    diags.append(&mut corpus.diagnostics);
    corpus.diagnostics = diags;
    corpus
}

/// Builds a corpus from files already in memory.
pub fn load_sources(sources: Vec<SourceFile>, progress: &(dyn Fn(usize, usize) + Sync)) -> Corpus {
    let results = parallel_map(sources.len(), progress, |i| {
        let f = &sources[i];
        (f.path.clone(), read_file(&f.path, f.bytes.to_vec()))
    });
    assemble(results)
}

/// The largest input file read: a Senate page is a few kilobytes and a JSON
/// corpus of a whole legislature well under this.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Reads a file, refusing one larger than [`MAX_FILE_BYTES`] and anything
/// that is not a regular file (a FIFO or device found in a folder would block
/// or never end).
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    crate::input_file::read_regular(path, MAX_FILE_BYTES)
}

/// Files a worker takes at a time: small enough to balance two workers on
/// uneven files, large enough that the shared counter is rarely touched.
const BATCH: usize = 16;

/// Runs `work(i)` for `i` in `0..total` on all cores, handing out batches from
/// a shared counter so that no worker idles while another has a long queue.
/// Results come back in index order, whatever order they finished in.
fn parallel_map<T: Send>(
    total: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
    work: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(total.div_ceil(BATCH).max(1));
    let run = || {
        let mut out = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            if start >= total {
                break;
            }
            for i in start..(start + BATCH).min(total) {
                out.push((i, work(i)));
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            }
        }
        out
    };
    let mut indexed: Vec<(usize, T)> = if workers <= 1 {
        run()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers).map(|_| scope.spawn(run)).collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    indexed.sort_unstable_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, r)| r).collect()
}

thread_local! {
    /// Set while a file is parsed under [`read_file`]'s guard.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True on a thread that is parsing a file inside the panic guard: a panic
/// there is caught and becomes a diagnostic, so a panic hook (the TUI's,
/// which restores the terminal) must let it pass.
pub fn in_guarded_parse() -> bool {
    GUARDED.with(std::cell::Cell::get)
}

/// Reads one file; a bug in the parser costs that file, not the load: the
/// panic is caught and reported as an error diagnostic for the file.
fn read_file(path: &str, bytes: Vec<u8>) -> FileResult {
    guarded(path, || parse_file(path, bytes))
}

/// Runs `parse` with panics caught and turned into a diagnostic for `path`.
fn guarded(path: &str, parse: impl FnOnce() -> FileResult) -> FileResult {
    GUARDED.with(|g| g.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse));
    GUARDED.with(|g| g.set(false));
    result.unwrap_or_else(|_| {
        FileResult::failed(Diagnostic::error(
            path,
            None,
            "qreview failed on this file (an internal error); it was skipped, the rest loads. Please report it with the file",
        ))
    })
}

/// Reads one file with the format that recognises it best.
fn parse_file(path: &str, bytes: Vec<u8>) -> FileResult {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return FileResult::failed(Diagnostic::error(path, None, "empty file; nothing to load"));
    }
    let Some(format) = formats::choose(path, &bytes) else {
        let names: Vec<&str> = formats::FORMATS.iter().map(|f| f.name()).collect();
        return FileResult::failed(Diagnostic::error(
            path,
            Some(1),
            format!(
                "no format reads this file (qreview reads {}); remove it or check it is the file you meant",
                names.join(", ")
            ),
        ));
    };
    FileResult {
        format: Some(format.name()),
        parsed: format.parse(path, bytes),
    }
}

/// Resolves ids, merges and indexes everything read.
fn assemble(results: Vec<(String, FileResult)>) -> Corpus {
    let mut diags = Vec::new();
    let mut records = Vec::new();
    let mut docs: Vec<(String, usize, ParsedDoc)> = Vec::new();
    let mut files = Vec::with_capacity(results.len());
    for (path, r) in results {
        let mut parsed = r.parsed;
        files.push(FileRead {
            path: path.clone(),
            format: r.format,
            questions: parsed.texts.len() + parsed.records.len(),
        });
        diags.append(&mut parsed.diagnostics);
        records.append(&mut parsed.records);
        let count = parsed.texts.len();
        docs.extend(parsed.texts.into_iter().map(|d| (path.clone(), count, d)));
    }
    let by_file: HashMap<String, QuestionId> = records
        .iter()
        .filter_map(|r| {
            r.file
                .as_ref()
                .map(|f| (file_name(f).to_string(), r.question.id))
        })
        .collect();

    let mut texts: Vec<Question> = Vec::new();
    for (path, count_in_file, doc) in docs {
        let line = doc.question.origin.first_line;
        match resolve_id(&path, count_in_file, &doc, &by_file) {
            Some((id, inferred, note)) => {
                if let Some(note) = note {
                    diags.push(Diagnostic::warning(&path, Some(line), note));
                }
                let mut q = doc.question;
                q.id = id;
                q.id_inferred = inferred;
                texts.push(q);
            }
            None => diags.push(Diagnostic::error(
                &path,
                Some(line),
                "no question id: no header, no L-N in the file name, no JSON record naming the file, \
                 and no single gap in the sibling list; rename the file to its id (e.g. 5-8902.txt)",
            )),
        }
    }

    let mut merged: Vec<Question> = Vec::new();
    let mut at: HashMap<QuestionId, usize> = HashMap::new();
    for q in texts {
        match at.get(&q.id) {
            Some(&i) => diags.push(merge::duplicate_text(&merged[i], &q)),
            None => {
                at.insert(q.id, merged.len());
                merged.push(q);
            }
        }
    }
    let text_count = merged.len();
    for r in records {
        let id = r.question.id;
        match at.get(&id) {
            Some(&i) => {
                let from_text = i < text_count;
                diags.extend(merge::merge_record(&mut merged[i], r, from_text));
            }
            None => {
                at.insert(id, merged.len());
                merged.push(r.question);
            }
        }
    }
    finish_all(&mut merged);
    merged.sort_by_key(|q| q.id);
    let mut corpus = Corpus::new(merged, diags);
    corpus.files = files;
    corpus
}

/// [`finish`] on every question, split over the cores.
fn finish_all(questions: &mut [Question]) {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = questions.len().div_ceil(workers).max(BATCH);
    std::thread::scope(|scope| {
        for part in questions.chunks_mut(chunk) {
            scope.spawn(move || part.iter_mut().for_each(finish));
        }
    });
}

/// Final clean-up of one question: siblings tidy, ministry derived, figures
/// computed. The Belgian rules (ministry from the addressee, `1)` / `1.`
/// numbering) run only on Belgian sources.
fn finish(q: &mut Question) {
    let own = q.id;
    // Records may list events in any order; pages print them by date. A
    // stable sort keeps the page's order for steps of the same day.
    q.events.sort_by_key(|e| e.date);
    q.siblings.retain(|s| *s != own);
    q.siblings.sort();
    q.siblings.dedup();
    if !q.id.source().is_belgian() {
        q.refresh_derived();
        return;
    }
    if q.ministry.is_none() {
        q.ministry = q
            .addressee
            .as_deref()
            .and_then(ministry::from_addressee)
            .or_else(|| {
                q.translation
                    .addressee
                    .as_deref()
                    .and_then(ministry::from_addressee)
            });
    }
    // JSON records may give text without parts: number them like parsed text.
    if q.question.parts.is_empty() && !q.question.text.is_empty() {
        q.question.parts = parts::split_parts(&q.question.text);
    }
    if let Some(answer) = q
        .answer
        .as_mut()
        .filter(|a| a.parts.is_empty() && !a.text.is_empty())
    {
        answer.parts = parts::split_parts(&answer.text);
    }
    q.refresh_derived();
}

/// The file-name part of a path (also for `embedded:` paths).
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Finds a document's id: header, file name, JSON record, sibling gap.
/// Returns the id, whether it was inferred, and a note for the report.
fn resolve_id(
    path: &str,
    count_in_file: usize,
    doc: &ParsedDoc,
    by_file: &HashMap<String, QuestionId>,
) -> Option<(QuestionId, bool, Option<String>)> {
    let name = file_name(path);
    let from_name = (count_in_file == 1)
        .then(|| QuestionId::find_in(name))
        .flatten();
    if let Some(id) = doc.id {
        let note = from_name
            .filter(|n| *n != id)
            .map(|n| format!("file name says {n} but the document says {id}; using {id}"));
        return Some((id, false, note));
    }
    if let Some(id) = from_name {
        return Some((id, false, None));
    }
    if let Some(id) = by_file.get(name) {
        return Some((*id, false, None));
    }
    let id = gap_in(&doc.question.siblings)?;
    Some((
        id,
        true,
        Some(format!(
            "no id in the document; inferred {id}, the one number missing from its sibling list"
        )),
    ))
}

/// The single number missing inside a run of sibling ids of one legislature.
fn gap_in(siblings: &[QuestionId]) -> Option<QuestionId> {
    let parts: Vec<(u16, u32)> = siblings
        .iter()
        .map(|s| s.senate_parts())
        .collect::<Option<_>>()?;
    let (legislature, _) = *parts.first()?;
    if parts.len() < 2 || parts.iter().any(|(l, _)| *l != legislature) {
        return None;
    }
    let mut numbers: Vec<u32> = parts.iter().map(|(_, n)| *n).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut gaps = numbers.windows(2).filter(|w| w[1] > w[0] + 1);
    let gap = gaps.next()?;
    if gap[1] != gap[0] + 2 || gaps.next().is_some() {
        return None;
    }
    Some(QuestionId::senate(legislature, gap[0] + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[u32]) -> Vec<QuestionId> {
        list.iter().map(|n| QuestionId::senate(5, *n)).collect()
    }

    #[test]
    fn a_panic_while_parsing_costs_only_that_file() {
        let r = guarded("x.txt", || panic!("parser bug"));
        assert!(r.parsed.texts.is_empty());
        assert!(r.parsed.diagnostics[0].is_error());
        assert!(r.parsed.diagnostics[0].message.contains("internal error"));
        assert!(!in_guarded_parse(), "the guard is lifted after the panic");
    }

    #[test]
    fn gap_must_be_single() {
        assert_eq!(
            gap_in(&ids(&[8900, 8901, 8903])),
            Some(QuestionId::senate(5, 8902))
        );
        assert_eq!(gap_in(&ids(&[8900, 8901, 8902])), None);
        assert_eq!(gap_in(&ids(&[8900, 8903])), None);
        assert_eq!(gap_in(&ids(&[8900, 8902, 8904])), None);
        assert_eq!(gap_in(&ids(&[8902])), None);
    }
}
