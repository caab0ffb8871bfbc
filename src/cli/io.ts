/** What a command gets from the process (bin/ fills it in; tests pass their own), and what it decides from it. */

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  /** Whether standard input is a pipe or a non-empty file (not a terminal, /dev/null or closed); absent means no. */
  stdinIsData?: () => boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  cwd: string;
}

/** Colour: --no-color, then NO_COLOR, then FORCE_COLOR, else whether stdout is a terminal. */
export function useColor(flag: boolean, io: Io): boolean {
  if (!flag) return false;
  if ('NO_COLOR' in io.env && io.env.NO_COLOR !== '') return false;
  if ('FORCE_COLOR' in io.env) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

/**
 * The inputs and standard input's text. With no path, standard input is read when it is a
 * pipe or a file (as kubeconform does: `cat x.yaml | k8s-todo-lint`); when it is a terminal,
 * /dev/null, closed, or a pipe that brings nothing (CI runners, git hooks, test harnesses),
 * the working directory is linted, as before.
 */
export async function resolveInputs(paths: string[], io: Io): Promise<{ paths: string[]; stdinText?: string }> {
  if (paths.length) return { paths, stdinText: paths.includes('-') ? await io.readStdin() : undefined };
  if (io.stdinIsData?.()) {
    const text = await io.readStdin();
    if (text.trim() !== '') return { paths: ['-'], stdinText: text };
  }
  return { paths: ['.'] };
}
