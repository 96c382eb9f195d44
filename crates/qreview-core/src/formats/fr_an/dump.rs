//! A whole Assemblée nationale dump (`Questions_ecrites.json.zip`), read in
//! place from memory: every `.json` entry is one question. Entries whose
//! names climb out of the archive (`../x`, absolute paths) are refused, and
//! each entry is read through a size cap, whatever its header claims, so a
//! zip bomb costs a diagnostic and not the machine; the rest loads.

use std::io::Read;

use crate::corpus::diagnostic::Diagnostic;
use crate::formats::Parsed;

/// The largest entry read: one question's JSON is a few kilobytes; a long
/// answer with tables stays well under this.
pub const MAX_ENTRY_BYTES: u64 = 8 * 1024 * 1024;

/// The most bytes read from all entries together.
pub const MAX_TOTAL_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Reads every question of the archive `bytes` (named `path`).
pub fn read(path: &str, bytes: &[u8]) -> Parsed {
    let mut parsed = Parsed::default();
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => {
            parsed.diagnostics.push(Diagnostic::error(
                path,
                None,
                format!("not a readable zip archive ({e}); download the dump again"),
            ));
            return parsed;
        }
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                parsed.diagnostics.push(Diagnostic::error(
                    path,
                    None,
                    format!("entry #{} cannot be read ({e}); skipped", i + 1),
                ));
                continue;
            }
        };
        let name = entry.name().to_string();
        let shown = format!("{path}!/{}", crate::sanitize::sanitize(&name));
        if entry.is_dir() {
            continue;
        }
        if entry.enclosed_name().is_none() {
            parsed.diagnostics.push(Diagnostic::error(
                &shown,
                None,
                "entry name leaves the archive (`..` or an absolute path); refused and skipped",
            ));
            continue;
        }
        if !name.to_ascii_lowercase().ends_with(".json") {
            continue;
        }
        let mut data = Vec::new();
        let read = (&mut entry)
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut data);
        if let Err(e) = read {
            parsed.diagnostics.push(Diagnostic::error(
                &shown,
                None,
                format!("cannot be unpacked ({e}); skipped"),
            ));
            continue;
        }
        if data.len() as u64 > MAX_ENTRY_BYTES {
            parsed.diagnostics.push(Diagnostic::error(
                &shown,
                None,
                format!(
                    "unpacks to more than {} MB (a question is a few KB: a damaged or hostile archive); skipped",
                    MAX_ENTRY_BYTES / (1024 * 1024)
                ),
            ));
            continue;
        }
        total += data.len() as u64;
        if total > MAX_TOTAL_BYTES {
            parsed.diagnostics.push(Diagnostic::error(
                path,
                None,
                format!(
                    "unpacks to more than {} GB; stopped after {} entries",
                    MAX_TOTAL_BYTES / (1024 * 1024 * 1024),
                    i
                ),
            ));
            break;
        }
        let mut one = Parsed::default();
        if let Some(text) = crate::formats::decode_text(&shown, data, &mut one.diagnostics) {
            super::read_json(&shown, &text, &mut one);
        }
        parsed.records.append(&mut one.records);
        parsed.diagnostics.append(&mut one.diagnostics);
    }
    if parsed.records.is_empty() && parsed.diagnostics.iter().all(|d| !d.is_error()) {
        parsed.diagnostics.push(Diagnostic::error(
            path,
            None,
            "no question in this archive (no .json entry)",
        ));
    }
    parsed
}
