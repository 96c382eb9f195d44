//! Each built-in theme and `NO_COLOR` rendered: the Questions list and the
//! Reader at 80x24 (style runs per row) and the Reader at 200x60 (the
//! styles used and how many cells each covers). The snapshots show which
//! roles a theme colours and that the monochrome one uses no colour.

mod render_support;

use std::collections::BTreeMap;

use jiff::civil::date;
use qreview::app::{App, press};
use qreview::corpus::embedded;
use qreview::tui::theme::{Palette, Theme};
use ratatui::buffer::Buffer;
use ratatui::style::Style;

fn themes() -> Vec<(&'static str, Theme)> {
    let mut v: Vec<(&'static str, Theme)> = Palette::BUILTIN
        .iter()
        .map(|name| (*name, Theme::with_palette(Palette::builtin(name).unwrap())))
        .collect();
    v.push(("no-color", Theme::monochrome()));
    v
}

fn app_after(size: (u16, u16), keys: &str) -> App {
    let mut app = App::with_corpus(embedded::load(), size);
    app.today = date(2024, 1, 1);
    press(&mut app, keys);
    app
}

fn buffer(app: &App, theme: Theme) -> Buffer {
    render_support::draw(app, theme).backend().buffer().clone()
}

fn describe(style: Style) -> String {
    let mut parts = Vec::new();
    use ratatui::style::Color::Reset;
    if let Some(fg) = style.fg.filter(|c| *c != Reset) {
        parts.push(format!("fg={fg}"));
    }
    if let Some(bg) = style.bg.filter(|c| *c != Reset) {
        parts.push(format!("bg={bg}"));
    }
    if !style.add_modifier.is_empty() {
        parts.push(format!("{:?}", style.add_modifier));
    }
    if parts.is_empty() {
        "plain".into()
    } else {
        parts.join(" ")
    }
}

/// Per row, the runs of cells that share a style other than plain, with
/// their text: `y3 x2..8 fg=Blue BOLD "5-8900"`.
fn style_runs(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let style = buf[(x, y)].style();
            let start = x;
            let mut text = String::new();
            while x < buf.area.width && buf[(x, y)].style() == style {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            let d = describe(style);
            if d != "plain" {
                let text = text.trim_end();
                out.push_str(&format!("y{y} x{start}..{x} {d} {text:?}\n"));
            }
        }
    }
    out
}

/// Every style on screen and the number of cells it covers.
fn style_inventory(buf: &Buffer) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            *counts.entry(describe(buf[(x, y)].style())).or_default() += 1;
        }
    }
    counts
        .iter()
        .map(|(s, n)| format!("{n:>6} {s}\n"))
        .collect()
}

#[test]
fn questions_list_in_each_theme_80x24() {
    for (name, theme) in themes() {
        let buf = buffer(&app_after((80, 24), "j"), theme);
        insta::assert_snapshot!(format!("questions_{name}_80x24"), style_runs(&buf));
    }
}

#[test]
fn reader_in_each_theme_80x24_and_200x60() {
    for (name, theme) in themes() {
        let buf = buffer(&app_after((80, 24), "j j <enter>"), theme);
        insta::assert_snapshot!(format!("reader_{name}_80x24"), style_runs(&buf));
        let buf = buffer(&app_after((200, 60), "j j <enter>"), theme);
        insta::assert_snapshot!(format!("reader_{name}_200x60"), style_inventory(&buf));
    }
}

#[test]
fn no_color_uses_no_colour_and_the_themes_differ() {
    let app = app_after((200, 60), "j j <enter>");
    let mono = buffer(&app, Theme::monochrome());
    for y in 0..60 {
        for x in 0..200 {
            let s = mono[(x, y)].style();
            assert_eq!(
                (s.fg, s.bg),
                (
                    Some(ratatui::style::Color::Reset),
                    Some(ratatui::style::Color::Reset)
                ),
                "({x},{y})"
            );
        }
    }
    let inventories: Vec<String> = themes()
        .into_iter()
        .map(|(_, t)| style_inventory(&buffer(&app, t)))
        .collect();
    for (i, a) in inventories.iter().enumerate() {
        for b in &inventories[i + 1..] {
            assert_ne!(a, b);
        }
    }
}
