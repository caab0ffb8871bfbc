import type { GoFunction } from '../template/value.js';

export const conversionFuncs: Record<string, GoFunction> = {};
