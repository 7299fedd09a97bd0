//! Ships the bundled catalogues without their layout whitespace. The files in
//! `src/catalogue/data/` stay indented for the people who maintain them; the wasm carries them
//! compact (the same JSON, key order and all, with the whitespace outside strings removed),
//! which is a few KB less on a director's first load.
// A build script that cannot read its inputs must stop the build, loudly.
#![allow(clippy::expect_used)]

use std::path::Path;

const CATALOGUES: [&str; 3] = [
    "thc-standard",
    "community-hospital-readiness",
    "national-graded-sample",
];

// The same compaction the exchange layer applies to stored files (one implementation).
#[path = "src/exchange/compact.rs"]
mod compact;

fn main() {
    println!("cargo::rerun-if-changed=src/exchange/compact.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for name in CATALOGUES {
        let source = format!("src/catalogue/data/{name}.json");
        println!("cargo::rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        std::fs::write(
            Path::new(&out_dir).join(format!("{name}.json")),
            compact::compact_file_text(&text),
        )
        .unwrap_or_else(|e| panic!("cannot write the compact {name}.json: {e}"));
    }
}
