//! Why a stored entry cannot be used, and what to tell the user about it.

use crate::base::ids::MAX_ID_LEN;
use crate::catalogue::Lang;

/// Why a stored entry cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// Not JSON, truncated, empty, the wrong shape, or holding another assessment's id.
    Corrupt { detail: String },
    /// Written by a newer build with a storage layout this build does not know. Callers must
    /// leave the entry untouched (never overwrite, never quarantine).
    FromNewerVersion { layout: u32 },
    /// The envelope is known but the assessment inside uses a newer assessment format. Treated
    /// exactly like [`LoadProblem::FromNewerVersion`]: leave it untouched.
    NewerAssessmentFormat { format_version: u32 },
    /// The main entry is absent but a backup exists (only arises if storage was edited outside
    /// the app or cleared part-way).
    MainMissing,
    /// The id cannot be part of a key; nothing can be stored under it.
    InvalidId { id: String },
}

impl LoadProblem {
    pub(super) fn corrupt(detail: impl Into<String>) -> Self {
        LoadProblem::Corrupt {
            detail: detail.into(),
        }
    }

    /// True when the entry was written by a newer app: it must be left untouched.
    pub fn is_from_newer_version(&self) -> bool {
        matches!(
            self,
            LoadProblem::FromNewerVersion { .. } | LoadProblem::NewerAssessmentFormat { .. }
        )
    }

    /// A message for the person at the screen, Chinese first.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadProblem::Corrupt { detail }, Lang::Zh) => {
                format!("这份自评的本机数据已损坏（{detail}）。")
            }
            (LoadProblem::Corrupt { detail }, Lang::En) => {
                format!("This assessment's data in this browser is damaged ({detail}).")
            }
            (LoadProblem::FromNewerVersion { layout }, Lang::Zh) => format!(
                "这份数据由更新版本的工具保存（数据格式 {layout}），请使用新版工具打开；本机数据未被改动。"
            ),
            (LoadProblem::FromNewerVersion { layout }, Lang::En) => format!(
                "This data was saved by a newer version of the tool (storage layout {layout}). Open it with the newer version; the data in this browser has not been changed."
            ),
            (LoadProblem::NewerAssessmentFormat { format_version }, Lang::Zh) => format!(
                "这份数据由更新版本的工具保存（评估格式 {format_version}），请使用新版工具打开；本机数据未被改动。"
            ),
            (LoadProblem::NewerAssessmentFormat { format_version }, Lang::En) => format!(
                "This data was saved by a newer version of the tool (assessment format {format_version}). Open it with the newer version; the data in this browser has not been changed."
            ),
            (LoadProblem::MainMissing, Lang::Zh) => "这份自评的本机主数据缺失。".to_string(),
            (LoadProblem::MainMissing, Lang::En) => {
                "This assessment's main copy is missing from this browser.".to_string()
            }
            (LoadProblem::InvalidId { id }, Lang::Zh) => format!(
                "自评编号“{id}”无效：只能由 1–{MAX_ID_LEN} 个英文字母、数字、“-”或“_”组成。"
            ),
            (LoadProblem::InvalidId { id }, Lang::En) => format!(
                "The assessment id \"{id}\" is invalid: use 1–{MAX_ID_LEN} ASCII letters, digits, '-' or '_'."
            ),
        }
    }
}
