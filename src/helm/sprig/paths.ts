import type { GoFunction } from '../template/value.js';

export const pathFuncs: Record<string, GoFunction> = {};
