//! A mismatch between an assessment and a catalogue, and its message.

use crate::catalogue::Lang;

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
        match (self, lang) {
            (WrongCatalogue { assessment, catalogue }, Lang::Zh) => {
                format!("此评估对应目录“{assessment}”，而不是“{catalogue}”")
            }
            (WrongCatalogue { assessment, catalogue }, Lang::En) => {
                format!("This assessment belongs to catalogue \"{assessment}\", not \"{catalogue}\"")
            }
            (CatalogueVersionChanged { assessment, catalogue }, Lang::Zh) => {
                format!("评估按目录第 {assessment} 版填写，当前目录为第 {catalogue} 版")
            }
            (CatalogueVersionChanged { assessment, catalogue }, Lang::En) => format!(
                "The assessment was filled against version {assessment}; the catalogue is now version {catalogue}"
            ),
            (UnknownCriterion { id }, Lang::Zh) => format!("目录中没有条目“{id}”，其答案被忽略"),
            (UnknownCriterion { id }, Lang::En) => {
                format!("The catalogue has no criterion \"{id}\"; its answer is ignored")
            }
            (UnknownInput { id }, Lang::Zh) => format!("目录中没有数据项“{id}”，其数值被忽略"),
            (UnknownInput { id }, Lang::En) => {
                format!("The catalogue has no input \"{id}\"; its value is ignored")
            }
            (UnknownFlag { id }, Lang::Zh) => format!("目录中没有情况标记“{id}”"),
            (UnknownFlag { id }, Lang::En) => format!("The catalogue has no flag \"{id}\""),
            (AnswerDoesNotFit { id }, Lang::Zh) => {
                format!("条目“{id}”的答案类型与目录不符，按未作答处理")
            }
            (AnswerDoesNotFit { id }, Lang::En) => format!(
                "The answer to \"{id}\" does not fit the criterion's kind and is treated as unanswered"
            ),
        }
    }
}
