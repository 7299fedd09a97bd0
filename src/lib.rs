//! The browser shell of the township health centre self-assessment (乡镇卫生院标准化自评).
//!
//! Everything that decides lives in the `thc-core` crate (`core/`), which has no browser
//! dependency. This crate holds only what needs the browser: the adapters to the browser
//! (`platform`: storage, clock, files, DOM) and the Leptos components (`ui`). It is only ever built for wasm32. See ARCHITECTURE.md.

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
