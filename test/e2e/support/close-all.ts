/**
 * Closes, in order, what a suite started in beforeAll. jest runs afterAll even when beforeAll
 * stopped half-way, so any of them may not have been started: those are skipped.
 */
export async function closeAll(...started: Array<{ close(): Promise<void> } | null | undefined>): Promise<void> {
  for (const item of started) await item?.close();
}
