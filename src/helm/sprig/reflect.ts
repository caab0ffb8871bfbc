import type { GoFunction } from '../template/value.js';

export const reflectFuncs: Record<string, GoFunction> = {};
