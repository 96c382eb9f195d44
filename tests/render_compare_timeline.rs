//! Rendered screens of the Compare view, its matrix, the Timeline view and
//! its families list at 80×24 and 160×48, on the embedded corpus and on the
//! synthetic family (insta snapshots, "today" fixed). Also: shared passages
//! carry a style that survives NO_COLOR, and the Timeline's figures panel
//! shows what `analysis::figures::family` and `qreview stats` compute.

mod render_support;

use std::path::PathBuf;

use jiff::civil::{Date, date};
use qreview::analysis::figures;
use qreview::app::{App, press};
use qreview::cli::stats;
use qreview::corpus::{Corpus, embedded, load};
use qreview::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const TODAY: Date = date(2024, 1, 1);

fn synthetic() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/synthetic-family");
    load::load_paths(&[dir], &|_, _| {})
}

fn app_after(corpus: Corpus, size: (u16, u16), keys: &str) -> App {
    let mut app = App::with_corpus(corpus, size);
    app.today = TODAY;
    press(&mut app, keys);
    app
}

fn buffer(app: &App, theme: Theme) -> Buffer {
    render_support::draw(app, theme).backend().buffer().clone()
}

/// Rows joined by newlines (no newline after the last), as the snapshots hold.
fn screen(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| render_support::screen_row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

fn snapshot(name: &str, corpus: fn() -> Corpus, keys: &str) {
    for (w, h) in SIZES {
        let app = app_after(corpus(), (w, h), keys);
        insta::assert_snapshot!(
            format!("{name}_{w}x{h}"),
            screen(&buffer(&app, Theme::colored()))
        );
    }
}

#[test]
fn compare_synthetic_part_one() {
    snapshot("compare_synthetic", synthetic, "3");
}

#[test]
fn compare_synthetic_part_two_copied_passage() {
    snapshot("compare_synthetic_part2", synthetic, "3 p");
}

#[test]
fn compare_synthetic_all_parts_with_unnumbered_answer() {
    snapshot("compare_synthetic_all_unnumbered", synthetic, "3 v ]");
}

#[test]
fn compare_default_5_8902_with_sibling_without_text() {
    snapshot("compare_5_8902", embedded::load, "j j <enter> c");
}

#[test]
fn matrix_synthetic() {
    snapshot("matrix_synthetic", synthetic, "3 m j");
}

#[test]
fn matrix_default() {
    snapshot("matrix_default", embedded::load, "j j 3 m");
}

#[test]
fn timeline_default() {
    snapshot("timeline_default", embedded::load, "j j 4");
}

#[test]
fn timeline_default_event_cursor() {
    snapshot(
        "timeline_default_event",
        embedded::load,
        "4 l l l l l l l l l l l l",
    );
}

#[test]
fn timeline_synthetic_open_bar() {
    snapshot("timeline_synthetic", synthetic, "4 s");
}

#[test]
fn families_and_ministries() {
    snapshot("families_default", embedded::load, "4 f");
}

#[test]
fn help_lists_the_compare_keys() {
    let app = app_after(synthetic(), (160, 48), "3 ?");
    let text = screen(&buffer(&app, Theme::colored()));
    for needle in [
        "Help: Compare",
        "right column: next sibling",
        "synced scrolling",
        "Tab",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
}

/// Cells of the screen whose text belongs to a shared passage.
fn underlined_text(buf: &Buffer) -> String {
    buf.content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .filter(|s| !s.trim().is_empty())
        .collect()
}

#[test]
fn shared_passages_are_underlined_with_and_without_colour() {
    for theme in [Theme::colored(), Theme::monochrome()] {
        let app = app_after(synthetic(), (160, 48), "3 v");
        let buf = buffer(&app, theme);
        let marked = underlined_text(&buf);
        assert!(marked.contains("Chaqueregistreestinventorié"), "{marked}");
        assert!(marked.contains("CHAQUEREGISTREestinventorie"), "{marked}");
        // Ordinary text stays plain.
        assert!(!marked.contains("scanner"), "{marked}");
    }
    let buf = buffer(&app_after(synthetic(), (160, 48), "3 v"), Theme::colored());
    let cell = buf
        .content()
        .iter()
        .find(|c| c.modifier.contains(Modifier::UNDERLINED) && c.symbol() == "C")
        .expect("a shared cell");
    assert_ne!(
        cell.bg,
        ratatui::style::Color::Reset,
        "coloured theme adds a background"
    );
}

#[test]
fn figures_panel_and_stats_agree_with_analysis() {
    for (corpus, keys) in [(embedded::load as fn() -> Corpus, "4"), (synthetic, "4")] {
        for size in SIZES {
            let app = app_after(corpus(), size, keys);
            let text = screen(&buffer(&app, Theme::colored()));
            let c = corpus();
            let f = figures::family(&c, &c.families[0]);
            let fmt = |m: Option<f64>| m.map_or("-".to_string(), |m| format!("{m} days"));
            let fastest = f.fastest.expect("an answer");
            let slowest = f.slowest.expect("an answer");
            let expected = [
                format!("median {}", fmt(f.median_days)),
                // Named with the ministry in the wide panel, by id in two lines.
                format!("fastest: {}", fastest.id),
                format!("slowest: {}", slowest.id),
                format!("reminded {}", f.reminded),
                format!("unanswered {}", f.unanswered),
                format!(
                    "reminder → answer median {}",
                    fmt(f.median_reminder_to_answer)
                ),
            ];
            for e in &expected {
                assert!(
                    text.contains(e.as_str()),
                    "{e} not on screen {size:?}:\n{text}"
                );
            }
            // `qreview stats` prints the same figures and days for the same today.
            let out = stats::render(
                &c,
                stats::Options {
                    today: TODAY,
                    sort: Default::default(),
                },
            );
            assert!(
                out.contains(&format!("median {}", fmt(f.median_days))),
                "{out}"
            );
            assert!(out.contains(&format!("fastest: {}", f.named(Some(fastest)))));
            assert!(out.contains(&format!("slowest: {}", f.named(Some(slowest)))));
            assert!(out.contains(&format!(
                "reminder to answer, median {}",
                fmt(f.median_reminder_to_answer)
            )));
            for m in f.members.iter().filter(|m| m.loaded) {
                let days = match (m.days_to_answer, m.sent) {
                    (Some(d), _) => format!("{d} days"),
                    (None, Some(s)) => format!("unanswered {}", (TODAY - s).get_days()),
                    (None, None) => continue,
                };
                let row = text
                    .lines()
                    .find(|l| l.contains(&format!("{}  ", m.id)))
                    .unwrap_or_else(|| panic!("{} has no row at {size:?}:\n{text}", m.id));
                assert!(row.contains(&days), "{row} lacks {days}");
                let stat_row = out
                    .lines()
                    .find(|l| l.trim_start().starts_with(&m.id.to_string()))
                    .expect("stats row");
                let stat_days = days.trim_end_matches(" days");
                assert!(
                    stat_row.trim_end().ends_with(stat_days),
                    "{stat_row} vs {days}"
                );
            }
        }
    }
}
