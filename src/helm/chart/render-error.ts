/**
 * Render errors as objects: Helm's message text (what `template` prints)
 * plus the same facts as fields (kind, template, line, column, schema
 * violations), so a caller places an error without parsing its message.
 * Its own module so the big-stack worker (deep-render.ts) can carry it back
 * without importing the renderer.
 */
import type { SchemaViolation } from './schema.js';

/**
 * What failed in a render: 'chart' (not installable, missing dependencies, release name,
 * kubeVersion), 'schema' (values.schema.json), 'parse' and 'execution' (a template),
 * 'yaml' (a rendered manifest is not valid YAML), 'render' (anything else).
 */
export type RenderErrorKind = 'chart' | 'schema' | 'parse' | 'execution' | 'yaml' | 'render';

/** The structure behind a render error's message. */
export interface RenderErrorDetail {
  kind: RenderErrorKind;
  /** Template name (e.g. `mychart/templates/svc.yaml`) the error is in, when known. */
  template?: string;
  /** 1-based line and column (UTF-16 units) in that template, when the error names them. */
  line?: number;
  column?: number;
  /** For kind 'schema': every violation, in message order. */
  violations?: SchemaViolation[];
}

/**
 * A render error. `afterRender` is true when Helm had a release object at
 * that point (its template command then adds the --debug hint), and
 * `partialOutput` is what --debug prints before the error. The message is
 * Helm's text; `detail` holds the same facts as fields, for callers that
 * place the error (nothing needs to parse the message back).
 */
export class ChartRenderError extends Error {
  constructor(
    message: string,
    readonly afterRender = false,
    readonly partialOutput = '',
    readonly detail: RenderErrorDetail = { kind: 'chart' },
  ) {
    super(message);
  }
}
