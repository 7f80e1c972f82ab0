import type { Course } from '../../content/course.ts';
import type { Lesson, Question, Quiz } from '../../content/schema.ts';
import { CancelledError, UserError } from '../../errors.ts';
import type { CourseProgress, UnfinishedQuiz } from '../../progress/types.ts';
import {
  attemptRecord,
  finishAttempt,
  firstUnanswered,
  lastMissed,
  planQuiz,
  resumable,
  saveAnswer,
  scoreLine,
  scoreOf,
  startAttempt,
  type Plan,
} from '../../quiz/session.ts';
import { seededRandom } from '../../quiz/shuffle.ts';
import { findLesson } from '../../lesson/continue.ts';
import { textWidth } from '../../ui/io.ts';
import { grade } from '../../quiz/grade.ts';
import { askQuestion, explain, inline } from '../../ui/question.ts';
import { cutToWidth, wrapHanging, wrapText } from '../../ui/wrap.ts';
import { questionScreen, type Ctx } from '../context.ts';
import { plural } from '../../text/plural.ts';

export interface QuizOptions {
  /** Ask only the questions missed in the last finished attempt. */
  missed?: boolean;
  shuffle?: boolean;
  seed?: number;
  limit?: number;
}

/**
 * `alignment-tutor quiz [lesson]`: one question at a time, feedback after each, the score at the
 * end. Every answer is saved as it is given, so a quiz left at any moment resumes where it stopped.
 */
export async function runQuiz(
  ctx: Ctx,
  lessonArg: string | undefined,
  opts: QuizOptions = {},
): Promise<void> {
  const course = await ctx.course();
  const saved = (await ctx.store.read()).courses[ctx.courseId];
  const lesson = pickLesson(course, lessonArg, saved);
  const quiz = course.quizzes.get(lesson.id)!;
  const random = opts.seed !== undefined ? seededRandom(opts.seed) : Math.random;
  const out = (s: string) => ctx.io.stdout.write(s);

  out(`${ctx.theme.heading(quiz.title ?? `Quiz: ${lesson.title}`)}\n`);

  let attempt = await offerResume(ctx, resumable(saved?.quizzes[lesson.id]?.current, quiz));
  if (!attempt) {
    let plan: Plan;
    let mode: 'all' | 'missed' = 'all';
    if (opts.missed) {
      const only = missedToRetry(ctx, quiz, lesson, saved);
      if (!only) return;
      plan = planQuiz(quiz, { ...opts, only, random });
      mode = 'missed';
    } else plan = planQuiz(quiz, { ...opts, random });
    attempt = await begin(ctx, lesson.id, plan, mode);
  }

  for (;;) {
    const missed = await takeAttempt(ctx, lesson, quiz, attempt);
    // The score line ends a finished quiz in --plain mode, so the retry offer comes only interactively.
    if (missed.length === 0 || ctx.prompter.plain) return;
    const again = await ctx.prompter.confirm(
      `Retry the ${missed.length === 1 ? 'question' : `${missed.length} questions`} you missed?`,
      { default: true },
    );
    if (!again) return;
    attempt = await begin(
      ctx,
      lesson.id,
      planQuiz(quiz, { ...opts, limit: undefined, only: missed, random }),
      'missed',
    );
  }
}

function begin(ctx: Ctx, lessonId: string, plan: Plan, mode: 'all' | 'missed'): Promise<UnfinishedQuiz> {
  return ctx.store.update(ctx.courseId, (c, now) => startAttempt(c, lessonId, plan, mode, now.toISOString()));
}

/** The lesson named, or the one last read, or the first with a quiz. */
function pickLesson(
  course: Course,
  lessonArg: string | undefined,
  saved: CourseProgress | undefined,
): Lesson {
  if (lessonArg !== undefined) {
    const found = findLesson(course, lessonArg);
    if ('suggestions' in found) {
      const near = found.suggestions;
      throw new UserError(
        `there is no lesson "${lessonArg}"${near.length ? `; did you mean ${near.map((id) => `"${id}"`).join(' or ')}?` : ''}`,
        'Run alignment-tutor list to see the lessons and their ids.',
      );
    }
    const { lesson } = found;
    if (!course.quizzes.has(lesson.id))
      throw new UserError(
        `the lesson "${lesson.id}" has no quiz`,
        'Run alignment-tutor list to see which lessons have one.',
      );
    return lesson;
  }
  const last = saved?.last?.lesson;
  const lesson =
    course.lessons.find((l) => l.id === last && course.quizzes.has(l.id)) ??
    course.lessons.find((l) => course.quizzes.has(l.id));
  if (!lesson) throw new UserError('this course has no quizzes yet');
  return lesson;
}

