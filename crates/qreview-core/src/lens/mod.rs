//! The social-media lens: which platforms an answer says the ministry uses,
//! under which account, with which figures, money, staff and policy, and
//! which it says it does not use, each fact with its exact span.
//!
//! Pure and fast: no I/O, no terminal. [`catalog`] holds the platform list
//! as data, [`extract`] reads one answer, [`table`] joins a corpus and the
//! analyst's corrections into the ministries × platforms table that the
//! Platforms view, `qreview platforms` and every export show.

pub mod accounts;
pub mod catalog;
pub mod context;
pub mod correct;
pub mod cues;
pub mod extract;
pub mod figures;
pub mod model;
pub mod numbers;
pub mod signals;
pub mod table;

pub use catalog::{Catalog, CatalogData, PlatformDef};
pub use extract::{extract, extract_text};
pub use model::{
    Account, Figure, Lens, Metric, Money, PlatformFact, Reference, Signal, SignalKind, Span, Staff,
    Verdict,
};
pub use table::{Cell, CellState, Row, Table};
