//! The fixed strings of Senate pages, in French and Dutch, and the small
//! recognisers built on them (chronology labels, cross-references, headers).

use super::dates;
use super::id::QuestionId;
use super::model::{EventKind, Lang};
use jiff::civil::Date;

/// Chronology label → kind. Anything else is `Other` with its label.
pub fn event_kind(label: &str) -> EventKind {
    match label.trim().to_lowercase().as_str() {
        "envoi question" | "verzending vraag" => EventKind::Sent,
        "rappel" => EventKind::Reminder,
        "réponse" | "reponse" | "antwoord" => EventKind::Answer,
        _ => EventKind::Other,
    }
}

/// Prefixes that open the deadline suffix of a chronology line.
const DEADLINE: [&str; 2] = [
    "(Fin du délai de réponse:",
    "(Einde van de antwoordtermijn:",
];

/// One entry of a chronology line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChronoEntry {
    /// Date of the step.
    pub date: Date,
    /// Label as written, without separators or deadline suffix.
    pub label: String,
    /// Deadline from a `(Fin du délai de réponse: …)` suffix.
    pub deadline: Option<Date>,
}

/// Parses a chronology line in any layout: `30/4/2013Envoi question`,
/// `30/4/2013 | Envoi question |`, with an optional deadline suffix; a line may
/// hold several entries side by side (bilingual print). `None` if it is not one.
pub fn chronology(line: &str) -> Option<Vec<ChronoEntry>> {
    let line = line.trim();
    dates::parse_short_prefix(line)?;
    // Entry starts: position 0 and every later short date after a space.
    let mut starts = vec![0];
    for (i, _) in line.match_indices(' ') {
        let next = &line[i + 1..];
        if dates::parse_short_prefix(next).is_some_and(|(_, rest)| {
            rest.starts_with(|c: char| c.is_alphabetic()) || rest.trim_start().starts_with('|')
        }) && !inside_parens(line, i)
        {
            starts.push(i + 1);
        }
    }
    starts.push(line.len());
    let mut entries = Vec::new();
    for w in starts.windows(2) {
        let chunk = &line[w[0]..w[1]];
        let (date, rest) = dates::parse_short_prefix(chunk)?;
        // Either glued (`30/4/2013Rappel`) or piped (`30/4/2013 | Rappel |`).
        if rest.starts_with(char::is_whitespace) && !rest.trim_start().starts_with('|') {
            return None;
        }
        let mut label = rest.trim();
        let mut deadline = None;
        for prefix in DEADLINE {
            if let Some(pos) = label.find(prefix) {
                let inner = label[pos + prefix.len()..]
                    .trim_end()
                    .trim_end_matches('|')
                    .trim_end();
                deadline = dates::parse_short(inner.trim_end_matches(')'));
                label = label[..pos].trim_end();
            }
        }
        let label = label
            .trim_matches(|c: char| c == '|' || c.is_whitespace())
            .to_string();
        if label.is_empty()
            || label.len() > 60
            || !label.starts_with(|c: char| c.is_alphabetic())
            || label.contains(['.', ',', ';', '?'])
        {
            return None;
        }
        entries.push(ChronoEntry {
            date,
            label,
            deadline,
        });
    }
    Some(entries)
}

fn inside_parens(line: &str, at: usize) -> bool {
    let before = &line[..at];
    before.matches('(').count() > before.matches(')').count()
}

/// Kind of a cross-reference line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrossRef {
    /// `Aussi posée à` / `Ook gesteld aan`: a sibling, with the label's language.
    Sibling(QuestionId, Lang),
    /// Any other typed reference (`reintroduced_as`, …, or the label as written).
    Link {
        /// Normalised kind.
        kind: String,
        /// Referenced id as written.
        id: String,
    },
}

/// Known cross-reference labels and their kinds.
const LINK_LABELS: [(&str, &str); 8] = [
    ("Réintroduite comme", "reintroduced_as"),
    ("Réintroduit comme", "reintroduced_as"),
    ("Réintroduction de", "reintroduction_of"),
    ("Requalification de", "requalification_of"),
    ("Requalifiée comme", "requalified_as"),
    ("Herkwalificatie van", "requalification_of"),
    ("Opnieuw ingediend als", "reintroduced_as"),
    ("Heringediend als", "reintroduced_as"),
];

/// Sibling labels.
const SIBLING_LABELS: [(&str, Lang); 2] =
    [("Aussi posée à", Lang::Fr), ("Ook gesteld aan", Lang::Nl)];

