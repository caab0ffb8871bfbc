/**
 * The output formats by their `--format` name: the one list the CLI (its
 * choices and the formatter it prints with) and the public API's
 * `formatters` both read. Adding a format: a module here, one entry below.
 */
import type { Formatter } from './types.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const formatters = { stylish, json, sarif, github, junit } as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

/** Every format name, in the order `--help` lists them. */
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
