import type { GoFunction } from '../template/value.js';

export const defaultsFuncs: Record<string, GoFunction> = {};
