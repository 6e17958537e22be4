/** Chart versions are strict SemVer 2.0.0, as `helm package` and chart repositories require. */

// SemVer 2.0.0: MAJOR.MINOR.PATCH, numeric identifiers without leading zeros, optional pre-release and build.
const semverPattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** chartVersionError explains why a chart version is not strict SemVer 2.0.0, or returns null when it is. */
export function chartVersionError(version: string): string | null {
  if (version === '') return 'Enter a chart version, such as 0.1.0.';
  if (version.startsWith('v') || version.startsWith('V')) {
    return `Write the version without the leading "${version[0]}": ${version.slice(1)}.`;
  }
  if (!semverPattern.test(version)) {
    if (/^\d+(\.\d+)?$/.test(version))
      return 'A chart version has three numbers: MAJOR.MINOR.PATCH, such as 1.2.0.';
    if (/(^|\.)0\d/.test(version.split(/[-+]/)[0] ?? '')) return 'Version numbers cannot have leading zeros.';
    return 'Use SemVer: MAJOR.MINOR.PATCH with an optional -prerelease and +build, such as 1.2.0 or 1.2.0-rc.1.';
  }
  return null;
}
