//! The small state file that remembers the display language across runs:
//! `{"format": "qreview-state", "version": 1, "lang": "nl"}` in the data
//! directory, written atomically. A missing or unreadable file means the
//! default (French); it is never an error.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Lang;

/// The file's contents.
#[derive(Debug, Serialize, Deserialize)]
struct State {
    format: String,
    version: u32,
    lang: Lang,
}

const FORMAT: &str = "qreview-state";

/// `QREVIEW_STATE`, else `state.json` in the data directory (beside the
/// default notes file).
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("QREVIEW_STATE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    crate::notes::store::default_path()
        .and_then(|notes| notes.parent().map(|dir| dir.join("state.json")))
}

/// The language remembered in `path`, if the file holds one.
pub fn load(path: &Path) -> Option<Lang> {
    let bytes = std::fs::read(path).ok()?;
    let state: State = serde_json::from_slice(&bytes).ok()?;
    (state.format == FORMAT).then_some(state.lang)
}

/// Remembers `lang` in `path` (the folder is created if needed).
pub fn save(path: &Path, lang: Lang) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let state = State {
        format: FORMAT.into(),
        version: 1,
        lang,
    };
    let mut json = serde_json::to_vec_pretty(&state).map_err(std::io::Error::other)?;
    json.push(b'\n');
    crate::atomic_file::write(path, &json, true).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_back_and_a_bad_file_means_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("state.json");
        assert_eq!(load(&path), None);
        save(&path, Lang::Nl).unwrap();
        assert_eq!(load(&path), Some(Lang::Nl));
        save(&path, Lang::Fr).unwrap();
        assert_eq!(load(&path), Some(Lang::Fr));
        std::fs::write(&path, b"{not json").unwrap();
        assert_eq!(load(&path), None);
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, [std::ffi::OsString::from("state.json")]);
    }
}
