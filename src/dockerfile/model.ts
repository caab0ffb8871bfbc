/**
 * What the rules see of a Dockerfile: its build stages and their
 * instructions, each with 1-based positions, independent of the parser
 * library so rules and tests never touch its API.
 */

/** A range in the Dockerfile: 1-based lines, columns in UTF-16 units, endColumn just after the last character. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One word of an instruction's arguments, as written and with build args/ENV substituted. */
export interface Word {
  raw: string;
  /** The value with `$VAR`/`${VAR}` resolved where the Dockerfile defines them; undefined when one is unknown. */
  value?: string;
  span: Span;
}

export interface Flag {
  name: string;
  value?: string;
  span: Span;
}

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, USER, EXPOSE... */
  keyword: string;
  /** The whole instruction, first line to last (continuations included). */
  span: Span;
  /** Arguments without the flags (`--from=...`, `--chown=...`). */
  words: Word[];
  flags: Flag[];
  /** Exec (JSON array) form, for RUN/CMD/ENTRYPOINT: `RUN ["npm", "ci"]`. */
  execForm: boolean;
}

export interface Stage {
  /** 0-based position of the stage in the file. */
  index: number;
  /** The `AS name` of the stage, lower-cased (stage names are case-insensitive). */
  name?: string;
  /** The FROM instruction that starts the stage. */
  from: Instruction;
  /** The image or stage the stage starts from, as written. */
  base: Word;
  /** Set when `base` names an earlier stage of this Dockerfile. */
  baseStage?: Stage;
  /** The instructions after FROM, up to the next FROM. */
  instructions: Instruction[];
}

export interface DockerfileModel {
  /** Display path (relative to the working directory, with `/`). */
  file: string;
  /** Absolute path on disk. */
  abs: string;
  stages: Stage[];
}

export function finalStage(df: DockerfileModel): Stage | undefined {
  return df.stages[df.stages.length - 1];
}

/** Stages in the order the final image inherits them: `FROM builder` makes builder's instructions part of it. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.baseStage) chain.unshift(s);
  return chain;
}
