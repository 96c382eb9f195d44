//! Analysis: figures computed from the corpus. Pure functions, no I/O.

pub mod figures;
