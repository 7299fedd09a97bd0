//! Files a county can trust (issue 6): exporting an assessment as one JSON file, importing it
//! back after full validation, and the Excel (.xlsx) and CSV renderings of its gap list and
//! action plan.
//!
//! Pure Rust: no browser types. The shell (`ui/transfer.rs`) turns the bytes produced here into
//! downloads and hands the bytes of a chosen, dropped or pasted file to [`read_file`].
//!
//! # The assessment file (format `thc-assessment`, version 1)
//!
//! ```json
//! {
//!   "format": "thc-assessment",
//!   "format_version": 1,
//!   "digest": "sha256:<64 lowercase hex digits>",
//!   "content": {
//!     "exported_at": "2026-11-23T10:15:00+08:00",
//!     "app_version": "0.1.0",
//!     "catalogue": { "id": "thc-standard", "version": 1 },
//!     "assessment": { "id": "…", "created_at": "…", "updated_at": "…",
//!                     "profile": { … }, "inputs": { … }, "items": { … } },
//!     "review": { … }
//!   }
//! }
//! ```
//!
//! * `catalogue.embedded` holds the whole catalogue when it is not one of the bundled ones, so a
//!   province's own catalogue travels with the file. A bundled catalogue is never embedded, and
//!   an embedded catalogue may not use a bundled id.
//! * `review` is the county's review (issue 8), in the format `crate::county` defines; it is
//!   read into `Assessment::review` (a review that does not read refuses the file) and is
//!   otherwise carried through unchanged. It never changes an answer.
//! * The published JSON Schema is `public/assessment-file.schema.json`.
//!
//! ## The digest
//!
//! `digest` is `"sha256:"` followed by the lowercase hex SHA-256 of the **canonical
//! serialisation** of the `content` value: UTF-8 JSON with no whitespace, object keys sorted by
//! Unicode code point, strings written literally except that `"` and `\` are escaped, control
//! characters are written as `\b \f \n \r \t` or `\u00xx` (lowercase hex), and numbers are
//! written as plain decimal integers. It is computed from the parsed value, so the layout of the
//! file (indentation, key order, escapes such as `\u4e2d`) does not matter; only the data does.
//! Python's `json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`
//! produces the same bytes (tests/exchange_check.py verifies exported files that way).
//!
//! A file whose digest does not match (or that has none) was changed after export. It is still
//! read, flagged [`Integrity::Mismatch`] / [`Integrity::Missing`], and may only be viewed, never
//! stored.
//!
//! ## Reading a file
//!
//! [`read_file`] runs every check before the caller may store anything, cheapest first: size
//! ([`MAX_FILE_BYTES`]); file type by its first bytes (images, Office files, archives); encoding
//! (UTF-8, with a BOM stripped; UTF-16 and GBK recognised and named); one pass over the text
//! that refuses nesting deeper than [`MAX_DEPTH`] and a key repeated within one object, before
//! the JSON parser runs; syntax (a truncated file is named as such); format and version; the
//! digest; shape (every object's keys are checked, unknown fields refused); the year; the
//! catalogue (bundled, or embedded and valid); ids the catalogue does not know; input values
//! (negative, fractional, not numbers, above the input's maximum). Each failure is one
//! [`ImportError`] with a Chinese and an English message; `read_file` never panics.
//!
//! ## Tables
//!
//! [`export_xlsx`] writes a workbook (汇总, 差距清单, 整改计划) as a stored ZIP of SpreadsheetML
//! parts with inline strings; [`export_csv`] writes the gap list with actions as UTF-8 with a
//! BOM, CRLF line ends and RFC 4180 quoting, for Excel on Chinese Windows.

mod compact;
mod digest;
mod errors;
mod filename;
mod import;
mod scan;
mod sheets;
mod zip;

pub use compact::compact_file_text;
pub use digest::{canonical_json, content_digest};
pub use errors::{BadNumber, FileKind, ImportError, NumberProblem};
pub use filename::file_name;
pub use import::{
    read_file, ImportChoice, ImportRefusal, Imported, ImportedCatalogue, Integrity, Preview,
};
pub use sheets::{
    action_rows, export_csv, export_xlsx, gap_rows, summary_rows, GapRow, SummaryRow,
};
pub(crate) use sheets::{workbook, Cell, Sheet};
pub use zip::{crc32, stored_zip};

use crate::assessment::Assessment;
use crate::catalogue::{bundled, Catalogue};
use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

