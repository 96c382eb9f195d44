//! Rendered screens of search at 80×24 and 160×48 (insta snapshots): the
//! empty prompt, results as they are typed in each mode, the prompt while
//! indexing, the filtered Questions view, and the hits highlighted in the
//! Reader and Compare. Cell styles are checked too: a hit must look like a
//! hit with and without colours.

mod render_support;

use render_support::draw;

use qreview::app::{Action, App, press, update};
use qreview::corpus::embedded;
use qreview::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn app_after(size: (u16, u16), keys: &str) -> App {
    let mut app = App::with_corpus(embedded::load(), size);
    app.today = jiff::civil::date(2026, 1, 1);
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

/// `/` then the characters of `text` in keymap notation.
fn typed(text: &str) -> String {
    let keys: Vec<String> = text
        .chars()
        .map(|c| {
            if c == ' ' {
                "<space>".into()
            } else {
                c.to_string()
            }
        })
        .collect();
    format!("/ {}", keys.join(" "))
}

/// Cells of row `y` whose symbol is part of `needle`'s first occurrence.
fn cells_of<'a>(buf: &'a Buffer, needle: &str) -> Vec<&'a ratatui::buffer::Cell> {
    for y in 0..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let text: String = row.concat();
        if let Some(at) = text.find(needle) {
            let x = text[..at].chars().count() as u16;
            return (x..x + needle.chars().count() as u16)
                .map(|x| &buf[(x, y)])
                .collect();
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn empty_prompt() {
    snapshot("search_prompt_empty", "/");
}

#[test]
fn results_of_medias() {
    snapshot("search_medias", &typed("medias"));
}

#[test]
fn results_of_a_phrase_in_full_text_mode() {
    snapshot(
        "search_phrase_text_mode",
        &format!("{} <tab>", typed("\"medias sociaux\"")),
    );
}

#[test]
fn metadata_results_with_matched_characters() {
    snapshot(
        "search_metadata_8905",
        &format!("{} <tab> <tab>", typed("8905")),
    );
}

#[test]
fn nothing_matches() {
    snapshot("search_nothing", &typed("zzqx"));
}

#[test]
fn questions_filtered_by_a_kept_search() {
    snapshot(
        "search_filter_questions",
        &format!("{} <enter> 1", typed("facebook")),
    );
}

#[test]
fn reader_at_the_hit_after_enter_and_n() {
    snapshot(
        "search_reader_hits",
        &format!("{} <enter> n", typed("medias")),
    );
}

#[test]
fn compare_with_hits_in_both_columns() {
    snapshot(
        "search_compare_hits",
        &format!("{} <enter> c", typed("medias")),
    );
}

#[test]
fn prompt_while_indexing() {
    let mut app = App::new((80, 24), None);
    update(&mut app, Action::from(embedded::load()));
    press(&mut app, "/ m e d");
    let term = draw(&app, Theme::colored());
    insta::assert_snapshot!("search_indexing_80x24", term.backend());
}

#[test]
fn hits_are_drawn_in_the_match_style_with_and_without_colour() {
    let app = app_after((100, 30), &typed("medias"));
    let term = draw(&app, Theme::colored());
    // The first result is 5-8902's answer; its snippet's hit is marked.
    let buf = term.backend().buffer();
    let row_cells = cells_of(buf, "les médias sociaux permettent");
    let word = &row_cells[4..10];
    assert!(word.iter().all(|c| c.bg == Color::Yellow), "{word:?}");
    assert!(row_cells[0].bg != Color::Yellow);
    let term = draw(&app, Theme::monochrome());
    let buf = term.backend().buffer();
    let word = &cells_of(buf, "les médias sociaux permettent")[4..10];
    assert!(word.iter().all(|c| c.modifier.contains(Modifier::BOLD)));

    // In the Reader, without colour: reversed, the current hit underlined.
    let mut app = app;
    press(&mut app, "<enter>");
    let term = draw(&app, Theme::monochrome());
    let buf = term.backend().buffer();
    let word = &cells_of(buf, "médias sociaux permettent")[..6];
    assert!(
        word.iter().all(|c| c.modifier.contains(Modifier::REVERSED)
            && c.modifier.contains(Modifier::UNDERLINED)),
        "{word:?}"
    );
    let plain = &cells_of(buf, "Bien utilisés")[0];
    assert!(!plain.modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_filter_marker_names_the_search() {
    let app = app_after((80, 24), &format!("{} <enter> 1 j", typed("medias")));
    let term = draw(&app, Theme::colored());
    let bottom: String = (0..80)
        .map(|x| term.backend().buffer()[(x, 23)].symbol().to_string())
        .collect();
    assert!(
        bottom.contains("filter: medias · 11 of 11 questions (x clears)"),
        "{bottom}"
    );
}
