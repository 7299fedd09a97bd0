//! Adapters to the browser: the only code that touches `window` — storage, the clock and ids,
//! files (read and download), the DOM (focus, scroll, the URL, page events). Components call
//! these; the core never sees them.

pub mod catalogues;
pub mod clock;
pub mod collate;
pub mod dom;
pub mod files;
pub mod storage;
