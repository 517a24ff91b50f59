import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The WAR packs trace-web/target/frontend-dist as its web root, so the app is served from `/`.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: '../../../target/frontend-dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
  test: {
    // Pure logic tests run in node; render tests opt into jsdom with a file comment.
    environment: 'node',
    // Tests sit next to what they test; their shared fixtures are in test/fixtures.
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // The machine's two cores are shared with the Java build.
    maxWorkers: 1,
  },
})
