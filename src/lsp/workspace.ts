/**
 * Keeps every project's diagnostics current: a document opened, changed or closed marks its
 * targets (src/lsp/project.ts) dirty; after a short quiet time they lint again, one run at a
 * time. Each target has a generation, bumped by every change: a run that finishes after a
 * newer change is stale and its result is dropped (the target is queued again), so a slow
 * render never overwrites what a newer text says. The lint runs in this thread, so a run in
 * progress is not interrupted: it is superseded. A run that throws (a bug) is logged and
 * leaves the last diagnostics in place; the server goes on.
 */
import type { Diagnostic } from 'vscode-languageserver/node.js';
import type { TextOverlay } from '../load/read.js';
import { fatalDiagnostic, findingsToDiagnostics, sameDiagnostic } from './diagnostics.js';
import { lintTarget } from './lint-target.js';
import { configValuesFiles, isValuesFile, projectOf, targetKey, targetsOf, type Target } from './project.js';

export interface WorkspaceHost {
  /** The open documents' texts. */
  overlay: TextOverlay;
  /** A file's text: the open document's, else the disk's (undefined when unreadable). */
  readText(file: string): string | undefined;
  publish(file: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  workspaceFolders(): readonly string[];
}

interface Stored {
  root: string;
  byFile: Map<string, Diagnostic[]>;
}

export class Workspace {
  private readonly results = new Map<string, Stored>();
  private readonly pending = new Map<string, Target>();
  private readonly generation = new Map<string, number>();
  private readonly configValues = new Map<string, string[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly host: WorkspaceHost,
    private readonly debounceMs = 100,
  ) {}

  /** A document opened, changed, closed or saved: lint what it belongs to again, soon. */
  async touched(file: string): Promise<void> {
    const root = projectOf(file, this.host.workspaceFolders());
    if (/\.k8s-todo-lint\.(ya?ml|json)$/.test(file)) this.configValues.delete(root);
    for (const t of targetsOf(file, root, await this.valuesFilesOf(root))) {
      const key = targetKey(t);
      this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
      this.pending.set(key, t);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, this.debounceMs);
  }

  private async valuesFilesOf(root: string): Promise<string[]> {
    let files = this.configValues.get(root);
    if (!files) this.configValues.set(root, (files = await configValuesFiles(root, this.host.overlay)));
    return files;
  }

  private drain(): Promise<void> {
    this.draining ??= (async () => {
      try {
        for (let next = this.pending.entries().next(); !next.done; next = this.pending.entries().next()) {
          const [key, target] = next.value;
          this.pending.delete(key);
          await this.run(key, target);
        }
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  private async run(key: string, target: Target): Promise<void> {
    const generation = this.generation.get(key);
    let byFile: Map<string, Diagnostic[]>;
    try {
      const result = await lintTarget(target, this.host.overlay);
      const values = await this.valuesFilesOf(target.root);
      byFile = findingsToDiagnostics(result.findings, (f) => isValuesFile(f, values));
      if (result.fatal) byFile.set(result.fatal.file, [fatalDiagnostic(result.fatal.message, (this.host.readText(result.fatal.file) ?? '').split('\n')[0])]);
    } catch (e) {
      this.host.log(`k8s-todo-lint: internal error while linting ${target.kind === 'chart' ? target.chart : target.root}: ${(e as Error)?.stack ?? String(e)}`);
      return;
    }
    // A newer change came while this ran: its run will say what the new text gives.
    if (this.generation.get(key) !== generation) return;
    const before = this.results.get(key)?.byFile;
    this.results.set(key, { root: target.root, byFile });
    for (const file of new Set([...(before?.keys() ?? []), ...byFile.keys()])) this.publishFile(file, target.root);
  }

  /** A file's diagnostics are those of every target of its project that has any there. */
  private publishFile(file: string, root: string): void {
    const merged: Diagnostic[] = [];
    for (const stored of this.results.values()) {
      if (stored.root !== root) continue;
      for (const d of stored.byFile.get(file) ?? []) if (!merged.some((m) => sameDiagnostic(m, d))) merged.push(d);
    }
    this.host.publish(file, merged);
  }
}
