//! Reading an assessment file: every check runs before the caller may store anything, and the
//! result says what would be created or replaced.

use super::digest::content_digest;
use super::errors::{BadNumber, ImportError, NumberProblem};
use super::format::{is_bundled_id, FILE_FORMAT_VERSION, FORMAT_ID, MAX_DEPTH, YEAR_RANGE};
use super::keys;
use super::scan::{decode_text, scan, ScanProblem};
use crate::assessment::review::{Review, ReviewError};
use crate::assessment::{
    Assessment, AssessmentIssue, ItemRecord, Profile, ASSESSMENT_FORMAT_VERSION,
    MAX_REJECTED_INPUT_CHARS,
};
use crate::base::dates::serde_text::Time;
use crate::base::ids::is_valid_id;
use crate::catalogue::{bundled, Catalogue, InputDef, Lang, Text};
use crate::evaluation::{evaluate, Summary};
use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

/// Where the catalogue of an imported file comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportedCatalogue {
    Bundled(&'static Catalogue),
    /// Carried in the file (a province's own catalogue), validated by the catalogue loader.
    Embedded(Box<Catalogue>),
}

impl ImportedCatalogue {
    pub fn get(&self) -> &Catalogue {
        match self {
            ImportedCatalogue::Bundled(c) => c,
            ImportedCatalogue::Embedded(c) => c,
        }
    }

    pub fn is_bundled(&self) -> bool {
        matches!(self, ImportedCatalogue::Bundled(_))
    }
}

/// Whether the file is as it was exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integrity {
    /// The digest matches the content.
    Verified,
    /// The content was changed after export: the digest in the file does not match it.
    Mismatch { declared: String, computed: String },
    /// The file carries no (usable) digest.
    Missing,
}

impl Integrity {
    pub fn is_verified(&self) -> bool {
        matches!(self, Integrity::Verified)
    }

    /// What to tell the user about a file that is not verified (`None` when it is).
    pub fn message(&self, lang: Lang) -> Option<String> {
        match (self, lang) {
            (Integrity::Verified, _) => None,
            (Integrity::Mismatch { .. }, Lang::Zh) => Some(
                "校验失败：文件内容在导出后被修改过（校验码不符）。这份文件只能查看，不能导入；请向卫生院索取原始导出文件。"
                    .to_string(),
            ),
            (Integrity::Mismatch { .. }, Lang::En) => Some(
                "Integrity check failed: the file was changed after it was exported (its digest does not match). It can be viewed but not imported; ask the centre for the original export."
                    .to_string(),
            ),
            (Integrity::Missing, Lang::Zh) => Some(
                "文件没有有效的校验码，无法确认它未被修改。这份文件只能查看，不能导入。".to_string(),
            ),
            (Integrity::Missing, Lang::En) => Some(
                "The file has no valid digest, so it cannot be shown to be unchanged. It can be viewed but not imported."
                    .to_string(),
            ),
        }
    }
}

/// A file that passed every check, ready to preview, view, or store.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Exactly as exported (its id is the exporting browser's).
    pub assessment: Assessment,
    pub catalogue: ImportedCatalogue,
    /// The county's review, carried unchanged (issue 8).
    pub review: Option<Map<String, Value>>,
    pub exported_at: DateTime<FixedOffset>,
    pub app_version: String,
    pub integrity: Integrity,
    /// Non-fatal mismatches with the catalogue (another catalogue version, an answer of the
    /// wrong kind); evaluation treats them as documented in `evaluation`.
    pub warnings: Vec<AssessmentIssue>,
    /// The file started with a UTF-8 byte-order mark (stripped).
    pub had_bom: bool,
    /// An assessment with the file's id is already stored (the caller said so).
    pub id_exists: bool,
}

/// What the import will create or replace, for the confirmation screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub id: String,
    pub id_exists: bool,
    pub centre_name: String,
    pub county: String,
    pub year: Option<i32>,
    pub filled_by: String,
    pub catalogue_id: String,
    pub catalogue_version: u32,
    pub catalogue_title: Text,
    pub catalogue_bundled: bool,
    /// Criteria with an answer (or marked not applicable).
    pub answers: usize,
    pub inputs: usize,
    pub evidence_notes: usize,
    pub actions: usize,
    pub summary: Summary,
    pub exported_at: DateTime<FixedOffset>,
    pub app_version: String,
    pub tampered: bool,
}

