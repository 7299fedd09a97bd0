//! Files a county can trust (issue 6): exporting an assessment as one JSON file, importing it
//! back after full validation, and the Excel (.xlsx) and CSV renderings of its gap list and
//! action plan. The formats are described for people in `core/FILE-FORMAT.md` (the file, its
//! digest, what reading checks, the tables); the published JSON Schema is
//! `public/assessment-file.schema.json`.
//!
//! Pure Rust: no browser types. The shell turns the bytes produced here into downloads and hands
//! the bytes of a chosen, dropped or pasted file to [`read_file`], which runs every check before
//! the caller may store anything and never panics.

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
