//! What the file format fixes: its id and version, the app version every export records, the
//! limits a file is read within, and which catalogue ids are bundled (so never embedded).

use crate::catalogue::bundled;

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

/// `true` when `id` names a catalogue shipped with the app.
pub fn is_bundled_id(id: &str) -> bool {
    bundled().iter().any(|c| c.id == id)
}
