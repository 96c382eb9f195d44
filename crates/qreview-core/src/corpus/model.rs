//! The corpus data model: questions, their events, parts, answers and sources.
//!
//! These types are what every other layer reads. Their serde form *is* the
//! JSON contract of `qreview show --json` and of the `qreview-corpus` file, so
//! field names here must not change casually.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::id::QuestionId;
use super::source::Source;
use super::text::Text;

/// Language a question was asked in, or a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// Dutch.
    Nl,
}

impl Lang {
    /// The lower-case code (`fr`, `nl`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Nl => "nl",
        }
    }

    /// The other of the two Belgian languages.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::Nl,
            Lang::Nl => Lang::Fr,
        }
    }
}

/// Where a question stands, when the source says (the Chamber's `STATUSQ`).
/// Ordered from the least to the most definite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// No answer yet (or the question lapsed without one).
    Unanswered,
    /// An answer came.
    Answered,
    /// The author withdrew the question (or it was cancelled): no answer is due.
    Withdrawn,
}

impl Status {
    /// `answered`, `unanswered`, `withdrawn`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Unanswered => "unanswered",
            Status::Withdrawn => "withdrawn",
        }
    }
}

/// Where an answer was published (the Chamber's bulletin of questions and
/// answers, from `PUBLICAn`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    /// The bulletin (`B001`).
    pub bulletin: String,
    /// The page in it, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The bulletin's publication date: for the Chamber the only date an
    /// answer has ("answer published", not "answer received").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// What happened at a dated step of a question's chronology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// The question was sent to the minister.
    Sent,
    /// A reminder was sent because no answer came in time.
    Reminder,
    /// The answer was received.
    Answer,
    /// Any other step (`Dossier clôturé`, `Einde zittingsperiode`, …); see the label.
    Other,
}

/// One dated step of a question's chronology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Calendar date of the step.
    pub date: Date,
    /// Its kind.
    pub kind: EventKind,
    /// The label as written in the document (`Envoi question`, `Rappel`, …).
    #[serde(default)]
    pub label: String,
}

/// A numbered part of a question (`1)`) or of an answer (`1.`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The label as written (`1)`, `2.`, `3°`).
    pub label: String,
    /// The text of the part without its label; sub-parts (`a.`, `b.`) stay inside.
    pub text: Text,
}

impl Part {
    /// The part's number, read from its label (`2)` → 2).
    pub fn number(&self) -> Option<u32> {
        let digits: String = self
            .label
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        digits.parse().ok()
    }
}

/// The question's own text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionText {
    /// The whole body as written, lines joined by `\n`.
    #[serde(default)]
    pub text: Text,
    /// Its numbered sub-questions, in order.
    #[serde(default)]
    pub parts: Vec<Part>,
}

/// Which text of a question: its own, or the answer. Notes anchor into one,
/// search hits are in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The question's own text (`question.text`).
    Question,
    /// The minister's answer (`answer.text`).
    Answer,
}

impl Field {
    /// `question` or `answer`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Question => "question",
            Field::Answer => "answer",
        }
    }
}

/// How the start of the answer was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Boundary {
    /// A `Réponse reçue le … :` / `Antwoord ontvangen op … :` line.
    Marker,
    /// No marker: the answer's numbering restarting after the question's parts.
    Inferred,
}

impl Boundary {
    /// The boundary of an answer given explicitly (JSON).
    fn given() -> Self {
        Boundary::Marker
    }
}

/// A minister's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The whole answer, lines joined by `\n`.
    #[serde(default)]
    pub text: Text,
    /// Its numbered sections, in order.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// How its start was found (JSON records without it: `marker`).
    #[serde(default = "Boundary::given")]
    pub boundary: Boundary,
    /// The date on the answer marker line, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Date>,
    /// Where the answer was published, for sources that publish answers in
    /// a bulletin (the Chamber).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Publication>,
}

/// A typed cross-reference to another parliamentary document (not a sibling).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    /// `reintroduced_as`, `reintroduction_of`, `requalification_of`, or the label as written.
    pub kind: String,
    /// The referenced document's id (`5-3466`).
    pub id: String,
}

/// Which file, and which lines of it, a question was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file it was read from (`embedded:` prefix for the built-in corpus).
    pub path: String,
    /// First line of the document in that file (1-based).
    pub first_line: usize,
    /// Last line of the document in that file (1-based).
    pub last_line: usize,
}

/// The same metadata in the document's other language (bilingual prints, JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// Language of these fields.
    pub lang: Option<Lang>,
    /// Title in that language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Addressee in that language, with its article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// Descriptors in that language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptors: Vec<String>,
    /// Ministry name in that language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ministry: Option<String>,
    /// The question's text in that language (the Chamber publishes both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<QuestionText>,
    /// The answer in that language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// True when the labels (title, addressee, descriptors, ministry) were
    /// swapped with the question's own for display
    /// ([`crate::corpus::display`]): the texts stay where they were, so
    /// notes anchored in them still point at the same lines.
    #[serde(skip)]
    pub labels_swapped: bool,
}

