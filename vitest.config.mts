import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer/src')
}

export default defineConfig({
  resolve: { alias },
  test: {
    // The console summary for people, plus a JSON report .ci/run sums into its closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { resolve: { alias }, test: { name: 'shared', include: ['tests/shared/**/*.test.ts'], environment: 'node' } },
      { resolve: { alias }, test: { name: 'main', include: ['tests/main/**/*.test.ts'], environment: 'node', pool: 'forks' } },
      { resolve: { alias }, test: { name: 'renderer', include: ['tests/renderer/**/*.test.{ts,tsx}'], environment: 'node' } }
    ]
  }
})
