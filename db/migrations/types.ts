// The shape of one schema migration: raw DDL on the connection, run inside one transaction by the runner.
import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
