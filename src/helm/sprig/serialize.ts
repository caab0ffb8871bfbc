import type { GoFunction } from '../template/value.js';

export const serializeFuncs: Record<string, GoFunction> = {};
