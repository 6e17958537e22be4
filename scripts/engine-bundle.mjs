// engine-bundle.mjs holds the esbuild options that bundle the engine (lib/helm) into one CommonJS file for
// Node: the chart-studio CLI builds with them (adding its own minify, metafile and plugins), and the
// benchmark loads the engine the same way.
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