/// How to store an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportChoice {
    /// As a new assessment under a fresh id (the default).
    New { id: String },
    /// Over the stored assessment with the same id (after the user confirmed).
    Replace,
}

/// Why an imported file may not be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRefusal {
    /// The file was changed after export: view only.
    Tampered,
    /// Nothing with the file's id is stored, so there is nothing to replace.
    NothingToReplace,
    InvalidNewId {
        id: String,
    },
}

impl ImportRefusal {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportRefusal::Tampered, Lang::Zh) => {
                "这份文件在导出后被修改过，只能查看，不能导入。".to_string()
            }
            (ImportRefusal::Tampered, Lang::En) => {
                "This file was changed after export: it can be viewed, not imported.".to_string()
            }
            (ImportRefusal::NothingToReplace, Lang::Zh) => {
                "本机没有编号相同的自评，无需替换；请作为新自评导入。".to_string()
            }
            (ImportRefusal::NothingToReplace, Lang::En) => {
                "No assessment with this id is stored here, so there is nothing to replace; import it as a new assessment."
                    .to_string()
            }
            (ImportRefusal::InvalidNewId { id }, _) => {
                ImportError::InvalidId { id: id.clone() }.message(lang)
            }
        }
    }
}

impl Imported {
    /// Changed after export, or unverifiable: view only.
    pub fn tampered(&self) -> bool {
        !self.integrity.is_verified()
    }

    /// The assessment to store for `choice`: the file's assessment, unchanged except for the
    /// id of a new one. Refused for a tampered file.
    pub fn assessment_for(&self, choice: &ImportChoice) -> Result<Assessment, ImportRefusal> {
        if self.tampered() {
            return Err(ImportRefusal::Tampered);
        }
        match choice {
            ImportChoice::New { id } => {
                if !is_valid_id(id) {
                    return Err(ImportRefusal::InvalidNewId { id: id.clone() });
                }
                let mut a = self.assessment.clone();
                a.id = id.clone();
                Ok(a)
            }
            ImportChoice::Replace if self.id_exists => Ok(self.assessment.clone()),
            ImportChoice::Replace => Err(ImportRefusal::NothingToReplace),
        }
    }

    /// The facts the confirmation screen shows, with the verdict summary.
    pub fn preview(&self) -> Preview {
        let a = &self.assessment;
        let catalogue = self.catalogue.get();
        let summary = evaluate(catalogue, a).overall;
        Preview {
            id: a.id.clone(),
            id_exists: self.id_exists,
            centre_name: a.profile.centre_name.clone(),
            county: a.profile.county.clone(),
            year: a.profile.year,
            filled_by: a.profile.filled_by.clone(),
            catalogue_id: a.catalogue_id.clone(),
            catalogue_version: a.catalogue_version,
            catalogue_title: catalogue.title.clone(),
            catalogue_bundled: self.catalogue.is_bundled(),
            answers: a
                .items
                .values()
                .filter(|r| r.answer.is_some() || r.not_applicable)
                .count(),
            inputs: a.inputs.len(),
            evidence_notes: a
                .items
                .values()
                .filter(|r| !r.evidence.trim().is_empty())
                .count(),
            actions: a.items.values().filter(|r| r.action.is_some()).count(),
            summary,
            exported_at: self.exported_at,
            app_version: self.app_version.clone(),
            tampered: self.tampered(),
        }
    }
}

fn syntax_error(e: &serde_json::Error) -> ImportError {
    if e.classify() == serde_json::error::Category::Eof {
        ImportError::Truncated {
            line: e.line(),
            column: e.column(),
        }
    } else {
        ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            detail: strip_position(&e.to_string()),
        }
    }
}

/// serde_json appends " at line L column C"; the messages give the position themselves.
fn strip_position(detail: &str) -> String {
    match detail.rfind(" at line ") {
        Some(i) => detail[..i].to_string(),
        None => detail.to_string(),
    }
}

/// Checks one stored input value against its definition; `Ok` holds it in stored units.
fn check_number(value: &Value, def: &InputDef) -> Result<u64, NumberProblem> {
    let n = match value {
        Value::Number(n) => n,
        _ => return Err(NumberProblem::NotANumber),
    };
    let v = if let Some(v) = n.as_u64() {
        v
    } else if n.as_i64().is_some() {
        return Err(NumberProblem::Negative);
    } else {
        let f = n.as_f64().unwrap_or(f64::NAN);
        if f.is_nan() {
            return Err(NumberProblem::NotANumber);
        }
        if f < 0.0 {
            return Err(NumberProblem::Negative);
        }
        if f.fract() != 0.0 {
            return Err(NumberProblem::NotInteger);
        }
        // Integral floats: exact only up to 2^53.
        if f >= 9_007_199_254_740_992.0 {
            return Err(NumberProblem::TooLarge);
        }
        f as u64
    };
    match def.effective_max() {
        Some(max) if v > max => Err(NumberProblem::AboveMax {
            max,
            kind: def.kind,
        }),
        _ => Ok(v),
    }
}

