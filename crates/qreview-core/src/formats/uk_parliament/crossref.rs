//! Cross-references in UK answers: "I refer the hon. Member to the answer I
//! gave on 22 January 2024 to PQ 12345" (also "Question 12345", "UIN
//! HL1234"). Each cited UIN becomes a typed link that the corpus resolves
//! through the cited question's UIN alias.

/// The words after which a UIN is cited.
const CUES: [&str; 6] = ["pq", "pqs", "uin", "uins", "question", "questions"];

/// The UINs an answer refers the member to, in order, without repeats.
/// Only answers that "refer" someone count, so a number in an ordinary
/// answer ("question 3 of the survey") is not taken for a citation.
pub fn find(answer: &str) -> Vec<String> {
    let lower = answer.to_lowercase();
    if !lower.contains("refer") {
        return Vec::new();
    }
    let words: Vec<&str> = answer
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].trim_end_matches(['.', ':']).to_lowercase();
        if CUES.contains(&w.as_str()) {
            // "PQ 12345", "PQs 1 and 2", "Question No. 12345", "UIN HL1234".
            let mut j = i + 1;
            while j < words.len() {
                let t = words[j].trim_end_matches(['.', ':']);
                let tl = t.to_lowercase();
                if tl == "no" || tl == "number" || tl == "and" {
                    j += 1;
                    continue;
                }
                match uin(t) {
                    Some(u) => {
                        if !found.contains(&u) {
                            found.push(u);
                        }
                        j += 1;
                    }
                    None => break,
                }
            }
            i = j.max(i + 1);
        } else if let Some(rest) = w.strip_prefix("pq").filter(|r| !r.is_empty())
            && let Some(u) = uin(rest)
        {
            // "PQ12345" written without a space.
            if !found.contains(&u) {
                found.push(u);
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    found
}

/// A UIN: digits, or `HL` and digits (the Lords'), at least three digits so
/// years and small counts are not taken.
fn uin(token: &str) -> Option<String> {
    let t = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let digits = t
        .strip_prefix("HL")
        .or_else(|| t.strip_prefix("hl"))
        .unwrap_or(t);
    let ok = digits.len() >= 3 && digits.len() <= 7 && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| {
        if digits.len() == t.len() {
            t.to_string()
        } else {
            format!("HL{digits}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cited_uins() {
        assert_eq!(
            find("I refer the hon. Member to the answer I gave on 22 January 2024 to PQ 9301."),
            ["9301"]
        );
        assert_eq!(
            find(
                "I refer the Hon. Member to the answer given by my hon. Friend to PQ 146306 and PQ146307."
            ),
            ["146306", "146307"]
        );
        assert_eq!(
            find("I refer the noble Lord to the answer to Question HL1234 on 3 May."),
            ["HL1234"]
        );
        assert_eq!(find("I refer you to PQs 1234 and 5678"), ["1234", "5678"]);
    }

    #[test]
    fn ordinary_numbers_are_not_citations() {
        assert!(find("Question 3 of the survey had 12345 replies.").is_empty());
        assert!(find("I refer to question 12 of 2024.").is_empty());
    }
}
