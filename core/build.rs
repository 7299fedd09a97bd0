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

/// JSON without whitespace outside strings. Every byte of a multi-byte UTF-8 character is
/// ≥ 0x80, so it never looks like a quote, a backslash or whitespace.
fn compact(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in text.as_bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            continue;
        }
        out.push(b);
    }
    out
}

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for name in CATALOGUES {
        let source = format!("src/catalogue/data/{name}.json");
        println!("cargo::rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        std::fs::write(
            Path::new(&out_dir).join(format!("{name}.json")),
            compact(&text),
        )
        .unwrap_or_else(|e| panic!("cannot write the compact {name}.json: {e}"));
    }
}
