/**
 * V8 sizes its heap by what it held at its last full collection, letting it grow to up to
 * about four times that before the next. A large input's stream (src/lint-units.ts) holds
 * its file's text early and sheds most of what it reads as it goes, so that growth is what
 * sets the CLI's peak memory (a 100,000-resource file: ~324 MiB peak RSS, ~275 MiB with this
 * cap and what the stream keeps cut down; some 10-15% more CPU for the extra collections).
 * While a unit streams the CLI lets the heap grow by a fixed share instead, for more,
 * smaller collections; the default comes back once the stream is finished. Only the CLI does this: the flag is the
 * whole process's, and a library user's or the language server's process is theirs.
 */
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';

/** node:v8 when a stream first needs it: it loads Node's streams, which a lint's start-up does without (test/e2e/output-errors.test.ts). */
function setFlagsFromString(flags: string): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString(flags);
}

/** Growth allowed over what a full collection left, in percent (V8's own choice is dynamic, 10 to 300). */
export const STREAM_HEAP_GROWING_PERCENT = 15;

/** Caps (true) or restores (false) V8's heap growth; streamSettings.onStreaming. */
export function capHeapGrowth(streaming: boolean): void {
  // 0 is V8's default: the factor chosen from the collector's speed.
  setFlagsFromString(`--heap-growing-percent=${streaming ? STREAM_HEAP_GROWING_PERCENT : 0}`);
  // The limit V8 set at its last collection stands until the next: one now sets it by the cap.
  if (streaming) collectGarbage();
}

/** A full collection, by V8's `gc` made visible to a fresh context only (never to the lint's own globals). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
