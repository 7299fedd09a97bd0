//! The export reminder: when to ask the user to export a file, and what to say.

use super::envelope::StoredAssessment;
use crate::base::dates::CalendarText;
use crate::catalogue::Lang;
use crate::i18n::fill;
use chrono::{DateTime, Duration, FixedOffset};

/// A save whose stored copy has not been exported for longer than this gets a reminder.
pub const EXPORT_STALE_DAYS: i64 = 7;
/// A never-exported assessment with answers gets a reminder once it is older than this.
pub const NEVER_EXPORTED_GRACE_DAYS: i64 = 1;

/// Why the user should export a file now: browser data can be cleared at any time, a file
/// cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportReminder {
    /// Never exported, has answers or inputs, and was created `days_since_created` days ago.
    NeverExported { days_since_created: i64 },
    /// Saved more than [`EXPORT_STALE_DAYS`] days after the last export, which was
    /// `days_since_export` days ago.
    Outdated {
        exported_at: DateTime<FixedOffset>,
        days_since_export: i64,
    },
}

impl ExportReminder {
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings().store;
        match self {
            ExportReminder::NeverExported { days_since_created } => fill(
                s.reminder_never_exported,
                &[("days", &days_since_created.to_string())],
            ),
            ExportReminder::Outdated {
                exported_at,
                days_since_export,
            } => fill(
                s.reminder_outdated,
                &[
                    ("days", &days_since_export.to_string()),
                    ("exported", &exported_at.ymd()),
                ],
            ),
        }
    }
}

/// Whether to remind the user to export `stored`, as of `now`.
pub fn export_reminder(
    stored: &StoredAssessment,
    now: DateTime<FixedOffset>,
) -> Option<ExportReminder> {
    let a = &stored.assessment;
    match stored.last_exported_at {
        None => {
            let has_work = !a.items.is_empty() || !a.inputs.is_empty();
            let age = now.signed_duration_since(a.created_at);
            (has_work && age > Duration::days(NEVER_EXPORTED_GRACE_DAYS)).then(|| {
                ExportReminder::NeverExported {
                    days_since_created: age.num_days(),
                }
            })
        }
        Some(exported_at) => {
            let unexported = stored.saved_at.signed_duration_since(exported_at);
            (unexported > Duration::days(EXPORT_STALE_DAYS)).then(|| ExportReminder::Outdated {
                exported_at,
                days_since_export: now.signed_duration_since(exported_at).num_days(),
            })
        }
    }
}
