// Native dialogs stood in by a script: each test queues the paths a user would pick.
import type { FileDialogs } from '../../../db/app/io';

export class ScriptedDialogs implements FileDialogs {
  private readonly opens: string[][] = [];
  private readonly saves: (string | null)[] = [];
  /** Titles of the dialogs that were shown, so a test can assert the right one appeared. */
  readonly shown: string[] = [];

  willOpen(...paths: string[]): this {
    this.opens.push(paths);
    return this;
  }

  willSave(path: string | null): this {
    this.saves.push(path);
    return this;
  }

  async pickOpen(opts: { title: string }): Promise<string[]> {
    this.shown.push(opts.title);
    const next = this.opens.shift();
    if (!next) throw new Error(`no scripted answer for the open dialog “${opts.title}”`);
    return next;
  }

  async pickSave(opts: { title: string }): Promise<string | null> {
    this.shown.push(opts.title);
    if (this.saves.length === 0) throw new Error(`no scripted answer for the save dialog “${opts.title}”`);
    return this.saves.shift()!;
  }
}
