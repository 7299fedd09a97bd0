//! A mismatch between an assessment and a catalogue, and its message.

use crate::catalogue::Lang;
use crate::i18n::fill;

/// A mismatch between an assessment and a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessmentIssue {
    WrongCatalogue {
        assessment: String,
        catalogue: String,
    },
    CatalogueVersionChanged {
        assessment: u32,
        catalogue: u32,
    },
    UnknownCriterion {
        id: String,
    },
    UnknownInput {
        id: String,
    },
    UnknownFlag {
        id: String,
    },
    AnswerDoesNotFit {
        id: String,
    },
}

impl AssessmentIssue {
    pub fn message(&self, lang: Lang) -> String {
        use AssessmentIssue::*;
        let s = lang.strings().assessment;
        match self {
            WrongCatalogue {
                assessment,
                catalogue,
            } => fill(
                s.issue_wrong_catalogue,
                &[("assessment", assessment), ("catalogue", catalogue)],
            ),
            CatalogueVersionChanged {
                assessment,
                catalogue,
            } => fill(
                s.issue_version_changed,
                &[
                    ("assessment", &assessment.to_string()),
                    ("catalogue", &catalogue.to_string()),
                ],
            ),
            UnknownCriterion { id } => fill(s.issue_unknown_criterion, &[("id", id)]),
            UnknownInput { id } => fill(s.issue_unknown_input, &[("id", id)]),
            UnknownFlag { id } => fill(s.issue_unknown_flag, &[("id", id)]),
            AnswerDoesNotFit { id } => fill(s.issue_answer_does_not_fit, &[("id", id)]),
        }
    }
}
