/**
 * In-cluster Service URLs: finds http(s) URLs in a string and decides whether
 * the host is a Service name the cluster DNS would resolve, in one of its
 * forms: `svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`.
 * localhost, IP addresses and other dotted hosts are not in-cluster names.
 */

export interface UrlRef {
  /** Scheme, host, port and path of the URL (user info, query and fragment are never printed). */
  display: string;
  scheme: 'http' | 'https';
  host: string;
  /** Explicit port, else the scheme's default (http 80, https 443). */
  port: number;
  portExplicit: boolean;
}

export interface ServiceTarget {
  service: string;
  /** The namespace the name resolves in. */
  namespace: string;
}

const URL_RE = /\bhttps?:\/\/[^\s,;"'<>`]+/gi;

/** Every http(s) URL in a value (a value may hold several, e.g. CORS_ORIGINS). */
export function findUrls(value: string): UrlRef[] {
  const out: UrlRef[] = [];
  for (const m of value.matchAll(URL_RE)) {
    const ref = parseUrl(m[0]);
    if (ref) out.push(ref);
  }
  return out;
}

/**
 * Reads scheme, host, port and path. User info, query and fragment are dropped, never printed:
 * they hold passwords and tokens (`?api_key=...`). A password with an unencoded `/`, `?` or `#`
 * would end the authority early for a strict parser, so the host is read after the last `@` of
 * the URL: a misread then names another host (seldom a Service name), never prints the password.
 */
export function parseUrl(text: string): UrlRef | undefined {
  const m = /^(https?):\/\//i.exec(text);
  if (!m) return undefined;
  const scheme = m[1].toLowerCase() as 'http' | 'https';
  const afterScheme = text.slice(m[0].length);
  const afterUserInfo = afterScheme.slice(afterScheme.lastIndexOf('@') + 1);
  const authority = /^[^/?#]*/.exec(afterUserInfo)![0];
  if (authority.startsWith('[')) return undefined; // IPv6 literal: never a Service name
  const hp = /^([^:]*)(?::(\d*))?$/.exec(authority);
  if (!hp || hp[1] === '') return undefined;
  const host = hp[1].toLowerCase().replace(/\.$/, '');
  const portText = hp[2];
  const portExplicit = portText !== undefined && portText !== '';
  const port = portExplicit ? Number(portText) : scheme === 'https' ? 443 : 80;
  const path = /^[^?#]*/.exec(afterUserInfo.slice(authority.length))![0];
  const display = `${scheme}://${hp[1]}${portExplicit ? `:${portText}` : ''}${path}`;
  return { display, scheme, host, port, portExplicit };
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The Service a host names, seen from a pod in `fromNamespace`, or undefined
 * when the host is not an in-cluster Service name. A two-label host `a.b` is
 * only in-cluster when `b` is a namespace we know: otherwise it is as likely
 * a public name (`example.com`).
 */
export function serviceTarget(host: string, fromNamespace: string, knownNamespaces: ReadonlySet<string>): ServiceTarget | undefined {
  if (host === 'localhost' || host.endsWith('.localhost')) return undefined;
  if (/^\d+(\.\d+){3}$/.test(host)) return undefined;
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l))) return undefined;
  // A Service name is a DNS-1035 label: it starts with a letter.
  if (!/^[a-z]/.test(labels[0])) return undefined;
  switch (labels.length) {
    case 1:
      return { service: labels[0], namespace: fromNamespace };
    case 2:
      return knownNamespaces.has(labels[1]) ? { service: labels[0], namespace: labels[1] } : undefined;
    case 3:
      return labels[2] === 'svc' ? { service: labels[0], namespace: labels[1] } : undefined;
    case 5:
      return labels[2] === 'svc' && labels[3] === 'cluster' && labels[4] === 'local' ? { service: labels[0], namespace: labels[1] } : undefined;
    default:
      return undefined;
  }
}
