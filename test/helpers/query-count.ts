// Counts the SELECTs a piece of store code runs per table, through a Kysely plugin on the real connection.
import type { KyselyPlugin } from 'kysely';

export interface SelectCounter {
  readonly plugin: KyselyPlugin;
  /** SELECTs whose FROM names this table. */
  reads(table: string): number;
}

export function countSelects(): SelectCounter {
  const seen: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (node.kind === 'SelectQueryNode') seen.push(JSON.stringify(node.from ?? {}));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { plugin, reads: (table) => seen.filter((from) => from.includes(`"${table}"`)).length };
}
