//! The storage layout version and the migrations that bring an older layout up to it.

use super::problem::LoadProblem;
use crate::assessment::Assessment;
use serde::Deserialize;
use serde_json::Value;

/// The storage layout (envelope shape) this build reads and writes. Bump it together with a new
/// step in `MIGRATIONS`.
pub const LAYOUT_VERSION: u32 = 1;

/// The `writer` recorded on entries produced by migrating an older layout.
pub const MIGRATED_WRITER: &str = "migrated";

/// One migration step: the JSON of layout `n` in, the JSON of layout `n + 1` out.
type Migration = fn(Value) -> Result<Value, LoadProblem>;

/// `MIGRATIONS[n]` turns layout `n` into layout `n + 1`. The array length is tied to
/// [`LAYOUT_VERSION`], so bumping the layout without adding a step does not compile.
pub(super) const MIGRATIONS: [Migration; LAYOUT_VERSION as usize] = [migrate_0_to_1];

/// Layout 0 (early development builds): the bare `Assessment` JSON with no envelope. Wrap it in
/// an envelope as revision 1, saved when it was last updated, never exported.
fn migrate_0_to_1(value: Value) -> Result<Value, LoadProblem> {
    // Read `updated_at` through the real type so a malformed bare assessment is Corrupt here,
    // not a confusing error about the envelope later.
    let assessment = Assessment::deserialize(&value)
        .map_err(|e| LoadProblem::corrupt(format!("layout 0: {e}")))?;
    let saved_at = serde_json::to_value(assessment.updated_at)
        .map_err(|e| LoadProblem::corrupt(format!("layout 0: {e}")))?;
    Ok(serde_json::json!({
        "layout": 1,
        "revision": 1,
        "saved_at": saved_at,
        "writer": MIGRATED_WRITER,
        "last_exported_at": null,
        "assessment": value,
    }))
}
