//! Unit tests of the HTML → text converter.

use super::*;

fn text(html: &str) -> String {
    convert(html).text
}

#[test]
fn blocks_and_breaks_make_lines() {
    assert_eq!(
        text("<div>one</div><div>two<br>three</div><p>four</p>five"),
        "one\ntwo\nthree\n\nfour\n\nfive"
    );
    assert_eq!(text("a<br><br>b"), "a\n\nb", "two <br> leave a blank line");
    assert_eq!(
        text("<p>\n  many   \n spaces\t here </p>"),
        "many spaces here"
    );
    assert_eq!(
        text("<b>bold</b><i>glued</i> <a href=x>link</a>"),
        "boldglued link"
    );
}

#[test]
fn entities_are_decoded() {
    assert_eq!(
        text("m&eacute;dias m&#233;dias m&#xE9;dias a&nbsp;: &amp; &lt;b&gt; &eacute"),
        "médias médias médias a\u{a0}: & <b> é"
    );
}

#[test]
fn control_characters_from_references_are_dropped() {
    let h = convert("<p>a&#27;[2Jb&#x7;c&#0;d</p>");
    assert_eq!(
        h.text, "a[2Jbc\u{fffd}d",
        "U+0000 becomes U+FFFD, as the spec says"
    );
    assert_eq!(h.removed_controls, 2);
}

#[test]
fn table_rows_are_lines_and_cells_are_tabs() {
    let html = "<table><tr><td>30/4/2013</td><td>Envoi question</td></tr>\
                <tr><td>4/6/2013</td><td>Réponse</td></tr></table>";
    assert_eq!(text(html), "30/4/2013\tEnvoi question\n4/6/2013\tRéponse");
    // A cell holding blocks starts its own line; no tab is left dangling.
    let html = "<table><tr><td><p>left</p><p>more</p></td><td>right</td></tr></table>";
    assert_eq!(text(html), "left\n\nmore\n\nright");
    // Cells closed implicitly, as old pages write them.
    assert_eq!(text("<table><tr><td>a<td>b<tr><td>c</table>"), "a\tb\nc");
}

#[test]
fn nested_layout_tables_keep_their_reading_order() {
    let html = "<table><tr><td class=logo>SÉNAT</td><td>\
                <table><tr><td>Question écrite n° 5-8916</td></tr>\
                <tr><td>de X (Y) du 30 avril 2013</td></tr></table>\
                </td></tr></table>";
    assert_eq!(
        text(html),
        "SÉNAT\nQuestion écrite n° 5-8916\nde X (Y) du 30 avril 2013"
    );
}

#[test]
fn scripts_styles_and_furniture_are_dropped() {
    let html = "<html><head><title> Le  titre </title><style>p{color:red}</style>\
        <script>if (a<b) { document.write('<p>leak</p>') }</script></head><body>\
        <nav><ul><li>Accueil<li>Contact</ul></nav>\
        <div id=\"menu-left\"><div>Menu item</div><div>Other</div></div>\
        <table><tr><td class=\"menu\"><table><tr><td>Deep menu</td></tr></table></td><td>Kept</td></tr></table>\
        <ul class=\"breadcrumb\"><li>Home</li></ul>\
        <p>Text <span style=\"display: none\">hidden</span>shown</p>\
        <div role=navigation>Links</div><div hidden>Secret</div>\
        <select><option>FR<option>NL</select><noscript>Enable JS</noscript>\
        <footer>Footer text</footer><div class=\"footer\">Copyright</div>\
        </body></html>";
    let h = convert(html);
    assert_eq!(h.text, "Kept\n\nText shown");
    assert_eq!(h.title.as_deref(), Some("Le titre"));
    assert!(!h.truncated);
}

#[test]
fn lists_are_readable() {
    assert_eq!(
        text("<ul><li>one</li><li>two<ol start=3><li>three</li><li>four</ol></li></ul>after"),
        "- one\n- two\n  3. three\n  4. four\n\nafter"
    );
}

#[test]
fn preformatted_text_keeps_its_lines() {
    assert_eq!(text("<pre>a  b\nc\n\nd</pre>"), "a  b\nc\n\nd");
}

#[test]
fn source_lines_are_kept_per_output_line() {
    let h =
        convert("<html>\n<body>\n<p>one</p>\n\n<p>two\n</p><div>\n  three</div>\n</body></html>");
    assert_eq!(h.text, "one\n\ntwo\n\nthree");
    assert_eq!(
        h.lines,
        [3, 5, 5, 7, 7],
        "a blank line takes the line of the text after it"
    );
    assert_eq!(h.source_line(1), 3);
    assert_eq!(h.source_line(3), 5);
    assert_eq!(h.source_line(5), 7);
    assert_eq!(h.source_line(99), 7);
}

#[test]
fn the_page_address_comes_from_base_canonical_or_saved_from() {
    let h = convert(
        "<!-- saved from url=(0030)https://www.senate.be/x?a=1 --><html><head><base href=\"https://senate.be/b?x=1&amp;y=2\"></head>",
    );
    assert_eq!(h.url.as_deref(), Some("https://senate.be/b?x=1&y=2"));
    let h = convert("<!-- saved from url=(0030)https://www.senate.be/x?a=1 -->");
    assert_eq!(h.url.as_deref(), Some("https://www.senate.be/x?a=1"));
    let h = convert("<link rel=Canonical href=\"https://c\"><p>x");
    assert_eq!(h.url.as_deref(), Some("https://c"));
}

#[test]
fn a_page_cut_short_is_marked_truncated() {
    assert!(convert("<html><body><p>Question écrite n° 5-1").truncated);
    assert!(convert("<html><body><p>x<!-- unterminated comment").truncated);
    assert!(!convert("<p>a fragment is whole</p>").truncated);
}

#[test]
fn an_unclosed_dropped_element_drops_only_its_own_text() {
    // A dropped cell without `</td>` ends where the next cell starts.
    assert_eq!(
        text("<table><tr><td class=nav>menu<td>kept<tr><td>next</table>"),
        "kept\nnext"
    );
    // A dropped item without `</li>` ends at the next item or the list's end.
    assert_eq!(
        text("<ul><li>a<li class=menu>m<li>b</ul>after"),
        "- a\n- b\n\nafter"
    );
}

#[test]
fn large_input_is_linear_and_bounded() {
    // Deep nesting and a long document: no DOM is built, so neither costs
    // more than the text itself.
    let deep = "<div>".repeat(200_000) + "deep" + &"</div>".repeat(200_000);
    assert_eq!(text(&deep), "deep");
    let para = "<p>m&eacute;dias sociaux</p>\n";
    let big = para.repeat(100_000);
    let h = convert(&big);
    assert_eq!(h.lines.len(), 2 * 100_000 - 1);
    assert_eq!(h.lines.last(), Some(&100_000));
}
