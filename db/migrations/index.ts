// All migrations, in order; the last one's version is the schema version this build writes.
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-roster';
import { migration0003 } from './0003-dossier';
import { migration0004 } from './0004-assessment';
import { migration0005 } from './0005-veto-source';
import { migration0006 } from './0006-panels';
import { migration0007 } from './0007-print-register';
import { migration0008 } from './0008-annual-results-note';
import { migration0009 } from './0009-quarter-collection';
import { migration0010 } from './0010-ballot-source';
import { migration0011 } from './0011-anonymous-ballots';
import { migration0012 } from './0012-adjustment-proposals';
import { migration0013 } from './0013-ineligible';
import { migration0014 } from './0014-audit-signatures';
import { migration0015 } from './0015-ineligible-proposals';
import { migration0016 } from './0016-participation-sheets';
import { migration0017 } from './0017-forms-void-comments';
import { migration0018 } from './0018-intake';
import { migration0019 } from './0019-terminal-packages';
import { migration0020 } from './0020-appointment-matters';
import { migration0021 } from './0021-intake-channels';
import { migration0022 } from './0022-terminal-cancel';
import { migration0023 } from './0023-political-reviews';
import { migration0024 } from './0024-search-catch-up';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
