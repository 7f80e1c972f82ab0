// Stand-in for cli-highlight in the bundle: code blocks are shown as written, uncoloured,
// which spares loading all of highlight.js's languages. marked-terminal imports only this.
export function highlight(code: string): string {
  return code;
}
