//! A short ministry label from an addressee line: `au vice-premier ministre et
//! ministre des Affaires étrangères, du Commerce …` → `Affaires étrangères`.

/// Articles that open an addressee line.
const ARTICLES: [&str; 8] = [
    "au ", "aux ", "à la ", "à l'", "à l’", "aan de ", "aan het ", "aan ",
];

/// Words after which the portfolio is named, longest first.
const PORTFOLIO_OPENERS: [&str; 16] = [
    "ministre de la ",
    "ministre de l'",
    "ministre de l’",
    "ministre des ",
    "ministre du ",
    "ministre de ",
    "secrétaire d'état à la ",
    "secrétaire d'état à l'",
    "secrétaire d'état aux ",
    "secrétaire d'état au ",
    "secrétaire d'état à ",
    "minister van ",
    "minister voor ",
    "staatssecretaris voor ",
    "staatssecretaris van ",
    "commissaris voor ",
];

/// Lower-cases only the characters whose lower case has the same UTF-8
/// length, so byte offsets found in the result are valid in `s`.
fn same_length_lowercase(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// Derives the short label; `None` when the line names no portfolio we can read.
pub fn from_addressee(addressee: &str) -> Option<String> {
    let mut s = addressee.trim();
    for article in ARTICLES {
        if let Some(rest) = s.strip_prefix(article) {
            s = rest;
            break;
        }
    }
    let lower = same_length_lowercase(s);
    if lower.trim_end_matches('.').trim() == "premier ministre"
        || lower.starts_with("premier ministre")
    {
        return Some("Premier ministre".into());
    }
    if lower.starts_with("eerste minister") {
        return Some("Eerste minister".into());
    }
    // The last "ministre …"/"secrétaire d'État …" before any comma names the portfolio.
    let head_end = lower.find(", ").unwrap_or(lower.len());
    let mut best: Option<(usize, usize)> = None;
    for opener in PORTFOLIO_OPENERS {
        let opener_lower = opener.to_lowercase();
        if let Some(pos) = lower[..head_end].find(&opener_lower) {
            let start = pos + opener_lower.len();
            if best.is_none_or(|(b, _)| pos < b) {
                best = Some((pos, start));
            }
        }
    }
    let (_, start) = best?;
    let portfolio = &s[start..];
    let end = [
        ", ",
        " et de ",
        " et du ",
        " et des ",
        " et à ",
        " en van ",
        " en voor ",
        " en ",
    ]
    .iter()
    .filter_map(|sep| portfolio.find(sep))
    .min()
    .unwrap_or(portfolio.len());
    let label = portfolio[..end].trim().trim_end_matches('.');
    if label.is_empty() {
        return None;
    }
    let mut chars = label.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> String {
        from_addressee(s).unwrap_or_default()
    }

    #[test]
    fn french_addressees_of_the_family() {
        assert_eq!(m("au premier ministre"), "Premier ministre");
        assert_eq!(
            m(
                "au vice-premier ministre et ministre des Affaires étrangères, du Commerce extérieur et des Affaires européennes"
            ),
            "Affaires étrangères"
        );
        assert_eq!(
            m("au vice-premier ministre et ministre des Pensions"),
            "Pensions"
        );
        assert_eq!(
            m("à la vice-première ministre et ministre de l'Intérieur et de l'Égalité des Chances"),
            "Intérieur"
        );
        assert_eq!(
            m(
                "à la vice-première ministre et ministre des Affaires sociales et de la Santé publique, chargée de Beliris et des Institutions culturelles fédérales"
            ),
            "Affaires sociales"
        );
        assert_eq!(m("à la ministre de l'Emploi"), "Emploi");
        assert_eq!(
            m("au ministre des Finances, chargé de la Fonction publique"),
            "Finances"
        );
        assert_eq!(
            m(
                "au secrétaire d'État à l'Environnement, à l'Énergie et à la Mobilité, adjoint à la ministre de l'Intérieur et de l'Égalité des Chances, et secrétaire d'État aux Réformes institutionnelles, adjoint au premier ministre"
            ),
            "Environnement"
        );
        assert_eq!(
            m(
                "à la secrétaire d'État à l'Asile et la Migration, à l'Intégration sociale et à la Lutte contre la pauvreté, adjointe à la ministre de la Justice"
            ),
            "Asile et la Migration"
        );
    }

    #[test]
    fn dutch_addressees() {
        assert_eq!(m("aan de eerste minister"), "Eerste minister");
        assert_eq!(
            m("aan de vice-eersteminister en minister van Landsverdediging"),
            "Landsverdediging"
        );
        assert_eq!(
            m(
                "aan de vice-eersteminister en minister van Buitenlandse Zaken, Buitenlandse Handel en Europese Zaken"
            ),
            "Buitenlandse Zaken"
        );
        assert_eq!(m("aan de minister van Werk"), "Werk");
        assert_eq!(
            m(
                "aan de staatssecretaris voor Asiel en Migratie, Maatschappelijke Integratie en Armoedebestrijding, toegevoegd aan de minister van Justitie"
            ),
            "Asiel"
        );
        assert_eq!(from_addressee("quelqu'un"), None);
    }
}
