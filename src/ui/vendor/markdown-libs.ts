// Entry of the lazily loaded Markdown bundle (see src/build/build.mjs): the parser and its terminal
// renderer travel together, since they are always used together.
export { Marked } from 'marked';
export { markedTerminal } from 'marked-terminal';
