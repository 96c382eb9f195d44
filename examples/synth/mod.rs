//! Deterministic synthetic corpus of Senate written questions, for load and
//! search benchmarks and scale tests.
//!
//! Families of 1–20 siblings share a title, descriptors, an author and the
//! question text; each sibling has its own addressee, chronology (some with a
//! reminder, some never answered) and answer. Pages are written in the
//! stripped layout (F) and the French and Dutch web page layouts (A, B) of
//! `facts/senate-page-layouts.md`, in French or Dutch, about 5 KB each.
//! The same seed always gives byte-identical files: the generator uses its
//! own small PRNG (SplitMix64), no outside randomness.

#![allow(dead_code)]

pub mod records;
mod words;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use words::*;

/// SplitMix64: tiny, fast, and stable across platforms and versions.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }
}

/// What was written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Questions (= files) written.
    pub questions: usize,
    /// Families.
    pub families: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// Page layouts the generator writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Stripped,
    WebFr,
    WebNl,
}

/// Everything siblings share.
struct FamilyPlan {
    legislature: u16,
    first: u32,
    size: usize,
    title: (String, String),
    descriptors: Vec<(&'static str, &'static str)>,
    author: (&'static str, &'static str),
    sent: Date,
    asked_in_nl: bool,
    question_fr: String,
    question_nl: String,
    addressee_offset: usize,
}

/// Calls `write(relative_path, text)` for every file of a corpus of
/// `questions` questions generated from `seed`, in a stable order.
pub fn for_each_file(questions: usize, seed: u64, mut write: impl FnMut(&Path, &str)) -> Summary {
    let mut rng = Rng::new(seed);
    let mut summary = Summary::default();
    let mut made = 0usize;
    while made < questions {
        let legislature = 4 + (made / 10_000) as u16;
        let number = (made % 10_000) as u32 + 1;
        let room = (10_000 - (made % 10_000)).min(questions - made);
        let size = if rng.chance(55) { 1 } else { rng.range(2, 20) }.min(room);
        let plan = plan_family(&mut rng, legislature, number, size);
        for k in 0..size {
            let text = sibling_page(&mut rng, &plan, k);
            let n = plan.first + k as u32;
            let path = PathBuf::from(format!("{legislature}/{}/{legislature}-{n}.txt", n / 1000));
            summary.bytes += text.len() as u64;
            write(&path, &text);
        }
        made += size;
        summary.questions += size;
        summary.families += 1;
    }
    summary
}

/// Writes the corpus under `out` (created if needed).
pub fn generate(questions: usize, seed: u64, out: &Path) -> std::io::Result<Summary> {
    write_all(out, |w| for_each_file(questions, seed, w))
}

/// Writes UK-style and AN-style records under `out` (see [`records`]).
pub fn generate_records(questions: usize, seed: u64, out: &Path) -> std::io::Result<Summary> {
    write_all(out, |w| records::for_each_record(questions, seed, w))
}

/// Runs `files` with a writer that puts each file under `out`.
fn write_all(
    out: &Path,
    files: impl FnOnce(&mut dyn FnMut(&Path, &str)) -> Summary,
) -> std::io::Result<Summary> {
    let mut error = None;
    let summary = files(&mut |rel: &Path, text: &str| {
        if error.is_some() {
            return;
        }
        let path = out.join(rel);
        let result = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = result {
            error = Some(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", path.display()),
            ));
        }
    });
    error.map_or(Ok(summary), Err)
}

fn plan_family(rng: &mut Rng, legislature: u16, first: u32, size: usize) -> FamilyPlan {
    let (d, s, a) = (rng.pick(DOMAINS), rng.pick(SUBJECTS), rng.pick(ASPECTS));
    let title = (
        format!("{} - {} - {}", d.0, s.0, a.0),
        format!("{} - {} - {}", d.1, s.1, a.1),
    );
    let mut descriptors = Vec::new();
    for _ in 0..rng.range(2, 5) {
        let term = *rng.pick(DESCRIPTORS);
        if !descriptors.contains(&term) {
            descriptors.push(term);
        }
    }
    let year = 2008 + rng.range(0, 11) as i16;
    let sent = Date::new(year, rng.range(1, 12) as i8, rng.range(1, 28) as i8).expect("valid date");
    let parts = rng.range(2, 6);
    let seed = rng.next_u64();
    FamilyPlan {
        legislature,
        first,
        size,
        title,
        descriptors,
        author: *rng.pick(AUTHORS),
        sent,
        asked_in_nl: rng.chance(50),
        question_fr: question_text(&mut Rng::new(seed), parts, false),
        question_nl: question_text(&mut Rng::new(seed), parts, true),
        addressee_offset: rng.range(0, ADDRESSEES.len() - 1),
    }
}

