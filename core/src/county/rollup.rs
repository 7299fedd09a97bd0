//! The county roll-up: one row per centre file, sorted and filtered as a reviewer asks.

use super::centre_file::CentreFile;
use crate::assessment::review::{Review, ReviewStatus};
use crate::base::exact::{ratio_cmp, Fraction};
use crate::catalogue::{BedClass, CentreType, Lang, Text};

use std::cmp::Ordering;

// ---------------------------------------------------------------------------------------------
// The county roll-up
// ---------------------------------------------------------------------------------------------

/// A catalogue used by some of the loaded files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueUse {
    pub id: String,
    pub title: Text,
    pub files: usize,
}

/// The catalogues of `files`, most used first (then by id).
pub fn catalogues_in<'a>(files: impl IntoIterator<Item = &'a CentreFile>) -> Vec<CatalogueUse> {
    let mut uses: Vec<CatalogueUse> = Vec::new();
    for f in files {
        let c = f.catalogue();
        match uses.iter_mut().find(|u| u.id == c.id) {
            Some(u) => u.files += 1,
            None => uses.push(CatalogueUse {
                id: c.id.clone(),
                title: c.title.clone(),
                files: 1,
            }),
        }
    }
    crate::base::sorting::stable_sort_by(&mut uses, |a, b| {
        b.files.cmp(&a.files).then_with(|| a.id.cmp(&b.id))
    });
    uses
}

/// A section or tier column of the roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub id: String,
    pub title: Text,
}

/// One centre's line of the roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollupRow {
    /// The workspace id of the file.
    pub file_id: String,
    pub file_name: String,
    pub centre_name: String,
    pub county: String,
    pub year: Option<i32>,
    pub centre_type: Option<CentreType>,
    pub beds: Option<u64>,
    pub bed_class: Option<BedClass>,
    /// Answered of applicable.
    pub progress: Fraction,
    /// Compliance per section column (`den == 0`: nothing to measure).
    pub sections: Vec<Option<Fraction>>,
    pub overall: Fraction,
    /// Graded catalogues: index into [`Rollup::tiers`] of the highest tier reached
    /// (`Some(None)`: none reached); `None` for catalogues without tiers.
    pub tier: Option<Option<usize>>,
    /// Gaps and partly met items (the gap list).
    pub gaps: usize,
    pub status: ReviewStatus,
}

impl RollupRow {
    pub fn of(file: &CentreFile, review: Option<&Review>, columns: &[Column]) -> RollupRow {
        let a = file.assessment();
        let e = &file.evaluation;
        let catalogue = file.catalogue();
        let beds = catalogue
            .beds_input
            .as_ref()
            .and_then(|id| a.inputs.get(id).copied());
        let sections = columns
            .iter()
            .map(|col| {
                e.sections
                    .iter()
                    .find(|s| s.section_id == col.id)
                    .map(|s| s.summary.compliance())
            })
            .collect();
        let tier = e.tiers.as_ref().map(|t| {
            t.highest_reached
                .as_ref()
                .and_then(|id| catalogue.tiers.iter().position(|d| &d.id == id))
        });
        RollupRow {
            file_id: file.id.clone(),
            file_name: file.file_name.clone(),
            centre_name: a.profile.centre_name.trim().to_string(),
            county: a.profile.county.trim().to_string(),
            year: a.profile.year,
            centre_type: a.profile.centre_type,
            beds,
            bed_class: beds.map(BedClass::of),
            progress: e.overall.progress(),
            sections,
            overall: e.overall.compliance(),
            tier,
            gaps: e.gaps.len(),
            status: ReviewStatus::of(review),
        }
    }

    /// Does the row pass `filter`? Every word of the text must occur in the centre's name,
    /// county or file name (ASCII letters case-insensitive; names are Chinese, file names may
    /// be in pinyin).
    pub fn matches(&self, filter: &RollupFilter) -> bool {
        if let Some(status) = filter.status {
            if self.status != status {
                return false;
            }
        }
        let haystack =
            format!("{} {} {}", self.centre_name, self.county, self.file_name).to_ascii_lowercase();
        filter
            .text
            .split_whitespace()
            .all(|w| haystack.contains(&w.to_ascii_lowercase()))
    }
}

/// The roll-up of the files that use one catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rollup {
    pub catalogue_id: String,
    pub sections: Vec<Column>,
    /// The catalogue's tiers (lowest first); empty for catalogues without tiers.
    pub tiers: Vec<Column>,
    pub rows: Vec<RollupRow>,
}

/// The roll-up of the `files` that use catalogue `catalogue_id`, each with its current review,
/// in the order given. Section and tier columns come from the first such file's catalogue.
pub fn rollup<'a>(
    files: impl IntoIterator<Item = (&'a CentreFile, Option<&'a Review>)>,
    catalogue_id: &str,
) -> Rollup {
    let mut sections = Vec::new();
    let mut tiers = Vec::new();
    let mut rows = Vec::new();
    let mut first = true;
    for (file, review) in files {
        let c = file.catalogue();
        if c.id != catalogue_id {
            continue;
        }
        if first {
            sections = c
                .sections
                .iter()
                .map(|s| Column {
                    id: s.id.clone(),
                    title: s.title.clone(),
                })
                .collect();
            tiers = c
                .tiers
                .iter()
                .map(|t| Column {
                    id: t.id.clone(),
                    title: t.name.clone(),
                })
                .collect();
            first = false;
        }
        rows.push(RollupRow::of(file, review, &sections));
    }
    Rollup {
        catalogue_id: catalogue_id.to_string(),
        sections,
        tiers,
        rows,
    }
}

