import type { GoFunction } from '../template/value.js';

export const randomFuncs: Record<string, GoFunction> = {};
