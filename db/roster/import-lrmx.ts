// 任免审批表 import (.lrmx, and .lrm with its .pic) with a per-file preview, and the .lrmx export of one cadre.
import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ApiError, fail } from '../../shared/ipc/errors';
import { cadreInputSchema } from '../../shared/roster/schema';
import type { LrmxPreviewFile } from '../../shared/roster/views';
import { maskIdNumber } from '../../shared/roster/idcard';
import type { CadreInput } from '../../shared/roster/types';
import type { Handlers } from '../app/context';
import { writeFileAtomic } from '../fs/atomic';
import { readUserFile } from '../fs/user-file';
import { readLrmx, LRMX_MAX_BYTES } from './lrmx/read';
import { readLrm } from './lrmx/read-lrm';
import { writeLrmx } from './lrmx/write';
import {
  cadreToPerson,
  matterOfPerson,
  personToCadre,
  suggestPosition,
  suggestUnit,
  type LrmxCadreFields,
} from './lrmx/map';
import { existingView, loadStoredCadres } from './existing';
import { personMatcher, type PersonMatch } from './match-people';
import { insertMatter, latestMatters } from '../renmian';
import { writeImport, type ImportedMatter } from './import-write';
import { ImportWrites, planUpdates, plannedWrite, type UpdatePlan } from './import-plan';
import { absentProfileFields } from './lrmx/absent';
import { jobOutcome } from './job-outcome';
import { yieldToEventLoop } from '../app/jobs';
import { MAX_PHOTO_BYTES, readCadre } from './write';

interface LrmxJobFile {
  readonly fileName: string;
  readonly fields: LrmxCadreFields | null;
  readonly photo: Buffer | null;
  readonly match: PersonMatch;
  /** Profile fields the file says nothing about: an update keeps them as stored. */
  readonly absent: ReadonlySet<keyof CadreInput>;
  /** For a file that matched a stored cadre: what it would change, as the preview showed it. */
  plan: UpdatePlan | null;
  /** The 任免事项 the file carries (拟任/拟免职务 …), or null. */
  readonly matter: ImportedMatter | null;
}

const tooLarge = () => '文件过大（上限 20 MB），不是任免审批表文件';

/** A picked file's bytes (and a .lrm's .pic), or why they could not be read. */
type PickedBytes =
  | { readonly ok: true; readonly lrm: boolean; readonly bytes: Buffer; readonly pic: Buffer | null }
  | { readonly ok: false; readonly error: string };

