import type { GoFunction } from '../template/value.js';

export const collectionFuncs: Record<string, GoFunction> = {};
