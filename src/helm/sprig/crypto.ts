import type { GoFunction } from '../template/value.js';

export const cryptoFuncs: Record<string, GoFunction> = {};
