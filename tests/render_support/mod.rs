//! Helpers shared by the render tests: draw the app into ratatui's
//! `TestBackend` and read the cells back as text. Snapshots are taken in
//! each test file (insta names them after the calling module).
// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use qreview::app::App;
use qreview::tui::theme::Theme;
use qreview::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The app drawn once, at its own size, with `theme`.
pub fn draw(app: &App, theme: Theme) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| views::render(app, &theme, f.area(), f.buffer_mut()))
        .expect("draw");
    term
}

/// The symbols of row `y`.
pub fn screen_row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Every row, each followed by a newline.
pub fn screen(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| screen_row(buf, y) + "\n")
        .collect()
}