/// What the roll-up table is filtered by.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RollupFilter {
    pub text: String,
    /// `None`: every status.
    pub status: Option<ReviewStatus>,
}

/// A column to sort the roll-up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Centre,
    County,
    CentreType,
    BedClass,
    Progress,
    /// Compliance of the section column with this index.
    Section(usize),
    Overall,
    Tier,
    Gaps,
    Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortDirection {
    #[default]
    Ascending,
    Descending,
}

impl SortDirection {
    pub fn flipped(self) -> SortDirection {
        match self {
            SortDirection::Ascending => SortDirection::Descending,
            SortDirection::Descending => SortDirection::Ascending,
        }
    }

    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            SortDirection::Ascending => "ascending",
            SortDirection::Descending => "descending",
        }
    }
}

fn cmp_fraction(a: &Fraction, b: &Fraction) -> Ordering {
    ratio_cmp(a.num, a.den, b.num, b.den)
}

/// Missing values (no name, nothing to measure…) sort after every value in either direction.
fn cmp_option<T>(
    a: Option<T>,
    b: Option<T>,
    dir: SortDirection,
    f: impl Fn(&T, &T) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => match dir {
            SortDirection::Ascending => f(&x, &y),
            SortDirection::Descending => f(&y, &x),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn measured(f: &Fraction) -> Option<Fraction> {
    (f.den > 0).then_some(*f)
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// How names compare. In the browser this is the Chinese collation reviewers know from Excel
/// (pinyin: 白水 before 东岭 before 青山); [`code_point_order`] is the fallback, which would put
/// 东 (U+4E1C) before 白 (U+767D).
pub type Collation<'a> = &'a dyn Fn(&str, &str) -> Ordering;

/// Unicode code point order, for where no collation is available (and for tests).
pub fn code_point_order(a: &str, b: &str) -> Ordering {
    a.cmp(b)
}

/// Sorts rows by `key` in `direction`, names by `collate`. Stable: equal rows keep their order,
/// then fall back to centre name. Exact: shares compare by cross-multiplication, never by
/// rounded percentages.
pub fn sort_rows(
    rows: &mut [RollupRow],
    key: SortKey,
    direction: SortDirection,
    collate: Collation<'_>,
) {
    let d = direction;
    crate::base::sorting::stable_sort_by(rows, |a, b| {
        let primary = match key {
            SortKey::Centre => cmp_option(
                non_empty(&a.centre_name),
                non_empty(&b.centre_name),
                d,
                |x, y| collate(x, y),
            ),
            SortKey::County => cmp_option(non_empty(&a.county), non_empty(&b.county), d, |x, y| {
                collate(x, y)
            }),
            SortKey::CentreType => cmp_option(a.centre_type, b.centre_type, d, Ord::cmp),
            SortKey::BedClass => cmp_option(
                a.bed_class.zip(a.beds),
                b.bed_class.zip(b.beds),
                d,
                Ord::cmp,
            ),
            SortKey::Progress => cmp_option(
                measured(&a.progress),
                measured(&b.progress),
                d,
                cmp_fraction,
            ),
            SortKey::Section(i) => cmp_option(
                a.sections
                    .get(i)
                    .copied()
                    .flatten()
                    .as_ref()
                    .and_then(measured),
                b.sections
                    .get(i)
                    .copied()
                    .flatten()
                    .as_ref()
                    .and_then(measured),
                d,
                cmp_fraction,
            ),
            SortKey::Overall => {
                cmp_option(measured(&a.overall), measured(&b.overall), d, cmp_fraction)
            }
            SortKey::Tier => cmp_option(
                a.tier.map(|t| t.map_or(0, |i| i + 1)),
                b.tier.map(|t| t.map_or(0, |i| i + 1)),
                d,
                Ord::cmp,
            ),
            SortKey::Gaps => cmp_option(Some(a.gaps), Some(b.gaps), d, Ord::cmp),
            SortKey::Status => {
                cmp_option(Some(a.status.rank()), Some(b.status.rank()), d, Ord::cmp)
            }
        };
        primary.then_with(|| collate(&a.centre_name, &b.centre_name))
    });
}

/// Tenths of a percent, truncated, for a spreadsheet number cell.
pub(crate) fn tenths(f: &Fraction) -> Option<u64> {
    (f.den > 0)
        .then(|| u64::try_from(u128::from(f.num) * 1000 / u128::from(f.den)).unwrap_or(u64::MAX))
}

/// The displayed text of one roll-up cell that is not a number: type, bed class, tier.
pub fn type_text(row: &RollupRow, lang: Lang) -> String {
    row.centre_type
        .map(|t| t.label(lang).to_string())
        .unwrap_or_else(|| lang.strings().review.not_entered.to_string())
}

pub fn bed_text(row: &RollupRow, lang: Lang) -> String {
    match (row.bed_class, row.beds) {
        (Some(c), Some(b)) => lang
            .strings()
            .review
            .beds_value
            .replace("{beds}", &crate::base::exact::format_thousands(b))
            .replace("{class}", c.label(lang)),
        _ => lang.strings().review.not_entered.to_string(),
    }
}

pub fn tier_text(rollup: &Rollup, row: &RollupRow, lang: Lang) -> String {
    match row.tier {
        None => String::new(),
        Some(None) => lang.strings().review.no_tier.to_string(),
        Some(Some(i)) => rollup
            .tiers
            .get(i)
            .map(|c| c.title.get(lang).to_string())
            .unwrap_or_default(),
    }
}
