// The 评议终端's own store, on the laptop: one encrypted database (random key, wrapped under the package key) that
// holds the package and the ballots cast, in a folder of its own. 结束评议 writes the ballot return and wipes it.
//
// At rest, as on the main PC's kiosk (db/assessment/kiosk.ts): a ballot row has a random id and no time; a seat row
// says only used or not; the transaction holding both leaves no -wal/-shm image (forgetHistory); the ballot's tag
// pairs with its seat only for whoever knows the code (codes.ts).
import { hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  normalizeCode,
  PANEL_KIND_LABELS,
  seatLabel,
  type KioskBallot,
  type KioskBallotForm,
} from '../../shared/assessment/panel';
import { fail } from '../../shared/ipc/errors';
import { LoginThrottle } from '../app/throttle';
import { writeFileAtomic } from '../fs/atomic';
import { enableWrites, forgetHistory, openEncrypted, type RawDb } from '../store/connection';
import { deriveKey, unwrapKey, wrapKey } from '../store/kdf';
import { checkSeatBallot, packageGroup } from './ballot-check';
import { mainCodeHash, normalizePackagePassword, seatSecrets } from './codes';
import {
  packageContentSchema,
  returnContentSchema,
  type PackageContent,
  type PackageSeat,
  type ReturnContent,
} from './formats';
import { keyMatches, readHeader, seal, sealHeaderSchema, unseal, type SealHeader } from './seal';
import { storedBallotOf } from './columns';

const DB_FILE = 'terminal.db';
const KEY_FILE = 'terminal-key.json';
const AAD = 'ganbu terminal store v1';

const keyFileSchema = z.object({
  header: sealHeaderSchema,
  wrapped: z.object({ iv: z.string(), tag: z.string(), data: z.string() }),
});

const wrongPassword = () =>
  fail('VALIDATION', '评议终端包密码不正确，请核对交接单上的密码（16 位，不区分大小写）', 'password');

async function packageKey(header: SealHeader, password: string): Promise<Buffer> {
  const key = await deriveKey(normalizePackagePassword(password), header.kdf);
  if (!keyMatches(header, key)) wrongPassword();
  return key;
}

export interface TerminalStatus {
  assessmentName: string;
  year: number;
  terminalNo: number;
  groups: { ref: string; name: string }[];
  cast: number;
  seats: number;
}

export class TerminalStore {
  /** Wrong codes in a row slow the terminal down, as on the main PC's kiosk. */
  readonly codeThrottle = new LoginThrottle(Date.now, '评议码');
  private readonly bySeat: Map<string, PackageSeat>;

  private constructor(
    readonly dir: string,
    private readonly db: RawDb,
    private readonly header: SealHeader,
    private readonly key: Buffer,
    readonly pkg: PackageContent,
  ) {
    this.bySeat = new Map(pkg.seats.map((s) => [s.lookup, s]));
  }

  static exists(dir: string): boolean {
    return existsSync(join(dir, KEY_FILE));
  }

