// Shared bits of the .lrmx tests: fixture loading and a read that must succeed.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { LrmxPerson } from '../../../../shared/roster/lrmx-types';
import { readLrmx } from '../../../../db/roster/lrmx/read';
import { FIXTURES } from './generate';

export const TODAY = new Date(2026, 0, 15);

export const fixture = (name: string): Buffer => readFileSync(`${FIXTURES}${name}`);

export function readOk(bytes: Uint8Array): { person: LrmxPerson; warnings: string[] } {
  const r = readLrmx(bytes);
  if (!r.ok) return expect.unreachable(`expected a person, got: ${r.error}`);
  return { person: r.person, warnings: r.warnings };
}

export const readFixture = (name: string) => readOk(fixture(name));

export const isJpeg = (b: Buffer | null) => b !== null && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
