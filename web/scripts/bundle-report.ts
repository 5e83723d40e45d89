// Prints the size of every chunk of the page's build and fails when the first page (sign-in and
// home) is over its gzipped budget. Runs after `vite build` in `npm run build -w @ebp/web`.
import { join } from 'node:path';
import { bundleReport, formatReport } from './bundle-budget';

const report = bundleReport(join(import.meta.dirname, '..', 'dist'));
console.log(formatReport(report));
if (!report.withinBudget) {
  console.error('the sign-in and home pages are over their budget: split what they do not show');
  process.exitCode = 1;
}
