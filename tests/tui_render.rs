//! Rendered screens of every view, the help and the load report at 80×24
//! and 160×48, drawn into ratatui's `TestBackend` and compared with the
//! snapshots in `tests/snapshots/`. Also: hostile text never reaches a cell
//! raw, wide characters keep columns aligned, `NO_COLOR` keeps the
//! selection visible.

mod render_support;

use render_support::{draw, screen, screen_row};

use std::path::PathBuf;

use qreview::app::{Action, App, press, update};
use qreview::corpus::{embedded, load};
use qreview::tui::theme::Theme;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

/// The default corpus at `size`, after pressing `keys`.
fn app_after(size: (u16, u16), keys: &str) -> App {
    let mut app = App::with_corpus(embedded::load(), size);
    press(&mut app, keys);
    app
}

fn snapshot(name: &str, keys: &str) {
    for (w, h) in SIZES {
        let app = app_after((w, h), keys);
        let term = draw(&app, Theme::colored());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), term.backend());
    }
}

#[test]
fn questions_view() {
    snapshot("questions", "");
}

#[test]
fn questions_view_sorted_by_days() {
    snapshot("questions_by_days", "s s j");
}

#[test]
fn reader_view_on_5_8902() {
    snapshot("reader_5_8902", "j j <enter>");
}

#[test]
fn reader_view_scrolled_to_the_answer() {
    snapshot("reader_5_8902_end", "j j <enter> G");
}

#[test]
fn reader_view_on_a_sibling_without_answer_text() {
    snapshot("reader_5_8903", "j j <enter> ]");
}

#[test]
fn help_over_questions() {
    snapshot("help_questions", "?");
}

#[test]
fn help_over_reader() {
    snapshot("help_reader", "<enter> ?");
}

#[test]
fn load_report() {
    snapshot("load_report", "w");
}

#[test]
fn the_load_report_scrolls_to_its_last_diagnostic() {
    let mut corpus = embedded::load();
    corpus.diagnostics = (1..=40)
        .map(|i| {
            qreview::corpus::Diagnostic::warning(
                "big.txt",
                Some(i),
                format!(
                    "diagnostic number {i} with a message long enough to be cut at eighty columns"
                ),
            )
        })
        .collect();
    let mut app = App::with_corpus(corpus, (80, 24));
    press(&mut app, "w G");
    let text = screen(draw(&app, Theme::colored()).backend().buffer());
    assert!(
        text.contains("big.txt:40: warning: diagnostic number 40"),
        "{text}"
    );
    assert!(!text.contains("big.txt:20:"), "{text}");
    // One line each, the box full to its bottom border.
    let last = text.lines().nth(20).expect("row 20");
    assert!(last.contains("big.txt:40:"), "{text}");
    assert!(last.ends_with("…│  "), "{last}");
}

#[test]
fn loading_screen_shows_progress() {
    let mut app = App::new((80, 24), None);
    update(&mut app, Action::Progress { done: 1, total: 2 });
    let text = screen(draw(&app, Theme::colored()).backend().buffer());
    assert!(
        text.contains("Loading the corpus… 1 of 2 files read"),
        "{text}"
    );
}

#[test]
fn too_small_terminal_says_so() {
    let app = app_after((79, 24), "");
    let text = screen(draw(&app, Theme::colored()).backend().buffer());
    assert!(text.contains("Terminal too small"), "{text}");
    assert!(text.contains("at least 80×24; this one is 79×24"), "{text}");
    let app = app_after((80, 23), "");
    assert!(screen(draw(&app, Theme::colored()).backend().buffer()).contains("too small"));
}

#[test]
fn no_color_draws_without_colours_and_keeps_the_selection_visible() {
    let app = app_after((80, 24), "j");
    let term = draw(&app, Theme::monochrome());
    let buf = term.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
    // Row 3 is 5-8901 (tab bar, column header, family heading, 5-8900).
    let row: String = (0..80).map(|x| buf[(x, 4)].symbol()).collect();
    assert!(row.contains("5-8901"), "{row}");
    assert!(buf[(10, 4)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(10, 3)].modifier.contains(Modifier::REVERSED));
}

fn hostile() -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let corpus = load::load_paths(&[path], &|_, _| {});
    assert_eq!(corpus.questions.len(), 2, "{:?}", corpus.diagnostics);
    App::with_corpus(corpus, (80, 24))
}

fn assert_clean(text: &str) {
    for c in text.chars() {
        assert!(
            !c.is_control() || c == '\n',
            "control {:?} reached the screen:\n{text}",
            c
        );
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{feff}'),
            "invisible {c:?} reached the screen"
        );
    }
}

#[test]
fn hostile_text_is_drawn_as_visible_marks() {
    let mut app = hostile();
    for keys in ["", "<enter>", "G", "?", "<esc> w"] {
        press(&mut app, keys);
        let text = screen(draw(&app, Theme::colored()).backend().buffer());
        assert_clean(&text);
        if keys == "<enter>" {
            assert!(text.contains("Mallory ␛[2J Cleaner"), "{text}");
            assert!(text.contains("au ministre des tests zérowidth"), "{text}");
            assert!(
                text.contains("Intro with ␛]52;c;SGVsbG8=␇ clipboard."),
                "{text}"
            );
        }
        if keys == "G" {
            assert!(text.contains("Answer one ␛]0;EVIL␇ readable."), "{text}");
        }
    }
}

#[test]
fn wide_characters_keep_columns_aligned() {
    let mut app = hostile();
    press(&mut app, "");
    let buf = draw(&app, Theme::colored()).backend().buffer().clone();
    // The SENT column starts at the same x on a wide-character row and on the header.
    let row_of = |needle: &str| {
        (0..buf.area.height)
            .find(|&y| screen_row(&buf, y).contains(needle))
            .unwrap_or_else(|| panic!("{needle} not on screen"))
    };
    let sent_x = |y: u16| {
        (0..buf.area.width)
            .find(|&x| buf[(x, y)].symbol() == "2" && buf[(x + 4, y)].symbol() == "-")
            .unwrap_or_else(|| panic!("no date on row {y}: {:?}", screen_row(&buf, y)))
    };
    let header = row_of("SENT");
    let header_x = (0..buf.area.width)
        .find(|&x| buf[(x, header)].symbol() == "S" && buf[(x + 1, header)].symbol() == "E")
        .expect("SENT");
    let wide = row_of(" wide ");
    assert!(screen_row(&buf, wide).contains("外"));
    assert_eq!(sent_x(wide), header_x);
    assert_eq!(sent_x(row_of("  5-9001 ")), header_x);
}

#[test]
fn help_scrolled_to_the_end_shows_the_global_keys_at_80x24() {
    for view_keys in ["?", "<enter> ?", "3 ?", "4 ?", "5 ?"] {
        let app = app_after((80, 24), &format!("{view_keys} G"));
        let text = screen(draw(&app, Theme::colored()).backend().buffer());
        assert!(
            text.contains("Everywhere") || text.contains("quit"),
            "{text}"
        );
        assert!(text.contains("Esc or ? closes this help"), "{text}");
        assert!(text.contains("scroll the help down"), "{text}");
    }
}

#[test]
fn questions_filtered_by_reminder_with_verdict_and_tags_columns() {
    // 5-8902 reviewed, verdict partial, tagged; then only reminded questions.
    snapshot("questions_reminded", "j j r r V V t s l o w <enter> m");
}

#[test]
fn questions_in_dutch() {
    snapshot("questions_nl", "D");
}
