//! An assessment: one centre's answers against one catalogue, as plain serde data, plus pure
//! operations on it. No clock access: callers pass timestamps.

mod inputs;
mod issues;
pub mod review;
mod state;

pub use inputs::{
    check_inputs, format_value, operand_value, parse_input, InputError, InputIssue, InputIssueKind,
    Severity,
};
pub use issues::AssessmentIssue;
pub use state::{
    Action, ActionStatus, Answer, Assessment, AssessmentFileError, ItemRecord, Profile, Status,
    ASSESSMENT_FORMAT_VERSION, MAX_REJECTED_INPUT_CHARS,
};
