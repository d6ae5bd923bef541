// The child of the re-keying crash test: opens the store and re-keys it again and again, printing each step it
// reaches; killed by the parent at a random moment, or by itself at a named step (argv[4]).
import { openStore } from '../../db/store/lifecycle';
import { rekeyStore, type RekeyPoint } from '../../db/store/rekey';

const [, , storeDir, password, stopAt] = process.argv;

async function main(): Promise<void> {
  const store = await openStore(
    storeDir!,
    { username: 'admin', password: password! },
    { kdfCost: { N: 2 ** 10, r: 8, p: 1 } },
  );
  process.stdout.write('ready\n');
  for (let round = 1; ; round += 1) {
    await rekeyStore(store, undefined, (p: RekeyPoint) => {
      process.stdout.write(`${round} ${p}\n`);
      if (p === stopAt) process.kill(process.pid, 'SIGKILL');
    });
    // A write between re-keyings, so the WAL holds something when the next one starts.
    await store.change('settings.update', async (db, rec) => {
      await db
        .insertInto('settings')
        .values({ key: `rekeyRound${round}`, value: String(round) })
        .onConflict((oc) => oc.doNothing())
        .execute();
      rec.record('rekey-crash');
    });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${String((e as Error)?.stack ?? e)}\n`);
  process.exit(2);
});
