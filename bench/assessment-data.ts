// An assessment at the scale of issue 5 written straight into a store: 10,000 members and 200,000 ballots.
import type { RawDb } from '../db/store/connection';
import { defaultAssessmentConfig } from '../shared/assessment/config-schema';

export const CATEGORIES = 8;
const CHIEFS_PER_CATEGORY = 250; // 2,000 正职
export const UNITS = 2_000; // 副职: 4 per unit, 8,000
const DEPUTIES_PER_UNIT = 4;
const LEADERS = 3;

/** The assessment's id, its groups' member ids and the number of ballots written (raw SQL, one transaction). */
export function seedBigAssessment(
  raw: RawDb,
  rnd: () => number,
): { id: number; chiefs: number[][]; deputies: number[][]; ballots: number } {
  const score = () => Math.round(60 + rnd() * 40);
  const now = new Date().toISOString();
  const id = Number(
    raw
      .prepare(
        `INSERT INTO assessments (name, year, state, config, scope, created_by, created_at, updated_by, updated_at) ` +
          `VALUES ('压测考核', 2025, 'preparing', ?, '{"categoryCodes":[],"unitIds":[]}', 'bench', ?, 'bench', ?)`,
      )
      .run(JSON.stringify(defaultAssessmentConfig()), now, now).lastInsertRowid,
  );
  const chiefs: number[][] = [];
  const deputies: number[][] = [];
  let ballots = 0;
  raw.transaction(() => {
    const member = raw.prepare(
      `INSERT INTO assessment_members (assessment_id, cadre_id, name, position, unit_id, unit_name, category_code, ` +
        `category_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let cadre = 1;
    for (let c = 1; c <= CATEGORIES; c++) {
      const group: number[] = [];
      for (let i = 0; i < CHIEFS_PER_CATEGORY; i++) {
        member.run(id, cadre, `正职${cadre}`, 'chief', 100_000 + c * 1000 + i, `单位${c}-${i}`, `C${c}`, `类别${c}`);
        group.push(cadre++);
      }
      chiefs.push(group);
    }
    for (let u = 1; u <= UNITS; u++) {
      const group: number[] = [];
      for (let i = 0; i < DEPUTIES_PER_UNIT; i++) {
        member.run(
          id,
          cadre,
          `副职${cadre}`,
          'deputy',
          u,
          `单位${u}`,
          `C${(u % CATEGORIES) + 1}`,
          `类别${(u % CATEGORIES) + 1}`,
        );
        group.push(cadre++);
      }
      deputies.push(group);
    }
    raw.prepare(`UPDATE assessments SET state = 'collecting' WHERE id = ?`).run(id);

    const superior = raw.prepare(
      `INSERT INTO assessment_superior_ballots (assessment_id, rater_label, group_ref, sort_order, entered_by, ` +
        `entered_at) VALUES (?, ?, ?, ?, 'bench', ?)`,
    );
    const shuffled = (xs: number[]) => [...xs].sort(() => rnd() - 0.5);
    for (let l = 1; l <= LEADERS; l++) {
      chiefs.forEach((g, c) => superior.run(id, `领导${l}`, `chief:C${c + 1}`, JSON.stringify(shuffled(g)), now));
      deputies.forEach((g, u) => superior.run(id, `领导${l}`, `deputy:${u + 1}`, JSON.stringify(shuffled(g)), now));
    }
    ballots += LEADERS * (chiefs.length + deputies.length);

    const peer = raw.prepare(
      `INSERT INTO assessment_peer_ballots (assessment_id, rater_cadre_id, target_cadre_id, scores, entered_by, ` +
        `entered_at) VALUES (?, ?, ?, ?, 'bench', ?)`,
    );
    for (const g of chiefs) {
      g.forEach((rater, i) => {
        for (let k = 1; k <= 20; k++) {
          peer.run(
            id,
            rater,
            g[(i + k) % g.length]!,
            JSON.stringify({ zz1: score(), zz2: score(), zz3: score() }),
            now,
          );
          ballots++;
        }
      });
    }
    for (const g of deputies) {
      for (const rater of g) {
        for (const target of g) {
          if (target === rater) continue;
          peer.run(id, rater, target, JSON.stringify({ fz1: score(), fz2: score() }), now);
          ballots++;
        }
      }
    }
    // 10 staff ballots per cadre, kept as tallied counts.
    const staff = raw.prepare(
      `INSERT INTO assessment_staff_counts (assessment_id, target_cadre_id, excellent, good, fair, poor, entered_by, ` +
        `entered_at) VALUES (?, ?, ?, ?, ?, ?, 'bench', ?)`,
    );
    const service = raw.prepare(
      `INSERT INTO assessment_service_ballots (assessment_id, target_cadre_id, score, entered_by, entered_at) VALUES (?, ?, ?, 'bench', ?)`,
    );
    for (let c = 1; c < cadre; c++) {
      const e = Math.floor(rnd() * 6);
      const g = Math.floor(rnd() * (10 - e));
      const f = Math.floor(rnd() * (10 - e - g));
      staff.run(id, c, e, g, f, 10 - e - g - f, now);
      ballots += 10;
      for (let s = 0; s < 3; s++) service.run(id, c, score(), now);
      ballots += 3;
    }
  })();
  return { id, chiefs, deputies, ballots };
}
