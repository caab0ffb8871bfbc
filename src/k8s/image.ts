/**
 * Container image references, `[registry/][path/]name[:tag][@digest]`, split
 * into their parts: for the image rules and for finding an image's Dockerfile.
 */
export interface ImageRef {
  /** Everything before the last path segment, without the trailing slash. */
  prefix: string;
  /** The last path segment (the image name proper). */
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImage(ref: string): ImageRef {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const prefix = slash === -1 ? '' : rest.slice(0, slash);
  let last = slash === -1 ? rest : rest.slice(slash + 1);
  let tag: string | undefined;
  const colon = last.lastIndexOf(':');
  if (colon !== -1) {
    tag = last.slice(colon + 1);
    last = last.slice(0, colon);
  }
  return { prefix, name: last, tag, digest };
}
