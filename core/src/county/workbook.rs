//! The roll-up as an .xlsx workbook, through the exchange layer's sheet writer.

use super::rollup::{bed_text, tenths, tier_text, type_text, Rollup, RollupRow};
use crate::base::exact::Fraction;
use crate::catalogue::Lang;
use crate::exchange::{workbook, Cell, Sheet};
use chrono::{DateTime, FixedOffset};

// ---------------------------------------------------------------------------------------------
// The roll-up as a spreadsheet
// ---------------------------------------------------------------------------------------------

fn decimal_tenths(t: u64) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// The roll-up rows given (already filtered and sorted as on screen) as an .xlsx workbook with
/// one sheet: one row per centre, compliance columns as numbers in percent (truncated to one
/// decimal).
pub fn rollup_xlsx(
    rollup: &Rollup,
    rows: &[&RollupRow],
    lang: Lang,
    exported_at: DateTime<FixedOffset>,
) -> Vec<u8> {
    let s = lang.strings().review;
    let graded = !rollup.tiers.is_empty();
    let mut header = vec![
        Cell::Text(s.col_centre.to_string()),
        Cell::Text(s.col_county.to_string()),
        Cell::Text(s.col_year.to_string()),
        Cell::Text(s.col_type.to_string()),
        Cell::Text(s.col_beds.to_string()),
        Cell::Text(s.col_progress_percent.to_string()),
    ];
    let mut widths = vec![24, 14, 8, 16, 18, 12];
    for col in &rollup.sections {
        header.push(Cell::Text(format!(
            "{}{}",
            col.title.get(lang),
            s.percent_suffix
        )));
        widths.push(14);
    }
    header.push(Cell::Text(format!("{}{}", s.col_overall, s.percent_suffix)));
    widths.push(12);
    if graded {
        header.push(Cell::Text(s.col_tier.to_string()));
        widths.push(14);
    }
    header.push(Cell::Text(s.col_gaps.to_string()));
    header.push(Cell::Text(s.col_status.to_string()));
    header.push(Cell::Text(s.col_file.to_string()));
    widths.extend([10, 14, 36]);

    let share = |f: &Fraction| {
        tenths(f)
            .map(|t| Cell::Decimal(decimal_tenths(t)))
            .unwrap_or(Cell::Empty)
    };
    let mut table = vec![header];
    for row in rows {
        let mut cells = vec![
            Cell::Text(row.centre_name.clone()),
            Cell::Text(row.county.clone()),
            row.year
                .and_then(|y| u64::try_from(y).ok())
                .map(Cell::Int)
                .unwrap_or(Cell::Empty),
            Cell::Text(type_text(row, lang)),
            Cell::Text(bed_text(row, lang)),
            share(&row.progress),
        ];
        for f in &row.sections {
            cells.push(f.as_ref().map(share).unwrap_or(Cell::Empty));
        }
        cells.push(share(&row.overall));
        if graded {
            cells.push(Cell::Text(tier_text(rollup, row, lang)));
        }
        cells.push(Cell::Int(u64::try_from(row.gaps).unwrap_or(u64::MAX)));
        cells.push(Cell::Text(row.status.label(lang).to_string()));
        cells.push(Cell::Text(row.file_name.clone()));
        table.push(cells);
    }
    let sheet = Sheet {
        name: s.sheet_name,
        widths,
        rows: table,
        header: 0,
        freeze: true,
    };
    workbook(&[sheet], exported_at.naive_local())
}
