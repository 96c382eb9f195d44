//! Deterministic UK-style and Assemblée nationale-style records (one JSON
//! file per question, in the shapes `qreview fetch uk` and the AN dumps
//! write), with circular families and decoys, for the family-detection
//! benchmark and scale tests.
//!
//! Half the questions are UK, half AN. A family is one member's question
//! sent the same day to 2–8 departments (UK: "To ask the Secretary of State
//! for …," then the shared text; AN: "… attire l'attention de M. le
//! ministre de … sur …"). Decoys: the same member asking other questions
//! the same day, and another member asking a family's text.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{Rng, Summary};

const UK_BODIES: &[&str] = &[
    "Secretary of State for Defence",
    "Secretary of State for Health and Social Care",
    "Secretary of State for Education",
    "Secretary of State for the Home Department",
    "Minister for the Cabinet Office",
    "Chancellor of the Exchequer",
    "Secretary of State for Transport",
    "Secretary of State for Work and Pensions",
    "Secretary of State for Justice",
    "Secretary of State for Business and Trade",
];

const AN_MINISTERS: &[&str] = &[
    "M. le ministre de l'intérieur",
    "Mme la ministre de la santé et de la prévention",
    "M. le ministre de l'éducation nationale",
    "M. le ministre de la justice",
    "Mme la ministre de la culture",
    "M. le ministre du travail, du plein emploi et de l'insertion",
    "M. le ministre de l'économie et des finances",
    "Mme la ministre de la transition énergétique",
];

const WORDS: &[&str] = &[
    "social",
    "media",
    "accounts",
    "spending",
    "promotion",
    "staff",
    "contracts",
    "guidance",
    "policy",
    "data",
    "platforms",
    "advertising",
    "officials",
    "training",
    "assessment",
    "consultation",
    "budget",
    "regional",
    "offices",
    "services",
    "digital",
    "records",
    "security",
    "procurement",
    "suppliers",
    "complaints",
    "targets",
    "statistics",
    "publication",
    "review",
    "vacancies",
    "agency",
    "pilot",
    "scheme",
    "funding",
    "grants",
    "evaluation",
    "timescale",
    "housing",
    "transport",
    "energy",
    "schools",
    "hospitals",
    "prisons",
    "courts",
    "police",
    "veterans",
    "pensions",
    "benefits",
    "apprenticeships",
    "exports",
    "tariffs",
    "emissions",
    "flooding",
    "broadband",
    "libraries",
    "museums",
    "sport",
    "tourism",
    "fisheries",
];

const MOTS: &[&str] = &[
    "réseaux",
    "sociaux",
    "comptes",
    "dépenses",
    "promotion",
    "agents",
    "contrats",
    "circulaire",
    "politique",
    "données",
    "plateformes",
    "publicité",
    "fonctionnaires",
    "formation",
    "bilan",
    "consultation",
    "budget",
    "régions",
    "services",
    "numérique",
    "archives",
    "sécurité",
    "marchés",
    "prestataires",
    "plaintes",
    "objectifs",
    "statistiques",
    "publication",
    "réforme",
    "logement",
    "transports",
    "énergie",
    "écoles",
    "hôpitaux",
    "prisons",
    "tribunaux",
    "police",
    "retraites",
    "allocations",
    "apprentissage",
    "exportations",
    "émissions",
    "inondations",
];

/// A subject: 25–45 words drawn from `bank`, so two subjects share few shingles.
fn subject(rng: &mut Rng, bank: &[&str]) -> String {
    let n = rng.range(25, 45);
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        let word: &&str = rng.pick(bank);
        s.push_str(word);
    }
    s
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn uk_record(id: u64, member: usize, day: u32, body: usize, subject: &str) -> String {
    let date = format!(
        "2024-{:02}-{:02}T00:00:00",
        1 + (day / 28) % 12,
        1 + day % 28
    );
    let text = format!("To ask the {}, how {subject}.", UK_BODIES[body]);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"{{"value":{{"id":{id},"askingMemberId":{member},"askingMember":{{"id":{member},"name":"Member {member}","party":"Party {p}"}},"house":"Commons","dateTabled":"{date}","dateForAnswer":"{date}","uin":"{uin}","questionText":{text},"answeringBodyId":{body},"answeringBodyName":{name},"isWithdrawn":false,"isNamedDay":false,"groupedQuestions":[],"answerIsHolding":false,"answerIsCorrection":false,"dateAnswered":"{date}","answerText":"<p>The Department publishes these figures annually.</p>","heading":"Generated: question {id}","attachments":[]}},"links":[]}}"#,
        p = member % 7,
        uin = id % 1_000_000,
        text = json_str(&text),
        name = json_str(UK_BODIES[body]),
    );
    s
}

