// Entry of the lazily loaded Markdown parser bundle (see scripts/build.mjs).
export { Marked } from 'marked';
