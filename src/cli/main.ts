/**
 * The command line's front door: routes argv to a subcommand (template,
 * capacity, lsp, else lint) and turns what escapes into the exit status (0 clean,
 * 1 errors or too many warnings, 2 fatal). Only bin/ sets process.exitCode;
 * this module returns the code.
 */
import { CommanderError } from 'commander';
import { FatalError } from '../errors.js';
import { escapeControlChars } from '../format/control-chars.js';
import { capacityCommand } from './capacity.js';
import type { Io } from './io.js';
import { lintCommand } from './lint.js';

export type { Io } from './io.js';
/** The entry point of a chart worker thread (src/parallel/pool.ts loads this bundle in each). */
export { serveWorker } from '../parallel/worker.js';

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    if (argv[0] === 'template') {
      const { runTemplateCommand } = await import('./template.js');
      return await runTemplateCommand(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    }
    if (argv[0] === 'capacity') return await capacityCommand(argv.slice(1), io);
    if (argv[0] === 'lsp') {
      const { lspCommand } = await import('./lsp.js');
      return await lspCommand(argv.slice(1), io);
    }
    return await lintCommand(argv, io);
  } catch (e) {
    if (e instanceof FatalError) {
      io.stderr(`k8s-todo-lint: ${escapeControlChars(e.message)}\n`);
      return 2;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // An unexpected failure is our bug: one line, with the stack only when debugging.
    const debug = (io.env.DEBUG ?? '').split(',').includes('k8s-todo-lint');
    io.stderr(`k8s-todo-lint: internal error: ${escapeControlChars((e as Error)?.message ?? String(e))}${debug ? `\n${(e as Error)?.stack}` : ' (set DEBUG=k8s-todo-lint for details)'}\n`);
    return 2;
  }
}
