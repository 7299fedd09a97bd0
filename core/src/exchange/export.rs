//! Writing the assessment file: its `content` object and the envelope around it, with the
//! digest.

use super::digest::{self, content_digest};
use super::format::{is_bundled_id, APP_VERSION, FILE_FORMAT_VERSION, FORMAT_ID};
use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

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
