/** The program name in the commands a next step suggests. */
const BIN = 'alignment-tutor';

/** One lesson as `next` sees it, in course order. */
export interface LessonPosition {
  id: string;
  /** Lesson ids to read first (ids not in the course are ignored, as everywhere else). */
  requires: readonly string[];
  /** Read to the end. */
  read: boolean;
  /** Opened and not finished: when it was last read (ISO 8601); undefined otherwise. */
  readingSince?: string;
  /** Whether the lesson has a quiz, and whether a whole-quiz attempt has passed it. */
  quiz: 'none' | 'not-passed' | 'passed';
  /** A quiz left before its last question: when it was last answered (ISO 8601). */
  unfinishedQuizAt?: string;
}

export interface NextStepInput {
  lessons: readonly LessonPosition[];
  /** Review cards due now. */
  reviewsDue: number;
  /** When the next card falls due, if none is due now (ISO 8601). */
  nextDue?: string;
  /** The last thing the learner did: breaks ties between several unfinished things. */
  last?: { kind: 'lesson' | 'quiz'; lesson: string };
}

export type NextStep =
  | { kind: 'finish-quiz'; lesson: string; command: string }
  | { kind: 'review'; due: number; command: string }
  | { kind: 'continue-lesson'; lesson: string; command: string }
  | { kind: 'start-lesson'; lesson: string; command: string }
  | { kind: 'take-quiz'; lesson: string; command: string }
  | { kind: 'caught-up'; nextDue?: string };

/**
 * The single most useful thing to do now. Finishing a started quiz comes first (its answers so
 * far wait in the progress file), then due reviews (they are due because recall is fading), then
 * the lesson being read, then the next lesson whose prerequisites are read, then a quiz not yet
 * passed; with none of these, "all caught up" and when review resumes.
 */
export function nextStep(input: NextStepInput): NextStep {
  const { lessons, last } = input;
  const unfinished = latest(
    lessons,
    (l) => l.unfinishedQuizAt,
    last?.kind === 'quiz' ? last.lesson : undefined,
  );
  if (unfinished) return { kind: 'finish-quiz', lesson: unfinished, command: `${BIN} quiz ${unfinished}` };
  if (input.reviewsDue > 0) return { kind: 'review', due: input.reviewsDue, command: `${BIN} review` };
  const reading = latest(lessons, (l) => l.readingSince, last?.kind === 'lesson' ? last.lesson : undefined);
  if (reading) return { kind: 'continue-lesson', lesson: reading, command: `${BIN} learn ${reading}` };
  const inCourse = new Set(lessons.map((l) => l.id));
  const read = new Set(lessons.filter((l) => l.read).map((l) => l.id));
  const ready = lessons.find((l) => !l.read && l.requires.every((id) => read.has(id) || !inCourse.has(id)));
  if (ready) return { kind: 'start-lesson', lesson: ready.id, command: `${BIN} learn ${ready.id}` };
  // In a course without cycles (validate refuses them) this is reached only once every lesson is read.
  const quiz = lessons.find((l) => l.quiz === 'not-passed');
  if (quiz) return { kind: 'take-quiz', lesson: quiz.id, command: `${BIN} quiz ${quiz.id}` };
  return input.nextDue === undefined ? { kind: 'caught-up' } : { kind: 'caught-up', nextDue: input.nextDue };
}

/** The lesson with `when` set that the learner touched last, preferring `last` if it qualifies. */
function latest(
  lessons: readonly LessonPosition[],
  when: (l: LessonPosition) => string | undefined,
  last: string | undefined,
): string | undefined {
  let best: LessonPosition | undefined;
  for (const l of lessons) {
    const at = when(l);
    if (at === undefined) continue;
    if (l.id === last) return l.id;
    if (!best || Date.parse(at) > Date.parse(when(best) as string)) best = l;
  }
  return best?.id;
}
