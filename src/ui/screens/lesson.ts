import type { Lesson, Question, Reference } from '../../content/schema.ts';
import { renderMarkdown } from '../markdown.ts';
import type { Theme } from '../theme.ts';
import { wrapText } from '../wrap.ts';
import { plural } from '../../text/plural.ts';
import { printableLine } from '../../text/printable.ts';

/** What every lesson screen needs to know about the terminal and the lesson's place in the course. */
export interface LessonScreen {
  theme: Theme;
  width: number;
  /** Where rendered sections are kept between runs (ctx.cacheDir). */
  cacheDir?: string | undefined;
  /** 1-based position of the lesson in the course, and the number of lessons. */
  position: number;
  count: number;
}

/** "Lesson 2 of 7 · Section 3 of 5" */
export function sectionHeader(lesson: Lesson, index: number, screen: LessonScreen): string {
  return `Lesson ${screen.position} of ${screen.count} · Section ${index + 1} of ${lesson.sections.length}`;
}

/** The lesson's title, summary and objectives: the top of its first section, and of `--print`. */
export async function renderIntro(lesson: Lesson, screen: LessonScreen): Promise<string> {
  const { theme, width } = screen;
  const parts = [
    theme.heading(wrapText(lesson.title, width)),
    theme.dim(
      wrapText(
        `${lesson.minutes ? `About ${lesson.minutes} minutes · ` : ''}${plural(lesson.sections.length, 'section')}`,
        width,
      ),
    ),
    '',
    await renderMarkdown(lesson.summary, { width, color: theme.color, cacheDir: screen.cacheDir }),
  ];
  if (lesson.objectives?.length) {
    parts.push('', theme.strong(wrapText('By the end of this lesson you can:', width)));
    parts.push(
      await renderMarkdown(lesson.objectives.map((o) => `- ${o}`).join('\n'), {
        width,
        color: theme.color,
        cacheDir: screen.cacheDir,
      }),
    );
  }
  return parts.join('\n');
}

/** One section's title and body, without the header line (the pager keeps that fixed). */
export async function renderSectionBody(
  lesson: Lesson,
  index: number,
  screen: LessonScreen,
): Promise<string> {
  const section = lesson.sections[index]!;
  const title = screen.theme.heading(wrapText(section.title, screen.width));
  const body = await renderMarkdown(section.body, {
    width: screen.width,
    color: screen.theme.color,
    cacheDir: screen.cacheDir,
  });
  const check = section.check
    ? `\n\n${screen.theme.dim(wrapText('A question on this section comes next.', screen.width))}`
    : '';
  return `${title}\n\n${body}${check}`;
}

/** The key terms, each with its definition under it. */
export async function renderTerms(lesson: Lesson, screen: LessonScreen): Promise<string> {
  const { theme, width } = screen;
  const terms = lesson.terms ?? [];
  if (terms.length === 0) return theme.dim('This lesson has no key terms.');
  const blocks = await Promise.all(
    terms.map(
      async (t) =>
        `${theme.strong(wrapText(t.term, width))}\n` +
        indent(
          await renderMarkdown(t.definition, {
            width: width - 2,
            color: theme.color,
            cacheDir: screen.cacheDir,
          }),
          2,
        ),
    ),
  );
  return [theme.heading(`Key terms · ${lesson.title}`), '', blocks.join('\n\n')].join('\n');
}

export function formatReference(ref: Reference): string {
  const authors = ref.authors.length > 3 ? `${ref.authors[0]} et al.` : ref.authors.join(', ');
  return `${authors} (${ref.year}). ${ref.title}.${ref.url ? ` ${printableLine(ref.url)}` : ''}`;
}

export function renderReferences(lesson: Lesson, screen: LessonScreen): string {
  const refs = lesson.references ?? [];
  if (refs.length === 0) return '';
  return [
    screen.theme.heading('References'),
    '',
    ...refs.map((r) => wrapText(`- ${formatReference(r)}`, screen.width)),
  ].join('\n');
}

/** The end of a lesson: what was covered, the key terms and the references. */
export async function renderRecap(lesson: Lesson, screen: LessonScreen): Promise<string> {
  const { theme, width } = screen;
  const parts = [
    theme.ok(wrapText(`You have finished "${lesson.title}".`, width)),
    '',
    await renderTerms(lesson, screen),
  ];
  const refs = renderReferences(lesson, screen);
  if (refs) parts.push('', refs);
  return parts.join('\n');
}

/** What a lesson's check is called, when it is asked and when it is printed. */
export const CHECK_HEADING = 'Check your understanding';

/** A check question as text, for `--print`: the prompt and its choices, never the answer. */
async function renderCheck(question: Question, screen: LessonScreen): Promise<string> {
  const { theme, width } = screen;
  const lines = [
    theme.strong(CHECK_HEADING),
    await renderMarkdown(question.prompt, { width, color: theme.color, cacheDir: screen.cacheDir }),
  ];
  const list = (items: string[]) =>
    items.forEach((item, i) => lines.push(wrapText(`  ${i + 1}. ${item}`, width)));
  if (question.type === 'single' || question.type === 'multiple') list(question.choices.map((c) => c.text));
  if (question.type === 'multiple') lines.push(theme.dim('(Select all that apply.)'));
  if (question.type === 'true-false') lines.push(theme.dim('(True or false?)'));
  if (question.type === 'order') {
    lines.push(theme.dim('(Put these in order.)'));
    list([...question.items].sort((a, b) => a.localeCompare(b)));
  }
  return lines.join('\n');
}

/** The whole lesson for `learn --print`: everything a reader sees, one section after another. */
/**
 * The whole lesson, in the order it reads, one part at a time: `learn --print` writes each part as
 * soon as it is rendered, so the first screen appears before the last section is done.
 */
export async function* wholeLessonParts(lesson: Lesson, screen: LessonScreen): AsyncGenerator<string> {
  const { theme, width } = screen;
  const rule = theme.dim('─'.repeat(Math.min(width, 40)));
  yield `${await renderIntro(lesson, screen)}\n`;
  for (let i = 0; i < lesson.sections.length; i++) {
    const section = lesson.sections[i]!;
    const parts = [
      '',
      rule,
      theme.dim(sectionHeader(lesson, i, screen)),
      theme.heading(wrapText(section.title, width)),
      '',
    ];
    parts.push(await renderMarkdown(section.body, { width, color: theme.color, cacheDir: screen.cacheDir }));
    if (section.check) parts.push('', await renderCheck(section.check, screen));
    yield `${parts.join('\n')}\n`;
  }
  const tail = ['', rule, await renderTerms(lesson, screen)];
  const refs = renderReferences(lesson, screen);
  if (refs) tail.push('', refs);
  yield `${tail.join('\n')}\n`;
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}
