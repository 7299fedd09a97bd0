//! Township health centre self-assessment (乡镇卫生院标准化自评).
//!
//! The functional core (catalogue, assessment, evaluation, exact arithmetic) is plain Rust and
//! compiles natively with no browser crate at all; the browser shell lives behind
//! `cfg(target_arch = "wasm32")`. See ARCHITECTURE.md.

pub mod assessment;
pub mod catalogue;
pub mod dates;
pub mod evaluation;
pub mod exact;
pub mod exchange;
pub mod i18n;
pub mod persist;
pub mod report;
pub mod review;
pub mod route;
pub mod sorting;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
