// What was thrown or rejected is `unknown` (a library may reject with anything): this is how a log
// line or an error message names it.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