fn an_record(num: u64, member: usize, day: u32, minister: usize, subject: &str) -> String {
    let date = format!("2023-{:02}-{:02}", 1 + (day / 28) % 12, 1 + day % 28);
    let text = format!(
        "M. Député {member} attire l'attention de {} sur les {subject}. Il lui demande quelles mesures sont envisagées.",
        AN_MINISTERS[minister]
    );
    let mut s = String::new();
    let _ = write!(
        s,
        r#"{{"question":{{"uid":"QANR5L16QE{num}","identifiant":{{"numero":"{num}","legislature":"16"}},"type":"QE","indexationAN":{{"rubrique":"administration","analyses":{{"analyse":"Question générée"}}}},"auteur":{{"identite":{{"acteurRef":"PA{member}"}},"groupe":{{"abrege":"G{g}"}}}},"minInt":{{"abrege":"M{minister}","developpe":{dev}}},"textesQuestion":{{"texteQuestion":{{"infoJO":{{"dateJO":"{date}","pageJO":"1"}},"texte":{text}}}}},"textesReponse":{{"texteReponse":{{"infoJO":{{"dateJO":"{date}","pageJO":"2"}},"texte":"<p>Réponse générée.</p>"}}}},"cloture":{{"codeCloture":"REP_PUB","libelleCloture":"Réponse publiée","dateCloture":"{date}"}}}}}}"#,
        g = member % 9,
        dev = json_str(AN_MINISTERS[minister]),
        text = json_str(&text),
    );
    s
}

/// Calls `write(relative_path, json)` for `questions` records from `seed`:
/// half UK, half AN. Returns what was written (`families` counts the
/// circular ones, two or more members).
pub fn for_each_record(questions: usize, seed: u64, mut write: impl FnMut(&Path, &str)) -> Summary {
    let mut rng = Rng::new(seed);
    let mut summary = Summary::default();
    let mut made = 0usize;
    let mut next_id = 1_800_000u64;
    while made < questions {
        let uk = made.is_multiple_of(2);
        let member = rng.range(1, 650);
        let day = rng.range(0, 500) as u32;
        let bank = if uk { WORDS } else { MOTS };
        let text = subject(&mut rng, bank);
        let roll = rng.range(0, 99);
        // 40% circular families, 60% single questions; a third of the
        // singles are decoys of a family just written.
        let size = if roll < 40 { rng.range(2, 8) } else { 1 };
        let addressees = if uk {
            UK_BODIES.len()
        } else {
            AN_MINISTERS.len()
        };
        let first = rng.range(0, addressees - 1);
        let mut emit = |member: usize, day: u32, k: usize, text: &str, rng: &mut Rng| {
            let _ = rng;
            next_id += 1;
            let (path, json) = if uk {
                (
                    PathBuf::from(format!("uk/{}/{next_id}.json", next_id / 1000)),
                    uk_record(next_id, member, day, k % addressees, text),
                )
            } else {
                (
                    PathBuf::from(format!("an/{}/QANR5L16QE{next_id}.json", next_id / 1000)),
                    an_record(next_id, member, day, k % addressees, text),
                )
            };
            summary.bytes += json.len() as u64;
            summary.questions += 1;
            write(&path, &json);
        };
        for k in 0..size.min(questions - made) {
            emit(member, day, first + k, &text, &mut rng);
            made += 1;
        }
        if size > 1 {
            summary.families += 1;
            if made < questions && rng.chance(30) {
                // Another member asks the same text the same day.
                emit(member % 650 + 1, day, first, &text, &mut rng);
                made += 1;
            }
            if made < questions && rng.chance(30) {
                // The same member asks something else the same day.
                let other = subject(&mut rng, bank);
                emit(member, day, first, &other, &mut rng);
                made += 1;
            }
        }
    }
    summary
}
