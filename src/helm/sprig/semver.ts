import type { GoFunction } from '../template/value.js';

export const semverFuncs: Record<string, GoFunction> = {};
