// The intranet page is built to web/dist, which the gateway serves in all-in-one mode. `npm run
// dev -w @ebp/web` serves it with hot reload and sends /graphql and /dev to a running platform.
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const platform = process.env.EBP_PLATFORM_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  // The shared contracts from their TypeScript source, as the services' tools read them.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // No source maps in the build the gateway serves (issue 17): they would publish the page's
  // source. `npm run dev` serves them for debugging; the gateway refuses *.map regardless.
  // The manifest lets the build weigh the first page (scripts/bundle-report.ts).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, manifest: true },
  server: { proxy: { '/graphql': platform, '/dev': platform } },
});
