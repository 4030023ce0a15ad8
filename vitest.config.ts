import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Outside Next.js, 'server-only' would throw on import; tests run server code on purpose.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'i18n/**/*.test.ts'],
    environment: 'node',
    // The account tests hash passwords with scrypt and run on two databases: on a busy 2-core
    // machine one test can pass 5 s without anything being wrong.
    testTimeout: 20_000,
  },
});
