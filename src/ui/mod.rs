//! The browser shell: Leptos components that render state and send user intents.
//!
//! Components hold no business rules: verdicts come from `evaluation`, persistence from
//! `storage`, texts from `i18n`.

mod catalogues;
mod common;
mod criterion;
mod editor;
mod home;
mod report;
mod review;
mod session;
mod shell;
mod transfer;

pub use shell::App;
