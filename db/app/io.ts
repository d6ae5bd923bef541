// Files the user picked in a native dialog, handed to the window as opaque tokens so it never names a path itself.
import { randomUUID } from 'node:crypto';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fail } from '../../shared/ipc/errors';
import type { PickedFile } from '../../shared/roster/views';
import { joinPdfs } from '../print/pdf';

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** The platform's dialogs (Electron's in the app, a scripted stand-in in tests). */
export interface FileDialogs {
  pickOpen(opts: {
    title: string;
    filters: readonly FileFilter[];
    multiple: boolean;
    folder: boolean;
  }): Promise<string[]>;
  pickSave(opts: { title: string; defaultName: string; filters: readonly FileFilter[] }): Promise<string | null>;
}

export type { OpenPurpose, SavePurpose } from '../../shared/ipc/save-purpose';
import type { OpenPurpose, SavePurpose } from '../../shared/ipc/save-purpose';

const OPEN: Record<OpenPurpose, { title: string; filters: FileFilter[]; multiple: boolean; folder: boolean }> = {
  excel: {
    title: '选择要导入的干部名册（Excel）',
    filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    multiple: false,
    folder: false,
  },
  lrmx: {
    title: '选择任免审批表文件',
    filters: [{ name: '任免审批表', extensions: ['lrmx', 'lrm'] }],
    multiple: true,
    folder: false,
  },
  lrmxFolder: { title: '选择存放任免审批表的文件夹', filters: [], multiple: false, folder: true },
  photo: {
    title: '选择照片',
    filters: [{ name: '图片', extensions: ['jpg', 'jpeg', 'png'] }],
    multiple: false,
    folder: false,
  },
  backup: {
    title: '选择要恢复的备份文件',
    filters: [{ name: '档案库备份', extensions: ['gbak'] }],
    multiple: false,
    folder: false,
  },
  attachment: {
    title: '选择材料附件（图片、PDF 或 Word）',
    filters: [
      { name: '图片、PDF、Word', extensions: ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'pdf', 'doc', 'docx'] },
    ],
    multiple: true,
    folder: false,
  },
  ballotExcel: {
    title: '选择填写好的测评票（Excel）',
    filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    multiple: false,
    folder: false,
  },
  intakeFolder: { title: '选择存放填报表的文件夹', filters: [], multiple: false, folder: true },
  intakePackage: {
    title: '选择单位报回的填报表（Excel 或 zip 压缩包）',
    filters: [{ name: '填报表（.xlsx、.zip）', extensions: ['xlsx', 'zip'] }],
    multiple: false,
    folder: false,
  },
  terminalPackage: {
    title: '选择评议终端包',
    filters: [{ name: '评议终端包', extensions: ['gpkg'] }],
    multiple: false,
    folder: false,
  },
  terminalReturn: {
    title: '选择评议终端回收文件',
    filters: [{ name: '评议终端回收文件', extensions: ['gret'] }],
    multiple: false,
    folder: false,
  },
};

