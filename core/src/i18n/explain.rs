//! Texts of the one-line explanations of results (`present::explain`): verdicts, labels, a
//! criterion's numbers and formula, graded tiers and summaries, in Chinese and English (see the
//! parent module). `{name}` marks a value filled in by the caller with [`super::fill`]; formulas
//! themselves (`÷`, `×`, `≥`, ranges) are notation and stay in the code.

pub struct ExplainStrings {
    /// Whether a count carries its measure word (人, 次, 条) after a space: Chinese does, English
    /// reads better bare. Decides what `{n_unit}` and a threshold's unit are filled with.
    pub count_measure_words: bool,

    // --- Labels ---
    pub verdict_met: &'static str,
    pub verdict_met_with_note: &'static str,
    pub verdict_partly: &'static str,
    pub verdict_gap: &'static str,
    pub verdict_not_applicable: &'static str,
    pub verdict_not_answered: &'static str,
    pub verdict_recorded: &'static str,
    pub verdict_partly_answered: &'static str,
    /// An optional department not set up (instead of "not applicable").
    pub verdict_optional_absent: &'static str,
    /// The badge of a department optional for the centre's type.
    pub badge_optional: &'static str,
    pub verdict_needs_correction: &'static str,
    pub importance_core: &'static str,
    pub importance_recommended: &'static str,
    pub tag_seed: &'static str,
    pub tag_national: &'static str,
    pub tag_provincial: &'static str,
    pub tag_city: &'static str,
    pub tag_district: &'static str,
    pub tag_local: &'static str,
    pub tag_decision: &'static str,
    /// A source's title in a line: the official title in quotes. `{title}`.
    pub source_official: &'static str,
    /// A descriptive title (the source gives none). `{title}`.
    pub source_descriptive: &'static str,
    /// After the title. `{issuer}`.
    pub source_issuer: &'static str,
    pub grade_a: &'static str,
    pub grade_b: &'static str,
    pub grade_c: &'static str,
    pub grade_d: &'static str,

    // --- A criterion's line ---
    /// `{count}`.
    pub inputs_recorded: &'static str,
    /// `{beds}`, `{class}`.
    pub bed_class_line: &'static str,
    /// Appended to `bed_class_line`. `{warn_above}`.
    pub bed_over_limit: &'static str,
    /// `{verdict}` is empty or `linear_not_reached`. `{label}`, `{value}`, `{formula}`,
    /// `{required}`, `{verdict}`.
    pub linear_line: &'static str,
    pub linear_not_reached: &'static str,
    /// `{grade}`.
    pub graded_line: &'static str,
    /// Appended to `graded_line`, closed by `graded_close`. `{met}`, `{total}`.
    pub graded_sub_items: &'static str,
    /// Inside `graded_sub_items`; `{blocking}` joined by `list_sep`. `{level}`, `{blocking}`.
    pub graded_still_needed: &'static str,
    pub graded_close: &'static str,
    /// Joined by `list_sep`. `{names}`.
    pub missing_inputs: &'static str,
    /// A data card with some figures entered. `{filled}`, `{names}` (joined by `list_sep`).
    pub partly_answered: &'static str,
    /// One refused figure inside `needs_correction_rejected`. `{label}`, `{text}`, `{why}`.
    pub rejected_input: &'static str,
    /// `{items}`: `rejected_input`s joined by `list_sep`.
    pub needs_correction_rejected: &'static str,
    /// `{names}` joined by `list_sep`.
    pub needs_correction_contradicted: &'static str,
    /// A data card's total. `{label}`, `{formula}`, `{total}`.
    pub inputs_total: &'static str,
    pub not_answered: &'static str,
    pub wrong_answer_kind: &'static str,
    /// Appended to any line.
    pub assumed_applicable: &'static str,
    /// `{option}`, `{verdict}` (`choice_meets` or `choice_does_not_meet`).
    pub choice_line: &'static str,
    pub choice_meets: &'static str,
    pub choice_does_not_meet: &'static str,
    pub checklist_met: &'static str,
    pub checklist_partly: &'static str,
    pub checklist_not_met: &'static str,
    pub checklist_not_applicable: &'static str,
    pub department_required: &'static str,
    pub department_optional: &'static str,
    pub department_set: &'static str,
    pub department_partly: &'static str,
    pub department_not_set: &'static str,
    /// `{requirement}`, `{state}`.
    pub department_line: &'static str,
    pub na_marked: &'static str,
    pub na_optional_absent: &'static str,
    /// `{centre_type}`.
    pub na_not_in_set: &'static str,
    /// `{centre_type}`.
    pub na_centre_type: &'static str,
    /// `{beds}`, `{class}`.
    pub na_bed_class: &'static str,
    pub na_needs_beds: &'static str,
    pub na_needs_no_beds: &'static str,
    /// `{label}`, `{value}`, `{range}`.
    pub na_band: &'static str,
    /// `{flag}`.
    pub na_flag: &'static str,
    pub na_no_alternative: &'static str,

