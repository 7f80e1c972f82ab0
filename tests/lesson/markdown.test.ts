import { describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { renderMarkdown } from '../../src/ui/markdown.ts';
import { wrapText } from '../../src/ui/wrap.ts';

const md = `## Why it matters

A paragraph with **bold**, *emphasis* and \`code\`, written over
two source lines, with a [link to a paper](https://example.com/paper) in it.

- a tight item with **bold** and a long line that goes on for quite some while until it has to wrap
- second item

1. first step
2. second step

> A quote long enough to need wrapping at narrow widths, with *emphasis* inside it.

---

A line with :colons: and a hard break  
right here.
`;

const ESC = /\u001b/;

describe('renderMarkdown', () => {
  it('has no escape codes at all without colour', async () => {
    const out = await renderMarkdown(md, { width: 80, color: false });
    expect(out).not.toMatch(ESC);
    expect(out).toContain('## Why it matters');
    expect(out).toContain('A paragraph with bold, emphasis and code, written over two source lines');
    expect(out).toContain('link to a paper (https://example.com/paper)');
    expect(out).toContain('* a tight item with bold and');
    expect(out).toContain('1. first step');
    expect(out).toContain('│ A quote long enough');
    expect(out).toContain(':colons:');
    expect(out).toMatch(/hard break\nright here\./);
  });

  it('styles with escape codes when colour is on, without Markdown marks on headings', async () => {
    const out = await renderMarkdown(md, { width: 80, color: true });
    expect(out).toMatch(ESC);
    const plain = stripVTControlCharacters(out);
    expect(plain).toContain('Why it matters');
    expect(plain).not.toContain('## ');
    expect(plain).not.toContain('**');
  });

  it.each([30, 80])(
    'keeps every line within %i columns, continuing items and quotes under themselves',
    async (width) => {
      for (const color of [false, true]) {
        const lines = stripVTControlCharacters(await renderMarkdown(md, { width, color })).split('\n');
        for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
      }
      const lines = (await renderMarkdown(md, { width: 30, color: false })).split('\n');
      const item = lines.findIndex((l) => l.includes('* a tight item'));
      expect(lines[item + 1]).toMatch(/^ {4}\S/);
      const quote = lines.findIndex((l) => l.startsWith('│ A quote'));
      expect(lines[quote + 1]).toMatch(/^│ \S/);
    },
  );
});

describe('wrapText', () => {
  it('cuts a word longer than the line instead of running past the edge', () => {
    expect(wrapText('see https://example.com/a/very/long/address', 12).split('\n')).toEqual([
      'see',
      'https://exam',
      'ple.com/a/ve',
      'ry/long/addr',
      'ess',
    ]);
  });

  it('does not count escape codes as columns or break inside them', () => {
    const bold = '\u001b[1mbold\u001b[22m';
    const out = wrapText(`one ${bold} two three`, 13);
    expect(stripVTControlCharacters(out).split('\n')).toEqual(['one bold two', 'three']);
    expect(out).toContain(bold);
  });
});
