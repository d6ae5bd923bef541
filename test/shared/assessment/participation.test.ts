// The participation accounts and the small-group rule as pure functions: how 应到/实到/有效/无效 add up per kind,
// the warnings before 汇总, and which components lose their ballot counts.
import { describe, expect, test } from 'vitest';
import {
  anonymityConfigWarnings,
  concealedComponents,
  participationAccounts,
  participationLineText,
  participationWarnings,
  withoutConcealedCounts,
  type ParticipationCounts,
} from '../../../shared/assessment';
import { defaultRankingConfig } from '../../../shared/scoring/defaults';
import type { RankingResult } from '../../../shared/scoring/types';

const counts = (
  c: Partial<ParticipationCounts> & Pick<ParticipationCounts, 'group' | 'kind'>,
): ParticipationCounts => ({
  codesIssued: 0,
  codesUsed: 0,
  formsEntered: 0,
  ...c,
});
const names = { 'chief:C1': '正职·乡镇', 'deputy:7': '副职·乌兰镇' };

describe('participation accounts', () => {
  test('peer: 应到 is the group; kiosk and paper forms both count; scoring invalid forms move from 有效 to 无效', () => {
    const r = participationAccounts({
      groups: [{ group: 'chief:C1', size: 5 }],
      counts: [counts({ group: 'chief:C1', kind: 'peer', codesIssued: 3, codesUsed: 2, formsEntered: 2 })],
      invalid: [{ group: 'chief:C1', kind: 'peer', reason: 'peer.indicators', forms: 1 }],
      sheets: [],
    });
    expect(r.lines).toEqual([
      expect.objectContaining({
        kind: 'peer',
        expected: 5,
        received: 4,
        valid: 3,
        invalid: 1,
        abstained: 0,
        rate: 0.8,
        codesUnused: 1,
        lowTurnout: false,
        paperMismatch: false,
        invalidByReason: { 'peer.indicators': 1 },
      }),
    ]);
    expect(participationLineText(r.lines[0]!)).toBe(
      '同级互评：应到 5，实到 4，弃权 0，有效 3，无效 1（互评指标与当前配置不一致（配置修改后需重新录入） 1），参评率 80.0%',
    );
  });

  test('staff: 应到 = codes issued + paper forms handed out; 实到 = used codes + paper 收回; the sheet adds up', () => {
    const r = participationAccounts({
      groups: [{ group: 'chief:C1', size: 3 }],
      counts: [counts({ group: 'chief:C1', kind: 'staff', codesIssued: 10, codesUsed: 6, formsEntered: 17 })],
      invalid: [],
      sheets: [{ group: 'chief:C1', kind: 'staff', expected: 20, received: 20, invalid: 2, abstained: 1 }],
    });
    expect(r.lines[0]).toMatchObject({
      expected: 30,
      received: 26,
      valid: 23,
      invalid: 2,
      abstained: 1,
      invalidByReason: { 'paper.counted': 2 },
      paperMismatch: false,
      lowTurnout: false,
      codesUnused: 4,
    });
  });

  test('warnings name the group and the kind: 实到 below 2/3 of 应到, and paper counts that do not add up', () => {
    const r = participationAccounts({
      groups: [
        { group: 'chief:C1', size: 3 },
        { group: 'deputy:7', size: 2 },
      ],
      counts: [
        counts({ group: 'chief:C1', kind: 'superior', codesIssued: 6, codesUsed: 3 }),
        counts({ group: 'deputy:7', kind: 'service', formsEntered: 8 }),
      ],
      invalid: [],
      sheets: [{ group: 'deputy:7', kind: 'service', expected: 12, received: 10, invalid: 1, abstained: 0 }],
    });
    expect(participationWarnings(r, names)).toEqual([
      '“正职·乡镇”上级排名实到 3 人，不足应到 6 人的三分之二',
      '“副职·乌兰镇”服务对象纸质票数不平：收回 10 张，而已录入 8 张 + 无效 1 张 + 弃权 0 张 = 9 张',
    ]);
    // Exactly 2/3 is enough; a configured share is named as a percentage.
    const even = participationAccounts({
      groups: [{ group: 'chief:C1', size: 3 }],
      counts: [counts({ group: 'chief:C1', kind: 'superior', codesIssued: 6, codesUsed: 4 })],
      invalid: [],
      sheets: [],
    });
    expect(participationWarnings(even, names)).toEqual([]);
    const strict = participationAccounts({
      ...even,
      groups: [{ group: 'chief:C1', size: 3 }],
      counts: [counts({ group: 'chief:C1', kind: 'superior', codesIssued: 6, codesUsed: 4 })],
      invalid: [],
      sheets: [],
      minShare: 0.8,
    });
    expect(participationWarnings(strict, names)).toEqual(['“正职·乡镇”上级排名实到 4 人，不足应到 6 人的80%']);
  });

  test('a kind with nothing to account for is left out; without 应到 the rate is unknown and never warned about', () => {
    const r = participationAccounts({
      groups: [{ group: 'deputy:7', size: 1 }],
      counts: [counts({ group: 'deputy:7', kind: 'service', formsEntered: 4 })],
      invalid: [],
      sheets: [],
    });
    expect(r.lines.map((l) => l.kind)).toEqual(['service']);
    expect(r.lines[0]).toMatchObject({ expected: null, received: 4, rate: null, lowTurnout: false });
    expect(participationWarnings(r, names)).toEqual([]);
  });
});

describe('small-group anonymity', () => {
  const result: RankingResult = {
    groups: [
      {
        position: 'chief',
        groupKey: 'C1',
        size: 2,
        excellentQuota: 0,
        rows: [
          {
            cadreId: '1',
            rank: 1,
            finalScore: 90,
            base: 90,
            components: {
              superior: { score: 100, ballots: 2, trimmed: false },
              peer: { score: 80, ballots: 1, trimmed: false },
              staff: { score: 92.5, ballots: 2, trimmed: false },
              service: { score: 90, ballots: 3, trimmed: false },
            },
            bonus: 0,
            penalty: 0,
            grade: 'competent',
            flags: [],
          },
        ],
      },
    ],
    unranked: [],
    invalidBallots: [],
  };

  test('staff and service below 3 ballots always, superior only when anonymous; peer never; scores stay', () => {
    expect(concealedComponents(result, () => false)).toEqual({ '1': ['staff'] });
    const concealed = concealedComponents(result, () => true);
    expect(concealed).toEqual({ '1': ['superior', 'staff'] });
    const shown = withoutConcealedCounts(result, concealed).groups[0]!.rows[0]!.components;
    expect(shown).toEqual({
      superior: { score: 100, ballots: 0, trimmed: false },
      peer: { score: 80, ballots: 1, trimmed: false },
      staff: { score: 92.5, ballots: 0, trimmed: false },
      service: { score: 90, ballots: 3, trimmed: false },
    });
    expect(result.groups[0]!.rows[0]!.components.staff!.ballots).toBe(2);
  });

  test('the configuration warns for each anonymous kind whose minimum is below 3', () => {
    const config = defaultRankingConfig();
    config.minBallots = { superior: 3, peer: 1, staff: 2, service: 5 };
    expect(anonymityConfigWarnings(config)).toEqual([expect.stringMatching(/^职工测评（2）的最少有效票数低于 3：/)]);
    config.minBallots.staff = 3;
    expect(anonymityConfigWarnings(config)).toEqual([]);
  });
});