    // --- Ratio rules ---
    /// `{label}`, `{d_label}`.
    pub ratio_zero_denominator: &'static str,
    /// `{n_unit}` is the numerator's unit after a space where `count_measure_words`, else empty.
    /// `{n_label}`, `{n}`, `{n_unit}`, `{d_label}`, `{d}`, `{required}`, `{unit}`, `{d_unit}`,
    /// `{per}`, `{floor}`.
    pub ratio_head_count: &'static str,
    /// Appended to `ratio_head_count`. `{short}`, `{n_unit}`.
    pub ratio_head_count_short: &'static str,
    /// `{formula}`, `{range}`.
    pub ratio_required: &'static str,
    /// Part of a range, after a `comma`. `{bound}`.
    pub ratio_never_above: &'static str,
    /// After `ratio_required` and a `comma`. `{n_label}`, `{required}`, `{n_unit}`, `{short}`.
    pub ratio_short: &'static str,
    /// After `ratio_required` and a `comma`. `{n_label}`, `{allowed}`, `{n_unit}`.
    pub ratio_above_max: &'static str,
    /// After `ratio_required` and a `comma`.
    pub ratio_above_soft_max: &'static str,
    /// A share inside its whole, below the minimum (after `ratio_required` and a `comma`,
    /// replacing `ratio_short`). `{n_label}`, `{grow}`, `{n_unit}`, `{n_after}`, `{d_after}`.
    pub ratio_nested_grow: &'static str,
    /// After `ratio_nested_grow`. `{shrink}`, `{n_unit}`, `{n}`, `{d_after}`.
    pub ratio_nested_shrink: &'static str,
    /// When only fewer of the rest can reach the minimum. As `ratio_nested_shrink`.
    pub ratio_nested_shrink_only: &'static str,
    /// A share inside its whole, above its maximum (replacing `ratio_above_max`).
    /// `{n_label}`, `{fewer}`, `{n_unit}`, `{more}`.
    pub ratio_nested_over: &'static str,

    // --- Threshold rules ---
    /// `{value}` and `{required}` carry the unit as in `count_measure_words`. `{label}`, `{value}`,
    /// `{required}`.
    pub threshold_line: &'static str,
    /// Appended to `threshold_line`. `{short}`.
    pub threshold_below: &'static str,
    /// Appended to `threshold_line`.
    pub threshold_above_max: &'static str,
    /// Appended to `threshold_line`.
    pub threshold_above_soft_max: &'static str,

    // --- Graded tiers ---
    pub group_basic: &'static str,
    pub group_recommended: &'static str,
    /// `{group}`, `{level}`, `{percent}`, `{have}`, `{considered}`, `{needed}`.
    pub bar_line: &'static str,
    /// Appended to `bar_line` when the bar is not met. `{missing}`.
    pub bar_missing: &'static str,
    /// `{name}`.
    pub tier_reached: &'static str,
    /// `{shortfalls}`: `bar_line`s joined by `clause_sep`. `{name}`, `{shortfalls}`.
    pub tier_missed: &'static str,
    /// `{label}`, `{value}`, `{below}`.
    pub tier_check: &'static str,
    /// `{checks}`: `tier_check`s joined by `clause_sep`. `{name}`, `{checks}`.
    pub tier_not_eligible: &'static str,
    /// `{checks}` as in `tier_not_eligible`. `{name}`, `{checks}`.
    pub tier_eligibility_unknown: &'static str,
    /// No applicable clause in a group the tier reads: it cannot be judged. `{name}`, `{group}`.
    pub tier_no_clauses: &'static str,