/// Fills `{s}`, `{S}`, `{t}`, `{n}`, `{y}` in a template.
fn fill(rng: &mut Rng, template: &str, nl: bool) -> String {
    let (s, t) = (rng.pick(SERVICES), rng.pick(TOPICS));
    let (s, t) = if nl { (s.1, t.1) } else { (s.0, t.0) };
    let mut cap = s.to_string();
    if let Some(first) = cap.chars().next() {
        cap.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    let text = template
        .replace("{s}", s)
        .replace("{S}", &cap)
        .replace("{t}", t)
        .replace("{n}", &rng.range(2, 95).to_string())
        .replace("{y}", &rng.range(2005, 2015).to_string());
    // French contractions the slots create: "de le SPF" is written "du SPF".
    text.replace(" de le ", " du ").replace(" à le ", " au ")
}

/// Context sentences, then numbered sub-questions `1)` … `parts)`.
fn question_text(rng: &mut Rng, parts: usize, nl: bool) -> String {
    let (context, asks) = if nl {
        (NL_CONTEXT, NL_ASKS)
    } else {
        (FR_CONTEXT, FR_ASKS)
    };
    let mut out = String::new();
    for _ in 0..rng.range(2, 4) {
        let line = [rng.pick(context), rng.pick(context)]
            .map(|t| fill(rng, t, nl))
            .join(" ");
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(if nl {
        "Graag had ik een antwoord gekregen op de volgende vragen:\n"
    } else {
        "J'aimerais dès lors obtenir une réponse aux questions suivantes :\n"
    });
    for p in 1..=parts {
        let ask = [rng.pick(asks), rng.pick(asks)]
            .map(|t| fill(rng, t, nl))
            .join(" ");
        let _ = writeln!(out, "{p}) {ask}");
    }
    out
}

/// Numbered answer sections `1.` … matching the question's parts, some with
/// `a.`/`b.` sub-parts; `intro` adds an opening line (not in the stripped layout,
/// where the answer must start at `1.` for its boundary to be found).
fn answer_text(rng: &mut Rng, parts: usize, nl: bool, intro: bool) -> String {
    let bank = if nl { NL_ANSWERS } else { FR_ANSWERS };
    let mut out = String::new();
    if intro {
        out.push_str(if nl {
            "In antwoord op de vraag van het geachte lid kan ik het volgende meedelen.\n"
        } else {
            "En réponse à la question de l’honorable membre, je peux communiquer ce qui suit.\n"
        });
    }
    for p in 1..=parts {
        let _ = write!(out, "{p}. ");
        if rng.chance(30) {
            for sub in ["a.", "b."] {
                let _ = write!(out, "{sub} ");
                out.push_str(&sentences(rng, bank, nl));
                out.push('\n');
            }
        } else {
            for para in 0..rng.range(1, 2) {
                if para > 0 {
                    out.push('\n');
                }
                out.push_str(&sentences(rng, bank, nl));
            }
            out.push('\n');
        }
    }
    out
}

/// One to three sentences about social media: platforms with accounts and
/// figures in every local number form, negations, policy and money.
fn social_sentences(rng: &mut Rng, nl: bool) -> String {
    let bank = if nl { NL_SOCIAL } else { FR_SOCIAL };
    let count = rng.range(1, 3);
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let mut s = (*rng.pick(bank)).to_string();
        while let Some(i) = s.find("{P}") {
            let p = rng.pick(PLATFORMS).to_string();
            s.replace_range(i..i + 3, &p);
        }
        while let Some(i) = s.find("{N}") {
            let n = rng.range(10, 99_999);
            let form = match rng.range(0, 4) {
                0 => format!("{} {:03}", n / 1000, n % 1000),
                1 => format!("{}.{:03}", n / 1000, n % 1000),
                2 => format!("{},{:03}", n / 1000, n % 1000),
                3 => format!("{}\u{a0}{:03}", n / 1000, n % 1000),
                _ => n.to_string(),
            };
            let form = if n < 1000 { n.to_string() } else { form };
            s.replace_range(i..i + 3, &form);
        }
        while let Some(i) = s.find("{H}") {
            let h = format!("SPF_{}", rng.range(1, 99));
            s.replace_range(i..i + 3, &h);
        }
        while let Some(i) = s.find("{F}") {
            let f = format!("{},5", rng.range(0, 4));
            s.replace_range(i..i + 3, &f);
        }
        out.push(s);
    }
    out.join(" ")
}

/// Two to four filled sentences from `bank`, on one line.
fn sentences(rng: &mut Rng, bank: &[&str], nl: bool) -> String {
    let count = rng.range(2, 4);
    let mut line = Vec::with_capacity(count);
    for _ in 0..count {
        let template = *rng.pick(bank);
        line.push(fill(rng, template, nl));
    }
    line.join(" ")
}

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const NL_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

fn long_date(d: Date, nl: bool) -> String {
    let months = if nl { NL_MONTHS } else { FR_MONTHS };
    format!(
        "{} {} {}",
        d.day(),
        months[d.month() as usize - 1],
        d.year()
    )
}

fn short_date(d: Date) -> String {
    format!("{}/{}/{}", d.day(), d.month(), d.year())
}

fn plus_days(d: Date, days: usize) -> Date {
    d.checked_add(jiff::Span::new().days(days as i64))
        .unwrap_or(d)
}

/// One sibling's page, in a layout drawn for it.
fn sibling_page(rng: &mut Rng, plan: &FamilyPlan, k: usize) -> String {
    let layout = match rng.range(0, 9) {
        0..=3 => Layout::Stripped,
        4..=6 => Layout::WebFr,
        _ => Layout::WebNl,
    };
    let nl = layout == Layout::WebNl;
    let id = format!("{}-{}", plan.legislature, plan.first + k as u32);
    let addressee = ADDRESSEES[(plan.addressee_offset + k) % ADDRESSEES.len()];
    let reminder = rng
        .chance(25)
        .then(|| plus_days(plan.sent, rng.range(60, 200)));
    let answered = rng
        .chance(80)
        .then(|| plus_days(reminder.unwrap_or(plan.sent), rng.range(10, 150)));
    let parts = plan
        .question_fr
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    let answer = answered.map(|_| {
        let mut text = answer_text(rng, parts, nl, layout != Layout::Stripped);
        // Platform mentions, figures and negations for the social-media
        // lens, from a generator of their own so that the rest of the
        // corpus stays as it was.
        let mut social = Rng::new(u64::from(plan.first) << 8 | k as u64);
        let extra = social_sentences(&mut social, nl);
        if text.ends_with('\n') {
            text.pop();
        }
        text.push(' ');
        text.push_str(&extra);
        text.push('\n');
        text
    });

    let mut out = String::with_capacity(6000);
    let title = if nl { &plan.title.1 } else { &plan.title.0 };
    let (sent_label, reminder_label, answer_label) = if nl {
        ("Verzending vraag", "Rappel", "Antwoord")
    } else {
        ("Envoi question", "Rappel", "Réponse")
    };
    let mut chronology = vec![(plan.sent, sent_label)];
    chronology.extend(reminder.map(|d| (d, reminder_label)));
    chronology.extend(answered.map(|d| (d, answer_label)));
    let siblings = (0..plan.size)
        .filter(|&j| j != k)
        .map(|j| plan.first + j as u32);
    let body = if nl {
        &plan.question_nl
    } else {
        &plan.question_fr
    };

    if layout == Layout::Stripped {
        let _ = writeln!(out, "{title}");
        for d in &plan.descriptors {
            let _ = writeln!(out, "{}", d.0);
        }
        for (date, label) in &chronology {
            let _ = writeln!(out, "{} | {label} |", short_date(*date));
        }
        for n in siblings {
            let _ = writeln!(
                out,
                "Aussi posée à : question écrite {}-{n}",
                plan.legislature
            );
        }
        out.push_str(body);
        if let Some(answer) = &answer {
            out.push_str(answer);
        }
        return out;
    }

    let asked = match (nl, plan.asked_in_nl) {
        (false, true) => "(Question posée en néerlandais)",
        (false, false) => "(Question posée en français)",
        (true, true) => "(Vraag gesteld in het Nederlands)",
        (true, false) => "(Vraag gesteld in het Frans)",
    };
    let sent = long_date(plan.sent, nl);
    let (name, party) = plan.author;
    if nl {
        let _ = write!(
            out,
            "Tweetalige printerversie Eentalige printerversie\n\nSchriftelijke vraag nr. {id}\n\nvan {name} ({party}) d.d. {sent}\n\n{}\n\n{title}\n\n",
            addressee.1
        );
    } else {
        let _ = write!(
            out,
            "Version à imprimer bilingue Version à imprimer unilingue\n\nQuestion écrite n° {id}\n\nde {name} ({party}) du {sent}\n\n{}\n\n{title}\n\n",
            addressee.0
        );
    }
    for d in &plan.descriptors {
        let _ = writeln!(out, "{}", if nl { d.1 } else { d.0 });
    }
    out.push_str("\nChronologie\n\n");
    for (date, label) in &chronology {
        let _ = writeln!(out, "{}{label}", short_date(*date));
    }
    out.push('\n');
    for n in siblings {
        if nl {
            let _ = writeln!(
                out,
                "Ook gesteld aan : schriftelijke vraag {}-{n}",
                plan.legislature
            );
        } else {
            let _ = writeln!(
                out,
                "Aussi posée à : question écrite {}-{n}",
                plan.legislature
            );
        }
    }
    if nl {
        let _ = write!(out, "\nVraag nr. {id} d.d. {sent} : {asked}\n\n");
    } else {
        let _ = write!(out, "\nQuestion n° {id} du {sent} : {asked}\n\n");
    }
    out.push_str(body);
    if let (Some(answer), Some(date)) = (&answer, answered) {
        if nl {
            let _ = write!(
                out,
                "\nAntwoord ontvangen op {} :\n\n",
                long_date(date, true)
            );
        } else {
            let _ = write!(out, "\nRéponse reçue le {} :\n\n", long_date(date, false));
        }
        out.push_str(answer);
    }
    out
}
