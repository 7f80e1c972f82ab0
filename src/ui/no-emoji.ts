// Stand-in for node-emoji in the bundle: lessons turn emoji codes off (markdown.ts sets
// `emoji: false`), so marked-terminal never looks one up, and the 200 kB emoji table stays out.
export function get(code: string): string {
  return `:${code}:`;
}