/// The value of the `format` field.
pub const FORMAT_ID: &str = "thc-assessment";
/// The file format version this build reads and writes.
pub const FILE_FORMAT_VERSION: u32 = 1;
/// Recorded in every export.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Larger files are refused before anything is parsed.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Deeper nesting of arrays and objects is refused before the JSON parser runs. A real file,
/// even with an embedded catalogue, stays below 20.
pub const MAX_DEPTH: usize = 64;
/// Years outside this range are refused as out of range.
pub const YEAR_RANGE: std::ops::RangeInclusive<i64> = 1900..=2200;

/// The keys each object of the file may hold (anything else is refused: a field this build
/// does not know means the file is not what it claims to be).
mod keys {
    pub const ENVELOPE: &[&str] = &["format", "format_version", "digest", "content"];
    pub const CONTENT: &[&str] = &[
        "exported_at",
        "app_version",
        "catalogue",
        "assessment",
        "review",
    ];
    pub const CATALOGUE: &[&str] = &["id", "version", "embedded"];
    pub const ASSESSMENT: &[&str] = &[
        "id",
        "created_at",
        "updated_at",
        "profile",
        "inputs",
        "items",
    ];
    pub const PROFILE: &[&str] = &[
        "centre_name",
        "county",
        "centre_type",
        "year",
        "filled_by",
        "flags",
    ];
    pub const ITEM: &[&str] = &["answer", "not_applicable", "evidence", "action"];
    pub const ACTION: &[&str] = &["measure", "owner", "deadline", "status"];

    /// All of the above, outermost first: the order in which an exported file lists its keys
    /// (a key's first place counts; keys not listed, such as an answer's, follow in code point
    /// order).
    pub const IN_READING_ORDER: [&[&str]; 7] = [
        ENVELOPE, CONTENT, CATALOGUE, ASSESSMENT, PROFILE, ITEM, ACTION,
    ];
}

/// `true` when `id` names a catalogue shipped with the app.
pub fn is_bundled_id(id: &str) -> bool {
    bundled().iter().any(|c| c.id == id)
}

/// The `content` object of the file for `assessment`.
fn content_value(
    assessment: &Assessment,
    catalogue: &Catalogue,
    review: Option<&Map<String, Value>>,
    exported_at: DateTime<FixedOffset>,
) -> Value {
    // The assessment's own serialisation (the one storage uses) without the fields the file
    // keeps elsewhere: its format version is the file's, its catalogue is `catalogue`.
    let mut a = serde_json::to_string(assessment)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .unwrap_or(Value::Null);
    if let Value::Object(map) = &mut a {
        map.remove("format_version");
        map.remove("catalogue_id");
        map.remove("catalogue_version");
        // The county's review travels as `content.review` (the `review` argument), never
        // inside the assessment.
        map.remove("review");
    }
    let mut cat = Map::new();
    cat.insert("id".into(), Value::from(assessment.catalogue_id.as_str()));
    cat.insert("version".into(), Value::from(assessment.catalogue_version));
    if !is_bundled_id(&catalogue.id) {
        // Plain data always serialises; `Null` would be refused on import rather than panic.
        cat.insert(
            "embedded".into(),
            serde_json::to_value(catalogue).unwrap_or(Value::Null),
        );
    }
    let mut content = Map::new();
    content.insert(
        "exported_at".into(),
        serde_json::to_value(exported_at).unwrap_or(Value::Null),
    );
    content.insert("app_version".into(), Value::from(APP_VERSION));
    content.insert("catalogue".into(), Value::Object(cat));
    content.insert("assessment".into(), a);
    if let Some(review) = review {
        content.insert("review".into(), Value::Object(review.clone()));
    }
    Value::Object(content)
}

/// The assessment file for `assessment` (filled against `catalogue`), indented, with its
/// digest. `review` is the county's review object, carried unchanged (issue 8).
///
/// The catalogue is embedded when its id is not a bundled one.
pub fn export_json(
    assessment: &Assessment,
    catalogue: &Catalogue,
    review: Option<&Map<String, Value>>,
    exported_at: DateTime<FixedOffset>,
) -> String {
    let content = content_value(assessment, catalogue, review, exported_at);
    let mut envelope = Map::new();
    envelope.insert("format".into(), Value::from(FORMAT_ID));
    envelope.insert("format_version".into(), Value::from(FILE_FORMAT_VERSION));
    envelope.insert("digest".into(), Value::from(content_digest(&content)));
    envelope.insert("content".into(), content);
    digest::pretty_json(&Value::Object(envelope))
}
