// Stand-in for cli-highlight in the bundle: code blocks are shown as written, uncoloured,
// which spares every start-up the cost of loading all of highlight.js's languages.
export function highlight(code: string): string {
  return code;
}
export function supportsLanguage(): boolean {
  return false;
}
export default { highlight, supportsLanguage };
