//! Sources: whose data a question comes from (`be-senate`, `be-chamber`, …),
//! their names as typed and written, and how each shows its references.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A parliament's data set. The order here is the order of the question list.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Source {
    /// The Belgian Senate's written questions (`5-8902`).
    #[default]
    #[serde(rename = "be-senate")]
    BeSenate,
    /// The Belgian Chamber's written questions (QRVA; reference `SDOCNAME`).
    #[serde(rename = "be-chamber")]
    BeChamber,
    /// The UK Parliament's written questions.
    #[serde(rename = "uk-parliament")]
    UkParliament,
    /// The French Assemblée nationale's written questions.
    #[serde(rename = "fr-an")]
    FrAn,
}

impl Source {
    /// Every source, in order.
    pub const ALL: [Source; 4] = [
        Source::BeSenate,
        Source::BeChamber,
        Source::UkParliament,
        Source::FrAn,
    ];

    /// The name users type before a reference (`be-senate`).
    pub fn name(self) -> &'static str {
        match self {
            Source::BeSenate => "be-senate",
            Source::BeChamber => "be-chamber",
            Source::UkParliament => "uk-parliament",
            Source::FrAn => "fr-an",
        }
    }

    /// The source called `name` (case-insensitive).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }

    /// True for the Belgian sources, whose ministries and numbering rules
    /// (addressee heuristic, `1)` parts) apply.
    pub fn is_belgian(self) -> bool {
        matches!(self, Source::BeSenate | Source::BeChamber)
    }

    /// How a reference of this source is shown: the Chamber's `SDOCNAME`
    /// (`55-B012-3-0042-0000201400004`) as legislature, bulletin and the
    /// minister's question number, `55 B012 Q0042`; others as written.
    pub fn label_of(self, reference: &str) -> String {
        if self == Source::BeChamber {
            let parts: Vec<&str> = reference.split('-').collect();
            if let [leg, bulletin, _dept, num, ..] = parts[..]
                && let Ok(n) = num.parse::<u32>()
            {
                return format!("{leg} {bulletin} Q{n:04}");
            }
        }
        reference.to_string()
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Source::ALL {
            assert_eq!(Source::from_name(s.name()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.name()));
        }
        assert_eq!(Source::from_name("BE-Chamber"), Some(Source::BeChamber));
        assert_eq!(Source::from_name("senate"), None);
    }

    #[test]
    fn chamber_labels_fall_back_to_the_reference() {
        assert_eq!(
            Source::BeChamber.label_of("54-B001-3-0001-0000201400004"),
            "54 B001 Q0001"
        );
        assert_eq!(Source::BeChamber.label_of("odd"), "odd");
    }
}
