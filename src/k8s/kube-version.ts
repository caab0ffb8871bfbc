/**
 * The Kubernetes version a lint targets: its one default, its one parser,
 * and the comparison of minor versions. Read from `--kube-version` or the
 * config, resolved once by src/lint.ts into the lint settings; rules and the
 * schema checker take the resolved KubeVersion and keep no default of their
 * own. (Helm's `.Capabilities.KubeVersion` is src/helm's own business.)
 */

/** The version linted against when neither `--kube-version` nor the config names one. */
export const DEFAULT_KUBE_VERSION = '1.30';

/** A Kubernetes minor version, `1.30` (also accepts `v1.30`, `1.30.2`). */
export interface KubeVersion {
  major: number;
  minor: number;
}

/** `1.N`, `v1.N` or `1.N.P`, as a JSON Schema pattern: the config schema checks `kubeVersion` with it. */
export const KUBE_VERSION_PATTERN = '^v?\\d+\\.\\d+(\\.\\d+)?$';
const KUBE_VERSION_RE = new RegExp(KUBE_VERSION_PATTERN);

/** True when the text, as written (no trimming), is a version: what `--kube-version` accepts. */
export function isKubeVersion(text: string): boolean {
  return KUBE_VERSION_RE.test(text);
}

export function parseKubeVersion(text: string): KubeVersion | undefined {
  const t = text.trim();
  if (!isKubeVersion(t)) return undefined;
  const [major, minor] = t.replace(/^v/, '').split('.');
  return { major: Number(major), minor: Number(minor) };
}

/** The version to lint against: `text` when it reads as a version, else the default. */
export function resolveKubeVersion(text: string | undefined): KubeVersion {
  return (text === undefined ? undefined : parseKubeVersion(text)) ?? parseKubeVersion(DEFAULT_KUBE_VERSION)!;
}

/** "1.30", as messages name the version. */
export function kubeVersionText(v: KubeVersion): string {
  return `${v.major}.${v.minor}`;
}

/** a >= b, comparing "1.N" versions. */
export function versionAtLeast(a: KubeVersion, b: string): boolean {
  const v = parseKubeVersion(b)!;
  return a.major !== v.major ? a.major > v.major : a.minor >= v.minor;
}
