/** Runs once when the server starts; the work itself is Node-only and lives in lib/server/startup.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('@/lib/server/startup');
    await startServer();
  }
}
