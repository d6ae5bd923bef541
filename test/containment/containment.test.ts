// The installed app's data never leaves the store folder: a realistic session through the dispatcher (store, users,
// units, cadres, a photo, Excel and 任免审批表 imports, exports, a backup looked at and put back, lock, login) while
// watching the file system. Afterwards:
// - the temp folder the app sees (os.tmpdir(), pointed at a private folder for this test file so concurrent test
//   files cannot blur the check) is empty again, and no file changed in the real temp folder holds this session's
//   own data;
// - the config folder holds only config.json, which names the store folder and the last user and nothing personal;
// - the store folder holds only the store's files (listed in the failure when anything else is there);
// - exported files exist exactly where the dialogs pointed, and the picked input files are untouched;
// - no plaintext: the names, 身份证号 and photo bytes written in the session appear (UTF-8 or UTF-16LE) in no file of
//   the store folder, the config folder or the temp folders; the backup file holds none of them either.
import { createHash, randomInt } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AppHost } from '../../db/app/host';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { ScriptedDialogs } from '../helpers/dialogs';
import { keyFromPassword, withRaw } from '../helpers/raw-store';
import { cadreInput, fixturePath, makeId, sampleJpeg } from '../helpers/roster';
import { ADMIN, fast } from '../helpers/tmp-store';

const REAL_TMP = tmpdir();
const START = Date.now();

let root: string;
let appTmp: string;
let configDir: string;
let storeDir: string;
let documents: string;
let exportsDir: string;
let savedTmpEnv: Record<'TMPDIR' | 'TMP' | 'TEMP', string | undefined>;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every regular file under a folder, by path relative to it. */
function walk(dir: string, out: string[] = [], base = dir): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out, base);
    else out.push(relative(base, p));
  }
  return out;
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(walk(dir).map((f) => [f, sha(readFileSync(join(dir, f)))]));
}

/** A name no other test (or fixture) uses: this session's data can then be looked for anywhere. */
function uniqueName(): string {
  const rare = '翊珩琰昶暄霂岫溆璟煜骞曦炜钰翀禛彧珣琮瑄';
  const pick = () => rare[randomInt(rare.length)]!;
  return `欧阳${pick()}${pick()}${pick()}`;
}

beforeAll(() => {
  root = mkdtempSync(join(REAL_TMP, 'ganbu-containment-'));
  appTmp = join(root, 'tmp');
  configDir = join(root, 'userData');
  storeDir = join(root, '档案库');
  documents = join(root, '我的文档');
  exportsDir = join(root, 'U盘');
  for (const d of [appTmp, documents, exportsDir]) mkdirSync(d, { recursive: true });
  savedTmpEnv = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = appTmp;
  process.env.TMP = appTmp;
  process.env.TEMP = appTmp;
});

