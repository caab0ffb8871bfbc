/** Errors that end the run with exit status 2 and one clear line (never a stack trace). */
export class FatalError extends Error {
  readonly exitCode = 2;
}

/** Bad command-line arguments. */
export class UsageError extends FatalError {}

/** An unreadable or invalid config file. */
export class ConfigError extends FatalError {}

/** A PATH that does not exist, or no input at all. */
export class InputError extends FatalError {}
