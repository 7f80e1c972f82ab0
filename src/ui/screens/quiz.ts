import type { Lesson, Question, Quiz } from '../../content/schema.ts';
import type { Grade } from '../../quiz/kinds/registry.ts';
import type { Response } from '../../quiz/response.ts';
import type { UnfinishedQuiz } from '../../progress/types.ts';
import { attemptRecord } from '../../quiz/session.ts';
import { scoreLine, scoreOf } from '../../quiz/score.ts';
import { plural } from '../../text/plural.ts';
import { explain, inline } from '../question.ts';
import type { Theme } from '../theme.ts';
import { cutToWidth, wrapHanging, wrapText } from '../wrap.ts';

/** A quiz on screen: its intro, the revisit note under a wrong answer, and the summary at the end. */
export interface QuizScreen {
  theme: Theme;
  width: number;
  /** Output is a terminal: long lines wrap; piped, a protocol line stays whole (README.md). */
  terminal: boolean;
  /** `--plain`: the summary ends with the command to retry what was missed. */
  plain: boolean;
  command: (args: string) => string;
  /** The learner's next step after this quiz (see next-step.ts), shown above the score. */
  nextStep?: string;
}

/**
 * The quiz's heading: its title, or "Quiz: " and the lesson's title. A heading starts with a
 * capital after "Quiz: " as lesson titles do, however the file wrote it.
 */
export function quizHeading(quiz: Quiz, lesson: Lesson): string {
  const title = quiz.title ?? `Quiz: ${lesson.title}`;
  return title.replace(
    /^(Quiz:\s*)?(\p{Ll})/u,
    (_, pre: string | undefined, c: string) => `${pre ?? ''}${c.toUpperCase()}`,
  );
}

/** The line under the quiz's title: how many questions and the pass mark, or where it resumes. */
export function quizIntro(quiz: Quiz, attempt: UnfinishedQuiz, first: number): string {
  const total = attempt.questions.length;
  const questions = plural(total, 'question');
  return first > 0
    ? `Resuming at question ${first + 1} of ${total}.`
    : attempt.mode === 'missed'
      ? `Retrying the ${questions} you missed.`
      : `${questions}; ${Math.round(quiz.pass * 100)}% to pass.`;
}

/**
 * "Revisit: lesson › section", indented by `indent`. On a terminal it is wrapped under its own
 * text; piped, it stays one line, as the `--plain` protocol promises (README.md).
 */
export function revisitLine(
  screen: QuizScreen,
  lesson: Lesson,
  question: Question,
  indent: number,
): string | undefined {
  const section = question.section ? lesson.sections.find((s) => s.id === question.section) : undefined;
  if (!section) return undefined;
  const label = 'Revisit: ';
  const whole = `${label}${lesson.title} › ${section.title}`;
  const text = screen.terminal
    ? wrapHanging(whole, screen.width - indent, { start: 0, indent: label.length })
    : whole;
  return text
    .split('\n')
    .map((line) => ' '.repeat(indent) + line)
    .join('\n');
}

/**
 * The feedback on an answer and, under a wrong one, where to read again, at a given width: a
 * screen drawn again at a new terminal size wraps it again.
 */
export function answerFeedback(
  screen: QuizScreen,
  lesson: Lesson,
  question: Question,
  response: Response,
  graded: Grade,
): (width: number) => string {
  return (width) => {
    const { theme } = screen;
    const revisit = graded.correct ? undefined : revisitLine({ ...screen, width }, lesson, question, 0);
    return `${explain(question, response, graded, { theme, width })}${revisit ? `\n${theme.accent(revisit)}` : ''}`;
  };
}

/** The end of an attempt: score, pass or not, what was missed and where to read again. */
export function quizSummary(
  screen: QuizScreen,
  lesson: Lesson,
  quiz: Quiz,
  attempt: UnfinishedQuiz,
): { text: string; missed: string[] } {
  const { theme, width } = screen;
  const record = attemptRecord(attempt, quiz.pass, '');
  const s = scoreOf(record.right, record.total, quiz.pass);
  const lines = [theme.heading(attempt.mode === 'missed' ? 'Retry finished' : 'Quiz finished')];
  lines.push(
    wrapText(
      attempt.mode === 'missed'
        ? // A retry of only the missed questions says how the learner did; it neither passes nor scores the quiz.
          `You answered ${record.right} of the ${plural(record.total, 'missed question')} right. ` +
            'Your quiz score stays as it was; take the whole quiz again to raise it.'
        : `You answered ${record.right} of ${record.total} right. ` +
            `${s.passed ? theme.ok('Passed') : theme.bad('Not passed')} (${Math.round(quiz.pass * 100)}% needed).`,
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
      const revisit = revisitLine(screen, lesson, q, 4);
      if (revisit) lines.push(theme.accent(revisit));
      // Interactively the menu after the summary opens the section; a script gets the command.
      if (revisit && screen.plain)
        lines.push(`    Read it again: ${screen.command(`learn ${lesson.id}/${q.section}`)}`);
    }
    if (screen.plain) lines.push('', `To retry only these: ${screen.command(`quiz ${lesson.id} --missed`)}`);
  }
  if (screen.nextStep) lines.push('', screen.terminal ? wrapText(screen.nextStep, width) : screen.nextStep);
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
