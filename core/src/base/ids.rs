//! The shape of an id the app stores or reads from a file (assessments, workspace files).

/// Longest accepted assessment id.
pub const MAX_ID_LEN: usize = 64;

/// True for 1..=64 ASCII letters, digits, `-` and `_`. Restricting ids this way means an id can
/// never contain `.` and so can never forge another key (e.g. `x.1` posing as a quarantine key).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
