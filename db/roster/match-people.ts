// Matching imported people to stored cadres: the same 身份证号 is the same person; otherwise the same 姓名 and
// 出生年月 (when one side has no 身份证号) is probably the same person, which the user must confirm.

export interface PersonKey {
  readonly idNumber: string;
  readonly name: string;
  readonly birthMonth: string;
}

export type PersonMatch =
  | { readonly kind: 'new' }
  | { readonly kind: 'update'; readonly cadreId: number }
  | { readonly kind: 'nameMatch'; readonly cadreId: number; readonly candidateIds: readonly number[] };

const normId = (s: string) => s.trim().toUpperCase();
const personKey = (name: string, birthMonth: string) => `${name.trim()}\u0000${birthMonth}`;

/** Indexes the stored cadres once; `match` then answers in constant time per imported person. */
export function personMatcher(
  existing: readonly (PersonKey & { readonly id: number })[],
): (p: PersonKey) => PersonMatch {
  const byId = new Map<string, number>();
  const byPerson = new Map<string, (PersonKey & { id: number })[]>();
  for (const e of [...existing].sort((a, b) => a.id - b.id)) {
    const id = normId(e.idNumber);
    if (id && !byId.has(id)) byId.set(id, e.id);
    const key = personKey(e.name, e.birthMonth);
    byPerson.set(key, [...(byPerson.get(key) ?? []), e]);
  }
  return (p) => {
    const id = normId(p.idNumber);
    const sameId = id ? byId.get(id) : undefined;
    if (sameId !== undefined) return { kind: 'update', cadreId: sameId };
    // A candidate with another 身份证号 is a different person who shares the name and birth month.
    const candidates = (byPerson.get(personKey(p.name, p.birthMonth)) ?? []).filter((e) => !id || !normId(e.idNumber));
    return candidates.length > 0
      ? { kind: 'nameMatch', cadreId: candidates[0]!.id, candidateIds: candidates.map((e) => e.id) }
      : { kind: 'new' };
  };
}
