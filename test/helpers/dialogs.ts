// A scripted stand-in for the host's native open/save dialogs: each test queues the answers the "user" gives.
import type { FileDialogs, FileFilter } from '../../db/app/io';

export interface DialogRequest {
  readonly kind: 'open' | 'save';
  readonly title: string;
  readonly filters: readonly FileFilter[];
  readonly defaultName?: string;
  readonly multiple?: boolean;
  readonly folder?: boolean;
}

export class ScriptedDialogs implements FileDialogs {
  private readonly opens: string[][] = [];
  private readonly saves: (string | null)[] = [];
  /** Every dialog the host opened, in order (titles, filters, suggested names). */
  readonly requests: DialogRequest[] = [];

  /** The next open dialog returns these paths (none = the user cancelled). */
  answerOpen(...paths: string[]): this {
    this.opens.push(paths);
    return this;
  }

  /** The next save dialog returns this path (null = the user cancelled). */
  answerSave(path: string | null): this {
    this.saves.push(path);
    return this;
  }

  /** Answers queued but not yet asked for. */
  get pending(): number {
    return this.opens.length + this.saves.length;
  }

  async pickOpen(opts: {
    title: string;
    filters: readonly FileFilter[];
    multiple: boolean;
    folder: boolean;
  }): Promise<string[]> {
    this.requests.push({
      kind: 'open',
      title: opts.title,
      filters: opts.filters,
      multiple: opts.multiple,
      folder: opts.folder,
    });
    const next = this.opens.shift();
    if (!next) throw new Error(`no scripted answer for the open dialog “${opts.title}”`);
    return next;
  }

  async pickSave(opts: { title: string; defaultName: string; filters: readonly FileFilter[] }): Promise<string | null> {
    this.requests.push({ kind: 'save', title: opts.title, filters: opts.filters, defaultName: opts.defaultName });
    if (this.saves.length === 0) throw new Error(`no scripted answer for the save dialog “${opts.title}”`);
    return this.saves.shift()!;
  }
}