impl Translation {
    /// True when nothing is known in the other language.
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.addressee.is_none()
            && self.descriptors.is_empty()
            && self.ministry.is_none()
            && self.question.is_none()
            && self.answer.is_none()
    }
}

/// One written question with everything known about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The source's reference (`5-8902`); the source is the next field.
    pub id: QuestionId,
    /// Whose data this is (derived from `id`; ignored on input, where the
    /// JSON reader folds it into `id`).
    #[serde(default)]
    pub source: Source,
    /// Legislature, when the source has one (Senate: from the id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legislature: Option<u16>,
    /// Number inside the legislature (Senate: from the id; Chamber: the
    /// minister's question number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Title as written.
    #[serde(default)]
    pub title: Option<String>,
    /// Author's name.
    #[serde(default)]
    pub author: Option<String>,
    /// Author's party.
    #[serde(default)]
    pub party: Option<String>,
    /// Addressee as written, with its article (`au vice-premier ministre …`).
    #[serde(default)]
    pub addressee: Option<String>,
    /// Short ministry label derived from the addressee, or set in JSON.
    #[serde(default)]
    pub ministry: Option<String>,
    /// Language the question was asked in.
    #[serde(default)]
    pub asked_in: Option<Lang>,
    /// Date printed in the header (author line or question header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Address of the page the question was taken from, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Thesaurus descriptors, in order.
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// Chronology in document order.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Ids of the same question sent to other members of the government.
    #[serde(default)]
    pub siblings: Vec<QuestionId>,
    /// The question's text and parts.
    #[serde(default)]
    pub question: QuestionText,
    /// The answer, when its text is in the corpus.
    #[serde(default)]
    pub answer: Option<Answer>,
    /// Later answers to the same question (the Chamber publishes up to four;
    /// `answer` is the first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub further_answers: Vec<Answer>,
    /// Where the question stands, when the source says; else derived from
    /// the answer date (see [`Question::state`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Days from sending to answer (derived; ignored on input).
    #[serde(default)]
    pub days_to_answer: Option<i64>,
    /// Answer deadline from the chronology suffix.
    #[serde(default)]
    pub deadline: Option<Date>,
    /// Typed cross-references other than siblings.
    #[serde(default)]
    pub links: Vec<Link>,
    /// True when the id was deduced from the sibling list, not read.
    #[serde(default)]
    pub id_inferred: bool,
    /// The file and lines the question was read from (called `source`
    /// before sources existed; the JSON reader accepts that form).
    #[serde(default)]
    pub origin: Origin,
    /// Metadata in the other language, when known.
    #[serde(default, skip_serializing_if = "Translation::is_empty")]
    pub translation: Translation,
    /// Other references the question is known by and may be typed as (a UK
    /// question's UIN, which answers cite as "PQ 12345").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Documents published with the answer (the UK's attachments).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// A document attached to an answer, listed by title and address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Its title as the source gives it.
    pub title: String,
    /// Where to download it.
    pub url: String,
}

impl Question {
    /// An empty question carrying only its id.
    pub fn new(id: QuestionId) -> Self {
        Self {
            id,
            source: id.source(),
            legislature: id.senate_parts().map(|(l, _)| l),
            number: id.senate_parts().map(|(_, n)| n),
            title: None,
            author: None,
            party: None,
            addressee: None,
            ministry: None,
            asked_in: None,
            date: None,
            url: None,
            descriptors: Vec::new(),
            events: Vec::new(),
            siblings: Vec::new(),
            question: QuestionText::default(),
            answer: None,
            further_answers: Vec::new(),
            status: None,
            days_to_answer: None,
            deadline: None,
            links: Vec::new(),
            id_inferred: false,
            origin: Origin::default(),
            translation: Translation::default(),
            aliases: Vec::new(),
            attachments: Vec::new(),
        }
    }

    /// Date of the first event of `kind`.
    pub fn first(&self, kind: EventKind) -> Option<Date> {
        self.events.iter().find(|e| e.kind == kind).map(|e| e.date)
    }

    /// Date the question was sent.
    pub fn sent(&self) -> Option<Date> {
        self.first(EventKind::Sent)
    }

    /// Date the answer was received: the chronology, else the answer marker.
    pub fn answered(&self) -> Option<Date> {
        self.first(EventKind::Answer)
            .or_else(|| self.answer.as_ref().and_then(|a| a.received))
    }

    /// Dates of the reminders, in order.
    pub fn reminders(&self) -> Vec<Date> {
        self.events
            .iter()
            .filter(|e| e.kind == EventKind::Reminder)
            .map(|e| e.date)
            .collect()
    }

    /// Days from sending to answer, when both are known.
    pub fn compute_days_to_answer(&self) -> Option<i64> {
        let (sent, answered) = (self.sent()?, self.answered()?);
        Some(i64::from((answered - sent).get_days()))
    }

    /// Recomputes the derived fields (`days_to_answer`, `source`, and for
    /// the Senate `legislature` and `number`).
    pub fn refresh_derived(&mut self) {
        self.source = self.id.source();
        if let Some((l, n)) = self.id.senate_parts() {
            self.legislature = Some(l);
            self.number = Some(n);
        }
        self.days_to_answer = self.compute_days_to_answer();
    }

