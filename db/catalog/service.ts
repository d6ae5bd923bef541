// The catalog calls of the contract.
import type { Handlers } from '../app/context';
import { readCatalogs } from './read';

export const catalogHandlers: Handlers<'catalog.get'> = {
  'catalog.get': ({ db }) => readCatalogs(db),
};