    // --- Summaries ---
    /// `{answered}`, `{applicable}`, `{met}`, `{partly}`, `{gap}`, `{share}`.
    pub summary_line: &'static str,
    /// Appended to `summary_line` when some items need correction. `{n}`.
    pub summary_needs_correction: &'static str,
}

pub static ZH: ExplainStrings = ExplainStrings {
    count_measure_words: true,
    verdict_met: "达标",
    verdict_met_with_note: "达标（附注）",
    verdict_partly: "部分达标",
    verdict_gap: "未达标",
    verdict_not_applicable: "不适用",
    verdict_not_answered: "未作答",
    verdict_recorded: "已填写",
    verdict_partly_answered: "部分作答",
    verdict_optional_absent: "未设置（选设）",
    badge_optional: "选设",
    verdict_needs_correction: "待更正",
    importance_core: "核心",
    importance_recommended: "推荐",
    tag_seed: "来源文件",
    tag_national: "国家文件（二手来源）",
    tag_provincial: "省级文件",
    tag_city: "市级文件",
    tag_district: "区级文件",
    tag_local: "地方文件",
    tag_decision: "本工具的解释",
    source_official: "《{title}》",
    source_descriptive: "{title}（描述性标题）",
    source_issuer: "（{issuer}）",
    grade_a: "A（持续改进、成效良好）",
    grade_b: "B（有监管、有结果）",
    grade_c: "C（有制度、能落实）",
    grade_d: "D（未达到）",
    inputs_recorded: "已填写 {count} 项数据",
    bed_class_line: "床位数 = {beds} 张，属 {class}",
    bed_over_limit: "；超过一般不宜超过的 {warn_above} 床（提示，不判为未达标）",
    linear_line: "{label} = {value}，要求 ≥ {formula} = {required}{verdict}",
    linear_not_reached: "，未达到",
    graded_line: "评定等级 {grade}",
    graded_sub_items: "（子项已达 {met}/{total}",
    graded_still_needed: "；达到 {level} 级还需：{blocking}",
    graded_close: "）",
    missing_inputs: "尚缺数据：{names}",
    partly_answered: "已填写 {filled} 项，尚缺：{names}",
    rejected_input: "{label}填写为“{text}”（{why}）",
    needs_correction_rejected: "数据填写有误，改正后才能判定：{items}",
    needs_correction_contradicted: "数据互相矛盾（部分多于整体），改正后才能判定：{names}",
    inputs_total: "{label} = {formula} = {total}",
    not_answered: "尚未作答",
    wrong_answer_kind: "保存的答案类型与本条目不符，按未作答处理",
    assumed_applicable: "（基本情况未填全，暂按适用处理）",
    choice_line: "自评：{option}（{verdict}）",
    choice_meets: "符合要求",
    choice_does_not_meet: "不符合要求",
    checklist_met: "自评：已达到",
    checklist_partly: "自评：部分达到",
    checklist_not_met: "自评：未达到",
    checklist_not_applicable: "自评：不适用",
    department_required: "必设科室",
    department_optional: "选设科室",
    department_set: "已设置",
    department_partly: "部分具备",
    department_not_set: "未设置",
    department_line: "{requirement}：{state}",
    na_marked: "已标记为不适用（理由见佐证说明）",
    na_optional_absent: "选设科室，未设置（不计为差距）",
    na_not_in_set: "不在{centre_type}的科室设置范围内",
    na_centre_type: "不适用于{centre_type}",
    na_bed_class: "床位 {beds} 张（{class}），不在适用范围内",
    na_needs_beds: "仅适用于设有床位的卫生院",
    na_needs_no_beds: "仅适用于未设床位的卫生院",
    na_band: "{label} = {value}，不在适用范围 {range} 内",
    na_flag: "仅在“{flag}”时适用",
    na_no_alternative: "不符合任何适用条件",
    ratio_zero_denominator: "{label}：{d_label}为 0，无法计算，判为未达标",
    ratio_head_count: "{n_label} = {n}{n_unit}，{d_label} {d}，要求 ≥ {required}{n_unit}（每 {unit} {d_unit} {per}{n_unit}，至少 {floor}{n_unit}）",
    ratio_head_count_short: "，还差 {short}{n_unit}",
    ratio_required: "{formula}，要求 {range}",
    ratio_never_above: "不得超过 {bound}",
    ratio_short: "即{n_label}至少 {required}{n_unit}，还差 {short}",
    ratio_above_max: "超过上限，{n_label}最多 {allowed}{n_unit}",
    ratio_above_soft_max: "高于范围上限，判为达标并附注",
    ratio_nested_grow: "{n_label}也计入总数，只增加{n_label}时还需增加 {grow}{n_unit}（{n_after} ÷ {d_after}）",
    ratio_nested_shrink: "；或{n_label}不变、其他人员减少 {shrink}{n_unit}（{n} ÷ {d_after}）",
    ratio_nested_shrink_only: "{n_label}也计入总数，只增加{n_label}无法达到；{n_label}不变时其他人员需减少 {shrink}{n_unit}（{n} ÷ {d_after}）",
    ratio_nested_over: "{n_label}也计入总数：只减少{n_label}时需减少 {fewer}{n_unit}；或增加其他人员 {more}{n_unit}",
    threshold_line: "{label} = {value}，要求 {required}",
    threshold_below: "，低于要求（差 {short}）",
    threshold_above_max: "，超过上限",
    threshold_above_soft_max: "，高于范围上限，判为达标并附注",
    group_basic: "基本条款",
    group_recommended: "推荐条款（★）",
    bar_line: "{group} {level} 级及以上 ≥ {percent}%：现 {have} / {considered}，需 {needed}",
    bar_missing: "，还差 {missing} 条",
    tier_reached: "{name}：已达到",
    tier_missed: "{name}：未达到——{shortfalls}",
    tier_check: "{label} = {value}（须 < {below}）",
    tier_not_eligible: "{name}：不符合申报条件——{checks}",
    tier_eligibility_unknown: "{name}：申报条件待定（请填写）——{checks}",
    tier_no_clauses: "{name}：无法判定——没有适用的{group}",
    summary_line: "已答 {answered} / {applicable}；达标 {met}，部分达标 {partly}，未达标 {gap}；符合度 {share}",
    summary_needs_correction: "；待更正 {n}",
};

