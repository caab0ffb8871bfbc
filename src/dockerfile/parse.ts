/**
 * Dockerfile text -> DockerfileModel, with dockerfile-ast (the parser the VS
 * Code Docker extension uses): it follows BuildKit's rules for line
 * continuations, the escape directive, heredocs and variable substitution,
 * and keeps every position. It is loaded on first use only, so a lint with no
 * Dockerfile to cross-check never pays its start-up cost.
 */
import { createRequire } from 'node:module';
import type * as Ast from 'dockerfile-ast';
import type { DockerfileModel, Flag, Instruction, Span, Stage, Word } from './model.js';

type AstModule = typeof Ast;
let astModule: AstModule | undefined;
function ast(): AstModule {
  return (astModule ??= createRequire(import.meta.url)('dockerfile-ast') as AstModule);
}

interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }

function span(r: LspRange): Span {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A substituted value is only trusted when no `$` is left in it (an unknown variable stays as written). */
function resolved(value: string): string | undefined {
  return value.includes('$') ? undefined : value;
}

function unquote(s: string): string {
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.replace(/^"|"$/g, '');
  }
}

function convert(i: Ast.Instruction): Instruction {
  const jsonStrings = (i as Partial<Ast.JSONInstruction>).getJSONStrings?.() ?? [];
  const execForm = jsonStrings.length > 0;
  let words: Word[];
  if (execForm) {
    words = jsonStrings.map((a) => {
      const value = unquote(a.getValue());
      return { raw: value, value, span: span(a.getRange()) };
    });
  } else {
    const raw = i.getArguments();
    const expanded = i.getExpandedArguments();
    const sameShape = expanded.length === raw.length;
    words = raw.map((a, k) => ({ raw: a.getValue(), value: resolved(sameShape ? expanded[k].getValue() : a.getValue()), span: span(a.getRange()) }));
  }
  const flagList = (i as Partial<Ast.ModifiableInstruction>).getFlags?.() ?? [];
  const flags: Flag[] = flagList.map((f) => ({ name: f.getName().toLowerCase(), value: f.getValue() ?? undefined, span: span(f.getRange()) }));
  return { keyword: i.getKeyword().toUpperCase(), span: span(i.getRange()), words, flags, execForm };
}

export function parseDockerfile(text: string, file: string, abs: string): DockerfileModel {
  const parsed = ast().DockerfileParser.parse(text);
  const stages: Stage[] = [];
  for (const node of parsed.getInstructions()) {
    const ins = convert(node);
    if (ins.keyword === 'FROM') {
      // FROM [--platform=...] image [AS name]; flags are not among the words.
      const base = ins.words[0] ?? { raw: '', value: '', span: ins.span };
      const as = ins.words.length >= 3 && ins.words[1].raw.toLowerCase() === 'as' ? ins.words[2].raw.toLowerCase() : undefined;
      const baseName = (base.value ?? base.raw).toLowerCase();
      const baseStage = stages.find((s) => s.name === baseName);
      stages.push({ index: stages.length, name: as, from: ins, base, baseStage, instructions: [] });
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push(ins);
    }
    // Instructions before the first FROM (global ARGs) belong to no stage; their values reach FROM through substitution.
  }
  return { file, abs, stages };
}
