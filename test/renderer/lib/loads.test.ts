// Screens load a call's answer through useCall/useLoad (which drop a late answer), not by hand in a useEffect: a
// new hand-written load fails here until it is converted or listed below with its reason (issue 19 §4).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(process.cwd(), 'renderer');

/** Effects that call the store and are not a screen's load, by file. */
const NOT_LOADS: Readonly<Record<string, string>> = {
  'App.tsx': 'the session state machine: status on start, on a lost session, on lock and by polling',
  'layout/useActivityPing.ts': 'tells the store the user is active, from input events',
  'lib/useJobProgress.ts': 'polls a running job on a timer',
  'lib/useCall.ts': 'the hook itself',
};

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** The text of each `useEffect(…)` in `source`, up to its closing parenthesis. */
function effects(source: string): string[] {
  const out: string[] = [];
  for (let at = source.indexOf('useEffect('); at >= 0; at = source.indexOf('useEffect(', at + 1)) {
    let depth = 0;
    let end = at + 'useEffect'.length;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    out.push(source.slice(at, end + 1));
  }
  return out;
}

/** An effect that calls the store, or runs a `load…`/`reload` function (the old hand-written pattern). */
const loadsByHand = (effect: string) => /\bcall\(/.test(effect) || /\b(re)?load\w*\(/i.test(effect);

describe('loads go through useCall', () => {
  test('no screen loads a call’s answer by hand in a useEffect', () => {
    const found = files(ROOT)
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .filter((f) => !(f in NOT_LOADS))
      .filter((f) => effects(readFileSync(join(ROOT, f), 'utf8')).some(loadsByHand));
    expect(found).toEqual([]);
  });

  test('the check finds the hand-written pattern it replaces', () => {
    const old = `useEffect(() => void load(), [load]);`;
    const direct = `useEffect(() => { call('codes.list', { assessmentId }).then(setSeats); }, [assessmentId]);`;
    const data = `useEffect(() => { let live = true; loadReviewPrintData(ids).then((p) => live && setParts(p)); }, [ids]);`;
    const timer = `useEffect(() => { const t = setTimeout(() => setSettled(w), 300); return () => clearTimeout(t); }, [w]);`;
    const found = [old, direct, data, timer].map((s) => effects(s).some(loadsByHand));
    expect(found).toEqual([true, true, true, false]);
  });
});
