//! The keys each object of the file may hold (anything else is refused: a field this build
//! does not know means the file is not what it claims to be).

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
    "rejected_inputs",
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