/** Reads one picked file (and a .lrm's .pic), each checked to be a regular file and read with a bounded size. */
function readPicked(path: string): PickedBytes {
  try {
    const bytes = readUserFile(path, { maxBytes: LRMX_MAX_BYTES, tooLarge });
    if (extname(path).toLowerCase() !== '.lrm') return { ok: true, lrm: false, bytes, pic: null };
    // A .lrm keeps its photo in a .pic file of the same name beside it.
    const pic = path.replace(/\.lrm$/i, '.pic');
    const hasPic = (() => {
      try {
        lstatSync(pic);
        return true;
      } catch {
        return false;
      }
    })();
    const picBytes = hasPic
      ? readUserFile(pic, {
          maxBytes: LRMX_MAX_BYTES,
          tooLarge: () => `照片文件“${basename(pic)}”过大（上限 20 MB），已拒绝读取`,
        })
      : null;
    return { ok: true, lrm: true, bytes, pic: picBytes };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Identical files (a batch of copies) are read once: the key of a file's content, photo included. */
function contentKey(p: Extract<PickedBytes, { ok: true }>): string {
  const h = createHash('sha256')
    .update(p.lrm ? 'lrm\u0000' : 'lrmx\u0000')
    .update(p.bytes);
  if (p.pic) h.update('\u0000pic\u0000').update(p.pic);
  return h.digest('hex');
}

/*
 * Two files of one batch are the same person when they carry the same 身份证号, or the same 姓名 and 出生年月 while
 * at least one of them has no 身份证号 (two different numbers are two namesakes).
 */
const SAME_ID = '身份证号相同，是同一人';
const SAME_NAME = '同名且出生年月相同（至少一个没有身份证号），可能是同一人';
const personKey = (f: LrmxCadreFields) => `${f.name}\u0000${f.birthMonth}`;

/** Files named in one issue; the rest are counted, so a batch of thousands of copies stays linear. */
const NAMED_OTHERS = 3;

interface SameGroup {
  readonly all: number[];
  /** Members without a 身份证号. */
  readonly noId: number[];
}

/**
 * For each file, the others of the batch that are the same person, by reason: the first few by index and how many
 * there are. Linear in the batch: files are grouped by 身份证号 and by 姓名 + 出生年月, never compared pairwise.
 */
function samePersonIssues(
  files: readonly (LrmxCadreFields | null)[],
): Map<number, { why: string; others: number[]; count: number }[]> {
  const byPerson = new Map<string, SameGroup>();
  const byId = new Map<string, number[]>();
  files.forEach((f, i) => {
    if (!f) return;
    const key = personKey(f);
    const g = byPerson.get(key) ?? { all: [], noId: [] };
    byPerson.set(key, g);
    g.all.push(i);
    if (f.idNumber) {
      const ids = byId.get(f.idNumber) ?? [];
      byId.set(f.idNumber, ids);
      ids.push(i);
    } else g.noId.push(i);
  });
  const firstOthers = (list: readonly number[], self: number) => {
    const out: number[] = [];
    for (const j of list) {
      if (j !== self) out.push(j);
      if (out.length === NAMED_OTHERS) break;
    }
    return out;
  };
  const result = new Map<number, { why: string; others: number[]; count: number }[]>();
  files.forEach((f, i) => {
    if (!f) return;
    const found: { why: string; others: number[]; count: number }[] = [];
    if (f.idNumber) {
      const ids = byId.get(f.idNumber)!;
      if (ids.length > 1) found.push({ why: SAME_ID, others: firstOthers(ids, i), count: ids.length - 1 });
    }
    // With a 身份证号, only namesakes without one may be the same person; without one, every namesake may be.
    const g = byPerson.get(personKey(f))!;
    const candidates = f.idNumber ? g.noId : g.all;
    const count = candidates.length - (f.idNumber ? 0 : 1);
    if (count > 0) found.push({ why: SAME_NAME, others: firstOthers(candidates, i), count });
    if (found.length > 0) result.set(i, found);
  });
  return result;
}

/** Spots a file that is the same person as one already chosen for the commit, in constant time per file. */
class ChosenPeople {
  private readonly byId = new Map<string, string>();
  private readonly byPerson = new Map<string, string>();
  private readonly byPersonNoId = new Map<string, string>();

  /** The chosen file this one repeats and why, or null. */
  clash(fields: LrmxCadreFields): { fileName: string; why: string } | null {
    const idFile = fields.idNumber ? this.byId.get(fields.idNumber) : undefined;
    if (idFile) return { fileName: idFile, why: SAME_ID };
    const key = personKey(fields);
    const nameFile = fields.idNumber ? this.byPersonNoId.get(key) : this.byPerson.get(key);
    return nameFile ? { fileName: nameFile, why: SAME_NAME } : null;
  }

  add(fileName: string, fields: LrmxCadreFields): void {
    const key = personKey(fields);
    if (fields.idNumber && !this.byId.has(fields.idNumber)) this.byId.set(fields.idNumber, fileName);
    if (!this.byPerson.has(key)) this.byPerson.set(key, fileName);
    if (!fields.idNumber && !this.byPersonNoId.has(key)) this.byPersonNoId.set(key, fileName);
  }
}

type LrmxCalls = 'roster.previewLrmx' | 'roster.commitLrmx' | 'cadres.exportLrmx';

export const lrmxHandlers: Handlers<LrmxCalls> = {
  async 'roster.previewLrmx'({ db, io, jobs }, { tokens }) {
    const today = new Date();
    const units = await db.selectFrom('units').select(['id', 'name']).execute();
    const stored = await loadStoredCadres(db);
    const match = personMatcher([...stored.values()]);
    const jobFiles: LrmxJobFile[] = [];
    const files: LrmxPreviewFile[] = [];
    type Shown = Omit<LrmxPreviewFile, 'index' | 'fileName'>;
    type Kept = Omit<LrmxJobFile, 'fileName' | 'plan'>;
    const unreadable = (error: string): { shown: Shown; kept: Kept } => ({
      kept: { fields: null, photo: null, match: { kind: 'new' }, absent: new Set(), matter: null },
      shown: {
        ok: false,
        error,
        name: '',
        idNumber: '',
        birthMonth: '',
        currentPost: '',
        issues: [],
        status: 'error',
        existing: null,
        suggestedUnitId: null,
        suggestedPosition: 'deputy',
        hasPhoto: false,
        changes: [],
        stored: null,
      },
    });
    const analyse = (picked: Extract<PickedBytes, { ok: true }>): { shown: Shown; kept: Kept } => {
      const read = picked.lrm ? readLrm(picked.bytes, picked.pic) : readLrmx(picked.bytes);
      if (!read.ok) return unreadable(read.error);
      const mapped = personToCadre(read.person, { today });
      const f = mapped.fields;
      // A photo the store would refuse must not fail the whole batch at commit: the file comes without it.
      const oversized = mapped.photo !== null && mapped.photo.length > MAX_PHOTO_BYTES;
      const photo = oversized ? null : mapped.photo;
      const m = match(f);
      const usable = Boolean(f.name && f.birthMonth && f.currentPost);
      const absent = absentProfileFields(read.person, read.absent, f);
      return {
        kept: { fields: usable ? f : null, photo, match: m, absent, matter: matterOfPerson(read.person, { today }) },
        shown: {
          ok: usable,
          error: usable ? null : '缺少姓名、出生年月或现任职务，无法导入',
          name: f.name,
          idNumber: maskIdNumber(f.idNumber),
          birthMonth: f.birthMonth,
          currentPost: f.currentPost,
          issues: [...read.warnings, ...mapped.issues, ...(oversized ? ['照片超过 2 MB，未导入照片'] : [])],
          status: usable ? m.kind : 'error',
          existing: m.kind === 'new' ? null : existingView(stored.get(m.cadreId)),
          suggestedUnitId: suggestUnit(f.currentPost, units),
          suggestedPosition: suggestPosition(f.currentPost),
          hasPhoto: photo !== null,
          changes: [],
          stored: null,
        },
      };
    };
    // Copies of one file are parsed and matched once (a batch of 3,200 copies would otherwise take seconds).
    const byContent = new Map<string, { shown: Shown; kept: Kept }>();
    const previewOne = (token: string, index: number): LrmxPreviewFile => {
      const path = io.openedPath(token);
      const fileName = basename(path);
      const picked = readPicked(path);
      let result: { shown: Shown; kept: Kept };
      if (!picked.ok) result = unreadable(picked.error);
      else {
        const key = contentKey(picked);
        result = byContent.get(key) ?? analyse(picked);
        byContent.set(key, result);
      }
      jobFiles.push({ fileName, ...result.kept, plan: null });
      return { index, fileName, ...result.shown, issues: [...result.shown.issues] };
    };
    for (const [index, token] of tokens.entries()) {
      files.push(previewOne(token, index));
      // Thousands of files take seconds: let the window's other calls through now and then.
      if (index % 50 === 49) await yieldToEventLoop();
    }
    // What each file would change on the cadre it matched. 单位 and 正职/副职 are chosen in the preview, starting
    // from the stored ones, so the plan leaves them as stored.
    const updating = jobFiles.flatMap((f, i) =>
      f.fields && f.match.kind !== 'new' ? [{ i, f, cadreId: f.match.cadreId }] : [],
    );
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const plans = await planUpdates(
      db,
      updating.map(({ f, cadreId }) => ({
        cadreId,
        incoming: { ...f.fields!, unitId: 0, position: 'deputy', status: '在职' },
        absent: new Set([...f.absent, 'unitId', 'position']),
        photo: f.photo,
      })),
      unitName,
    );
    updating.forEach(({ i, f }, n) => {
      const plan = plans[n]!;
      f.plan = plan;
      const position = plan.stored.position;
      files[i] = {
        ...files[i]!,
        changes: plan.changes,
        stored: { unitId: plan.stored.unitId, unitName: plan.unitName, position },
      };
    });
    // The same person in several files (a copy, an older and a newer form): only one of them can be imported.
    for (const [i, found] of samePersonIssues(jobFiles.map((f) => f.fields))) {
      const issues = found.map(({ why, others, count }) => {
        const names = others.map((j) => `“${jobFiles[j]!.fileName}”`).join('、');
        const more = count > others.length ? `等 ${count} 个文件` : '';
        return `与${names}${more}${why}，只能导入其中一个文件`;
      });
      files[i] = { ...files[i]!, issues: [...files[i]!.issues, ...issues] };
    }
    return { jobId: jobs.create('lrmx', jobFiles), files };
  },

  async 'roster.commitLrmx'({ db, rec, jobs, store }, { jobId, files }) {
    const jobFiles = jobs.payload<readonly LrmxJobFile[]>(jobId, 'lrmx');
    if (files.length === 0) fail('VALIDATION', '没有选择要导入的文件', 'files');
    const chosen = new ChosenPeople();
    const writes = new ImportWrites();
    const unitNames = new Map(
      (await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
    );
    for (const choice of files) {
      const file = jobFiles[choice.index];
      if (!file?.fields) fail('VALIDATION', `文件“${file?.fileName ?? choice.index}”无法读取，不能导入`, 'files');
      const { fileName, fields, match } = file as LrmxJobFile & { fields: LrmxCadreFields };
      if (match.kind === 'nameMatch' && !choice.confirmMatch) {
        fail('VALIDATION', `“${fileName}”与已有干部同名且出生年月相同，请确认是否为同一人，或不导入该文件`, 'files');
      }
      const clash = chosen.clash(fields);
      if (clash) fail('VALIDATION', `“${clash.fileName}”和“${fileName}”${clash.why}，请只导入其中一个文件`, 'files');
      chosen.add(fileName, fields);
      const valid = (candidate: CadreInput): CadreInput => {
        const parsed = cadreInputSchema.safeParse(candidate);
        if (!parsed.success)
          fail('VALIDATION', `“${fileName}”：${parsed.error.issues[0]?.message ?? '内容不正确'}`, 'files');
        return parsed.data!;
      };
      const plan = file!.plan;
      if (!plan)
        writes.create(
          valid({ ...fields, unitId: choice.unitId, position: choice.position, status: '在职' }),
          file!.photo,
          file!.matter,
        );
      else
        writes.update(
          plan,
          plannedWrite(plan, new Set(choice.keep), { unitId: choice.unitId, position: choice.position }, unitNames),
          valid,
          file!.matter,
        );
    }
    const by = store.user.displayName;
    const summary = await jobOutcome(jobs, jobId, async () => {
      const written = await writeImport(db, jobs, jobId, writes.items, by);
      const at = new Date().toISOString();
      for (const { cadreId, matter } of writes.unchangedMatters)
        await insertMatter(db, { ...matter, cadreId }, { displayName: by, at, skipSame: true });
      return written;
    });
    const names = files.map((c) => jobFiles[c.index]!.fileName);
    const { unchanged, changed } = writes;
    rec.record(`${names.length} 个任免审批表文件`, { ...summary, unchanged, files: names, changed });
    return { ...summary, skipped: jobFiles.length - files.length, unchanged };
  },

  async 'cadres.exportLrmx'({ db, rec, io }, { id, token }) {
    const path = io.savePath(token);
    const profile = await readCadre(db, id, { showIdNumber: true });
    const photo = await db.selectFrom('cadre_photos').select('data').where('cadre_id', '=', id).executeTakeFirst();
    // The latest 任免事项 goes into the file (拟任/拟免职务, 任免理由, 呈报单位, 计算年龄时间), as the editor keeps them.
    const matter = (await latestMatters(db, [id])).get(id) ?? null;
    const person = cadreToPerson(profile, photo ? Buffer.from(photo.data) : null, { today: new Date(), matter });
    writeFileAtomic(path, writeLrmx(person));
    rec.record(`${profile.name}（${profile.unitName}）`, {
      cadreId: id,
      file: basename(path),
      ...(matter ? { matterDate: matter.matterDate } : {}),
    });
    return { fileName: basename(path) };
  },
};
