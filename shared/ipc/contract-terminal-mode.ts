// The 评议终端 laptop's own calls (issue 18): open a 测评包 before any login, vote with codes, 结束评议. While a
// terminal store exists on the laptop these are the only calls the window may make (besides app.status).
import { z } from 'zod';
import type { KioskBallotForm } from '../assessment/panel';
import type { PickedFile } from '../roster/views';
import { call } from './call';
import { kioskBallotSchema } from './contract-panel';
import * as f from './fields';
import type { TerminalFinished, TerminalModeView } from './types';

const packagePassword = z
  .string({ error: '请填写评议终端包密码' })
  .trim()
  .min(1, '请填写评议终端包密码')
  .max(64, '评议终端包密码不正确，请核对交接单上的密码（16 位，不区分大小写）');
const code = z
  .string({ error: '请输入评议码' })
  .trim()
  .min(1, '请输入评议码')
  .max(40, '评议码不正确，请核对后重新输入');

export const terminalModeCalls = {
  /** The open dialog for the .gpkg file (no session exists on a terminal laptop). */
  'terminal.pickPackage': call<readonly PickedFile[]>()({
    input: f.none,
    access: 'public',
    mutates: false,
    terminal: 'only',
  }),
  /** Opens the picked 测评包 with its password into a new terminal store; the window becomes the kiosk. */
  'terminal.open': call<TerminalModeView>()({
    input: z.strictObject({ token: f.fileToken, password: packagePassword }),
    access: 'public',
    mutates: false,
    terminal: 'only',
  }),
  /** Reopens a terminal store left open when the app was closed, with the package password. */
  'terminal.resume': call<TerminalModeView>()({
    input: z.strictObject({ password: packagePassword }),
    access: 'public',
    mutates: false,
    terminal: 'only',
  }),
  'terminal.form': call<KioskBallotForm>()({
    input: z.strictObject({ code }),
    access: 'public',
    mutates: false,
    terminal: 'only',
  }),
  'terminal.submit': call<{ groupName: string }>()({
    input: z.strictObject({ code, ballot: kioskBallotSchema }),
    access: 'public',
    mutates: false,
    terminal: 'only',
  }),
  /** 结束评议: the package password, then where to save the ballot return; the terminal store is wiped after. */
  'terminal.finish': call<TerminalFinished | null>()({
    input: z.strictObject({ password: packagePassword }),
    access: 'public',
    mutates: false,
    terminal: 'only',
  }),
  /** The window's close button on a terminal: the package password closes the app, the terminal store kept. */
  'terminal.close': call<null>()({
    input: z.strictObject({ password: packagePassword }),
    access: 'public',
    mutates: false,
    terminal: 'only',
  }),
} as const;
