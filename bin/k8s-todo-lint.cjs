#!/usr/bin/env node
'use strict';
// Shebang shim: runs the CLI and sets the exit status only after stdout has drained.
// CommonJS on purpose: an ES module entry point costs Node's ESM loader (measured ~5 ms).
// The CLI is the esbuild bundle dist/bundle/main.cjs, compiled with the V8 code cache the
// build made for it (src/code-cache.ts); without a bundle, tsc's output dist/src/cli/main.js.
const { existsSync, fstatSync, statSync, writeSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist/bundle/main.cjs');

// Output errors. A reader that went away (`| head -1`) ends the run quietly, the way grep
// ends: killed by SIGPIPE (Node ignores that signal at start-up; with no listener left it is
// back to the default action). Any other write error (a full disk: `> /dev/full`) is one line
// and exit 2. Node would otherwise print its "Unhandled 'error' event" stack trace.
function onOutputError(err) {
  if (err && err.code === 'EPIPE') {
    process.on('SIGPIPE', () => {});
    process.removeAllListeners('SIGPIPE');
    process.kill(process.pid, 'SIGPIPE');
    process.exit(141);
  }
  try {
    writeSync(2, `k8s-todo-lint: cannot write output: ${err && err.code ? err.code : String(err && err.message)}\n`);
  } catch {
    // standard error is gone too: the exit status says it
  }
  process.exit(2);
}

// Output is written to the descriptor directly: process.stdout and process.stderr are streams
// whose creation loads Node's stream and net modules (measured: ~6 ms of a one-file lint, more
// than a tenth of what the lint adds to bare Node). A write that fails in any way (a closed
// pipe, a full disk, a non-blocking descriptor that would block) hands that text and all later
// output to the stream, which behaves exactly as before: the error handlers above, waiting.
const streams = [undefined, () => process.stdout, () => process.stderr];
const handed = [false, false, false];
function streamOf(fd) {
  if (fd === 1) process.stdout.on('error', onOutputError);
  else process.stderr.on('error', (err) => process.exit(err && err.code === 'EPIPE' ? 141 : 2));
  handed[fd] = true;
  return streams[fd]();
}
function write(fd, s) {
  if (handed[fd]) return streams[fd]().write(s);
  const bytes = Buffer.from(s, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch {
    return streamOf(fd).write(bytes.subarray(done));
  }
  return true;
}

/** Whether a character device is /dev/null (its device number; false where there is none). */
function isDevNull(stats) {
  try {
    const devNull = statSync('/dev/null');
    return devNull.isCharacterDevice() && devNull.rdev === stats.rdev;
  } catch {
    return false;
  }
}

const chunks = [];
let stdoutIsTTY;
const io = {
  stdout: (s) => write(1, s),
  stderr: (s) => write(2, s),
  readStdin: async () => {
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
  // A pipe (FIFO, or the socket pair Node's child processes get) or a non-empty file; a
  // terminal, /dev/null or a closed descriptor is not data (src/cli/io.ts decides from it).
  stdinIsData: () => {
    try {
      const s = fstatSync(0);
      return s.isFIFO() || s.isSocket() || (s.isFile() && s.size > 0);
    } catch {
      return false;
    }
  },
  env: process.env,
  // Only a character device can be a terminal: a pipe or a file is answered without loading
  // node:tty (which loads net and streams: ~6 ms), and so is /dev/null, the character device
  // output goes to when only the exit status or the time matters (`> /dev/null`, hyperfine).
  get isTTY() {
    if (stdoutIsTTY === undefined) {
      try {
        const out = fstatSync(1);
        stdoutIsTTY = out.isCharacterDevice() && !isDevNull(out) && require('node:tty').isatty(1);
      } catch {
        stdoutIsTTY = false;
      }
    }
    return stdoutIsTTY;
  },
  cwd: process.cwd(),
};

const cli = existsSync(bundle)
  ? Promise.resolve(require(path.join(root, 'dist/bundle/code-cache.cjs')).requireWithCodeCache(root, bundle))
  : import('../dist/src/cli/main.js');
cli
  .then((mod) => mod.main(process.argv.slice(2), io))
  .then((code) => {
    process.exitCode = code;
  });
