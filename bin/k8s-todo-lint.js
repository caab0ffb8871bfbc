#!/usr/bin/env node
// Shebang shim: runs the CLI (the esbuild bundle when built, else tsc's output) and sets
// the exit status only after stdout has drained.
let cli;
try {
  cli = await import('../dist/bundle/main.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  cli = await import('../dist/src/cli/main.js');
}

const chunks = [];
const io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: async () => {
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
};

cli.main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
