import type { GoFunction } from '../template/value.js';

export const mathFuncs: Record<string, GoFunction> = {};
