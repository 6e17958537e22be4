// engine-bundle.mjs holds the esbuild options that bundle the engine (lib/helm) into one CommonJS file for
// Node: the chart-studio CLI builds with them (adding its own minify, metafile and plugins), and the
// benchmark loads the engine the same way.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** engineBuildOptions returns esbuild options bundling `contents` (an entry written as text) into `outfile`. */
export function engineBuildOptions(root, { contents, sourcefile, outfile }) {
  return {
    stdin: { contents, resolveDir: root, sourcefile, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    outfile,
    logLevel: 'error',
  };
}

/**
 * loadBundled bundles the module `entry` (a path from the root, e.g. `lib/helm/index.ts`) with these options
 * into `.cache/bench/<name>.cjs` and loads it: how the benchmarks run our TypeScript as the CLI does.
 */
export async function loadBundled(root, entry, name) {
  const esbuild = await import('esbuild');
  const outfile = join(root, '.cache', 'bench', `${name}.cjs`);
  await esbuild.build(
    engineBuildOptions(root, {
      contents: `export * from './${entry}';`,
      sourcefile: `${name}-entry.ts`,
      outfile,
    }),
  );
  return createRequire(import.meta.url)(outfile);
}