async function offerResume(
  ctx: Ctx,
  current: UnfinishedQuiz | undefined,
): Promise<UnfinishedQuiz | undefined> {
  if (!current) return undefined;
  const next = firstUnanswered(current);
  if (next < 0) return current;
  const answered =
    current.questions.length - current.questions.filter((id) => !(id in current.answers)).length;
  // Nothing answered yet: nothing to lose, and this run's options (a new --seed, say) apply.
  if (answered === 0) return undefined;
  const choice = await ctx.prompter.select(
    `You left this quiz after answering ${answered} of ${current.questions.length} questions.`,
    [
      { label: `Resume at question ${next + 1}`, value: 'resume' as const },
      { label: 'Start over', value: 'over' as const },
    ],
    { default: 'resume' },
  );
  return choice === 'resume' ? current : undefined;
}

/** The ids to retry with --missed, or undefined (after saying why) when there are none. */
function missedToRetry(
  ctx: Ctx,
  quiz: Quiz,
  lesson: Lesson,
  saved: CourseProgress | undefined,
): string[] | undefined {
  const last = lastMissed(saved?.quizzes[lesson.id]);
  if (!last)
    throw new UserError(
      `you have not finished the "${lesson.id}" quiz yet, so nothing was missed`,
      `Take it first: alignment-tutor quiz ${lesson.id}`,
    );
  const known = new Set(quiz.questions.map((q) => q.id));
  const missed = last.missed.filter((id) => known.has(id));
  if (missed.length === 0) {
    ctx.io.stdout.write(
      `You missed nothing in your last attempt (${last.attempt.right}/${last.attempt.total}): nothing to retry.\n`,
    );
    return undefined;
  }
  return missed;
}

/** Asks every unanswered question of the attempt, then prints the summary; returns the ids missed. */
async function takeAttempt(ctx: Ctx, lesson: Lesson, quiz: Quiz, attempt: UnfinishedQuiz): Promise<string[]> {
  const out = (s: string) => ctx.io.stdout.write(s);
  const { theme } = ctx;
  const width = textWidth(ctx.io);
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const total = attempt.questions.length;
  const first = firstUnanswered(attempt);
  if (first < 0) {
    out(`${summary(ctx, lesson, quiz, attempt).text}\n`);
    return [];
  }
  const questions = plural(total, 'question');
  const intro =
    first > 0
      ? `Resuming at question ${first + 1} of ${total}.`
      : attempt.mode === 'missed'
        ? `Retrying the ${questions} you missed.`
        : `${questions}; ${Math.round(quiz.pass * 100)}% to pass.`;
  out(`${theme.dim(intro)}\n`);

  for (let i = first; i < total; i++) {
    const id = attempt.questions[i]!;
    const question = byId.get(id);
    if (!question || id in attempt.answers) continue;
    const { response, hintUsed } = await askQuestion(questionScreen(ctx), question, {
      number: i + 1,
      total,
      display: attempt.display[id],
    });
    const graded = grade(question, response);
    const { correct } = graded;
    out(`\n${explain(question, response, graded, { theme, width })}\n`);
    const revisit = !correct ? revisitLine(ctx, lesson, question, 0) : undefined;
    if (revisit) out(`${theme.accent(revisit)}\n`);

    const last = attempt.questions.every((q) => q === id || q in attempt.answers);
    await ctx.store.update(ctx.courseId, (c, now) => {
      const at = now.toISOString();
      saveAnswer(c, lesson.id, attempt, id, { response, correct, hintUsed }, at);
      // Finishing in the same save as the last answer leaves no moment with an attempt that is answered but open.
      if (last) finishAttempt(c, lesson.id, attempt, quiz.pass, at);
    });
    if (!last && !ctx.prompter.plain) await pause(ctx);
  }
  const { text, missed } = summary(ctx, lesson, quiz, attempt);
  out(`\n${text}\n`);
  return missed;
}

