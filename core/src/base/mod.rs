//! The bottom layer: pieces every other layer may use and that use nothing of this crate.

pub mod dates;
pub mod exact;
pub mod ids;
pub mod sorting;
pub mod text;