/// Parses a cross-reference line (`Label : kind of document L-N`); a line may
/// hold the same reference twice side by side (bilingual print).
pub fn cross_refs(line: &str) -> Option<Vec<CrossRef>> {
    let line = line.trim();
    let (label, _) = line.split_once(" : ").or_else(|| line.split_once(": "))?;
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 40 || label.contains(['.', '?', ',']) {
        return None;
    }
    // The value ends with an id; anything after a second label is another entry.
    let mut out = Vec::new();
    // Only a bilingual print repeats an entry on one line (two colons).
    let pieces = if memchr::memchr_iter(b':', line.as_bytes()).nth(1).is_some() {
        split_repeats(line)
    } else {
        vec![line]
    };
    for piece in pieces {
        let (label, value) = piece.split_once(':')?;
        let label = label.trim();
        let id_text = value
            .split_whitespace()
            .find(|w| QuestionId::find_in(w).is_some() && w.contains('-'))?;
        let id_text = id_text.trim_end_matches(|c: char| !c.is_ascii_digit());
        if let Some((_, lang)) = SIBLING_LABELS
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(label))
        {
            out.push(CrossRef::Sibling(id_text.parse().ok()?, *lang));
        } else {
            let kind = LINK_LABELS
                .iter()
                .find(|(l, _)| l.eq_ignore_ascii_case(label))
                .map_or_else(|| label.to_string(), |(_, k)| (*k).to_string());
            out.push(CrossRef::Link {
                kind,
                id: id_text.to_string(),
            });
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Splits `A : x 5-1 A : x 5-1` into its repeated entries.
fn split_repeats(line: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    for (label, _) in SIBLING_LABELS
        .iter()
        .map(|(l, _)| (*l, ()))
        .chain(LINK_LABELS.iter().map(|(l, _)| (*l, ())))
    {
        for (pos, _) in line.match_indices(label) {
            if pos > 0 {
                cuts.push(pos);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.push(line.len());
    cuts.windows(2)
        .map(|w| line[w[0]..w[1]].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A line naming the question: number line or question header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdLine {
    /// The id.
    pub id: QuestionId,
    /// Language of the label.
    pub lang: Lang,
    /// Date after `du` / `d.d.`.
    pub date: Option<Date>,
    /// Language the question was asked in, from `(Question posée en …)`.
    pub asked_in: Option<Lang>,
    /// True for the question header that opens the body.
    pub is_header: bool,
    /// True when the line holds both a French and a Dutch label (bilingual print).
    pub bilingual: bool,
}

const ID_PREFIXES: [(&str, Lang, bool); 6] = [
    ("Question écrite n°", Lang::Fr, false),
    ("Question écrite nº", Lang::Fr, false),
    ("Schriftelijke vraag nr.", Lang::Nl, false),
    ("Question n°", Lang::Fr, true),
    ("Question nº", Lang::Fr, true),
    ("Vraag nr.", Lang::Nl, true),
];

/// Parses a number line (`Question écrite n° 5-8916`) or a question header
/// (`Question n° 5-8916 du 30 avril 2013 : (Question posée en néerlandais)`).
pub fn id_line(line: &str) -> Option<IdLine> {
    let mut s = line.trim();
    for banner in ["SÉNAT ", "SENAT ", "SENAAT "] {
        if let Some(rest) = s.strip_prefix(banner) {
            s = rest;
        }
    }
    let (prefix, lang, short_form) = ID_PREFIXES.iter().find(|(p, _, _)| s.starts_with(p))?;
    let rest = s[prefix.len()..].trim_start();
    let token_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(rest.len());
    let id: QuestionId = rest[..token_end].parse().ok()?;
    let mut rest = rest[token_end..].trim_start();
    let mut date = None;
    for joiner in ["du ", "d.d. ", "van "] {
        if let Some(after) = rest.strip_prefix(joiner) {
            let (d, after) = dates::parse_long_prefix(after)?;
            date = Some(d);
            rest = after.trim_start();
            break;
        }
    }
    let colon = rest.starts_with(':');
    let rest = rest.trim_start_matches(':').trim();
    let asked_in = asked_in_note(rest);
    let bilingual = ID_PREFIXES
        .iter()
        .any(|(p, l, _)| *l != *lang && rest.contains(p));
    if !(rest.is_empty() || asked_in.is_some() || bilingual) {
        return None;
    }
    Some(IdLine {
        id,
        lang: *lang,
        date,
        asked_in,
        is_header: *short_form || date.is_some() || colon,
        bilingual,
    })
}

/// Reads `(Question posée en néerlandais)` and its Dutch and French variants.
pub fn asked_in_note(s: &str) -> Option<Lang> {
    let s = s.trim().to_lowercase();
    if !(s.starts_with("(question posée en") || s.starts_with("(vraag gesteld in het")) {
        return None;
    }
    if s.contains("néerlandais") || s.contains("nederlands") {
        Some(Lang::Nl)
    } else if s.contains("français") || s.contains("frans") {
        Some(Lang::Fr)
    } else {
        None
    }
}

/// Reads an answer marker `Réponse reçue le 11 mai 2012 :`; returns its date
/// and any text after the colon.
pub fn answer_marker(line: &str) -> Option<(Option<Date>, &str)> {
    let s = line.trim_start();
    let rest = s
        .strip_prefix("Réponse reçue le ")
        .or_else(|| s.strip_prefix("Antwoord ontvangen op "))?;
    let (date, after) = match dates::parse_long_prefix(rest) {
        Some((d, after)) => (Some(d), after),
        None => (None, rest.split_once(':').map_or("", |(_, a)| a)),
    };
    let after = after.trim_start();
    let after = after.strip_prefix(':').unwrap_or(after);
    Some((date, after.trim()))
}

/// Reads an author line `de Name (Party) du 30 avril 2013` (date optional).
pub fn author_line(line: &str) -> Option<(String, String, Option<Date>)> {
    let s = line.trim();
    let rest = s.strip_prefix("de ").or_else(|| s.strip_prefix("van "))?;
    let open = rest.find('(')?;
    let close = open + rest[open..].find(')')?;
    let name = rest[..open].trim();
    let party = rest[open + 1..close].trim();
    if name.is_empty()
        || party.is_empty()
        || name.split_whitespace().count() > 6
        || party.len() > 40
    {
        return None;
    }
    let tail = rest[close + 1..].trim();
    let date = if tail.is_empty() {
        None
    } else {
        let t = tail
            .strip_prefix("du ")
            .or_else(|| tail.strip_prefix("d.d. "))?;
        Some(dates::parse_long(t)?)
    };
    Some((name.to_string(), party.to_string(), date))
}

/// Reads an addressee line (`au …`, `à la …`, `à l'…`, `aan de …`).
pub fn addressee_line(line: &str) -> Option<Lang> {
    let s = line.trim();
    const FR: [&str; 5] = ["au ", "aux ", "à la ", "à l'", "à l’"];
    const NL: [&str; 3] = ["aan de ", "aan het ", "aan "];
    if FR.iter().any(|p| s.starts_with(p)) {
        Some(Lang::Fr)
    } else if NL.iter().any(|p| s.starts_with(p)) {
        Some(Lang::Nl)
    } else {
        None
    }
}

/// Lines that carry no content: print links, banners, sessions, headings, separators.
pub fn is_furniture(line: &str) -> bool {
    let s = line.trim();
    if s.len() >= 3 && s.chars().all(|c| c == '_' || c == ' ') && s.contains("___") {
        return true;
    }
    let lower = s.to_lowercase();
    lower.contains("version à imprimer")
        || lower.contains("printerversie")
        || matches!(
            lower.as_str(),
            "chronologie"
                | "sénat de belgique"
                | "belgische senaat"
                | "sénat de belgique belgische senaat"
                | "voorlopig antwoord (pdf)"
                | "réponse provisoire (pdf)"
        )
        || session_line(s)
}

/// `Session 2012-2013` / `Zitting 2012-2013` (or both).
fn session_line(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let mut any = false;
    while let Some(w) = words.next() {
        if !matches!(w, "Session" | "Zitting") {
            return false;
        }
        match words.next() {
            Some(y) if y.len() == 9 && y.as_bytes()[4] == b'-' => any = true,
            _ => return false,
        }
    }
    any
}

/// True for a line that opens a new document (used to split files holding
/// several). Called on every body line, so it rejects cheaply first: such
/// lines are short and hold `imprimer`, `printerversie` or a banner.
pub fn opens_document(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 120 {
        return false;
    }
    if t.contains("mprimer") || t.contains("rinterversie") {
        let lower = t.to_lowercase();
        return lower.contains("version à imprimer") || lower.contains("printerversie");
    }
    if !t.starts_with(['S', 's', 'B', 'b']) {
        return false;
    }
    let head: String = t.chars().take(17).flat_map(char::to_lowercase).collect();
    head.starts_with("sénat de belgique") || head.starts_with("belgische senaat")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn chronology_in_every_layout() {
        let e = chronology("30/4/2013 | Envoi question |").unwrap();
        assert_eq!(e[0].label, "Envoi question");
        assert_eq!(e[0].date, date(2013, 4, 30));
        let e = chronology("18/12/2013Rappel").unwrap();
        assert_eq!(e[0].label, "Rappel");
        let e = chronology("9/3/2023Envoi question (Fin du délai de réponse: 6/4/2023)").unwrap();
        assert_eq!(e[0].label, "Envoi question");
        assert_eq!(e[0].deadline, Some(date(2023, 4, 6)));
        let e = chronology("4/2/2010Verzending vraag (Einde van de antwoordtermijn: 4/3/2010)")
            .unwrap();
        assert_eq!(e[0].deadline, Some(date(2010, 3, 4)));
        let e = chronology("30/4/2013Verzending vraag 30/4/2013Verzending vraag").unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].label, "Verzending vraag");
        assert!(chronology("1) Les SPF").is_none());
        assert!(chronology("30/4/2013 was a Tuesday, it rained. And").is_none());
        assert_eq!(event_kind("Dossier clôturé"), EventKind::Other);
        assert_eq!(event_kind("Antwoord"), EventKind::Answer);
    }

    #[test]
    fn cross_references() {
        let r = cross_refs("Aussi posée à : question écrite 5-8900").unwrap();
        assert_eq!(
            r,
            vec![CrossRef::Sibling(QuestionId::senate(5, 8900), Lang::Fr)]
        );
        let r = cross_refs("Ook gesteld aan : schriftelijke vraag 5-8901").unwrap();
        assert_eq!(
            r,
            vec![CrossRef::Sibling(QuestionId::senate(5, 8901), Lang::Nl)]
        );
        let r = cross_refs("Requalification de : demande d'explications 5-3466").unwrap();
        assert_eq!(
            r,
            vec![CrossRef::Link {
                kind: "requalification_of".into(),
                id: "5-3466".into()
            }]
        );
        let r = cross_refs("Herkwalificatie van : vraag om uitleg 5-3675").unwrap();
        assert_eq!(
            r,
            vec![CrossRef::Link {
                kind: "requalification_of".into(),
                id: "5-3675".into()
            }]
        );
        let r = cross_refs("Réintroduite comme : question écrite 7-804").unwrap();
        assert_eq!(
            r,
            vec![CrossRef::Link {
                kind: "reintroduced_as".into(),
                id: "7-804".into()
            }]
        );
        let r = cross_refs("Ook gesteld aan : schriftelijke vraag 5-8900 Ook gesteld aan : schriftelijke vraag 5-8900").unwrap();
        assert_eq!(r.len(), 2);
        assert!(
            cross_refs("J'aimerais dès lors obtenir une réponse aux questions suivantes :")
                .is_none()
        );
    }

    #[test]
    fn id_lines() {
        let l = id_line("Question écrite n° 5-8916").unwrap();
        assert_eq!((l.id, l.is_header), (QuestionId::senate(5, 8916), false));
        let l = id_line("Question n° 5-8916 du 30 avril 2013 : (Question posée en néerlandais)")
            .unwrap();
        assert!(l.is_header);
        assert_eq!(l.asked_in, Some(Lang::Nl));
        assert_eq!(l.date, Some(date(2013, 4, 30)));
        let l = id_line("Vraag nr. 5-8905 d.d. 30 april 2013 : (Vraag gesteld in het Nederlands)")
            .unwrap();
        assert_eq!(l.lang, Lang::Nl);
        let l = id_line("SENAAT Schriftelijke vraag nr. 5-8902 d.d. 30 april 2013 : (Vraag gesteld in het Nederlands)").unwrap();
        assert!(l.is_header);
        let l = id_line("Question écrite n° 5-8904 Schriftelijke vraag nr. 5-8904").unwrap();
        assert!(l.bilingual && !l.is_header);
        let l = id_line("SÉNAT Question écrite n° 5-9490").unwrap();
        assert!(!l.is_header);
        assert!(id_line("Question n° 5 est importante").is_none());
    }

    #[test]
    fn author_addressee_marker() {
        let (n, p, d) = author_line("de Martine Taelman (Open Vld) du 30 avril 2013").unwrap();
        assert_eq!(
            (n.as_str(), p.as_str(), d),
            ("Martine Taelman", "Open Vld", Some(date(2013, 4, 30)))
        );
        let (_, _, d) = author_line("van Martine Taelman (Open Vld) d.d. 30 april 2013").unwrap();
        assert!(d.is_some());
        assert!(
            author_line("de Martine Taelman (Open Vld)")
                .unwrap()
                .2
                .is_none()
        );
        assert!(author_line("de potentiels (clients) ou citoyens qui sont nombreux").is_none());
        assert_eq!(addressee_line("à la ministre de l'Emploi"), Some(Lang::Fr));
        assert_eq!(addressee_line("aan de minister van Werk"), Some(Lang::Nl));
        let (d, rest) = answer_marker("Réponse reçue le 11 mai 2012 :").unwrap();
        assert_eq!((d, rest), (Some(date(2012, 5, 11)), ""));
        let (d, _) = answer_marker("Antwoord ontvangen op 11 februari 2010 :").unwrap();
        assert_eq!(d, Some(date(2010, 2, 11)));
        assert!(is_furniture(
            "Version à imprimer bilingue Version à imprimer unilingue"
        ));
        assert!(is_furniture("________ ________"));
        assert!(is_furniture("Session 2012-2013 Zitting 2012-2013"));
        assert!(!is_furniture("Session de rattrapage"));
    }
}
