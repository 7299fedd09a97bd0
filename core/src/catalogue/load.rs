//! Parsing a catalogue file piece by piece, so that a shape error names the criterion (or input,
//! section…) it occurs in instead of only a byte offset, and so that one bad criterion does not
//! hide the errors in the others.

use super::criterion::{Criterion, CriterionKind, Section};
use super::errors::{CatalogueError, Location, Problem};
use super::graded::TierDef;
use super::inputs::{FlagDef, InputDef};
use super::model::{Catalogue, FORMAT_VERSION};
use super::provenance::Source;
use super::rules::Rule;
use super::validate;
use crate::base::text::Text;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

const TOP_KEYS: &[&str] = &[
    "format_version",
    "id",
    "version",
    "title",
    "description",
    "sample",
    "beds_input",
    "sources",
    "inputs",
    "flags",
    "sections",
    "tiers",
];
const SECTION_KEYS: &[&str] = &["id", "title", "description", "criteria"];
const CRITERION_KEYS: &[&str] = &[
    "id",
    "title",
    "explanation",
    "provenance",
    "applicability",
    "importance",
    "kind",
];

pub(super) fn from_json(text: &str) -> Result<Catalogue, Vec<CatalogueError>> {
    let value: Value = serde_json::from_str(text).map_err(|e| vec![syntax_error(&e)])?;
    let Some(obj) = value.as_object() else {
        return Err(vec![CatalogueError::new(
            Location::Catalogue,
            "",
            Problem::Shape {
                detail: "expected a JSON object at the top level".to_string(),
            },
        )]);
    };

    // The format version decides how to read everything else, so check it first and alone.
    match obj.get("format_version").map(Value::as_u64) {
        None => {
            return Err(vec![shape(
                Location::Catalogue,
                "format_version",
                "missing field `format_version`",
            )])
        }
        Some(None) => {
            return Err(vec![shape(
                Location::Catalogue,
                "format_version",
                "expected a whole number",
            )])
        }
        Some(Some(v)) if v != u64::from(FORMAT_VERSION) => {
            return Err(vec![CatalogueError::new(
                Location::Catalogue,
                "format_version",
                Problem::UnsupportedFormatVersion {
                    found: v,
                    supported: FORMAT_VERSION,
                },
            )])
        }
        Some(Some(_)) => {}
    }

    let mut errors = Vec::new();
    unknown_keys(obj, TOP_KEYS, &Location::Catalogue, "", &mut errors);

    let id: Option<String> = required(obj, "id", &Location::Catalogue, &mut errors);
    let version: Option<u32> = required(obj, "version", &Location::Catalogue, &mut errors);
    let title: Option<Text> = required(obj, "title", &Location::Catalogue, &mut errors);
    let description: Option<Text> = required(obj, "description", &Location::Catalogue, &mut errors);
    let sample: bool = optional(obj, "sample", &Location::Catalogue, &mut errors).unwrap_or(false);
    let beds_input: Option<String> = optional(obj, "beds_input", &Location::Catalogue, &mut errors);

    let sources: Vec<Source> = list(obj, "sources", true, Location::Source, &mut errors);
    let inputs: Vec<InputDef> = list(obj, "inputs", false, Location::Input, &mut errors);
    let flags: Vec<FlagDef> = list(obj, "flags", false, Location::Flag, &mut errors);
    let tiers: Vec<TierDef> = list(obj, "tiers", false, Location::Tier, &mut errors);

    let mut sections = Vec::new();
    match obj.get("sections") {
        None => errors.push(shape(
            Location::Catalogue,
            "sections",
            "missing field `sections`",
        )),
        Some(Value::Array(items)) => {
            for (i, s) in items.iter().enumerate() {
                if let Some(section) = parse_section(s, i, &mut errors) {
                    sections.push(section);
                }
            }
        }
        Some(_) => errors.push(shape(Location::Catalogue, "sections", "expected a list")),
    }

    let (Some(id), Some(version), Some(title), Some(description)) =
        (id, version, title, description)
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }

    let catalogue = Catalogue {
        format_version: FORMAT_VERSION,
        id,
        version,
        title,
        description,
        sample,
        beds_input,
        sources,
        inputs,
        flags,
        sections,
        tiers,
    };
    let errors = validate::validate(&catalogue);
    if errors.is_empty() {
        Ok(catalogue)
    } else {
        Err(errors)
    }
}

fn syntax_error(e: &serde_json::Error) -> CatalogueError {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the numbers are reported separately.
    let detail = match full.rfind(" at line ") {
        Some(pos) => full[..pos].to_string(),
        None => full,
    };
    CatalogueError::new(
        Location::Catalogue,
        "",
        Problem::Syntax {
            line: e.line(),
            column: e.column(),
            detail,
        },
    )
}

fn shape(location: Location, field: &str, detail: &str) -> CatalogueError {
    CatalogueError::new(
        location,
        field,
        Problem::Shape {
            detail: detail.to_string(),
        },
    )
}

fn unknown_keys(
    obj: &Map<String, Value>,
    allowed: &[&str],
    location: &Location,
    prefix: &str,
    errors: &mut Vec<CatalogueError>,
) {
    for key in obj.keys() {
        if !allowed.contains(&key.as_str()) {
            errors.push(CatalogueError::new(
                location.clone(),
                format!("{prefix}{key}"),
                Problem::UnknownField { name: key.clone() },
            ));
        }
    }
}

