//! The storage keys: main entry, backup and quarantine keys of an assessment, and reading ids
//! back from keys.

use super::problem::LoadProblem;
use crate::base::ids::is_valid_id;
use crate::catalogue::Lang;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "thc-assess.";
/// Prefix of main entries: `thc-assess.a.<id>`.
pub const MAIN_PREFIX: &str = "thc-assess.a.";
/// Prefix of last-good backups: `thc-assess.b.<id>`.
pub const BACKUP_PREFIX: &str = "thc-assess.b.";
/// Prefix of quarantined raw text: `thc-assess.quarantine.<id>.<n>`.
pub const QUARANTINE_PREFIX: &str = "thc-assess.quarantine.";

/// An id that cannot be used in a storage key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidId {
    pub id: String,
}

impl InvalidId {
    pub fn message(&self, lang: Lang) -> String {
        LoadProblem::InvalidId {
            id: self.id.clone(),
        }
        .message(lang)
    }
}

fn checked_id(id: &str) -> Result<&str, InvalidId> {
    if is_valid_id(id) {
        Ok(id)
    } else {
        Err(InvalidId { id: id.to_string() })
    }
}

/// `thc-assess.a.<id>`: the main entry of one assessment.
pub fn main_key(id: &str) -> Result<String, InvalidId> {
    Ok(format!("{MAIN_PREFIX}{}", checked_id(id)?))
}

/// `thc-assess.b.<id>`: the last-good backup of one assessment.
pub fn backup_key(id: &str) -> Result<String, InvalidId> {
    Ok(format!("{BACKUP_PREFIX}{}", checked_id(id)?))
}

/// `thc-assess.quarantine.<id>.<n>`: the `n`th piece of unreadable text moved aside for `id`.
pub fn quarantine_key(id: &str, n: u32) -> Result<String, InvalidId> {
    Ok(format!("{QUARANTINE_PREFIX}{}.{n}", checked_id(id)?))
}

/// The assessment id of a main-entry key, or `None` for any other key (backups, quarantine,
/// preferences, other apps, forged ids). Used to list assessments by scanning keys.
pub fn assessment_id_from_main_key(key: &str) -> Option<&str> {
    key.strip_prefix(MAIN_PREFIX).filter(|id| is_valid_id(id))
}

/// `(id, n)` of a quarantine key, or `None` for any other key.
pub fn parse_quarantine_key(key: &str) -> Option<(&str, u32)> {
    let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
    let (id, n) = rest.rsplit_once('.')?;
    // `u32::from_str` accepts a leading '+'; a key we wrote never has one.
    if !is_valid_id(id) || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((id, n.parse().ok()?))
}

/// A quarantine key for `id` that is not among `existing_keys` (all keys currently in storage):
/// one past the highest number used so far, starting at 1, so earlier quarantined text is never
/// overwritten.
pub fn next_quarantine_key<'a>(
    id: &str,
    existing_keys: impl IntoIterator<Item = &'a str>,
) -> Result<String, InvalidId> {
    let id = checked_id(id)?;
    let highest = existing_keys
        .into_iter()
        .filter_map(parse_quarantine_key)
        .filter(|(qid, _)| *qid == id)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0);
    // u32::MAX quarantined entries cannot happen in a 5 MB store; saturate rather than wrap.
    quarantine_key(id, highest.saturating_add(1))
}

/// The ids of all assessments among `keys` (all keys in storage), sorted, without duplicates.
pub fn assessment_ids<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = keys
        .into_iter()
        .filter_map(assessment_id_from_main_key)
        .collect();
    crate::base::sorting::stable_sort(&mut ids);
    ids.dedup();
    ids
}
