/**
 * Kubernetes objects as loaded: JSON-like maps whose fields may hold
 * anything a manifest writer typed. Rules test a field is a map before
 * reading into it.
 */

/** True for a map (not null, not an array). */
export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
