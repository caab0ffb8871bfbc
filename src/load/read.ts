/** Turns file bytes into text, refusing binary and non-UTF-8 files with a clear reason. */
const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeText(buf: Uint8Array): string | { problem: string } {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return { problem: 'file is binary (it contains NUL bytes), not YAML or JSON' };
  try {
    return decoder.decode(buf);
  } catch {
    return { problem: 'file is not valid UTF-8 text' };
  }
}
