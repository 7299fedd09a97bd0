//! Applying the store's plans to a [`KeyValue`](super::kv::KeyValue) store: the only code that
//! reads and writes the app's keys. The browser shell passes its localStorage adapter; tests
//! pass a [`MemoryStore`](super::kv::MemoryStore), full or not.
//!
//! Every write is ordered so that a failure between two writes leaves a good entry and a good
//! backup, and nothing here ever deletes text it could not read: it is quarantined first.

pub mod assessments;
pub mod catalogues;
pub mod workspace;
