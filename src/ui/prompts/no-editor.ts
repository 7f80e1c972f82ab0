// Stand-in for Inquirer's editor prompt in the bundle: the tutor never opens an external editor,
// and the real one brings half a megabyte of character-set tables with it.
export default function editor(): never {
  throw new Error('the editor prompt is not part of alignment-tutor');
}
