import type { Question } from '../../content/schema.ts';
import type { AnswerRecord } from '../../progress/types.ts';
import { findMistakes } from '../../quiz/mistakes.ts';
import { plural } from '../../text/plural.ts';
import { textWidth } from '../../ui/io.ts';
import { inline } from '../../ui/question.ts';
import { firstSentence } from '../../ui/screens/quiz.ts';
import { wrapHanging } from '../../ui/wrap.ts';
import type { Ctx } from '../context.ts';
import { courseQuestions } from '../review-state.ts';

/**
 * `alignment-tutor mistakes [--json]`: the questions currently missed and the wrong choices picked
 * more than once, each with what the choice reveals and the section to read again.
 */
export async function runMistakes(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const course = await ctx.course();
  const progress = (await ctx.store.read()).courses[ctx.courseId];
  const questions = courseQuestions(course);
  const answers = new Map<string, readonly AnswerRecord[]>(
    Object.entries(progress?.quizzes ?? {}).map(([lesson, q]) => [lesson, q.answers]),
  );
  const found = findMistakes(answers, questions);
  const where = (lesson: string, q: Question) => {
    const l = course.lessons.find((x) => x.id === lesson)!;
    const section = q.section ? l.sections.find((s) => s.id === q.section) : undefined;
    return section
      ? { text: `${l.title} › ${section.title}`, command: ctx.command(`learn ${lesson}/${section.id}`) }
      : { text: l.title, command: ctx.command(`learn ${lesson}`) };
  };
  const choiceOf = (q: Question, i: number | undefined) =>
    i === undefined
      ? undefined
      : (q as { choices?: Array<{ text: string; feedback?: string }> }).choices?.[i];

  if (opts.json) {
    const json = {
      missed: found.missed.map((m) => {
        const q = questions.get(m.lesson)!.get(m.question)!;
        const c = choiceOf(q, m.lastChoice);
        return {
          ...m,
          prompt: firstSentence(q.prompt),
          ...(c?.feedback ? { feedback: c.feedback } : {}),
          explanation: q.explanation,
          revisit: where(m.lesson, q),
        };
      }),
      misconceptions: found.misconceptions.map((m) => {
        const q = questions.get(m.lesson)!.get(m.question)!;
        const c = choiceOf(q, m.choice);
        return {
          ...m,
          prompt: firstSentence(q.prompt),
          choiceText: c?.text,
          ...(c?.feedback ? { feedback: c.feedback } : {}),
          revisit: where(m.lesson, q),
        };
      }),
    };
    ctx.io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }

  const { theme } = ctx;
  const width = ctx.io.stdout.isTTY ? textWidth(ctx.io) : Infinity;
  const wrap = (s: string, indent: number) =>
    width === Infinity
      ? ' '.repeat(indent) + s
      : wrapHanging(' '.repeat(indent) + s, width, { start: 0, indent: indent + 2 });
  const out: string[] = [];
  if (found.missed.length === 0 && found.misconceptions.length === 0) {
    const answered = [...answers.values()].some((a) => a.length > 0);
    ctx.io.stdout.write(
      answered
        ? 'No mistakes standing: your latest answer to every question you have answered is right.\n'
        : `No answers yet, so no mistakes. Take a quiz: ${ctx.command('quiz')}\n`,
    );
    return;
  }
  if (found.missed.length) {
    out.push(theme.heading(`Missed now (${found.missed.length})`), '');
    for (const m of found.missed) {
      const q = questions.get(m.lesson)!.get(m.question)!;
      const c = choiceOf(q, m.lastChoice);
      out.push(
        wrap(
          `- ${inline(firstSentence(q.prompt), theme)} (${m.lesson}/${m.question}; wrong ` +
            `${plural(m.timesWrong, 'time')})`,
          0,
        ),
      );
      if (c)
        out.push(
          wrap(`You chose: ${inline(c.text, theme)}${c.feedback ? ` ${inline(c.feedback, theme)}` : ''}`, 4),
        );
      out.push(wrap(`Why: ${inline(q.explanation, theme)}`, 4));
      const w = where(m.lesson, q);
      out.push(theme.accent(wrap(`Revisit: ${w.text}: ${w.command}`, 4)), '');
    }
  }
  if (found.misconceptions.length) {
    out.push(theme.heading(`Wrong choices picked more than once (${found.misconceptions.length})`), '');
    for (const m of found.misconceptions) {
      const q = questions.get(m.lesson)!.get(m.question)!;
      const c = choiceOf(q, m.choice);
      out.push(
        wrap(
          `- "${inline(c?.text ?? '', theme)}", ${plural(m.times, 'time')}, for: ` +
            `${inline(firstSentence(q.prompt), theme)}`,
          0,
        ),
      );
      if (c?.feedback) out.push(wrap(inline(c.feedback, theme), 4));
      const w = where(m.lesson, q);
      out.push(theme.accent(wrap(`Revisit: ${w.text}: ${w.command}`, 4)), '');
    }
  }
  out.push(
    `To practise them: ${ctx.command('review')} brings each back when it is due; ` +
      `${ctx.command('quiz <lesson> --missed')} retries a quiz's misses now.`,
  );
  ctx.io.stdout.write(`${out.join('\n')}\n`);
}
