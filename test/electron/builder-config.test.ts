// electron-builder.yml: installers cannot be built here (no Electron download), so the config itself is checked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml and app-builder-lib are not our dependencies: they come with electron-builder. Importing a transitive
// dependency is acceptable in a test only (the app never does), and it saves adding a YAML parser to the project.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (s: string) => string,
    patterns: string[],
  ) => { createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean };
};

const root = resolve(import.meta.dirname, '../..');
type Target = { target: string; arch: string[] };
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  files: string[];
  directories: { output: string; buildResources: string };
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string; files: string[] };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; category: string; maintainer: string; icon: string; files: string[] };
}
const config = yaml.load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string; productName: string };

/** Whether electron-builder's own file matcher (minimatch, dot: true) keeps `path` (relative to the app dir). */
function included(path: string, patterns: readonly string[]): boolean {
  const matcher = new FileMatcher('/app', '/app', (s: string) => s, [...patterns]);
  const filter = matcher.createFilter();
  return filter(`/app/${path}`, { isDirectory: () => false });
}
/**
 * node_modules are copied by a separate matcher: everything of the production dependencies, minus the negative
 * patterns of the root and platform `files` lists (app-builder-lib getNodeModuleFileMatcher).
 */
function moduleFileIncluded(path: string, platformFiles: readonly string[] = []): boolean {
  return included(path, ['**/*', ...[...config.files, ...platformFiles].filter((p) => p.startsWith('!'))]);
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('names the app: appId and the Chinese product name', () => {
    expect(config.appId).toBe('cn.gov.zzb.ganbudangan');
    expect(config.productName).toBe('干部政治素质档案与双比双评考核系统');
    expect(config.productName).toBe(pkg.productName);
    // Windows ties the running app to the installer's shortcuts by this id (app.setAppUserModelId in main.ts).
    expect(readFileSync(resolve(root, 'electron/main.ts'), 'utf8')).toContain(`'${config.appId}'`);
  });

  it('builds NSIS for Windows x64, deb and AppImage for Linux x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<[^@\s>]+@[^>\s]+>/);
    expect(config.directories.output).toBe('dist');
  });

  it('lets the user choose per-user or per-machine install, in Chinese', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      language: '2052',
      installerLanguages: ['zh_CN'],
      createDesktopShortcut: true,
    });
    expect(String(config.nsis['shortcutName'])).toMatch(/[\u4e00-\u9fff]/);
  });

  it('packs into an asar, unpacking only native binaries, without rebuilding them', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspect, asar integrity, only load from asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages only the built app and package.json: no sources, tests, scripts or configs', () => {
    const files = config.files;
    for (const kept of [
      'package.json',
      'out/main/main.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
    ]) {
      expect(included(kept, files), kept).toBe(true);
    }
    for (const dropped of [
      'electron/main.ts',
      'renderer/App.tsx',
      'renderer/index.html',
      'db/app/host.ts',
      'shared/ipc/contract.ts',
      'test/electron/main.test.ts',
      'scripts/electronegativity.mjs',
      'tsconfig.json',
      'electron.vite.config.ts',
      'vitest.config.ts',
      'electron-builder.yml',
      'out/main/main.js.map',
    ]) {
      expect(included(dropped, files), dropped).toBe(false);
    }
    expect(included(pkg.main, files)).toBe(true);
  });

  it('keeps the cipher module’s runtime files but not its C sources', () => {
    const mod = 'node_modules/better-sqlite3-multiple-ciphers';
    for (const kept of [
      `${mod}/package.json`,
      `${mod}/lib/index.js`,
      `${mod}/lib/binding.js`,
      `${mod}/prebuilds/linux-x64.node`,
    ]) {
      expect(moduleFileIncluded(kept), kept).toBe(true);
    }
    for (const dropped of [`${mod}/deps/sqlite3/sqlite3.c`, `${mod}/src/better_sqlite3.cpp`, `${mod}/binding.gyp`]) {
      expect(moduleFileIncluded(dropped), dropped).toBe(false);
    }
  });

  it('ships each platform only its own cipher binaries', () => {
    const prebuild = (target: string) => `node_modules/better-sqlite3-multiple-ciphers/prebuilds/${target}.node`;
    const win = (t: string) => moduleFileIncluded(prebuild(t), config.win.files);
    const linux = (t: string) => moduleFileIncluded(prebuild(t), config.linux.files);
    expect(win('win32-x64')).toBe(true);
    for (const t of ['win32-arm64', 'linux-x64', 'linux-arm64', 'linuxmusl-x64', 'darwin-arm64'])
      expect(win(t), t).toBe(false);
    for (const t of ['linux-x64', 'linux-arm64']) expect(linux(t), t).toBe(true);
    for (const t of ['win32-x64', 'linuxmusl-x64', 'darwin-x64']) expect(linux(t), t).toBe(false);
  });

  it('has a 512×512 PNG icon in build/', () => {
    expect(config.win.icon).toBe('build/icon.png');
    expect(config.linux.icon).toBe('build/icon.png');
    const png = readFileSync(resolve(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});
