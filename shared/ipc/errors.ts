// Typed errors that cross the IPC boundary: a code the renderer can branch on and a Chinese message it shows.

export const ERROR_CODES = [
  'VALIDATION', // input failed its schema or a domain rule; `field` names the field
  'FORBIDDEN', // the session's role may not make this call
  'NOT_LOGGED_IN', // no open session (never logged in, or locked)
  'WRONG_PASSWORD',
  'ACCOUNT_DISABLED',
  'THROTTLED', // too many wrong passwords in a row; retry later
  'NOT_A_STORE', // the file is not one of our stores, or is damaged
  'STORE_TOO_NEW', // written by a newer version of the app
  'STORE_EXISTS',
  'NO_STORE',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED', // the user cancelled a long job; nothing was written
  'UNKNOWN_CALL',
  'UNSUPPORTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorData {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly retryAfterSeconds?: number;
}

/** Thrown by services and by the renderer's API wrapper; serialised as ApiErrorData across IPC. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly retryAfterSeconds?: number;
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    if (data.field !== undefined) this.field = data.field;
    if (data.retryAfterSeconds !== undefined) this.retryAfterSeconds = data.retryAfterSeconds;
  }
  toData(): ApiErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export const fail = (code: ErrorCode, message: string, field?: string): never => {
  throw new ApiError(field === undefined ? { code, message } : { code, message, field });
};

/** What one call returns over the wire: never a thrown Error, whose custom fields Electron would drop. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
