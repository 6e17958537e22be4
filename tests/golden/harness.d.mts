/** TESTDATA is the absolute path of tests/testdata (the working directory of every case). */
export declare const TESTDATA: string;
/** splitArgs splits a case file's text into arguments, shell style. */
export declare function splitArgs(text: string): string[];
/** GoldenCase is one case: its name and the arguments that follow `helm template`. */
export interface GoldenCase {
  name: string;
  args: string[];
  /** env holds the case's environment variables (leading `NAME=value` words). */
  env: Record<string, string>;
}
/** listCases returns every case of tests/testdata/cases, sorted by name. */
export declare function listCases(): GoldenCase[];
/** goldenPaths returns the paths of a case's golden stdout, stderr and exit code files. */
export declare function goldenPaths(name: string): { out: string; err: string; code: string };
/** helmEnv returns the isolated environment every real-helm run of the tests uses. */
export declare function helmEnv(): NodeJS.ProcessEnv;
/** HelmRun is the outcome of one helm run. */
export interface HelmRun {
  stdout: string;
  stderr: string;
  code: number;
}
/** runHelm runs the real helm binary with args in cwd. */
export declare function runHelm(
  bin: string,
  args: string[],
  cwd: string,
  extraEnv?: Record<string, string>,
): Promise<HelmRun>;
/** mapLimit runs fn over items with at most limit calls in flight, keeping the results in order. */
export declare function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]>;
/** helmPath returns the path of the real helm binary (scripts/helm.mjs), extracting it on first use. */
export declare function helmPath(): Promise<string>;
