import type { GoFunction } from '../template/value.js';

export const regexFuncs: Record<string, GoFunction> = {};
