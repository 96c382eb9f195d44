//! Account names as answers give them: after a page or account word
//! ("page Facebook Diplomatie.Belgium", "compte Twitter Belgium MFA",
//! "Facebook page « UK in Belgium »", "Twitteraccount @BelgiumMFA"), and
//! bare handles (`@BelgiumMFA`).

use super::context::fold;

/// Words for a page or an account.
const ACCOUNT_WORDS: [&str; 20] = [
    "page", "pages", "compte", "comptes", "account", "accounts", "pagina", "pagina's", "profil",
    "profile", "profiel", "chaîne", "channel", "kanaal", "groupe", "group", "handle", "fil",
    "feed", "blog",
];

/// Small words allowed between an account word and the name
/// ("account op Twitter").
const LINKS: [&str; 6] = ["de", "du", "op", "on", "sur", "van"];

/// True when an account word stands right before `start` ("la page Facebook").
pub fn word_before(text: &str, start: usize) -> bool {
    let from = start.saturating_sub(30);
    let from = (from..start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(start);
    let ws = super::context::words(&text[from..start]);
    let mut it = ws.iter().rev();
    match it.next() {
        Some(w) if ACCOUNT_WORDS.contains(&w.as_str()) => true,
        Some(w) if LINKS.contains(&w.as_str()) => it
            .next()
            .is_some_and(|w| ACCOUNT_WORDS.contains(&w.as_str())),
        _ => false,
    }
}

/// True when the alias itself ends in an account word (`Facebookpagina`).
pub fn is_compound_account(alias: &str) -> bool {
    let lower = fold(alias);
    ACCOUNT_WORDS
        .iter()
        .any(|w| w.len() >= 4 && lower.ends_with(w) && lower.len() > w.len())
}

/// After a platform name ending at `end`: an account word (`page`,
/// `account`) when one follows, and where the text after it begins.
pub fn word_after(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches(' ');
    let gap = rest.len() - trimmed.len();
    if gap == 0 {
        return None;
    }
    let word_len = trimmed
        .find(|c: char| !(c.is_alphabetic() || c == '\''))
        .unwrap_or(trimmed.len());
    ACCOUNT_WORDS
        .contains(&fold(&trimmed[..word_len]).as_str())
        .then_some(end + gap + word_len)
}

/// The account name starting after `from` (spaces skipped): a quoted name,
/// or up to four words that begin with a capital, a digit or `@` (the
/// sentence's final stop left out). Returns the name's byte range.
pub fn name_at(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let start = from + rest.len() - trimmed.len();
    if start == from && !trimmed.starts_with(['«', '"', '“', '\'', '‘']) {
        return None;
    }
    let mut chars = trimmed.chars();
    let first = chars.next()?;
    if let Some(close) = match first {
        '«' => Some('»'),
        '"' => Some('"'),
        '“' => Some('”'),
        '‘' => Some('’'),
        '\'' => Some('\''),
        _ => None,
    } {
        let inner = &trimmed[first.len_utf8()..];
        let len = inner.find(close)?;
        let name = inner[..len].trim_matches([' ', '\u{a0}']);
        if name.is_empty() || name.len() > 60 || name.contains('\n') {
            return None;
        }
        let s = start + first.len_utf8() + inner[..len].find(name)?;
        return Some((s, s + name.len()));
    }
    let mut end = start;
    let mut pos = start;
    for _ in 0..4 {
        let word_rest = &text[pos..];
        let len = word_rest
            .find(|c: char| c.is_whitespace())
            .unwrap_or(word_rest.len());
        let word = &word_rest[..len];
        let core = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let starts_right = core
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '@');
        let allowed = core
            .chars()
            .all(|c| c.is_alphanumeric() || "._-&'’@+".contains(c));
        if core.is_empty() || !starts_right || !allowed {
            break;
        }
        end = pos + core.len();
        if core.len() < word.len() || !word_rest[len..].starts_with(' ') {
            break;
        }
        pos += len + 1;
    }
    (end > start).then_some((start, end))
}

/// Every `@handle` in `text` (not an e-mail address), as byte ranges.
pub fn handles(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices('@') {
        let glued = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.');
        let len = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if !glued && len >= 2 {
            out.push((i, i + 1 + len));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str, after: &str) -> Option<String> {
        let from = text.find(after).unwrap() + after.len();
        name_at(text, from).map(|(s, e)| text[s..e].to_string())
    }

    #[test]
    fn names_after_platforms() {
        let t = "une page Facebook Diplomatie.Belgium et d’un compte Twitter Belgium MFA. Nous";
        assert_eq!(name(t, "Facebook").as_deref(), Some("Diplomatie.Belgium"));
        assert_eq!(name(t, "Twitter").as_deref(), Some("Belgium MFA"));
        assert!(word_before(t, t.find("Facebook").unwrap()));
        assert_eq!(name("notre page Facebook, nous", "Facebook"), None);
        assert_eq!(name("des pages Facebook des postes", "Facebook"), None);
        assert_eq!(
            name("the Facebook page « UK in Belgium » is", "page").as_deref(),
            Some("UK in Belgium")
        );
        assert_eq!(
            name("Twitteraccount @BelgiumMFA.", "Twitteraccount").as_deref(),
            Some("@BelgiumMFA")
        );
        assert_eq!(word_after("Facebook page X", 8), Some(13));
        assert!(is_compound_account("Facebookpagina"));
        assert!(!is_compound_account("Facebook"));
    }

    #[test]
    fn handles_but_not_mail() {
        let t = "suivez @BelgiumMFA ou écrivez à info@diplobel.fed.be";
        let h = handles(t);
        assert_eq!(h.len(), 1);
        assert_eq!(&t[h[0].0..h[0].1], "@BelgiumMFA");
    }
}
