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
mod export;
mod filename;
mod format;
mod import;
mod keys;
mod scan;
mod sheets;
mod zip;

pub use compact::compact_file_text;
pub use digest::{canonical_json, content_digest};
pub use errors::{BadNumber, FileKind, ImportError, NumberProblem};
pub use export::export_json;
pub use filename::file_name;
pub use format::{
    is_bundled_id, APP_VERSION, FILE_FORMAT_VERSION, FORMAT_ID, MAX_DEPTH, MAX_FILE_BYTES,
    YEAR_RANGE,
};
pub use import::{
    read_file, ImportChoice, ImportRefusal, Imported, ImportedCatalogue, Integrity, Preview,
};
pub use sheets::{
    action_rows, export_csv, export_xlsx, gap_rows, summary_rows, GapRow, SummaryRow,
};
pub(crate) use sheets::{workbook, Cell, Sheet};
pub use zip::{crc32, stored_zip};
