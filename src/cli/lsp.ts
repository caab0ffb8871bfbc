/**
 * `k8s-todo-lint lsp`: the language server (src/lsp/server.ts) on standard input and output.
 * `--stdio` is accepted (and is the only transport), as editors' LSP clients pass it. The
 * server and its protocol library load only when this command runs.
 */
import type { Io } from './io.js';
import { baseProgram } from './program.js';

export async function lspCommand(argv: string[], io: Io): Promise<number> {
  const program = baseProgram(io, 'k8s-todo-lint lsp')
    .description('Language server over stdio: diagnostics as you type (manifests, chart templates and values, Chart.yaml, Dockerfiles, the config), quick fixes')
    .option('--stdio', 'talk LSP on standard input and output (the default and only transport)');
  program.parse(argv, { from: 'user' });
  const { startLanguageServer } = await import('../lsp/server.js');
  const connection = startLanguageServer();
  // The protocol library ends the process on `exit`; until then the server runs.
  await new Promise<void>((resolve) => connection.onExit(resolve));
  return 0;
}