  /** Opens a 测评包 with its password into a new terminal store in `dir` (which must hold none yet). */
  static async create(dir: string, packageBytes: Buffer, password: string): Promise<TerminalStore> {
    const { header } = readHeader(packageBytes, 'package');
    const key = await packageKey(header, password);
    const { content } = unseal(packageBytes, 'package', key, packageContentSchema);
    if (content.packageId !== header.packageId || content.terminalNo !== header.terminalNo)
      fail('VALIDATION', '所选文件不是有效的评议终端包：文件头与内容不符（可能被篡改）。未作任何修改', 'file');
    if (TerminalStore.exists(dir))
      fail('VALIDATION', '本机已有一个未结束的评议终端，请先结束评议（或用其密码继续）', 'file');
    mkdirSync(dir, { recursive: true });
    const dbKey = randomBytes(32);
    const db = openEncrypted(join(dir, DB_FILE), dbKey, { create: true });
    enableWrites(db);
    db.exec(`
      CREATE TABLE package (id INTEGER PRIMARY KEY CHECK (id = 1), content TEXT NOT NULL) STRICT;
      CREATE TABLE seats (lookup TEXT PRIMARY KEY, used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))) STRICT;
      -- Random ids, no time, no seat: a ballot and the code that cast it meet only through the tag (codes.ts).
      CREATE TABLE ballots (id INTEGER PRIMARY KEY, tag TEXT NOT NULL UNIQUE, group_ref TEXT NOT NULL,
        ballot TEXT NOT NULL) STRICT;
    `);
    db.transaction(() => {
      db.prepare('INSERT INTO package (id, content) VALUES (1, ?)').run(JSON.stringify(content));
      const seat = db.prepare('INSERT INTO seats (lookup) VALUES (?)');
      for (const s of content.seats) seat.run(s.lookup);
    })();
    writeFileAtomic(join(dir, KEY_FILE), JSON.stringify({ header, wrapped: wrapKey(subKey(key), dbKey, AAD) }));
    return new TerminalStore(dir, db, header, key, content);
  }

  /** Reopens the terminal store in `dir` (the app was closed mid-session) with the package password. */
  static async resume(dir: string, password: string): Promise<TerminalStore> {
    let file: z.infer<typeof keyFileSchema>;
    try {
      file = keyFileSchema.parse(JSON.parse(readFileSync(join(dir, KEY_FILE), 'utf8')));
    } catch {
      return fail('NOT_A_STORE', '本机的评议终端数据已损坏，无法继续', 'password');
    }
    const key = await packageKey(file.header, password);
    const dbKey = unwrapKey(subKey(key), file.wrapped, AAD) ?? wrongPassword();
    const db = openEncrypted(join(dir, DB_FILE), dbKey, { create: false });
    enableWrites(db);
    const row = db.prepare('SELECT content FROM package WHERE id = 1').get() as { content: string };
    return new TerminalStore(dir, db, file.header, key, packageContentSchema.parse(JSON.parse(row.content)));
  }

