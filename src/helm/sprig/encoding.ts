import type { GoFunction } from '../template/value.js';

export const encodingFuncs: Record<string, GoFunction> = {};
