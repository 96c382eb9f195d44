//! The folder a download writes into: one complete file per question,
//! each written atomically, so an interrupted run leaves only whole files and
//! the next run knows what is already there.

use std::path::{Path, PathBuf};

use crate::atomic_file;

/// The output folder of one run.
#[derive(Debug)]
pub struct Output {
    dir: PathBuf,
}

impl Output {
    /// Creates `dir` if needed and removes the temporary files a killed run
    /// may have left (`.NAME~XXXX.tmp`, never a finished file).
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        for entry in std::fs::read_dir(dir)?.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if is_leftover(&name) && entry.file_type().is_ok_and(|t| t.is_file()) {
                // A leftover that cannot be removed is harmless: loaders skip `.tmp`.
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Ok(Self {
            dir: dir.to_path_buf(),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path of the file called `name`.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Whether a finished, non-empty file `name` is already there.
    pub fn has(&self, name: &str) -> bool {
        std::fs::metadata(self.path(name)).is_ok_and(|m| m.is_file() && m.len() > 0)
    }

    /// Writes `bytes` as `name` atomically, replacing an older copy.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<(), atomic_file::WriteError> {
        atomic_file::write(&self.path(name), bytes, true)
    }
}

/// Whether `name` is a temporary file of [`atomic_file::write`].
fn is_leftover(name: &str) -> bool {
    name.starts_with('.') && name.contains('~') && name.ends_with(".tmp")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_clears_leftovers_and_keeps_finished_files() {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("out");
        std::fs::create_dir(&out_dir).unwrap();
        std::fs::write(out_dir.join(".17.json~a1B2.tmp"), b"{\"val").unwrap();
        std::fs::write(out_dir.join("16.json"), b"{}").unwrap();
        std::fs::write(out_dir.join("notes.tmp"), b"mine").unwrap();
        let out = Output::open(&out_dir).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["16.json", "notes.tmp"]);
        assert!(out.has("16.json"));
        assert!(!out.has("17.json"));
        out.write("17.json", b"{\"value\":{}}").unwrap();
        assert!(out.has("17.json"));
    }

    #[test]
    fn an_empty_file_is_not_counted_as_done() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("5.json"), b"").unwrap();
        let out = Output::open(dir.path()).unwrap();
        assert!(!out.has("5.json"));
    }
}
