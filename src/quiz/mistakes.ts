import type { Question } from '../content/schema.ts';
import type { AnswerRecord } from '../progress/types.ts';

/** A question whose latest answer was wrong. */
export interface Missed {
  lesson: string;
  question: string;
  /** When it was last answered (wrongly). */
  at: string;
  /** Wrong answers to it, all time. */
  timesWrong: number;
  /** The choice picked in the latest answer, when the question has choices. */
  lastChoice?: number;
}

/** A wrong choice picked more than once: a misconception worth naming. */
export interface Misconception {
  lesson: string;
  question: string;
  /** File index of the choice. */
  choice: number;
  times: number;
}

export interface Mistakes {
  missed: Missed[];
  misconceptions: Misconception[];
}

type Choices = { choices?: ReadonlyArray<{ correct?: boolean | undefined }> };

/** The choice indices a response picked (single or multiple choice); none for other kinds. */
function picked(response: AnswerRecord['response']): number[] {
  const r = response as { choice?: unknown; choices?: unknown };
  if (typeof r.choice === 'number') return [r.choice];
  if (Array.isArray(r.choices)) return r.choices.filter((c): c is number => typeof c === 'number');
  return [];
}

/**
 * The questions currently missed (latest answer wrong) and the wrong choices picked more than
 * once, across all lessons; questions no longer in the course are left out. Most recent first.
 * `answers` is each lesson's history; `questions` the course's reviewable questions by lesson.
 */
export function findMistakes(
  answers: ReadonlyMap<string, readonly AnswerRecord[]>,
  questions: ReadonlyMap<string, ReadonlyMap<string, Question>>,
): Mistakes {
  const missed: Missed[] = [];
  const misconceptions: Misconception[] = [];
  for (const [lesson, history] of answers) {
    const known = questions.get(lesson);
    if (!known) continue;
    const latest = new Map<string, AnswerRecord>();
    const wrong = new Map<string, number>();
    const choiceCounts = new Map<string, Map<number, number>>();
    for (const a of history) {
      const question = known.get(a.question);
      if (!question) continue;
      const seen = latest.get(a.question);
      if (!seen || a.at >= seen.at) latest.set(a.question, a);
      if (a.correct) continue;
      wrong.set(a.question, (wrong.get(a.question) ?? 0) + 1);
      const options = (question as Choices).choices;
      if (!options) continue;
      const counts = choiceCounts.get(a.question) ?? new Map<number, number>();
      choiceCounts.set(a.question, counts);
      for (const c of picked(a.response))
        if (options[c] && options[c].correct !== true) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const [question, a] of latest) {
      if (a.correct) continue;
      const m: Missed = { lesson, question, at: a.at, timesWrong: wrong.get(question) ?? 1 };
      const [choice] = picked(a.response);
      if (choice !== undefined) m.lastChoice = choice;
      missed.push(m);
    }
    for (const [question, counts] of choiceCounts)
      for (const [choice, times] of counts)
        if (times > 1) misconceptions.push({ lesson, question, choice, times });
  }
  missed.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
  misconceptions.sort(
    (x, y) => y.times - x.times || x.lesson.localeCompare(y.lesson) || x.question.localeCompare(y.question),
  );
  return { missed, misconceptions };
}
