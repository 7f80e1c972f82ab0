// Preloaded into a benchmarked process (memory runs only): records its peak resident set size.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const out = process.env.BENCH_RSS_FILE;
  if (out) writeFileSync(out, String(process.resourceUsage().maxRSS * 1024));
});