/** Between questions on a terminal: time to read the feedback, and a way to stop and resume later. */
async function pause(ctx: Ctx): Promise<void> {
  const choice = await ctx.prompter.select('Continue', [
    { label: 'Next question', value: 'next' as const },
    { label: 'Stop here (resume later)', value: 'stop' as const },
  ]);
  if (choice === 'stop') throw new CancelledError();
}

/**
 * "Revisit: lesson › section", indented by `indent`. On a terminal it is wrapped under its own
 * text; piped, it stays one line, as the `--plain` protocol promises (README.md).
 */
function revisitLine(ctx: Ctx, lesson: Lesson, question: Question, indent: number): string | undefined {
  const section = question.section ? lesson.sections.find((s) => s.id === question.section) : undefined;
  if (!section) return undefined;
  const label = 'Revisit: ';
  const whole = `${label}${lesson.title} › ${section.title}`;
  const text = ctx.io.stdout.isTTY
    ? wrapHanging(whole, textWidth(ctx.io) - indent, { start: 0, indent: label.length })
    : whole;
  return text
    .split('\n')
    .map((line) => ' '.repeat(indent) + line)
    .join('\n');
}

/** The end of an attempt: score, pass or not, what was missed and where to read again. */
function summary(
  ctx: Ctx,
  lesson: Lesson,
  quiz: Quiz,
  attempt: UnfinishedQuiz,
): { text: string; missed: string[] } {
  const { theme } = ctx;
  const width = textWidth(ctx.io);
  const record = attemptRecord(attempt, quiz.pass, '');
  const s = scoreOf(record.right, record.total, quiz.pass);
  const lines = [theme.heading(attempt.mode === 'missed' ? 'Retry finished' : 'Quiz finished')];
  lines.push(
    wrapText(
      attempt.mode === 'missed'
        ? // A retry of only the missed questions says how the learner did, but it neither passes the quiz nor sets its score.
          `You answered ${record.right} of the ${plural(record.total, 'missed question')} right. Your quiz score stays as it was; take the whole quiz again to raise it.`
        : `You answered ${record.right} of ${record.total} right. ${s.passed ? theme.ok('Passed') : theme.bad('Not passed')} (${Math.round(quiz.pass * 100)}% needed).`,
      width,
    ),
  );
  if (record.missed.length) {
    lines.push('', 'Missed:');
    for (const id of record.missed) {
      const q = quiz.questions.find((x) => x.id === id);
      if (!q) continue;
      const lead = `  - Question ${attempt.questions.indexOf(id) + 1}: `;
      lines.push(`${lead}${excerpt(inline(firstSentence(q.prompt), theme), width, lead.length)}`);
      const revisit = revisitLine(ctx, lesson, q, 4);
      if (revisit) lines.push(theme.accent(revisit));
    }
    if (ctx.prompter.plain) lines.push('', `To retry only these: alignment-tutor quiz ${lesson.id} --missed`);
  }
  lines.push('', scoreLine(s));
  return { text: lines.join('\n'), missed: record.missed };
}

/** `text` placed after `start` columns of a list line, wrapped under itself to two lines at most. */
function excerpt(text: string, width: number, start: number): string {
  const [first = '', second, ...more] = wrapHanging(text, width, { start, indent: start }).split('\n');
  if (second === undefined || more.length === 0)
    return [first, second].filter((l) => l !== undefined).join('\n');
  const indent = /^ */.exec(second)![0];
  const rest = [second, ...more].map((l) => l.trimStart()).join(' ');
  return `${first}\n${indent}${cutToWidth(rest, width - indent.length)}`;
}

/**
 * The first sentence of a prompt's first paragraph (Markdown), to name the question in a list.
 * A full stop after an abbreviation or an initial ("Amodei et al. (2016)") does not end it.
 */
export function firstSentence(prompt: string): string {
  const paragraph = (prompt.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ');
  for (const m of paragraph.matchAll(/[.?!]+["'”’)*_]*(?=\s)/g)) {
    const sentence = paragraph.slice(0, m.index + m[0].length);
    if (!ABBREVIATION.test(sentence.replace(/["'”’)*_]+$/, ''))) return sentence;
  }
  return paragraph;
}

const ABBREVIATION = /\b(?:et al|[Ee]\.g|[Ii]\.e|cf|vs|[A-Z])\.$/;
