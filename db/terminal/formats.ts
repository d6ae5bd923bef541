// What a 测评包 and a ballot return hold (checked with zod on every read: a file that decrypts is still from outside).
import { z } from 'zod';
import { COMMENT_MAX_LENGTH } from '../../shared/assessment/comments';

const id = z.number().int().positive();
const kind = z.enum(['superior', 'peer', 'staff']);
const groupRef = z.string().regex(/^(chief:[^:]{1,40}|deputy:\d{1,12})$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const text = z.string().max(200);

export const packageMemberSchema = z
  .object({
    cadreId: id,
    name: text,
    position: z.enum(['chief', 'deputy']),
    unitId: id,
    unitName: text,
    categoryCode: text,
    categoryName: text,
  })
  .strict();

const indicator = z.object({ id: z.string().max(40), name: text, weight: z.number() }).strict();

/** The kiosk's needs and nothing more: no code, no ballot, no dossier, no roster field beyond name, unit and 职务. */
export const packageContentSchema = z
  .object({
    packageId: z.string().regex(/^[0-9a-f]{32}$/),
    terminalNo: z.number().int().min(1).max(999),
    assessment: z.object({ id, name: text, year: z.number().int() }).strict(),
    exportedOn: day,
    groups: z.array(z.object({ ref: groupRef, name: text }).strict()).max(2000),
    members: z.array(packageMemberSchema).max(20000),
    indicators: z.object({ chief: z.array(indicator).max(50), deputy: z.array(indicator).max(50) }).strict(),
    /** The key the main store hashes codes with (HKDF of its root key, no other use) and the package's slow salt. */
    codeKey: hex64,
    codeSalt: z.string().regex(/^[0-9a-f]{32}$/),
    codeCost: z.object({
      N: z
        .number()
        .int()
        .min(2)
        .max(2 ** 16),
      r: z.number().int().min(1).max(16),
      p: z.literal(1),
    }),
    seats: z
      .array(
        z
          .object({
            lookup: hex64,
            kind,
            group: groupRef,
            seatNo: z.number().int().positive(),
            raterCadreId: id.nullable(),
          })
          .strict(),
      )
      .max(100000),
  })
  .strict();
export type PackageContent = z.infer<typeof packageContentSchema>;
export type PackageSeat = PackageContent['seats'][number];

const score = z.number().min(0).max(100);
export const kioskBallotSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('superior'), order: z.array(id).min(1).max(500) }).strict(),
  z
    .object({
      kind: z.literal('peer'),
      ballots: z
        .array(z.object({ targetId: id, scores: z.record(z.string().max(40), score) }).strict())
        .min(1)
        .max(500),
    })
    .strict(),
  z
    .object({
      kind: z.literal('staff'),
      votes: z
        .array(
          z
            .object({
              targetId: id,
              grade: z.enum(['excellent', 'good', 'fair', 'poor']),
              // 意见建议 typed on the laptop travel with the ballot (added to the cadre's comments at the merge).
              comment: z.string().max(COMMENT_MAX_LENGTH).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(500),
    })
    .strict(),
]);

export const returnBallotSchema = z.object({ tag: hex64, group: groupRef, ballot: kioskBallotSchema }).strict();
export type ReturnBallot = z.infer<typeof returnBallotSchema>;

/**
 * The ballot return: ballots in a random order with no time, seat or code on them, the used seats' lookups sorted
 * apart from them, and the day the terminal closed.
 */
export const returnContentSchema = z
  .object({
    packageId: z.string().regex(/^[0-9a-f]{32}$/),
    terminalNo: z.number().int().min(1).max(999),
    assessmentId: id,
    closedOn: day,
    usedLookups: z.array(hex64).max(100000),
    ballots: z.array(returnBallotSchema).max(100000),
  })
  .strict();
export type ReturnContent = z.infer<typeof returnContentSchema>;
