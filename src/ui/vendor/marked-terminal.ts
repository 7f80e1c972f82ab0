// Entry of the lazily loaded terminal renderer bundle (see scripts/build.mjs).
export { markedTerminal } from 'marked-terminal';
