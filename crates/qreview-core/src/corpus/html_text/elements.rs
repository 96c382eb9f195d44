//! What each HTML element means for the text: read as raw text, dropped
//! with its content (code, forms, navigation and page furniture), or a line
//! or paragraph boundary. The tables here are the converter's whole policy.

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TokenSinkResult};

/// The tokenizer state an element's content is read in, per the HTML spec.
pub(super) fn raw_kind(name: &str) -> Option<TokenSinkResult<()>> {
    Some(match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// The value of attribute `name` of `tag`.
pub(super) fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// Elements whose content is never page text: code, forms, embedded media,
/// and the furniture around the text (navigation, menus, footers).
const DROPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "select", "button", "iframe", "object", "svg",
    "math", "canvas", "textarea", "nav", "menu", "aside", "footer", "noembed", "noframes",
];

/// ARIA roles of navigation and page furniture.
const DROPPED_ROLES: &[&str] = &["navigation", "menu", "menubar", "contentinfo", "search"];

/// Words in a `class` or `id` that mark navigation and page furniture in
/// pages written before HTML5 had `<nav>` (tables of links, `<div id="menu">`).
const DROPPED_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "submenu",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "sidebar",
    "skiplinks",
    "cookie",
    "cookies",
];

/// True for an element dropped with its content.
pub(super) fn dropped(tag: &Tag) -> bool {
    let name: &str = &tag.name;
    if DROPPED_ELEMENTS.contains(&name) {
        return true;
    }
    if attr(tag, "hidden").is_some()
        || attr(tag, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if attr(tag, "style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    }) {
        return true;
    }
    if attr(tag, "role").is_some_and(|r| {
        r.split_whitespace()
            .any(|r| DROPPED_ROLES.iter().any(|d| r.eq_ignore_ascii_case(d)))
    }) {
        return true;
    }
    ["class", "id"].iter().any(|a| {
        attr(tag, a).is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| DROPPED_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d)))
        })
    })
}

/// HTML's white space (a no-break space is text, not white space).
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\t' | '\r' | '\u{c}')
}

/// Elements that never have content or an end tag.
pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Blocks set apart by a blank line.
pub(super) fn is_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "hr" | "dl"
    )
}

/// Blocks that start and end a line (tables too: old pages lay out with them).
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "form"
            | "header"
            | "hgroup"
            | "html"
            | "legend"
            | "main"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
    )
}
