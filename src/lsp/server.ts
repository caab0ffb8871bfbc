/**
 * `k8s-todo-lint lsp`: a language server over stdio, on vscode-languageserver (the protocol,
 * JSON-RPC, the open documents). This module only wires the protocol to the workspace model
 * (src/lsp/workspace.ts) and the code actions (src/lsp/code-actions.ts); every handler catches
 * what it throws, so a bad input or a bug costs one answer, never the server.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  createConnection,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node.js';
import { VERSION } from '../version.js';
import { codeActions } from './code-actions.js';
import { Workspace } from './workspace.js';

/** `initializationOptions` a client may send. */
interface InitOptions {
  /** Quiet time after a change before linting again (default 100 ms; the bench uses 0). */
  debounceMs?: number;
}

/** Serves on stdin/stdout until the client says `exit` (the library then ends the process). */
export function startLanguageServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  /** Absolute path -> URI the client used, for the documents it has open. */
  const openUris = new Map<string, string>();
  let folders: string[] = [];
  let workspace: Workspace | undefined;

  const fileOf = (uri: string): string | undefined => {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  };
  const overlay = (abs: string): string | undefined => {
    const uri = openUris.get(abs);
    return uri === undefined ? undefined : documents.get(uri)?.getText();
  };
  const readText = (abs: string): string | undefined => {
    const open = overlay(abs);
    if (open !== undefined) return open;
    try {
      return readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  };
  const log = (message: string) => connection.console.error(message);
  const guard = <A extends unknown[], R>(what: string, fallback: R, fn: (...args: A) => R | Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (e) {
      log(`k8s-todo-lint: ${what} failed: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  };
  const touched = (uri: string) => {
    const file = fileOf(uri);
    if (file) void guard('lint', undefined, (f: string) => workspace?.touched(f))(file);
  };

  connection.onInitialize((params: InitializeParams) => {
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = folderUris.map(fileOf).filter((f): f is string => f !== undefined);
    const options = (params.initializationOptions ?? {}) as InitOptions;
    workspace = new Workspace(
      {
        overlay,
        readText,
        log,
        workspaceFolders: () => folders,
        publish: (file, diagnostics) => void connection.sendDiagnostics({ uri: openUris.get(file) ?? pathToFileURL(file).href, diagnostics }),
      },
      typeof options.debounceMs === 'number' ? options.debounceMs : undefined,
    );
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'k8s-todo-lint', version: VERSION },
    };
  });

  documents.onDidOpen((e) => {
    const file = fileOf(e.document.uri);
    if (file) openUris.set(file, e.document.uri);
    touched(e.document.uri);
  });
  documents.onDidChangeContent((e) => touched(e.document.uri));
  documents.onDidSave((e) => touched(e.document.uri));
  // Closed: the disk's text is what counts again.
  documents.onDidClose((e) => {
    const file = fileOf(e.document.uri);
    if (file) openUris.delete(file);
    touched(e.document.uri);
  });
  // Files changed outside the editor (git checkout...), when the client watches them.
  connection.onDidChangeWatchedFiles((p) => p.changes.forEach((c) => touched(c.uri)));

  connection.onCodeAction(
    guard('code action', [], (params) => {
      const file = fileOf(params.textDocument.uri);
      if (!file) return [];
      return codeActions({ file, uri: params.textDocument.uri, diagnostics: params.context.diagnostics, readText });
    }),
  );

  documents.listen(connection);
  connection.listen();
  return connection;
}
