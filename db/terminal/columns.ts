// The JSON columns of the terminal tables read back through schemas: a ballot set aside, a package's groups, its
// refused ballots and its code cost.
import { z } from 'zod';
import type { KioskBallot } from '../../shared/assessment/panel';
import type { RefusedBallot } from '../../shared/assessment/terminals';
import { parseJsonColumn } from '../store/json-column';
import type { CodeCost } from './codes';
import { kioskBallotSchema, packageContentSchema } from './formats';

/** A kiosk ballot kept as text: in terminal_set_aside (main store) or the terminal's own ballots table. */
export const storedBallotOf = (text: string, column: string): KioskBallot =>
  parseJsonColumn(kioskBallotSchema, text, column);

const packageGroups = z.array(z.object({ name: z.string() }));
export const packageGroupNamesOf = (text: string): string[] =>
  parseJsonColumn(packageGroups, text, 'terminal_packages.groups').map((g) => g.name);

const refusedBallots = z.array(
  z.object({ kindLabel: z.string(), groupName: z.string(), seatLabel: z.string(), why: z.string() }),
) satisfies z.ZodType<RefusedBallot[]>;
export const refusedOf = (text: string): RefusedBallot[] =>
  parseJsonColumn(refusedBallots, text, 'terminal_packages.refused');

export const codeCostOf = (text: string): CodeCost =>
  parseJsonColumn(packageContentSchema.shape.codeCost, text, 'terminal_packages.code_cost');