fn decode<T: DeserializeOwned>(
    v: &Value,
    location: &Location,
    field: &str,
    errors: &mut Vec<CatalogueError>,
) -> Option<T> {
    match T::deserialize(v) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.push(shape(location.clone(), field, &e.to_string()));
            None
        }
    }
}

fn required<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    key: &str,
    location: &Location,
    errors: &mut Vec<CatalogueError>,
) -> Option<T> {
    match obj.get(key) {
        Some(v) => decode(v, location, key, errors),
        None => {
            errors.push(shape(
                location.clone(),
                key,
                &format!("missing field `{key}`"),
            ));
            None
        }
    }
}

fn optional<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    key: &str,
    location: &Location,
    errors: &mut Vec<CatalogueError>,
) -> Option<T> {
    match obj.get(key) {
        None | Some(Value::Null) => None,
        Some(v) => decode(v, location, key, errors),
    }
}

/// Location of a list element: by its id when it has a readable one, else by path.
fn element_location(v: &Value, path: String, by_id: fn(String) -> Location) -> Location {
    match v.get("id").and_then(Value::as_str) {
        Some(id) if !id.trim().is_empty() => by_id(id.to_string()),
        _ => Location::Element(path),
    }
}

fn list<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    key: &str,
    must_exist: bool,
    by_id: fn(String) -> Location,
    errors: &mut Vec<CatalogueError>,
) -> Vec<T> {
    match obj.get(key) {
        None | Some(Value::Null) => {
            if must_exist {
                errors.push(shape(
                    Location::Catalogue,
                    key,
                    &format!("missing field `{key}`"),
                ));
            }
            Vec::new()
        }
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let loc = element_location(v, format!("{key}[{i}]"), by_id);
                decode(v, &loc, "", errors)
            })
            .collect(),
        Some(_) => {
            errors.push(shape(Location::Catalogue, key, "expected a list"));
            Vec::new()
        }
    }
}

fn parse_section(v: &Value, index: usize, errors: &mut Vec<CatalogueError>) -> Option<Section> {
    let path = format!("sections[{index}]");
    let location = element_location(v, path.clone(), Location::Section);
    let Some(obj) = v.as_object() else {
        errors.push(shape(location, "", "expected an object"));
        return None;
    };
    unknown_keys(obj, SECTION_KEYS, &location, "", errors);
    let id: Option<String> = required(obj, "id", &location, errors);
    let title: Option<Text> = required(obj, "title", &location, errors);
    let description: Option<Text> = optional(obj, "description", &location, errors);
    let mut criteria = Vec::new();
    match obj.get("criteria") {
        Some(Value::Array(items)) => {
            for (i, c) in items.iter().enumerate() {
                if let Some(criterion) =
                    parse_criterion(c, &format!("{path}.criteria[{i}]"), errors)
                {
                    criteria.push(criterion);
                }
            }
        }
        Some(_) => errors.push(shape(location.clone(), "criteria", "expected a list")),
        None => errors.push(shape(
            location.clone(),
            "criteria",
            "missing field `criteria`",
        )),
    }
    Some(Section {
        id: id?,
        title: title?,
        description,
        criteria,
    })
}

fn parse_criterion(v: &Value, path: &str, errors: &mut Vec<CatalogueError>) -> Option<Criterion> {
    let location = element_location(v, path.to_string(), Location::Criterion);
    let Some(obj) = v.as_object() else {
        errors.push(shape(location, "", "expected an object"));
        return None;
    };
    let kind = match obj.get("kind") {
        Some(Value::String(k)) => k.as_str(),
        Some(_) => {
            errors.push(shape(location, "kind", "expected a string"));
            return None;
        }
        None => {
            errors.push(shape(location, "kind", "missing field `kind`"));
            return None;
        }
    };
    let extra: &[&str] = match kind {
        "checklist" => &[],
        "numeric_inputs" => &["inputs", "total"],
        "rule" => &["rule"],
        "department" => &["department"],
        "graded" => &["graded"],
        "choice" => &["options"],
        other => {
            errors.push(CatalogueError::new(
                location,
                "kind",
                Problem::UnknownKind {
                    kind: other.to_string(),
                    expected: CriterionKind::KINDS.iter().map(|s| s.to_string()).collect(),
                },
            ));
            return None;
        }
    };
    if kind == "rule" {
        match obj.get("rule").and_then(|r| r.get("type")) {
            Some(Value::String(t)) if Rule::TYPES.contains(&t.as_str()) => {}
            Some(Value::String(t)) => {
                errors.push(CatalogueError::new(
                    location,
                    "rule.type",
                    Problem::UnknownKind {
                        kind: t.clone(),
                        expected: Rule::TYPES.iter().map(|s| s.to_string()).collect(),
                    },
                ));
                return None;
            }
            _ => {
                errors.push(shape(
                    location,
                    "rule.type",
                    "missing or non-text field `rule.type`",
                ));
                return None;
            }
        }
    }
    let before = errors.len();
    for key in obj.keys() {
        if !CRITERION_KEYS.contains(&key.as_str()) && !extra.contains(&key.as_str()) {
            errors.push(CatalogueError::new(
                location.clone(),
                key.clone(),
                Problem::UnknownField { name: key.clone() },
            ));
        }
    }
    let criterion = decode::<Criterion>(v, &location, "", errors);
    if errors.len() > before {
        None
    } else {
        criterion
    }
}
