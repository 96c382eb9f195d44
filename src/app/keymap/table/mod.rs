//! The keymap table, one file per group of scopes; [`GROUPS`] puts them
//! in the order the help and the hints list them.

mod browse;
mod compare_timeline;
mod global;
mod league_coding;
mod notes;
mod overlays;
mod platforms;
mod search;

use crate::app::action::{
    Action as A, CodingAction as KA, CompareAction as CA, MinistriesAction as MA,
    PlatformsAction as PA, ReviewAction as RA, SearchAction as SA, TimelineAction as TA, View,
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
pub(super) const M: Scope = Scope::View(View::Ministries);
pub(super) const K: Scope = Scope::View(View::Coding);
pub(super) const PL: Scope = Scope::View(View::Platforms);

/// Every group's rows, in table order.
pub(super) const GROUPS: [&[Binding]; 8] = [
    global::ROWS,
    browse::ROWS,
    overlays::ROWS,
    compare_timeline::ROWS,
    notes::ROWS,
    league_coding::ROWS,
    search::ROWS,
    platforms::ROWS,
];
