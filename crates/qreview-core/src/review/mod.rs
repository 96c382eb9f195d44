//! Review: what joins notes and corpus, so may use both (the coding matrix
//! of ministries × tags). Nothing below it may use it.

pub mod coding;

pub use coding::{CodingCell, CodingMatrix, coding_matrix};
