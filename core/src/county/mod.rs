//! The county's view over many centres' files (issue 8): files opened for review, the roll-up,
//! one criterion across centres, the comparison of two assessments of one centre, and the
//! roll-up workbook. The review itself is data of the assessment (`assessment::review`); what
//! the workspace stores is `store::workspace`.

pub mod across;
pub mod centre_file;
pub mod compare;
pub mod rollup;
pub mod workbook;

pub use across::*;
pub use centre_file::*;
pub use compare::*;
pub use rollup::*;
pub use workbook::*;
