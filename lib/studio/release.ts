/** Release and namespace names validated the way Helm and Kubernetes validate them. */

// Helm: chartutil.ValidateReleaseName uses this pattern and a 53-character limit (63 minus room for suffixes).
const releasePattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** MAX_RELEASE_NAME_LENGTH is Helm's limit on a release name. */
export const MAX_RELEASE_NAME_LENGTH = 53;
/** MAX_NAMESPACE_LENGTH is Kubernetes' limit on a DNS-1123 label such as a namespace. */
export const MAX_NAMESPACE_LENGTH = 63;

/**
 * helmReleaseNameError returns the error Helm v4 prints for an invalid release name
 * (`helm template`, `install`, `upgrade`), or null when Helm accepts the name.
 */
export function helmReleaseNameError(name: string): string | null {
  if (name.length <= MAX_RELEASE_NAME_LENGTH && releasePattern.test(name)) return null;
  return (
    `release name check failed: release name "${name}": invalid release name, must match regex ` +
    `${releasePattern.source} and the length must not be longer than ${MAX_RELEASE_NAME_LENGTH}`
  );
}

/** validateReleaseName explains in plain words why Helm would refuse a release name, or returns null. */
export function validateReleaseName(name: string): string | null {
  if (name === '') return 'Enter a release name.';
  if (name.length > MAX_RELEASE_NAME_LENGTH) {
    return `A release name can have at most ${MAX_RELEASE_NAME_LENGTH} characters (this one has ${name.length}).`;
  }
  if (/[A-Z]/.test(name)) return 'Use lowercase letters only.';
  if (!/^[a-z0-9]/.test(name)) return 'Start with a lowercase letter or a digit.';
  if (!/[a-z0-9]$/.test(name)) return 'End with a lowercase letter or a digit.';
  if (!releasePattern.test(name)) {
    return 'Use only lowercase letters, digits, "-" and "." (each dot-separated part starts and ends with a letter or digit).';
  }
  return null;
}

/** validateNamespace explains in plain words why Kubernetes would refuse a namespace (DNS-1123 label), or returns null. */
export function validateNamespace(name: string): string | null {
  if (name === '') return 'Enter a namespace.';
  if (name.length > MAX_NAMESPACE_LENGTH) {
    return `A namespace can have at most ${MAX_NAMESPACE_LENGTH} characters (this one has ${name.length}).`;
  }
  if (/[A-Z]/.test(name)) return 'Use lowercase letters only.';
  if (!/^[a-z0-9]/.test(name)) return 'Start with a lowercase letter or a digit.';
  if (!/[a-z0-9]$/.test(name)) return 'End with a lowercase letter or a digit.';
  if (!dns1123Label.test(name)) return 'Use only lowercase letters, digits and "-".';
  return null;
}
