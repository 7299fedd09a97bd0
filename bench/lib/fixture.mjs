// A large stored assessment for the autosave and report benchmarks: every criterion of the bundled
// thc-standard catalogue answered, a 500-character evidence note on each, an action on every gap,
// every input filled. Shaped exactly like tests/fixtures/storage/layout-1.json (persist layout 1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function catalogue(root, id = 'thc-standard') {
  return JSON.parse(readFileSync(join(root, 'core/src/catalogue/data', `${id}.json`), 'utf8'));
}

/** Exactly `n` characters of plausible Chinese evidence text, numbered so no two are equal. */
export function note(i, n = 500) {
  const sentence = `第 ${i} 项：现场查看制度文本、台账和记录，抽查近三个月资料，与分管人员核对执行情况，发现部分记录缺签名和日期，已当场指出并要求补齐；`;
  let text = '';
  while (text.length < n) text += sentence;
  return text.slice(0, n);
}

const INPUTS = {
  resident_population: 28000, temporary_population: 4000, beds: 32, floor_area: 2400,
  staff_total: 60, health_tech_staff: 52, clinical_physicians: 18, clinical_assistant_physicians: 6,
  tcm_physicians: 2, tcm_assistant_physicians: 1, prevention_staff: 4, immunization_staff: 3,
  immunization_trainings: 2, immunization_slogans: 5, record_cabinets: 2, tcm_consult_rooms: 1,
  tcm_rehab_rooms: 1, tcm_techniques: 6,
};

/** The stored entry (layout 1) of a fully answered assessment with id `id`. */
export function largeStoredAssessment(root, id) {
  const cat = catalogue(root);
  const now = '2026-11-20T14:03:27+08:00';
  const inputs = {};
  for (const def of cat.inputs) inputs[def.id] = def.kind === 'percent' ? 9250 : (INPUTS[def.id] ?? 3);
  const items = {};
  let n = 0;
  for (const section of cat.sections) {
    for (const c of section.criteria) {
      n += 1;
      let answer = null;
      if (c.kind === 'checklist') answer = { status: ['met', 'partly', 'not_met'][n % 3] };
      else if (c.kind === 'department') answer = { status: n % 4 === 0 ? 'not_met' : 'met' };
      // Rules and numeric-input criteria take no answer (they read the inputs): a note only.
      const gap = answer && answer.status !== 'met';
      items[c.id] = {
        answer,
        not_applicable: false,
        evidence: note(n),
        action: gap
          ? { measure: note(n, 120), owner: '院办 张丽', deadline: '2027-06-30', status: ['planned', 'in_progress'][n % 2] }
          : null,
      };
    }
  }
  return {
    layout: 1,
    revision: 7,
    saved_at: now,
    writer: 'tab-bench',
    last_exported_at: now,
    assessment: {
      format_version: 1,
      id,
      catalogue_id: cat.id,
      catalogue_version: cat.version,
      profile: {
        centre_name: '青山镇中心卫生院', county: '平阳县', centre_type: 'central', year: 2026,
        filled_by: '王院长', flags: cat.flags.map((f) => f.id),
      },
      inputs,
      items,
      created_at: '2026-11-18T09:30:00+08:00',
      updated_at: now,
    },
  };
}

/**
 * The two assessments the report benchmark renders (tests/e2e/report.bench.mjs takes its cases
 * from here), so the static-HTML floor of bench/run.mjs is the same report that script times.
 */
export function reportBenchCases(root) {
  const cat = catalogue(root);
  const criteria = cat.sections.flatMap((s) => s.criteria);
  const NOW = '2026-11-20T14:03:27+08:00';
  const assessment = (id, gapEvery, text) => {
    const items = {};
    criteria.forEach((c, i) => {
      if (c.kind !== 'checklist' && c.kind !== 'department') return;
      const gap = i % gapEvery === 0;
      items[c.id] = {
        answer: { status: gap ? 'not_met' : 'met' }, not_applicable: false, evidence: gap ? text : '',
        action: gap ? { measure: text || '制定整改方案并落实', owner: '院长', deadline: '2027-12-31', status: 'planned' } : null,
      };
    });
    const inputs = Object.fromEntries(cat.inputs.map((d) => [d.id, d.kind === 'percent' ? 8000 : 20]));
    Object.assign(inputs, { resident_population: 28000, temporary_population: 4000, staff_total: 60, health_tech_staff: 50 });
    return {
      layout: 1, revision: 1, saved_at: NOW, writer: 'tab-bench', last_exported_at: null,
      assessment: {
        format_version: 1, id, catalogue_id: cat.id, catalogue_version: cat.version,
        profile: { centre_name: '基准卫生院', county: '平阳县', centre_type: 'central', year: 2026, filled_by: '基准', flags: ['obstetric_service'] },
        inputs, items, created_at: NOW, updated_at: NOW,
      },
    };
  };
  return [
    { key: 'realistic', name: 'full catalogue, one item in three a gap', entry: assessment('bench-realistic', 3, '') },
    { key: 'long', name: 'full catalogue, every item a gap with 500-character notes', entry: assessment('bench-long', 1, '现场查看发现制度文本与实际执行不一致，台账记录缺失较多，需要重新培训并定期督查；'.repeat(13)) },
  ];
}