/// Reads an assessment file (the bytes of a chosen, dropped or pasted file).
///
/// Every check runs here, before anything may be stored: size, file type, encoding (a UTF-8 BOM
/// is accepted), nesting depth and duplicate keys (before the JSON parser runs), syntax, format
/// and version, shape, the digest, the catalogue, ids and numbers. `existing_ids` are the ids
/// stored in this browser (to say whether the file's assessment already exists). Never panics.
///
/// A file whose digest does not match is returned (flagged) so it can be viewed; it is refused
/// by [`Imported::assessment_for`].
pub fn read_file<S: AsRef<str>>(bytes: &[u8], existing_ids: &[S]) -> Result<Imported, ImportError> {
    let (text, had_bom) = decode_text(bytes)?;
    scan(text, MAX_DEPTH).map_err(|p| match p {
        ScanProblem::TooDeep { line, column } => ImportError::TooDeep { line, column },
        ScanProblem::DuplicateKey { key, path } => ImportError::DuplicateKey { key, path },
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(&e))?;
    let Some(top) = value.as_object() else {
        return Err(ImportError::NotAssessmentFile);
    };
    match top.get("format") {
        Some(Value::String(f)) if f == FORMAT_ID => {}
        None if top.contains_key("sections") && top.contains_key("format_version") => {
            return Err(ImportError::CatalogueFile)
        }
        _ => return Err(ImportError::NotAssessmentFile),
    }
    match top.get("format_version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v == u64::from(FILE_FORMAT_VERSION) => {}
            Some(v) if v > u64::from(FILE_FORMAT_VERSION) => {
                return Err(ImportError::FutureVersion { found: v })
            }
            _ => {
                return Err(ImportError::UnsupportedVersion {
                    found: n.to_string(),
                })
            }
        },
        Some(other) => {
            return Err(ImportError::UnsupportedVersion {
                found: other.to_string(),
            })
        }
        None => {
            return Err(ImportError::UnsupportedVersion {
                found: String::new(),
            })
        }
    }
    let integrity = match (top.get("digest"), top.get("content")) {
        (Some(Value::String(declared)), Some(content)) => {
            let computed = content_digest(content);
            if declared.len() == computed.len() && declared.starts_with("sha256:") {
                if *declared == computed {
                    Integrity::Verified
                } else {
                    Integrity::Mismatch {
                        declared: declared.clone(),
                        computed,
                    }
                }
            } else {
                Integrity::Missing
            }
        }
        _ => Integrity::Missing,
    };
    let Some(content) = top.get("content") else {
        return Err(shape(TOP, "missing field `content`"));
    };
    known_keys(top, keys::ENVELOPE, TOP)?;
    let content = read_content(content)?;
    build(content, integrity, had_bom, existing_ids)
}

const TOP: &str = "(top level)";

fn shape(path: &str, detail: impl Into<String>) -> ImportError {
    ImportError::Shape {
        path: path.to_string(),
        detail: detail.into(),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, ImportError> {
    v.as_object()
        .ok_or_else(|| shape(path, format!("expected an object, found {}", type_name(v))))
}

fn string<'a>(v: &'a Value, path: &str) -> Result<&'a str, ImportError> {
    v.as_str()
        .ok_or_else(|| shape(path, format!("expected a string, found {}", type_name(v))))
}

fn field<'a>(m: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a Value, ImportError> {
    m.get(key)
        .ok_or_else(|| shape(path, format!("missing field `{key}`")))
}

fn known_keys(m: &Map<String, Value>, allowed: &[&str], path: &str) -> Result<(), ImportError> {
    match m.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(shape(path, format!("unknown field `{k}`"))),
        None => Ok(()),
    }
}

/// Reads a part of the file through the same serde types storage uses (so no second set of
/// deserialisers is compiled in); errors name the part.
fn typed<'a, T: serde::Deserialize<'a>>(v: &'a Value, path: &str) -> Result<T, ImportError> {
    T::deserialize(v).map_err(|e| shape(path, e.to_string()))
}

