// What a hostile or buggy window could send as a call's input: any JSON, any structured-cloneable value, and
// near-valid mutations of a call's valid input (a key dropped or added, a wrong type, huge strings, odd numbers,
// deep nesting, prototype-pollution keys).
import fc from 'fast-check';

/** What Electron's IPC delivers: a structured clone. Values that cannot be cloned never reach the main process. */
export function cloneForIpc(v: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: structuredClone(v) };
  } catch {
    return { ok: false };
  }
}

export const isCloneable = (v: unknown): boolean => cloneForIpc(v).ok;

/** Any JSON value (what JSON.parse of a forged message gives). */
export const jsonInput: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

/** Any value the structured-clone algorithm carries: Dates, Maps, Sets, typed arrays, bigints, sparse arrays … */
export const cloneableInput: fc.Arbitrary<unknown> = fc
  .anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withSparseArray: true,
    stringUnit: 'binary',
  })
  .filter(isCloneable);

/** Keys that have polluted prototypes in other code bases. */
export const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
] as const;

/** An object whose own keys are `__proto__` and `constructor` (as JSON.parse makes them), carrying a payload. */
export function pollutionPayload(): Record<string, unknown> {
  return JSON.parse(
    '{"__proto__":{"polluted":"yes","isAdmin":true,"role":"admin"},"constructor":{"prototype":{"polluted":"yes"}}}',
  ) as Record<string, unknown>;
}

/** Sets an own property even for `__proto__` (plain assignment would change the prototype instead). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const WEIRD_NUMBERS = [
  -1,
  -0,
  0,
  0.5,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MAX_VALUE,
  1e21,
  99999999999,
];

const WEIRD_STRINGS = [
  '',
  ' ',
  '\u3000',
  '\u0000',
  '\uD800',
  '\u202E',
  '..',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  "'; DROP TABLE users; --",
  '%s%n%x',
  '${process.exit()}',
  '<img src=x onerror=alert(1)>',
  'NaN',
  'null',
  'undefined',
  'true',
  '1',
  '-1',
  '１２３',
  '٣',
  '__proto__',
  '2025-13-45',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const HUGE_LENGTHS = [1_001, 5_001, 100_001, 1_000_000] as const;
const HUGE_UNITS = ['a', '王', ' ', '𠮷', '\u0000', '1'] as const;

/** Nested arrays or objects, `depth` levels (deep enough to hurt a recursive parser, shallow enough to clone). */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i += 1) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** A value of a different (or the same, by chance) kind than the one it replaces. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...WEIRD_NUMBERS), weight: 4 },
  { arbitrary: fc.constantFrom(...WEIRD_STRINGS), weight: 3 },
  {
    arbitrary: fc.tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom(...HUGE_UNITS)).map(([n, u]) => u.repeat(n)),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(10, 100, 1000), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([d, k]) => nested(d, k)),
    weight: 1,
  },
  { arbitrary: fc.constant(null).map(() => pollutionPayload()), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, [], {}), weight: 3 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean()), weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
  {
    arbitrary: fc
      .constantFrom<() => unknown>(
        () => new Date(0),
        () => new Date(Number.NaN),
        () => new Map([['a', 1]]),
        () => new Set([1]),
        () => new Uint8Array([1, 2, 3]),
        () => 10n,
        // eslint-disable-next-line no-sparse-arrays -- a sparse array is the input under test
        () => [, , 1], // sparse
        () => Object.create(null) as unknown,
        () => new String('王'),
      )
      .map((make) => make()),
    weight: 2,
  },
);

type Path = readonly (string | number)[];

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (!v || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Every place in a JSON-like value: the containers (plain objects and arrays, for adding and dropping keys) and every
 * value (to replace). Dates, Maps, typed arrays … are leaves.
 */
function places(
  v: unknown,
  at: Path = [],
  out: { containers: Path[]; values: Path[] } = { containers: [], values: [] },
) {
  out.values.push(at);
  if (Array.isArray(v)) {
    out.containers.push(at);
    v.forEach((x, i) => places(x, [...at, i], out));
  } else if (isPlainObject(v)) {
    out.containers.push(at);
    for (const [k, x] of Object.entries(v)) places(x, [...at, k], out);
  }
  return out;
}

const get = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);

type Mutation =
  | { readonly op: 'drop'; readonly where: number; readonly which: number }
  | { readonly op: 'add'; readonly where: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'replace'; readonly where: number; readonly value: unknown }
  | { readonly op: 'wrap'; readonly how: 'array' | 'string' | 'nested' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('drop' as const), where: fc.nat(), which: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      where: fc.nat(),
      key: fc.oneof(
        fc.constantFrom(...POLLUTION_KEYS),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom('id', 'role', 'userId', 'admin'),
      ),
      value: fc.oneof(
        wrongValue,
        fc.constant(null).map(() => pollutionPayload()),
      ),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('replace' as const), where: fc.nat(), value: wrongValue }), weight: 6 },
  {
    arbitrary: fc.record({
      op: fc.constant('wrap' as const),
      how: fc.constantFrom<'array' | 'string' | 'nested'>('array', 'string', 'nested'),
    }),
    weight: 1,
  },
);

/** A fresh copy of a generated value (constants like [] are shared between runs and must not be mutated). */
const fresh = (v: unknown): unknown => {
  const c = cloneForIpc(v);
  return c.ok ? c.value : v;
};

function apply(root: unknown, m: Mutation): unknown {
  const p = places(root);
  switch (m.op) {
    case 'wrap':
      if (m.how === 'array') return [root];
      if (m.how === 'nested') return { input: root };
      try {
        return JSON.stringify(root) ?? 'undefined';
      } catch {
        return String(typeof root); // a bigint somewhere: JSON cannot say it
      }
    case 'replace': {
      const path = p.values[m.where % p.values.length]!;
      const value = fresh(m.value);
      if (path.length === 0) return value;
      const parent = get(root, path.slice(0, -1)) as Record<string | number, unknown>;
      const key = path[path.length - 1]!;
      if (typeof key === 'string') setOwn(parent, key, value);
      else parent[key] = value;
      return root;
    }
    case 'drop': {
      if (p.containers.length === 0) return root;
      const c = get(root, p.containers[m.where % p.containers.length]!) as Record<string, unknown> | unknown[];
      if (Array.isArray(c)) {
        if (c.length > 0) c.splice(m.which % c.length, 1);
      } else {
        const keys = Object.keys(c);
        if (keys.length > 0) delete c[keys[m.which % keys.length]!];
      }
      return root;
    }
    case 'add': {
      if (p.containers.length === 0) return root;
      const c = get(root, p.containers[m.where % p.containers.length]!) as Record<string, unknown> | unknown[];
      const value = fresh(m.value);
      if (Array.isArray(c)) c.push(value);
      else setOwn(c, m.key, value);
      return root;
    }
  }
}

/** One to three mutations of a (JSON) sample; results that cannot cross IPC are dropped. */
export function nearValid(sample: unknown): fc.Arbitrary<unknown> {
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((ms) => ms.reduce<unknown>((v, m) => apply(v, m), structuredClone(sample)))
    .filter(isCloneable);
}
