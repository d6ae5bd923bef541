// The rule useCall shows answers by: a late answer (older input, or after the screen closed) is dropped.
import { describe, expect, test } from 'vitest';
import { latestGate } from '../../../renderer/lib/latest';

/** Two loads answered out of order, as a slow first search and a quick second one are. */
async function race(retireBeforeAnswers: boolean) {
  const gate = latestGate();
  const shown: string[] = [];
  let answerFirst: (v: string) => void = () => undefined;
  const load = (answer: Promise<string>) => {
    const ticket = gate.begin();
    return answer.then((v) => {
      if (gate.isCurrent(ticket)) shown.push(v);
    });
  };
  const first = load(new Promise<string>((r) => (answerFirst = r)));
  const second = load(Promise.resolve('第二次'));
  if (retireBeforeAnswers) gate.retire();
  await second;
  answerFirst('第一次');
  await first;
  return shown;
}

describe('latestGate', () => {
  test('the answer to an older input that arrives last does not overwrite the newer one', async () => {
    expect(await race(false)).toEqual(['第二次']);
  });

  test('no answer is shown once the screen has gone', async () => {
    expect(await race(true)).toEqual([]);
  });

  test('a single load is current until the next one starts', () => {
    const gate = latestGate();
    const a = gate.begin();
    expect(gate.isCurrent(a)).toBe(true);
    const b = gate.begin();
    expect([gate.isCurrent(a), gate.isCurrent(b)]).toEqual([false, true]);
  });
});