    /// Where the question stands: the source's own status, else answered
    /// when an answer date is known, else unanswered.
    pub fn state(&self) -> Status {
        self.status.unwrap_or(if self.answered().is_some() {
            Status::Answered
        } else {
            Status::Unanswered
        })
    }

    /// The language `title`, `addressee`, `descriptors`, `question` and
    /// `answer` are written in: the other of the translation's, else the
    /// language asked in.
    pub fn text_lang(&self) -> Option<Lang> {
        self.translation.lang.map(Lang::other).or(self.asked_in)
    }

    /// True when `lang` is the translation's language, so the `_in`
    /// accessors should read the translation.
    fn wants_translation(&self, lang: Lang) -> bool {
        self.translation.lang == Some(lang) && self.text_lang() != Some(lang)
    }

    /// The language the label fields (title, addressee, descriptors,
    /// ministry) are in: the text's, or the translation's once swapped for
    /// display.
    pub fn labels_lang(&self) -> Option<Lang> {
        if self.translation.labels_swapped {
            self.translation.lang
        } else {
            self.text_lang()
        }
    }

    /// True when the translation's label fields are the ones in `lang`.
    fn wants_translated_labels(&self, lang: Lang) -> bool {
        let translated = if self.translation.labels_swapped {
            self.text_lang()
        } else {
            self.translation.lang
        };
        translated == Some(lang) && self.labels_lang() != Some(lang)
    }

    /// The title in `lang` when known, else the title as written.
    pub fn title_in(&self, lang: Lang) -> Option<&str> {
        self.wants_translated_labels(lang)
            .then_some(self.translation.title.as_deref())
            .flatten()
            .or(self.title.as_deref())
    }

    /// The addressee in `lang` when known, else as written.
    pub fn addressee_in(&self, lang: Lang) -> Option<&str> {
        self.wants_translated_labels(lang)
            .then_some(self.translation.addressee.as_deref())
            .flatten()
            .or(self.addressee.as_deref())
    }

    /// The ministry's name in `lang`: the known ministry's name, else the
    /// label in that language when given, else as set.
    pub fn ministry_in(&self, lang: Lang) -> Option<&str> {
        if let Some(m) = self.ministry_entity() {
            return Some(m.name(lang));
        }
        self.wants_translated_labels(lang)
            .then_some(self.translation.ministry.as_deref())
            .flatten()
            .or(self.ministry.as_deref())
    }

    /// The one ministry this question is addressed to, when its label (in
    /// either language) names a known portfolio.
    pub fn ministry_entity(&self) -> Option<&'static super::ministries::Ministry> {
        [
            self.ministry.as_deref(),
            self.translation.ministry.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find_map(super::ministries::canonical)
    }

    /// What groups questions by ministry: the known ministry's key, else
    /// the label folded (so `Météo` and `METEO` are one), else `None` (the
    /// one unknown ministry).
    pub fn ministry_key(&self) -> Option<String> {
        match self.ministry_entity() {
            Some(m) => Some(m.key.to_string()),
            None => self.ministry.as_deref().map(super::ministries::fold),
        }
    }

    /// The descriptors in `lang` when known, else as written.
    pub fn descriptors_in(&self, lang: Lang) -> &[String] {
        if self.wants_translated_labels(lang) && !self.translation.descriptors.is_empty() {
            &self.translation.descriptors
        } else {
            &self.descriptors
        }
    }

    /// The question's text in `lang` when known, else as written.
    pub fn question_in(&self, lang: Lang) -> &QuestionText {
        self.wants_translation(lang)
            .then_some(self.translation.question.as_ref())
            .flatten()
            .unwrap_or(&self.question)
    }

    /// The answer in `lang` when known, else as written.
    pub fn answer_in(&self, lang: Lang) -> Option<&Answer> {
        self.wants_translation(lang)
            .then_some(self.translation.answer.as_ref())
            .flatten()
            .or(self.answer.as_ref())
    }

    /// True when the corpus holds neither question nor answer text.
    pub fn is_metadata_only(&self) -> bool {
        self.question.text.is_empty() && self.answer.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_to_answer_counts_calendar_days() {
        let mut q = Question::new(QuestionId::senate(5, 8902));
        q.events = vec![
            Event {
                date: date(2013, 4, 30),
                kind: EventKind::Sent,
                label: "Envoi question".into(),
            },
            Event {
                date: date(2013, 12, 18),
                kind: EventKind::Reminder,
                label: "Rappel".into(),
            },
            Event {
                date: date(2014, 2, 17),
                kind: EventKind::Answer,
                label: "Réponse".into(),
            },
        ];
        q.refresh_derived();
        assert_eq!(q.days_to_answer, Some(293));
        assert_eq!(q.reminders(), vec![date(2013, 12, 18)]);
    }

    #[test]
    fn event_serialises_as_contract() {
        let e = Event {
            date: date(2013, 4, 30),
            kind: EventKind::Sent,
            label: "Envoi question".into(),
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"date":"2013-04-30","kind":"sent","label":"Envoi question"}"#
        );
    }
}
