import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../../config/load-config';

/** The stylesheet and scripts, by logical name, with their content-hashed public paths. */
export type AssetManifest = Record<string, string>;

const SOURCE = join(PROJECT_ROOT, 'src', 'web', 'assets');
const USWDS = join(PROJECT_ROOT, 'node_modules', '@uswds', 'uswds');

/** Raised when this builder changes what it writes, so an older build is not reused. */
const BUILDER_VERSION = '2';

function inputHash(src: string, uswdsVersion: string): string {
  const h = createHash('sha256').update(BUILDER_VERSION).update(uswdsVersion);
  for (const dir of ['styles', 'js']) {
    for (const f of readdirSync(join(src, dir)).sort()) h.update(f).update(readFileSync(join(src, dir, f)));
  }
  return h.digest('hex');
}

const short = (s: string | Buffer) => createHash('sha256').update(s).digest('hex').slice(0, 12);

/**
 * The icons the stylesheet names (`/assets/img/...`, USWDS's image path) copied from the
 * USWDS package into a folder named for its version, and the stylesheet pointed there:
 * assets are cached for a year, so a new USWDS must not reuse an old address.
 */
function withImages(css: string, outDir: string, uswdsVersion: string): string {
  const folder = `img-${uswdsVersion}`;
  const images = new Set([...css.matchAll(/url\("?\/assets\/img\/([A-Za-z0-9_./-]+?)"?\)/g)].map((m) => m[1]));
  for (const rel of images) {
    if (rel.includes('..')) throw new Error(`The stylesheet names an image outside USWDS's images: ${rel}`);
    const from = join(USWDS, 'dist', 'img', rel);
    if (!existsSync(from)) throw new Error(`The stylesheet names ${rel}, which USWDS ${uswdsVersion} does not ship.`);
    const to = join(outDir, folder, rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return css.replaceAll('/assets/img/', `/assets/${folder}/`);
}

/**
 * Compiles the USWDS subset and our styles to one CSS file and copies the scripts, under
 * content-hashed names (served with a one-year immutable cache). Skipped when the inputs
 * are unchanged since the last build, so a start or a test run pays for it once.
 * Needs the dev dependencies (sass, @uswds/uswds); the Docker build runs it in its build
 * stage.
 */
export function ensureAssets(outDir: string): AssetManifest {
  const manifestFile = join(outDir, 'manifest.json');
  const src = SOURCE;
  const haveSource = existsSync(join(src, 'styles'));
  if (!haveSource) {
    if (existsSync(manifestFile)) return JSON.parse(readFileSync(manifestFile, 'utf8')).files;
    throw new Error(`No compiled assets in ${outDir} and no sources to build them from.`);
  }
  let uswdsVersion = 'none';
  try {
    uswdsVersion = (JSON.parse(readFileSync(join(USWDS, 'package.json'), 'utf8')) as { version: string }).version;
  } catch { /* pruned in production: use what was built */ }
  const hash = inputHash(src, uswdsVersion);
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as { input: string; files: AssetManifest };
    if (m.input === hash || uswdsVersion === 'none') return m.files;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sass = require('sass') as typeof import('sass');
  const uswdsPackages = join(USWDS, 'packages');
  const css = sass.compile(join(src, 'styles', 'peercert.scss'), { loadPaths: [uswdsPackages], style: 'compressed', quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'slash-div', 'color-functions', 'if-function'] as never }).css;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files: AssetManifest = {};
  const put = (logical: string, ext: string, body: string | Buffer) => {
    const name = `${logical}.${short(body)}.${ext}`;
    writeFileSync(join(outDir, name), body);
    files[`${logical}.${ext}`] = `/assets/${name}`;
  };
  put('peercert', 'css', withImages(css, outDir, uswdsVersion));
  for (const f of readdirSync(join(src, 'js'))) put(f.replace(/\.js$/, ''), 'js', readFileSync(join(src, 'js', f)));
  writeFileSync(manifestFile, JSON.stringify({ input: hash, files }, null, 2));
  return files;
}