const SAVE: Record<SavePurpose, { title: string; filters: FileFilter[] }> = {
  template: { title: '保存干部名册导入模板', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  rosterExcel: { title: '导出干部名册', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  lrmx: { title: '导出任免审批表', filters: [{ name: '任免审批表', extensions: ['lrmx'] }] },
  backup: { title: '备份档案库到…', filters: [{ name: '档案库备份', extensions: ['gbak'] }] },
  quarterGaps: { title: '导出季度缺项名单', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  ballotTemplate: { title: '保存测评票模板', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  rankingsExcel: { title: '导出排名', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  ballotSummary: { title: '导出测评汇总', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  dossierDocx: { title: '导出干部政治素质档案（Word 版）', filters: [{ name: 'Word 文档', extensions: ['docx'] }] },
  printPdf: { title: '保存打印文件（PDF）', filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] },
  printRegister: { title: '导出打印登记', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  codeSlips: { title: '保存评议码条（PDF）', filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] },
  intakeReturned: { title: '导出退回清单', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  terminalPackage: { title: '保存评议终端包', filters: [{ name: '评议终端包', extensions: ['gpkg'] }] },
  terminalReturn: { title: '保存评议终端回收文件', filters: [{ name: '评议终端回收文件', extensions: ['gret'] }] },
  terminalHandover: { title: '保存评议终端包交接单（PDF）', filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] },
};

/** Renders a print route of the app (e.g. `print/<jobId>`) to PDF bytes: Electron's printToPDF in the app. */
/**
 * How a long print is followed: the printer forwards the print view's progress (which may throw CANCELLED once the
 * user asked to stop; the printer then closes its window and rethrows).
 */
export interface PrintControl {
  readonly onProgress: (done: number, total: number) => void;
}

/** A print route to PDF: one file per part the printer printed (a long document comes in parts), in order. */
export type PdfPrinter = (route: string, control?: PrintControl) => Promise<readonly Uint8Array[]>;

const MAX_FOLDER_FILES = 5000;

/** .lrmx/.lrm files in a folder and its sub-folders (a county's files are often sorted into unit folders). */
function lrmxFilesIn(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    // lstat: a link to a folder (perhaps to its own parent) is not followed; a linked file is listed and refused when read.
    const st = lstatSync(path);
    if (st.isDirectory()) lrmxFilesIn(path, out);
    else if (/\.(lrmx|lrm)$/i.test(name)) out.push(path);
    if (out.length > MAX_FOLDER_FILES)
      fail('VALIDATION', `文件夹中的任免审批表超过 ${MAX_FOLDER_FILES} 个，请分批导入`);
  }
  return out;
}

export class HostIO {
  private readonly opened = new Map<string, string>();
  private readonly saves = new Map<string, string>();

  constructor(
    private readonly dialogs: FileDialogs | undefined,
    private readonly printer?: PdfPrinter,
  ) {}

  async printPdf(route: string, control?: PrintControl): Promise<Buffer> {
    const print = this.printer ?? fail('UNSUPPORTED', '此环境不能生成 PDF 文件');
    const parts = await print(route, control);
    return Buffer.from(parts.length === 1 ? parts[0]! : await joinPdfs(parts));
  }

  private requireDialogs(): FileDialogs {
    return this.dialogs ?? fail('UNSUPPORTED', '此环境不能打开文件选择窗口');
  }

  async pickOpen(purpose: OpenPurpose): Promise<PickedFile[]> {
    const spec = OPEN[purpose];
    let paths = await this.requireDialogs().pickOpen(spec);
    if (purpose === 'lrmxFolder' && paths.length > 0) {
      paths = paths.flatMap((dir) => lrmxFilesIn(dir));
      if (paths.length === 0) fail('VALIDATION', '所选文件夹中没有任免审批表文件（.lrmx 或 .lrm）', 'folder');
    }
    return paths.map((path) => {
      const token = randomUUID();
      this.opened.set(token, path);
      return { token, name: basename(path), size: statSync(path).size };
    });
  }

  async pickSave(purpose: SavePurpose, suggestedName: string): Promise<{ token: string; name: string } | null> {
    const spec = SAVE[purpose];
    const ext = spec.filters[0]!.extensions[0]!;
    const safeName = suggestedName.replace(/[\\/:*?"<>|]/g, '_');
    let path = await this.requireDialogs().pickSave({ ...spec, defaultName: `${safeName}.${ext}` });
    if (!path) return null;
    if (extname(path).toLowerCase() !== `.${ext}`) path = `${path}.${ext}`;
    const token = randomUUID();
    this.saves.set(token, path);
    return { token, name: basename(path) };
  }

  openedPath(token: string): string {
    return this.opened.get(token) ?? fail('VALIDATION', '所选文件已失效，请重新选择', 'token');
  }

  savePath(token: string): string {
    return this.saves.get(token) ?? fail('VALIDATION', '保存位置已失效，请重新选择', 'token');
  }

  /** Forgets every picked path (on lock): a new session must pick again. */
  clear(): void {
    this.opened.clear();
    this.saves.clear();
  }
}
