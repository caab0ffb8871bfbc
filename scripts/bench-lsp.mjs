// The language server's re-lint latency (run by scripts/bench.mjs, or alone after a build):
// `k8s-todo-lint lsp` over stdio with a seed-sized chart (fixtures/charts/todo: four
// templates, a ci values file, a values schema); values.yaml is open and its nodePort flips
// between 29999 and 30000 without saving; each sample is the time from the didChange to the
// diagnostics of the service template saying so (debounce off). Prints the median; asserts nothing.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, '.bench/lsp');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(path.join(root, 'fixtures/charts/todo'), path.join(work, 'todo'), { recursive: true });
// Its own project (else the project would be the repository around it).
writeFileSync(path.join(work, '.k8s-todo-lint.yaml'), 'rules: {}\n');

const uri = (f) => pathToFileURL(f).href;
const values = path.join(work, 'todo/values.yaml');
const service = path.join(work, 'todo/templates/services.yaml');
const text = readFileSync(values, 'utf8');
if (!/nodePort: 30000/.test(text)) throw new Error('bench-lsp: fixtures/charts/todo/values.yaml no longer has nodePort: 30000');

const child = spawn(process.execPath, [path.join(root, 'bin/k8s-todo-lint.cjs'), 'lsp', '--stdio'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let waiting;
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  if (p.uri !== uri(service) || !waiting) return;
  const broken = p.diagnostics.some((d) => d.code === 'nodeport-range');
  if (broken === waiting.broken) waiting.resolve(performance.now());
});
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri(work), capabilities: {}, initializationOptions: { debounceMs: 0 } });
await connection.sendNotification('initialized', {});

let version = 1;
const flip = (broken) =>
  new Promise((resolve) => {
    waiting = { broken, resolve };
    const started = performance.now();
    waiting.resolve = (at) => {
      waiting = undefined;
      resolve(at - started);
    };
    const next = broken ? text.replace('nodePort: 30000', 'nodePort: 29999') : text;
    if (version === 1) void connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(values), languageId: 'yaml', version: version++, text: next } });
    else void connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(values), version: version++ }, contentChanges: [{ text: next }] });
  });

/** The server process's CPU time so far (user + system, ms), from /proc where there is one. */
function serverCpuMs() {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const runs = Number(process.env.BENCH_RUNS ?? 41);
// Warm-up: the first lints load the renderer and compile what they run.
for (let i = 0; i < 6; i++) await flip(i % 2 === 0);
const times = [];
const cpuBefore = serverCpuMs();
for (let i = 0; i < runs; i++) times.push(await flip(i % 2 === 0));
const cpuAfter = serverCpuMs();
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
times.sort((a, b) => a - b);
console.log(`lsp: re-lint of a seed-sized chart after a values.yaml change (didChange -> publishDiagnostics, in the server) median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, fastest ${times[0].toFixed(1)} ms (${runs} changes)${cpuBefore === undefined ? '' : `; server CPU ${((cpuAfter - cpuBefore) / runs).toFixed(1)} ms per re-lint (load-independent)`}`);
