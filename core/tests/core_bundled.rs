// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! The bundled catalogues load through the public loader without errors.

use thc_core::catalogue::{bundled, bundled_errors, BUNDLED_IDS};

#[test]
fn bundled_catalogues_load_cleanly() {
    for (id, errors) in bundled_errors() {
        for e in errors {
            eprintln!("{id}: {}", e.message_en());
        }
    }
    assert!(bundled_errors().is_empty());
    let ids: Vec<&str> = bundled().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, BUNDLED_IDS.to_vec());
}