pub static EN: ExplainStrings = ExplainStrings {
    count_measure_words: false,
    verdict_met: "Met",
    verdict_met_with_note: "Met, with a note",
    verdict_partly: "Partly met",
    verdict_gap: "Gap",
    verdict_not_applicable: "Not applicable",
    verdict_not_answered: "Not answered",
    verdict_recorded: "Recorded",
    verdict_partly_answered: "Partly answered",
    verdict_optional_absent: "Not set up (optional)",
    badge_optional: "Optional",
    verdict_needs_correction: "Needs correction",
    importance_core: "Core",
    importance_recommended: "Recommended",
    tag_seed: "source document",
    tag_national: "national document, secondary source",
    tag_provincial: "provincial document",
    tag_city: "city document",
    tag_district: "district document",
    tag_local: "local document",
    tag_decision: "this tool's interpretation",
    source_official: "“{title}”",
    source_descriptive: "{title} (descriptive title)",
    source_issuer: " ({issuer})",
    grade_a: "A (continuous improvement, good results)",
    grade_b: "B (supervised, with results)",
    grade_c: "C (rules exist and are carried out)",
    grade_d: "D (not met)",
    inputs_recorded: "{count} figure(s) recorded",
    bed_class_line: "Beds = {beds}, class {class}",
    bed_over_limit: "; above the usual ceiling of {warn_above} beds (a warning, not a gap)",
    linear_line: "{label} = {value}, required ≥ {formula} = {required}{verdict}",
    linear_not_reached: ", not reached",
    graded_line: "Grade {grade}",
    graded_sub_items: " (sub-items met {met} of {total}",
    graded_still_needed: "; for {level} still needed: {blocking}",
    graded_close: ")",
    missing_inputs: "Still needed: {names}",
    partly_answered: "{filled} entered; still missing: {names}",
    rejected_input: "{label} entered as “{text}” ({why})",
    needs_correction_rejected: "Not a valid figure; correct it before this can be judged: {items}",
    needs_correction_contradicted: "These figures contradict each other (a part larger than its whole); correct them before this can be judged: {names}",
    inputs_total: "{label} = {formula} = {total}",
    not_answered: "Not answered yet",
    wrong_answer_kind: "The stored answer does not fit this criterion; treated as unanswered",
    assumed_applicable: " (profile incomplete; treated as applicable for now)",
    choice_line: "Self-assessed: {option} ({verdict})",
    choice_meets: "meets the requirement",
    choice_does_not_meet: "does not meet the requirement",
    checklist_met: "Self-assessed: met",
    checklist_partly: "Self-assessed: partly met",
    checklist_not_met: "Self-assessed: not met",
    checklist_not_applicable: "Self-assessed: not applicable",
    department_required: "Required department",
    department_optional: "Optional department",
    department_set: "set up",
    department_partly: "partly in place",
    department_not_set: "not set up",
    department_line: "{requirement}: {state}",
    na_marked: "Marked not applicable (reason in the evidence note)",
    na_optional_absent: "Optional department, not set up (not a gap)",
    na_not_in_set: "Not part of the department set of a {centre_type}",
    na_centre_type: "Does not apply to a {centre_type}",
    na_bed_class: "{beds} beds ({class}): outside the classes this applies to",
    na_needs_beds: "Applies only to centres with beds",
    na_needs_no_beds: "Applies only to centres without beds",
    na_band: "{label} = {value}, outside the range {range} this applies to",
    na_flag: "Applies only when: {flag}",
    na_no_alternative: "None of the conditions for this item holds",
    ratio_zero_denominator: "{label}: {d_label} is 0, so it cannot be computed (a gap)",
    ratio_head_count: "{n_label} = {n}{n_unit}, {d_label} {d}, required ≥ {required}{n_unit} ({per}{n_unit} per {unit} {d_unit}, at least {floor})",
    ratio_head_count_short: ", {short}{n_unit} short",
    ratio_required: "{formula}, required {range}",
    ratio_never_above: "never above {bound}",
    ratio_short: "i.e. {n_label} at least {required}{n_unit}, {short} short",
    ratio_above_max: "above the maximum; {n_label} at most {allowed}{n_unit}",
    ratio_above_soft_max: "above the range: met, with a note",
    ratio_nested_grow: "{n_label} count in the total too: adding only {n_label} needs {grow}{n_unit} more ({n_after} ÷ {d_after})",
    ratio_nested_shrink: "; or, with {n_label} unchanged, {shrink}{n_unit} fewer other staff ({n} ÷ {d_after})",
    ratio_nested_shrink_only: "{n_label} count in the total too: adding only {n_label} cannot reach it; with {n_label} unchanged, {shrink}{n_unit} fewer other staff ({n} ÷ {d_after})",
    ratio_nested_over: "{n_label} count in the total too: {fewer}{n_unit} fewer {n_label}, or {more}{n_unit} more other staff",
    threshold_line: "{label} = {value}, required {required}",
    threshold_below: ", below the requirement ({short} short)",
    threshold_above_max: ", above the maximum",
    threshold_above_soft_max: ", above the range: met, with a note",
    group_basic: "basic clauses",
    group_recommended: "recommended (★) clauses",
    bar_line: "{group} at {level} or better ≥ {percent}%: {have} of {considered}, need {needed}",
    bar_missing: ", {missing} more needed",
    tier_reached: "{name}: reached",
    tier_missed: "{name}: not reached — {shortfalls}",
    tier_check: "{label} = {value} (must be < {below})",
    tier_not_eligible: "{name}: not eligible — {checks}",
    tier_eligibility_unknown: "{name}: eligibility undecided (enter the figures) — {checks}",
    tier_no_clauses: "{name}: cannot be judged — no applicable {group}",
    summary_line: "Answered {answered} of {applicable}; met {met}, partly {partly}, gaps {gap}; compliance {share}",
    summary_needs_correction: "; {n} to correct",
};
