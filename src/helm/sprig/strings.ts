import type { GoFunction } from '../template/value.js';

export const stringFuncs: Record<string, GoFunction> = {};
