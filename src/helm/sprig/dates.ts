import type { GoFunction } from '../template/value.js';

export const dateFuncs: Record<string, GoFunction> = {};
