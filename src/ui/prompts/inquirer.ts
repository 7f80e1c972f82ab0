// The Inquirer prompts the facade uses, imported by name so the bundle keeps only these four
// (the package's editor prompt alone would bring half a megabyte of character-set tables).
// The facade imports this module lazily, when the first prompt is shown.
export { checkbox, confirm, input, select } from '@inquirer/prompts';
