/** Image references split into registry/path prefix, name, tag and digest. */
import { describe, expect, it } from 'vitest';
import { parseImage } from '../../src/k8s/image.js';

describe('parseImage', () => {
  it('splits [registry/][path/]name[:tag][@digest]', () => {
    expect(parseImage('nginx')).toEqual({ prefix: '', name: 'nginx', tag: undefined, digest: undefined });
    expect(parseImage('nginx:1.27')).toEqual({ prefix: '', name: 'nginx', tag: '1.27', digest: undefined });
    expect(parseImage('registry.local:5000/todo/todo-backend:1.0.0')).toEqual({ prefix: 'registry.local:5000/todo', name: 'todo-backend', tag: '1.0.0', digest: undefined });
    expect(parseImage('ghcr.io/x/y@sha256:abc')).toEqual({ prefix: 'ghcr.io/x', name: 'y', tag: undefined, digest: 'sha256:abc' });
    expect(parseImage('y:2@sha256:abc')).toEqual({ prefix: '', name: 'y', tag: '2', digest: 'sha256:abc' });
  });
});
