// The app's own small settings file in the user's data folder: where the store is, who logged in last.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';

const schema = z.object({
  storeDir: z.string().nullable().catch(null),
  lastUsername: z.string().nullable().catch(null),
});
export type HostConfig = z.infer<typeof schema>;

export class ConfigFile {
  private readonly path: string;
  constructor(readonly dir: string) {
    this.path = join(dir, 'config.json');
  }

  read(): HostConfig {
    try {
      if (existsSync(this.path)) return schema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      // An unreadable config only means the user picks the store folder again; the store itself is untouched.
    }
    return { storeDir: null, lastUsername: null };
  }

  write(config: HostConfig): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.path, `${JSON.stringify(config, null, 2)}\n`);
  }
}
