//! Reading a file the user pointed at (a corpus file, the notes file, a
//! colleague's notes): regular files only, after following links, and never
//! more than a cap, so that a FIFO cannot hang qreview and `/dev/zero` or a
//! huge file cannot exhaust memory.

use std::io::Read;
use std::path::Path;

/// What kind of thing `meta` describes, for messages.
pub fn kind_name(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// Reads the regular file at `path` (links followed), refusing anything
/// else and any file larger than `max` bytes, with a message that says what
/// the path is and what to do.
pub fn read_regular(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    // Checked before opening: opening a FIFO blocks until a writer comes.
    let meta = std::fs::metadata(path)?;
    refuse_irregular(&meta)?;
    let file = std::fs::File::open(path)?;
    // Checked again on the open file, in case the path changed meanwhile.
    let meta = file.metadata()?;
    refuse_irregular(&meta)?;
    let too_big = || {
        std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "larger than {}; split it or check that this is the right file",
                size_name(max)
            ),
        )
    };
    if meta.len() > max {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // A file growing while read stops at the cap all the same.
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    Ok(bytes)
}

fn refuse_irregular(meta: &std::fs::Metadata) -> std::io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!(
            "{}, not a regular file; give the path of a file",
            kind_name(meta)
        ),
    ))
}

/// `512 MB`, `4 kB` or `12 bytes`.
pub fn size_name(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} kB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_files_and_follows_links() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, b"abc").unwrap();
        assert_eq!(read_regular(&p, 3).unwrap(), b"abc");
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&p, &link).unwrap();
            assert_eq!(read_regular(&link, 3).unwrap(), b"abc");
        }
    }

    #[test]
    fn refuses_large_files_folders_and_devices() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, b"abcd").unwrap();
        let e = read_regular(&p, 3).unwrap_err();
        assert!(e.to_string().contains("larger than 3 bytes"), "{e}");
        let e = read_regular(dir.path(), 3).unwrap_err();
        assert!(
            e.to_string().starts_with("a folder, not a regular file"),
            "{e}"
        );
        #[cfg(unix)]
        {
            let e = read_regular(Path::new("/dev/zero"), 1 << 20).unwrap_err();
            assert!(e.to_string().starts_with("a device"), "{e}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&p)
            .status()
            .unwrap();
        assert!(made.success());
        let e = read_regular(&p, 1 << 20).unwrap_err();
        assert!(e.to_string().starts_with("a FIFO"), "{e}");
    }
}