  status(): TerminalStatus {
    const n = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      assessmentName: this.pkg.assessment.name,
      year: this.pkg.assessment.year,
      terminalNo: this.pkg.terminalNo,
      groups: this.pkg.groups,
      cast: n('SELECT count(*) AS n FROM ballots'),
      seats: n('SELECT count(*) AS n FROM seats'),
    };
  }

  /** The seat a typed code opens, with its lookup and tag; wrong codes count towards the throttle. */
  private async openSeat(typed: string): Promise<{ seat: PackageSeat; tag: string }> {
    this.codeThrottle.check();
    const code = normalizeCode(typed);
    const wrong = () => {
      this.codeThrottle.failed();
      return fail('VALIDATION', '评议码不正确，请核对后重新输入', 'code');
    };
    if (code === null) return wrong();
    const { lookup, tag } = await seatSecrets(
      mainCodeHash(Buffer.from(this.pkg.codeKey, 'hex'), code),
      Buffer.from(this.pkg.codeSalt, 'hex'),
      this.pkg.codeCost,
    );
    const seat = this.bySeat.get(lookup) ?? wrong();
    const row = this.db.prepare('SELECT used FROM seats WHERE lookup = ?').get(lookup) as { used: number };
    if (row.used === 1) fail('VALIDATION', '该评议码已使用，每个评议码只能评议一次', 'code');
    this.codeThrottle.succeeded();
    return { seat, tag };
  }

  async form(code: string): Promise<KioskBallotForm> {
    const { seat } = await this.openSeat(code);
    const group = packageGroup(this.pkg, seat.group);
    const rater = group.find((m) => m.cadreId === seat.raterCadreId);
    const position = group[0]?.position ?? 'chief';
    return {
      kind: seat.kind,
      kindLabel: PANEL_KIND_LABELS[seat.kind],
      groupName: this.groupName(seat.group),
      seatLabel: seatLabel(seat.kind, seat.seatNo, rater?.name),
      position,
      targets: group
        .filter((m) => m.cadreId !== seat.raterCadreId)
        .map((m) => ({ cadreId: m.cadreId, name: m.name, unitName: m.unitName })),
      indicators: seat.kind === 'peer' ? this.pkg.indicators[position] : [],
    };
  }

  groupName(ref: string): string {
    return this.pkg.groups.find((g) => g.ref === ref)?.name ?? ref;
  }

  /** Stores the seat's ballot and uses its code up, in one transaction that leaves no history behind. */
  async submit(code: string, ballot: KioskBallot): Promise<{ groupName: string }> {
    const { seat, tag } = await this.openSeat(code);
    checkSeatBallot(this.pkg, seat, ballot);
    this.db.transaction(() => {
      const used = this.db.prepare('UPDATE seats SET used = 1 WHERE lookup = ? AND used = 0').run(seat.lookup);
      if (used.changes !== 1) fail('VALIDATION', '该评议码已使用，每个评议码只能评议一次', 'code');
      // Random ids from a wide range: storage order says nothing of which ballot came first.
      this.db
        .prepare('INSERT INTO ballots (id, tag, group_ref, ballot) VALUES (?, ?, ?, ?)')
        .run(randomInt(1, 2 ** 47), tag, seat.group, JSON.stringify(ballot));
    })();
    forgetHistory(this.db);
    return { groupName: this.groupName(seat.group) };
  }

  /** Checks the clerk's package password (结束评议 and leaving the terminal need it). */
  async checkPassword(password: string): Promise<void> {
    const key = await packageKey(this.header, password);
    if (!key.equals(this.key)) wrongPassword();
  }

  /**
   * 结束评议: the return file (ballots shuffled, used lookups sorted apart from them, the day only), written
   * atomically to `target`; then the terminal store is closed and removed. Returns the number of ballots.
   */
  async finish(password: string, target: string, today = new Date().toISOString().slice(0, 10)): Promise<number> {
    await this.checkPassword(password);
    const ballots = (
      this.db.prepare('SELECT tag, group_ref, ballot FROM ballots').all() as {
        tag: string;
        group_ref: string;
        ballot: string;
      }[]
    ).map((b) => ({ tag: b.tag, group: b.group_ref, ballot: storedBallotOf(b.ballot, 'ballots.ballot') }));
    shuffle(ballots);
    const usedLookups = (
      this.db.prepare('SELECT lookup FROM seats WHERE used = 1 ORDER BY lookup').all() as {
        lookup: string;
      }[]
    ).map((r) => r.lookup);
    const content: ReturnContent = returnContentSchema.parse({
      packageId: this.pkg.packageId,
      terminalNo: this.pkg.terminalNo,
      assessmentId: this.pkg.assessment.id,
      closedOn: today,
      usedLookups,
      ballots,
    });
    const { kdf, packageId, terminalNo, assessmentId, storeId } = this.header;
    writeFileAtomic(
      target,
      seal(
        { format: 'ganbu-terminal', version: 1, kind: 'return', packageId, terminalNo, assessmentId, storeId, kdf },
        this.key,
        content,
      ),
    );
    this.wipe();
    return ballots.length;
  }

  /** Closes and removes the store: the key file first (without it the database cannot be opened), then the rest. */
  private wipe(): void {
    this.db.close();
    rmSync(join(this.dir, KEY_FILE), { force: true });
    for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) rmSync(join(this.dir, f), { force: true });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** The key that wraps the store's database key: HKDF of the package key under its own label. */
const subKey = (packageKey: Buffer) =>
  Buffer.from(hkdfSync('sha256', packageKey, Buffer.alloc(0), 'ganbu terminal store wrap v1', 32));

function shuffle<T>(a: T[]): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}
