/**
 * A language-server client for tests: starts the built binary's `lsp --stdio` as a child
 * process and talks to it with vscode-jsonrpc's message connection (the library's node side,
 * no hand-written JSON-RPC). It keeps the latest diagnostics published per URI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node.js';
import { BIN } from './run-cli.js';

export interface LspClient {
  connection: MessageConnection;
  child: ChildProcess;
  /** Resolves with the URI's diagnostics once they satisfy `ok` (those published last). */
  diagnostics(file: string, ok: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** Everything the server wrote to stderr or logged. */
  log: string[];
  exited: Promise<number | null>;
}

export const uri = (file: string) => pathToFileURL(file).href;

export function startLsp(cwd: string): LspClient {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: Array<() => void> = [];
  const log: string[] = [];
  child.stderr!.on('data', (b) => log.push(String(b)));
  connection.onNotification('window/logMessage', (p: { message: string }) => log.push(p.message));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p.diagnostics);
    for (const w of waiters.splice(0)) w();
  });
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    connection,
    child,
    log,
    exited,
    diagnostics(file, ok) {
      return new Promise((resolve) => {
        const check = () => {
          const d = latest.get(uri(file));
          if (d && ok(d)) resolve(d);
          else waiters.push(check);
        };
        check();
      });
    },
  };
}
