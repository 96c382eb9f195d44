//! [`Text`]: an immutable string that parts of it can share.
//!
//! A question's and an answer's parts are runs of lines of the whole text.
//! Storing each part as its own `String` kept every text twice in memory; a
//! part is instead a range of the whole text's shared buffer. It reads as a
//! `&str` everywhere (`Deref`) and serialises as a plain JSON string.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string, possibly a slice of a larger shared one.
#[derive(Clone)]
pub struct Text {
    buffer: Arc<str>,
    range: Range<usize>,
}

impl Text {
    /// The part of this text at `range` (byte offsets into this text),
    /// sharing its buffer. `range` must lie on character boundaries.
    pub fn slice(&self, range: Range<usize>) -> Text {
        assert!(
            self.as_str().is_char_boundary(range.start)
                && self.as_str().is_char_boundary(range.end)
        );
        let start = self.range.start + range.start;
        Text {
            buffer: Arc::clone(&self.buffer),
            range: start..self.range.start + range.end,
        }
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        &self.buffer[self.range.clone()]
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::from("")
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        let range = 0..s.len();
        Text {
            buffer: Arc::from(s),
            range,
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text {
            buffer: Arc::from(s),
            range: 0..s.len(),
        }
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_share_the_buffer_and_read_as_str() {
        let whole = Text::from("1) un\n2) deux".to_string());
        let part = whole.slice(9..13);
        assert_eq!(part, "deux");
        assert!(Arc::ptr_eq(&whole.buffer, &part.buffer));
        let inner = part.slice(1..3);
        assert_eq!(inner, "eu");
        assert_eq!(serde_json::to_string(&part).unwrap(), "\"deux\"");
        let back: Text = serde_json::from_str("\"deux\"").unwrap();
        assert_eq!(back, part);
        assert!(Text::default().is_empty());
    }
}
