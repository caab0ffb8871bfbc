#!/usr/bin/env node
// Shebang shim: runs the built CLI and sets the exit status only after stdout has drained.
import { main } from '../dist/src/cli/main.js';

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

main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