afterAll(() => {
  for (const [k, v] of Object.entries(savedTmpEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Session {
  readonly dispatch: Dispatch;
  readonly dialogs: ScriptedDialogs;
  ok<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

function session(host: AppHost, dialogs: ScriptedDialogs): Session {
  const internal: unknown[] = [];
  const dispatch = createDispatcher(host, (e) => internal.push(e));
  return {
    dispatch,
    dialogs,
    async ok(name, input) {
      const r = await dispatch(name, input);
      if (!r.ok)
        throw new Error(`${name} failed: ${r.error.code} ${r.error.message} ${internal.map(String).join('; ')}`);
      return r.value as never;
    },
  };
}

test('the installed app’s data never leaves the store folder', async () => {
  // The process (and so exceljs' tmp, SQLite, anything asking os.tmpdir()) now sees the private temp folder.
  expect(tmpdir()).toBe(appTmp);

  // The user's own files, copied from test/fixtures into their documents folder.
  const inputs = {
    excel: join(documents, '干部名册.xlsx'),
    bateer: join(documents, '巴特尔.lrmx'),
    lixiumei: join(documents, '李秀梅.lrmx'),
    wangLrm: join(documents, '王建国.lrm'),
    photo: join(documents, '证件照.jpg'),
  };
  copyFileSync(fixturePath('excel/roster-valid.xlsx'), inputs.excel);
  copyFileSync(fixturePath('lrmx/巴特尔.lrmx'), inputs.bateer);
  copyFileSync(fixturePath('lrmx/李秀梅.lrmx'), inputs.lixiumei);
  copyFileSync(fixturePath('lrmx/王建国.lrm'), inputs.wangLrm);
  copyFileSync(fixturePath('lrmx/王建国.pic'), join(documents, '王建国.pic'));
  const photo = sampleJpeg();
  writeFileSync(inputs.photo, photo);
  const documentsBefore = hashes(documents);

  const dialogs = new ScriptedDialogs();
  let host = new AppHost({ configDir, defaultStoreDir: storeDir, storeOptions: fast, fileDialogs: dialogs });
  let s = session(host, dialogs);
  const pickOpen = async (purpose: 'excel' | 'lrmx' | 'photo' | 'backup', ...paths: string[]) => {
    dialogs.answerOpen(...paths);
    return s.ok('files.pickOpen', { purpose });
  };
  const pickSave = async (
    purpose: 'rosterExcel' | 'lrmx' | 'template' | 'backup',
    path: string,
    suggestedName: string,
  ) => {
    dialogs.answerSave(path);
    const picked = await s.ok('files.pickSave', { purpose, suggestedName });
    if (!picked) throw new Error('save dialog returned nothing');
    return picked.token;
  };

  // First start: create the store, add a clerk, units.
  expect((await s.ok('app.status', {})).phase).toBe('setup');
  await s.ok('setup.createStore', { dir: storeDir, ...ADMIN });
  const clerkName = uniqueName();
  await s.ok('users.create', {
    username: 'clerk1',
    displayName: clerkName,
    role: 'dossierClerk',
    password: 'Clerk@2025x',
  });
  const units = new Map<string, number>();
  // The units the Excel fixture names, and those the .lrmx samples' posts suggest.
  for (const [i, name] of [
    '县委组织部',
    '县委办公室',
    '县发展和改革局',
    '城关镇人民政府',
    '县农业农村局（县乡村振兴局）',
  ].entries()) {
    units.set(name, (await s.ok('units.save', { name, categoryCode: 'C2', sort: i })).id);
  }
  for (const [i, name] of ['阿尔巴斯苏木', '乌兰镇', '鄂托克旗财政局'].entries()) {
    units.set(name, (await s.ok('units.save', { name, categoryCode: 'C1', sort: i })).id);
  }
  const firstUnit = units.get('阿尔巴斯苏木')!;

  // A cadre typed in by hand, with this session's own name, 身份证号 and family member, and a photo.
  const name = uniqueName();
  const familyName = uniqueName();
  const year = 1970 + randomInt(20);
  const month = String(1 + randomInt(12)).padStart(2, '0');
  const idNumber = makeId(`${year}${month}15`, '男', randomInt(1000), '150624');
  const own = await s.ok('cadres.create', {
    input: cadreInput(firstUnit, {
      name,
      idNumber,
      birthMonth: `${year}-${month}`,
      workStart: `${year + 22}-07`,
      partyJoin: `${year + 24}-06`,
      family: [
        {
          relation: '妻子',
          name: familyName,
          birthMonth: `${year + 1}-04`,
          politicalStatus: '群众',
          workUnitPost: '鄂托克旗第一中学教师',
        },
      ],
    }),
  });
  const [photoFile] = await pickOpen('photo', inputs.photo);
  await s.ok('cadres.setPhoto', { id: own.id, token: photoFile!.token });

  // Excel import.
  const [excelFile] = await pickOpen('excel', inputs.excel);
  const excelPreview = await s.ok('roster.previewExcel', { token: excelFile!.token });
  expect(excelPreview.rows.filter((r) => r.status === 'error')).toEqual([]);
  const excelDone = await s.ok('roster.commitExcel', {
    jobId: excelPreview.jobId,
    excludedRows: [],
    confirmedRows: excelPreview.rows.filter((r) => r.status === 'nameMatch').map((r) => r.rowNumber),
  });
  expect(excelDone.created).toBe(excelPreview.rows.length);

  // 任免审批表 import (.lrmx, and a .lrm with its .pic).
  const lrmxFiles = await pickOpen('lrmx', inputs.bateer, inputs.lixiumei, inputs.wangLrm);
  const lrmxPreview = await s.ok('roster.previewLrmx', { tokens: lrmxFiles.map((f) => f.token) });
  const usable = lrmxPreview.files.filter((f) => f.ok);
  expect(usable.length).toBeGreaterThanOrEqual(2);
  await s.ok('roster.commitLrmx', {
    jobId: lrmxPreview.jobId,
    files: usable.map((f) => ({
      index: f.index,
      unitId: f.suggestedUnitId ?? firstUnit,
      position: f.suggestedPosition,
      confirmMatch: f.status === 'nameMatch',
    })),
  });
  expect((await s.ok('roster.query', { text: name })).map((r) => r.id)).toEqual([own.id]);

  // Exports to the USB stick: the roster, the template, one 任免审批表, and a backup.
  const exported = {
    roster: join(exportsDir, '干部名册导出.xlsx'),
    template: join(exportsDir, '导入模板.xlsx'),
    lrmx: join(exportsDir, `${name}.lrmx`),
    backup: join(exportsDir, '档案库备份.gbak'),
  };
  await s.ok('roster.exportExcel', { token: await pickSave('rosterExcel', exported.roster, '干部名册'), filter: {} });
  await s.ok('roster.saveTemplate', { token: await pickSave('template', exported.template, '干部名册导入模板') });
  await s.ok('cadres.exportLrmx', { id: own.id, token: await pickSave('lrmx', exported.lrmx, name) });
  await s.ok('backup.create', { token: await pickSave('backup', exported.backup, '档案库备份') });
  // The user looks into the backup (unlocking it stages a copy beside the store), then changes their mind.
  const [backupFile] = await pickOpen('backup', exported.backup);
  await s.ok('backup.inspect', { token: backupFile!.token });
  const unlocked = await s.ok('backup.unlock', {
    token: backupFile!.token,
    username: ADMIN.username,
    password: ADMIN.password,
  });
  await s.ok('backup.discard', { jobId: unlocked.jobId });
  expect((await s.ok('audit.verify', {})).intact).toBe(true);

  // Lock, log in again (the clerk, then the administrator), lock, quit; then start the app again and log in.
  await s.ok('session.lock', {});
  await s.ok('session.login', { username: 'clerk1', password: 'Clerk@2025x' });
  await s.ok('me.changePassword', { currentPassword: 'Clerk@2025x', newPassword: 'Clerk#2026x' }); // the forced change
  expect((await s.ok('roster.query', { text: name })).length).toBe(1);
  await s.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
  await s.ok('session.lock', {});
  await host.dispose();
  host = new AppHost({ configDir, defaultStoreDir: storeDir, storeOptions: fast, fileDialogs: dialogs });
  s = session(host, dialogs);
  expect((await s.ok('app.status', {})).phase).toBe('login');
  await s.ok('session.login', { username: ADMIN.username, password: ADMIN.password });
  expect((await s.ok('cadres.get', { id: own.id })).name).toBe(name);
  await s.ok('session.lock', {});
  await host.dispose();
  expect(dialogs.pending).toBe(0);

  // What the session wrote: every name and 身份证号 in the store (read behind the app's back), the photo's bytes.
  const key = await keyFromPassword(storeDir, ADMIN.username, ADMIN.password);
  const stored = withRaw(storeDir, key, (raw) => ({
    names: [
      ...(raw.prepare('SELECT name FROM cadres').pluck().all() as string[]),
      ...(raw.prepare('SELECT name FROM cadre_family').pluck().all() as string[]),
      ...(raw.prepare('SELECT display_name FROM users').pluck().all() as string[]),
    ],
    ids: raw.prepare(`SELECT id_number FROM cadres WHERE id_number <> ''`).pluck().all() as string[],
  }));
  for (const n of ['巴特尔', '李秀梅', name, familyName, clerkName, ADMIN.displayName])
    expect(stored.names).toContain(n);
  expect(stored.ids).toContain(idNumber);
  expect(stored.ids.length).toBeGreaterThanOrEqual(4);
  const secrets = [...new Set([...stored.names.filter((n) => n.length >= 2), ...stored.ids])];
  const needles: { label: string; bytes: Buffer }[] = [
    ...secrets.flatMap((t) => [
      { label: `${t} (UTF-8)`, bytes: Buffer.from(t, 'utf8') },
      { label: `${t} (UTF-16LE)`, bytes: Buffer.from(t, 'utf16le') },
    ]),
    { label: 'photo bytes', bytes: photo.subarray(Math.floor(photo.length / 2), Math.floor(photo.length / 2) + 48) },
  ];
  const ownNeedles = needles.filter((n) => [name, familyName, clerkName, idNumber].some((t) => n.label.startsWith(t)));
  const found = (file: string, list: typeof needles) => {
    const bytes = readFileSync(file);
    return list.filter((n) => bytes.includes(n.bytes)).map((n) => `${file}: ${n.label}`);
  };

  // The temp folder the app saw is empty again.
  expect(walk(appTmp)).toEqual([]);

  // The config folder: config.json only, naming the store folder and the last user, nothing personal.
  expect(walk(configDir)).toEqual(['config.json']);
  const configText = readFileSync(join(configDir, 'config.json'), 'utf8');
  expect(JSON.parse(configText)).toEqual({ storeDir, lastUsername: ADMIN.username });
  expect(configText.replace(storeDir.replace(/\\/g, '\\\\'), '')).not.toMatch(/[\u3400-\u9fff]|\d{15}/u);

  // The store folder: the database (and its WAL), the key slots, the audit-signing keys, today’s automatic backup; nothing else.
  const storeFiles = walk(storeDir);
  const expected = [
    /^store\.db$/,
    /^store\.db-wal$/,
    /^store\.db-shm$/,
    /^keyslots\.json$/,
    /^audit-keys\.json$/,
    /^自动备份[/\\]自动备份-\d{8}-\d{6}\.gbak$/,
  ];
  expect(
    storeFiles.filter((f) => !expected.some((re) => re.test(f))),
    `store folder holds: ${storeFiles.join(', ')}`,
  ).toEqual([]);
  expect(storeFiles).toContain('store.db');
  expect(storeFiles).toContain('keyslots.json');

  // Exports exist exactly where the dialogs pointed (no scratch or partial files beside them); inputs untouched.
  expect(walk(exportsDir).sort()).toEqual(
    Object.values(exported)
      .map((p) => relative(exportsDir, p))
      .sort(),
  );
  expect(hashes(documents)).toEqual(documentsBefore);
  expect(found(exported.lrmx, ownNeedles).length).toBeGreaterThan(0); // the needles do find what is there

  // No plaintext anywhere the app keeps things: store folder (with its backups), config, temp; nor in the backup.
  const leaks = [
    ...storeFiles.flatMap((f) => found(join(storeDir, f), needles)),
    ...walk(configDir).flatMap((f) => found(join(configDir, f), needles)),
    ...walk(appTmp).flatMap((f) => found(join(appTmp, f), needles)),
    ...found(exported.backup, needles),
  ];
  expect(leaks).toEqual([]);

  // The real temp folder: files changed since the test began (other test files write there too) hold none of this
  // session's own names or 身份证号.
  const realTmpLeaks: string[] = [];
  const scanReal = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (p === root) continue;
      try {
        const st = statSync(p);
        if (st.isDirectory()) scanReal(p);
        else if (st.isFile() && st.mtimeMs >= START - 1000 && st.size < 50_000_000)
          realTmpLeaks.push(...found(p, ownNeedles));
      } catch {
        // vanished or unreadable (another process's file)
      }
    }
  };
  scanReal(REAL_TMP);
  expect(realTmpLeaks).toEqual([]);
  console.log(
    `containment: store folder ${storeFiles.join(', ')}; exports ${walk(exportsDir).join(', ')}; ${secrets.length} ` +
      `names/身份证号 and the photo ` +
      `looked for in ${storeFiles.length + walk(configDir).length + 1} files`,
  );
});
