// Fails the e2e test during which a page of the app threw or left a promise rejected without a handler (an unhandled
// rejection in the window is a bug even when the screen looks right: a later step may depend on what it skipped).
import { afterEach, expect } from 'vitest';
import { takePageErrors } from './browser';

afterEach(() => {
  expect(takePageErrors(), 'uncaught errors in the app window during this test').toEqual([]);
});