/// The content of a file, checked for shape.
struct Content<'a> {
    exported_at: DateTime<FixedOffset>,
    app_version: String,
    catalogue_id: String,
    catalogue_version: u32,
    embedded: Option<&'a Value>,
    review: Option<Map<String, Value>>,
    id: String,
    created_at: DateTime<FixedOffset>,
    updated_at: DateTime<FixedOffset>,
    profile: Profile,
    inputs: &'a Map<String, Value>,
    rejected_inputs: std::collections::BTreeMap<String, String>,
    items: std::collections::BTreeMap<String, ItemRecord>,
}

fn read_content(content: &Value) -> Result<Content<'_>, ImportError> {
    let c = object(content, "content")?;
    known_keys(c, keys::CONTENT, "content")?;
    let Time(exported_at) = typed(field(c, "exported_at", "content")?, "content.exported_at")?;
    let app_version = string(field(c, "app_version", "content")?, "content.app_version")?;

    let r = object(field(c, "catalogue", "content")?, "content.catalogue")?;
    known_keys(r, keys::CATALOGUE, "content.catalogue")?;
    let catalogue_id = string(field(r, "id", "content.catalogue")?, "content.catalogue.id")?;
    let catalogue_version = field(r, "version", "content.catalogue")?
        .as_u64()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| shape("content.catalogue.version", "expected a whole number"))?;
    let review = match c.get("review") {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => Some(m.clone()),
        Some(other) => {
            return Err(shape(
                "content.review",
                format!("expected an object, found {}", type_name(other)),
            ))
        }
    };

    const A: &str = "content.assessment";
    let a = object(field(c, "assessment", "content")?, A)?;
    known_keys(a, keys::ASSESSMENT, A)?;
    let id = string(field(a, "id", A)?, "content.assessment.id")?;
    let Time(created_at) = typed(field(a, "created_at", A)?, "content.assessment.created_at")?;
    let Time(updated_at) = typed(field(a, "updated_at", A)?, "content.assessment.updated_at")?;

    const P: &str = "content.assessment.profile";
    let profile_value = field(a, "profile", A)?;
    let p = object(profile_value, P)?;
    known_keys(p, keys::PROFILE, P)?;
    match p.get("year") {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) => {
            if !n.as_i64().is_some_and(|y| YEAR_RANGE.contains(&y)) {
                return Err(ImportError::BadYear {
                    found: n.to_string(),
                });
            }
        }
        Some(other) => {
            return Err(shape(
                "content.assessment.profile.year",
                format!(
                    "expected a whole number or null, found {}",
                    type_name(other)
                ),
            ))
        }
    }
    let profile = typed(profile_value, P)?;
    let inputs = object(field(a, "inputs", A)?, "content.assessment.inputs")?;
    let mut rejected_inputs = std::collections::BTreeMap::new();
    if let Some(v) = a.get("rejected_inputs").filter(|v| !v.is_null()) {
        const R: &str = "content.assessment.rejected_inputs";
        for (id, text) in object(v, R)? {
            let path = format!("{R}[\"{id}\"]");
            let text = string(text, &path)?;
            if text.chars().count() > MAX_REJECTED_INPUT_CHARS {
                return Err(shape(
                    &path,
                    format!("longer than {MAX_REJECTED_INPUT_CHARS} characters"),
                ));
            }
            if inputs.contains_key(id) {
                return Err(shape(&path, "the same input also has a value"));
            }
            rejected_inputs.insert(id.clone(), text.to_string());
        }
    }

    let mut items = std::collections::BTreeMap::new();
    for (criterion, v) in object(field(a, "items", A)?, "content.assessment.items")? {
        let path = format!("content.assessment.items[\"{criterion}\"]");
        known_keys(object(v, &path)?, keys::ITEM, &path)?;
        if let Some(action) = v.get("action").filter(|x| !x.is_null()) {
            let path = format!("{path}.action");
            known_keys(object(action, &path)?, keys::ACTION, &path)?;
        }
        items.insert(criterion.clone(), typed::<ItemRecord>(v, &path)?);
    }
    Ok(Content {
        exported_at,
        app_version: app_version.to_string(),
        catalogue_id: catalogue_id.to_string(),
        catalogue_version,
        embedded: r.get("embedded"),
        review,
        id: id.to_string(),
        created_at,
        updated_at,
        profile,
        inputs,
        rejected_inputs,
        items,
    })
}

