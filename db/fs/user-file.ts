// Reading a file the user picked (an import, an attachment, a photo, a backup): only a regular file, never a link
// or a device, and never more bytes than the caller's limit. A path linked to /dev/zero or a FIFO would otherwise
// fill memory or block the app for good.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { fail } from '../../shared/ipc/errors';

export interface UserFileLimits {
  /** Refused above this many bytes, counted as they are read (a file may grow after it was checked). */
  readonly maxBytes: number;
  /** The Chinese refusal for a file over the limit, given its size in bytes. */
  readonly tooLarge: (bytes: number) => string;
  /** The input field a refusal names (as the calls' other errors do). */
  readonly field?: string;
}

const notRegular = (path: string) =>
  `所选文件“${basename(path)}”不是普通文件（是快捷链接、设备或文件夹），已拒绝读取，请选择文件本身`;

// O_NOFOLLOW: a link put in place after the check is not followed; O_NONBLOCK: opening a FIFO does not wait.
// Neither exists on Windows, where the lstat check alone applies.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The file's lstat when it is a regular file (not a link, device, FIFO or folder); a Chinese refusal otherwise. */
export function regularFileStats(path: string, field?: string): Stats {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return fail('VALIDATION', `找不到所选文件“${basename(path)}”，它可能已被移动或删除，请重新选择`, field);
  }
  if (!st.isFile()) fail('VALIDATION', notRegular(path), field);
  return st;
}

/** Opens a checked regular file for reading (see regularFileStats); the caller closes the descriptor. */
export function openRegularFile(path: string, field?: string): number {
  regularFileStats(path, field);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return fail('VALIDATION', notRegular(path), field);
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    fail('VALIDATION', notRegular(path), field);
  }
  return fd;
}

/** The whole file, read with a bounded size; refusals are Chinese sentences naming the file. */
export function readUserFile(path: string, limits: UserFileLimits): Buffer {
  const st = regularFileStats(path, limits.field);
  if (st.size > limits.maxBytes) fail('VALIDATION', limits.tooLarge(st.size), limits.field);
  const fd = openRegularFile(path, limits.field);
  try {
    // One byte more than the size checked tells a file that grew since the check (or a device posing as a file).
    const buf = Buffer.alloc(st.size + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > limits.maxBytes) return fail('VALIDATION', limits.tooLarge(got), limits.field);
        return fail('VALIDATION', `所选文件“${basename(path)}”在读取时发生了变化，请稍后重新选择`, limits.field);
      }
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
