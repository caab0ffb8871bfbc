/** What a command gets from the process (bin/ fills it in; tests pass their own), and what it decides from it. */

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
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
