//! The keymap table, one file per group of scopes; [`GROUPS`] puts them
//! in the order the help and the hints list them.

mod browse;
mod compare_timeline;
mod global;
mod notes;
mod overlays;
mod search;

use crate::app::action::{
    Action as A, CompareAction as CA, ReviewAction as RA, SearchAction as SA, TimelineAction as TA,
    View,
};

use super::{Binding, Scope, bind};
use crate::app::facets::Facet;

pub(super) const G: Scope = Scope::Global;
pub(super) const Q: Scope = Scope::View(View::Questions);
pub(super) const R: Scope = Scope::View(View::Reader);
pub(super) const L: Scope = Scope::LoadReport;
pub(super) const H: Scope = Scope::Help;
pub(super) const C: Scope = Scope::View(View::Compare);
pub(super) const T: Scope = Scope::View(View::Timeline);
pub(super) const N: Scope = Scope::View(View::Notes);
pub(super) const S: Scope = Scope::Search;

/// Every group's rows, in table order.
pub(super) const GROUPS: [&[Binding]; 6] = [
    global::ROWS,
    browse::ROWS,
    overlays::ROWS,
    compare_timeline::ROWS,
    notes::ROWS,
    search::ROWS,
];
