/**
 * lib/helm is Helm in TypeScript: loading charts (folders and `.tgz`), dependencies, values,
 * schema validation, the rendering engine and the whole `helm template` command, byte-identical
 * to Helm v4.1.4.
 *
 * Main entry points:
 * - {@link helmTemplate}`(chart, options)`: what the studio's preview calls on every keystroke;
 *   never throws for bad input (exit code 1 and Helm's `Error:` text instead).
 * - {@link runTemplateCommand}`(args, readFile, listFiles)`: the `chart-studio template` CLI.
 * - {@link renderChart}`(chart, values, caps, release)`: the engine alone (path → rendered text).
 */
export { readArchive, writeArchive } from './archive';
export {
  BuildInfo,
  Capabilities,
  defaultAPIVersions,
  defaultKubeVersion,
  helmBuildInfo,
  KubeVersion,
  makeCapabilities,
  parseKubeVersion,
  type ReleaseInfo,
} from './builtins';
export {
  type Chart,
  type ChartDependency,
  type ChartFile,
  type ChartMaintainer,
  type ChartMetadata,
  chartFullPath,
  loadArchive,
  loadChart,
  loadFiles,
} from './chart';
export { checkDependencies, isCompatibleRange, processDependencies } from './dependencies';
export {
  type RenderOptions,
  renderChart,
  renderNameTemplate,
  sortTemplates,
  TemplateRenderError,
} from './engine';
export { HelmError } from './errors';
export { formatExecError, formatParseError } from './errors-format';
export { helmFuncs } from './functions';
export { InstallOrder, type Manifest, sortManifests, splitManifests, templateStream } from './output';
export { validateSchemas, validateValues } from './schema';
export { parseSet } from './strvals';
export {
  type CommandResult,
  helmTemplate,
  type ListFiles,
  type ParsedArgs,
  parseTemplateArgs,
  type ReadFile,
  type RenderedManifest,
  runTemplateCommand,
  type TemplateErrorInfo,
  type TemplateOptions,
  type TemplateResult,
} from './template-command';
export { coalesceValues, mergeValueSources, type ValueSources } from './values';
