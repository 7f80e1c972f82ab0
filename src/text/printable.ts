/**
 * Untrusted text (from course files, progress files, file names, the command line) made safe to
 * print: every control character that could drive a terminal (C0 but tab and newline, DEL, C1,
 * and the line and paragraph separators) is shown as a visible escape like `\x1b`, and text longer
 * than `max` characters is cut with a note of how much was left out. Every message that quotes
 * input goes through this, as git and less never pass a control sequence from data to the screen.
 */
export function printable(text: string, max = 200): string {
  const shown = text.length > max ? text.slice(0, max) : text;
  const safe = shown.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return text.length > max ? `${safe}… (${text.length - max} more characters)` : safe;
}

/** Like `printable` for text on one line: newlines and tabs are shown too. */
export function printableLine(text: string, max = 200): string {
  return printable(text, max).replace(/[\n\t]/g, (c) => (c === '\n' ? '\\n' : '\\t'));
}

// Lone surrogates are left: they print as a replacement character, never as a command.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;
