/**
 * `npm run build`, last: the self-check page's script (dist/page/app.js), bundled from src/page/app.ts for a browser
 * with esbuild, a development dependency (`plancheck page` only reads the result). The library's modules that read
 * files or hash with Node are replaced by their page counterparts (src/page/host/), each the same interface over
 * what the page has: the data `plancheck page` embeds, and the bytes of the file a user chose. Any other Node module
 * reached is a mistake, and fails the build, rather than a page that breaks when a clerk opens it.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from './core/paths';

export { PAGE_BUNDLE } from './run/page';
import { PAGE_BUNDLE } from './run/page';

/** Each library module that reads files or uses Node, and the page's own module that stands in for it. */
export const PAGE_HOSTS: Readonly<Record<string, string>> = {
  'src/core/sha256.ts': 'src/page/host/sha256.ts',
  'src/core/version.ts': 'src/page/host/version.ts',
  'src/intake/schema-files.ts': 'src/page/host/schema-files.ts',
  'src/intake/read-file.ts': 'src/page/host/read-file.ts',
  'src/run/inputs.ts': 'src/page/host/inputs.ts',
  'src/core/paths.ts': 'src/page/host/paths.ts',
  'src/report/kit/zip-defaults.ts': 'src/page/host/zip-defaults.ts',
  'src/intake/prose/index.ts': 'src/page/host/no-reports.ts',
  'src/intake/extract/index.ts': 'src/page/host/no-reports.ts',
};

const BUILTINS = new Set(builtinModules);

function sourceFile(path: string): string | undefined {
  return [`${path}.ts`, join(path, 'index.ts'), path].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The page's script, from which the bundle starts. */
export const PAGE_ENTRY = join(PACKAGE_ROOT, 'src', 'page', 'app.ts');

export async function buildPageBundle(outfile = PAGE_BUNDLE, entry = PAGE_ENTRY): Promise<number> {
  const esbuild = require('esbuild') as typeof import('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  const hosts: import('esbuild').Plugin = {
    name: 'plancheck-page-hosts',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.path.startsWith('node:') || BUILTINS.has(args.path)) {
          return { errors: [{ text: `${args.path} is a Node module: the page cannot run it (imported by ${relative(PACKAGE_ROOT, args.importer)}); give its importer a page host in PAGE_HOSTS` }] };
        }
        if (!args.path.startsWith('.')) return undefined;
        const file = sourceFile(resolve(args.resolveDir, args.path));
        const host = file ? PAGE_HOSTS[relative(PACKAGE_ROOT, file).split('\\').join('/')] : undefined;
        return host ? { path: join(PACKAGE_ROOT, host) } : undefined;
      });
    },
  };
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['es2019'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    outfile,
    plugins: [hosts],
    inject: [join(PACKAGE_ROOT, 'src', 'page', 'host', 'buffer-global.ts')],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join('\n'));
  return statSync(outfile).size;
}
