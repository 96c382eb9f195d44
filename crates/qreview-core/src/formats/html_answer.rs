//! Answer and question texts that sources publish as HTML fragments (the UK
//! API's `answerText`, the Assemblée nationale's `texte`): converted to the
//! text a reader sees, with paragraphs as blank-line-separated blocks, list
//! items on their own lines (`- ` or their number) and table rows as lines
//! whose cells are separated by ` | `, so a table stays readable in a
//! terminal. Scripts and styles are dropped and entities decoded by the
//! shared converter (`corpus::html_text`).

use crate::corpus::html_text;

/// The readable text of an HTML fragment; plain text passes through with
/// its line breaks kept.
pub fn to_text(html: &str) -> String {
    let converted = html_text::convert(html);
    let mut out = String::with_capacity(converted.text.len());
    let mut blank = 0;
    for line in converted.text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        if line.contains('\t') {
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            out.push_str(&cells.join(" | "));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_tables_stay_readable() {
        let html = "<p>First &amp; foremost.</p><p>Second.</p><ul><li>X: 2</li><li>Y: 1</li></ul>\
                    <table><tr><th>Year</th><th>Spend</th></tr><tr><td>2023</td><td>&pound;5</td></tr></table>";
        assert_eq!(
            to_text(html),
            "First & foremost.\n\nSecond.\n\n- X: 2\n- Y: 1\n\nYear | Spend\n2023 | £5"
        );
    }

    #[test]
    fn scripts_and_styles_are_dropped() {
        let html = "<p>Kept</p><script>alert('x')</script><style>p{}</style><p>&lt;b&gt; too</p>";
        let text = to_text(html);
        assert!(!text.contains("alert"), "{text}");
        assert!(!text.contains("p{}"), "{text}");
        assert!(text.contains("Kept") && text.contains("<b> too"), "{text}");
    }

    #[test]
    fn plain_text_passes_through() {
        assert_eq!(to_text("No markup here."), "No markup here.");
    }
}
