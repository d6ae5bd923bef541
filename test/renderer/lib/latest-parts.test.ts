// The rule the assessment page merges partial reloads by: a late answer counts only for the lists no newer reload
// asked for since.
import { describe, expect, test } from 'vitest';
import { partsGate } from '../../../renderer/lib/latest-parts';

type Part = 'superior' | 'staff' | 'comments';

describe('partsGate', () => {
  test('an older reload answered last keeps only the lists no newer reload asked for', async () => {
    const gate = partsGate<Part>();
    const shown: string[] = [];
    let answerFirst: () => void = () => undefined;
    const reload = (parts: Part[], answer: Promise<void>, label: string) => {
      const ticket = gate.begin(parts);
      return answer.then(() => {
        for (const p of gate.current(ticket, parts)) shown.push(`${label}:${p}`);
      });
    };
    // A staff save reloads staff + comments (slow); a superior save then reloads superior and comments (quick).
    const first = reload(['staff', 'comments'], new Promise<void>((r) => (answerFirst = r)), '第一次');
    const second = reload(['superior', 'comments'], Promise.resolve(), '第二次');
    await second;
    answerFirst();
    await first;
    expect(shown).toEqual(['第二次:superior', '第二次:comments', '第一次:staff']);
  });

  test('answers in order all count', () => {
    const gate = partsGate<Part>();
    const a = gate.begin(['staff']);
    expect(gate.current(a, ['staff'])).toEqual(['staff']);
    const b = gate.begin(['staff']);
    expect(gate.current(b, ['staff'])).toEqual(['staff']);
    expect(gate.current(a, ['staff'])).toEqual([]);
  });
});
