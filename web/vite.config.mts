// The intranet page is built to web/dist, which the gateway serves in all-in-one mode. `npm run
// dev -w @ebp/web` serves it with hot reload and sends /graphql and /dev to a running platform.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const platform = process.env.EBP_PLATFORM_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/graphql': platform, '/dev': platform } },
});
