//! Where each record of a JSON file starts, for diagnostics: a cursor that
//! walks the file's text forward, record by record, counting lines. The
//! record formats (the Chamber's QRVA, the UK API) find their records by a
//! key of their own and share the walking here.

/// A position in a file's text and the 1-based line it is on.
pub struct RecordLines<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl<'a> RecordLines<'a> {
    /// Starts at the top of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            line: 1,
        }
    }

    /// The text not walked yet.
    pub fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    /// The line of the last position walked to.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Walks to `offset` bytes into [`Self::rest`], then past `len` more
    /// (what was found there), and returns the line at `offset`.
    pub fn walk(&mut self, offset: usize, len: usize) -> usize {
        let rest = self.rest();
        self.line += rest[..offset].matches('\n').count();
        self.at += offset + len;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walking_counts_the_lines_passed() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}\n";
        let mut lines = RecordLines::new(text);
        let a = lines.rest().find("\"a\"").unwrap();
        assert_eq!(lines.walk(a, 3), 2);
        let b = lines.rest().find("\"b\"").unwrap();
        assert_eq!(lines.walk(b, 3), 3);
        assert_eq!(lines.rest().find("\"a\""), None, "never walks back");
        assert_eq!(lines.line(), 3);
    }
}