fn resolve_catalogue(content: &Content<'_>) -> Result<ImportedCatalogue, ImportError> {
    match content.embedded {
        None => bundled()
            .iter()
            .find(|c| c.id == content.catalogue_id)
            .map(ImportedCatalogue::Bundled)
            .ok_or_else(|| ImportError::UnknownCatalogue {
                id: content.catalogue_id.clone(),
                version: content.catalogue_version,
            }),
        Some(value) => {
            let catalogue = Catalogue::from_json(&value.to_string()).map_err(|errors| {
                ImportError::EmbeddedCatalogueInvalid {
                    id: content.catalogue_id.clone(),
                    errors,
                }
            })?;
            if is_bundled_id(&catalogue.id) {
                return Err(ImportError::EmbeddedUsesBundledId { id: catalogue.id });
            }
            if catalogue.id != content.catalogue_id {
                return Err(ImportError::EmbeddedCatalogueMismatch {
                    declared: content.catalogue_id.clone(),
                    embedded: catalogue.id,
                });
            }
            Ok(ImportedCatalogue::Embedded(Box::new(catalogue)))
        }
    }
}

fn build<S: AsRef<str>>(
    content: Content<'_>,
    integrity: Integrity,
    had_bom: bool,
    existing_ids: &[S],
) -> Result<Imported, ImportError> {
    if !is_valid_id(&content.id) {
        return Err(ImportError::InvalidId { id: content.id });
    }
    let catalogue = resolve_catalogue(&content)?;
    let cat = catalogue.get();

    let mut criteria: Vec<String> = content
        .items
        .keys()
        .filter(|id| cat.find_criterion(id).is_none())
        .cloned()
        .collect();
    let mut inputs: Vec<String> = content
        .inputs
        .keys()
        .chain(content.rejected_inputs.keys())
        .filter(|id| cat.input(id).is_none())
        .cloned()
        .collect();
    let mut flags: Vec<String> = content
        .profile
        .flags
        .iter()
        .filter(|id| cat.flag(id).is_none())
        .cloned()
        .collect();
    if !(criteria.is_empty() && inputs.is_empty() && flags.is_empty()) {
        crate::base::sorting::stable_sort(&mut criteria);
        crate::base::sorting::stable_sort(&mut inputs);
        crate::base::sorting::stable_sort(&mut flags);
        return Err(ImportError::UnknownIds {
            criteria,
            inputs,
            flags,
        });
    }

    let mut values = std::collections::BTreeMap::new();
    let mut problems = Vec::new();
    for (id, raw) in content.inputs {
        let Some(def) = cat.input(id) else { continue };
        match check_number(raw, def) {
            Ok(v) => {
                values.insert(id.clone(), v);
            }
            Err(problem) => problems.push(BadNumber {
                input_id: id.clone(),
                label: def.label.clone(),
                found: raw.to_string(),
                problem,
            }),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::BadNumbers { problems });
    }
    // A refused text must be one the app would refuse: blank or valid text here would make the
    // field, the verdict and the report disagree.
    for (id, text) in &content.rejected_inputs {
        let Some(def) = cat.input(id) else { continue };
        if text.trim().is_empty() || crate::assessment::parse_input(def, text).is_ok() {
            return Err(shape(
                &format!("content.assessment.rejected_inputs[\"{id}\"]"),
                "a refused text must be one that is not a valid value",
            ));
        }
    }

    // The county's review (issue 8), read with its own rules: never changes an answer.
    let review = match &content.review {
        None => None,
        Some(map) => Some(Review::from_map(map).map_err(|e| match e {
            ReviewError::NewerVersion { found } => ImportError::FutureVersion { found },
            other => shape("content.review", other.detail()),
        })?),
    };
    let assessment = Assessment {
        format_version: ASSESSMENT_FORMAT_VERSION,
        id: content.id,
        catalogue_id: content.catalogue_id,
        catalogue_version: content.catalogue_version,
        profile: content.profile,
        inputs: values,
        rejected_inputs: content.rejected_inputs,
        items: content.items,
        created_at: content.created_at,
        updated_at: content.updated_at,
        review,
    };
    // Unknown ids were refused above; what remains is informational.
    let warnings = assessment.check_against(cat);
    let id_exists = existing_ids.iter().any(|e| e.as_ref() == assessment.id);
    Ok(Imported {
        assessment,
        catalogue,
        review: content.review,
        exported_at: content.exported_at,
        app_version: content.app_version,
        integrity,
        warnings,
        had_bom,
        id_exists,
    })
}
