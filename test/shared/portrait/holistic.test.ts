// holisticText: the 综合评价 texts the portrait and the printed dossier share, from S3.5 and the profile.
import { describe, expect, test } from 'vitest';
import { holisticText, splitEvaluationText } from '../../../shared/portrait/holistic';
import { periodStart } from '../../../shared/portrait/period';

const profile = { traits: '', shortcomings: '', familiarFields: '' };

describe('holisticText', () => {
  test('labelled parts of an S3.5 entry go to their fields, either name of a pair counts, unlabelled text is 能力特点', () => {
    expect(splitEvaluationText('该同志政治素质好。主要特点：务实；存在不足：创新不够。熟悉领域：牧区工作')).toEqual({
      abilities: '该同志政治素质好。\n务实',
      weaknesses: '创新不够。',
      familiarFields: '牧区工作',
    });
    expect(splitEvaluationText('工作扎实，群众认可')).toEqual({
      abilities: '工作扎实，群众认可',
      weaknesses: '',
      familiarFields: '',
    });
  });

  test('with nothing to start from it says so; the profile alone is enough for a draft; the same text is not repeated', () => {
    expect(holisticText({ saved: null, latestEntry: null, profile })).toMatchObject({ source: 'none', abilities: '' });
    const t = holisticText({
      saved: null,
      latestEntry: { id: 7, date: '2025-01-02', title: '评价', content: '熟悉领域：党建' },
      profile: { ...profile, familiarFields: '党建' },
    });
    expect(t).toMatchObject({ source: 'draft', familiarFields: '党建', entryId: 7 });
  });
});

describe('periodStart', () => {
  test('本年度 starts on 1 January, 近三年 the day after three years back, 任现职以来 on the first of the month of 任职时间', () => {
    expect(periodStart('year', '2025-06-30', '')).toEqual({ from: '2025-01-01', note: null });
    expect(periodStart('threeYears', '2025-06-30', '')).toEqual({ from: '2022-07-01', note: null });
    expect(periodStart('sincePost', '2025-06-30', '2021-09')).toEqual({ from: '2021-09-01', note: null });
    expect(periodStart('sincePost', '2025-06-30', '')).toMatchObject({
      from: '2022-07-01',
      note: expect.stringContaining('未填写任职时间'),
    });
  });
});
