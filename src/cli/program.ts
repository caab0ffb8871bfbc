/** The commander setup every subcommand shares: output through Io, errors as one `k8s-todo-lint:` line, no stray arguments. */
import { Command } from 'commander';
import type { Io } from './io.js';

export function baseProgram(io: Io, name: string): Command {
  const program = new Command(name);
  program
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(`k8s-todo-lint: ${s.replace(/^error: /, '')}`) })
    .allowExcessArguments(false);
  return program;
}

/** Accumulates a repeatable option's values. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
