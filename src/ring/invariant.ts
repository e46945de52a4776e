// Invariant checks that stay on in production. A failure is a bug in this module, never bad
// input (bad input is a RingError), so it throws a plain Error with context and is not caught.

export function invariant(condition: boolean, message: () => string): asserts condition {
  if (!condition) {
    throw new Error(`ring invariant violated: ${message()}`);
  }
}
