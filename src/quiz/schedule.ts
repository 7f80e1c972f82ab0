import {
  BasicLearningStepsStrategy,
  type Card as FsrsCard,
  type Grade,
  Rating,
  State,
  fsrs,
  generatorParameters,
} from 'ts-fsrs';
import { type AnswerEvent, HIGH_CONFIDENCE, LOW_CONFIDENCE } from './answer-event.ts';
import type { CardState, Cards, ReviewCard } from './card.ts';
import { DAY_MS } from './day.ts';

/**
 * FSRS settings. Fuzz is off so that the same history always gives the same cards (no randomness,
 * and replaying a history reproduces the stored cards exactly). One 10-minute (re)learning step:
 * a wrong answer, or a right one that needed a hint, comes back in the same sitting; a right
 * answer goes straight to spacing in days, so passing a quiz does not leave a pile of "due" cards.
 * Same-day repeats (a quiz retried at once) are FSRS-6's own short-term rule: they barely move
 * stability when right and lower it when wrong, so cramming does not inflate intervals.
 */
export const FSRS_PARAMETERS = generatorParameters({
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ['10m'],
  relearning_steps: ['10m'],
});
export const scheduler = fsrs(FSRS_PARAMETERS);

/**
 * How an answer rates for the scheduler: wrong is Again; right with a hint, or at low stated
 * confidence (a guess that came off), is Hard; right and very sure is Easy; otherwise Good.
 */
export function ratingFor(event: Pick<AnswerEvent, 'correct' | 'hintUsed' | 'confidence'>): Grade {
  if (!event.correct) return Rating.Again;
  if (event.hintUsed) return Rating.Hard;
  if (event.confidence !== undefined && event.confidence <= LOW_CONFIDENCE) return Rating.Hard;
  if (event.confidence !== undefined && event.confidence >= HIGH_CONFIDENCE) return Rating.Easy;
  return Rating.Good;
}

const STATE_NAMES: readonly CardState[] = ['new', 'learning', 'review', 'relearning'];
const STATES: Record<CardState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/**
 * The mutable, numeric form of a card used while scheduling. ts-fsrs's `next()` clones the card
 * and computes all four outcomes per answer, which makes replaying 100,000 answers take seconds;
 * this applies the same rules (its `BasicScheduler`) with its own formulas, for one grade only.
 * tests/review/schedule.test.ts checks the two agree on random histories.
 */
interface WorkCard {
  due: number;
  s: number;
  d: number;
  state: State;
  step: number;
  scheduled: number;
  reps: number;
  lapses: number;
  /** ms of the last answer; NaN before the first. */
  last: number;
}

function newWorkCard(): WorkCard {
  return { due: 0, s: 0, d: 0, state: State.New, step: 0, scheduled: 0, reps: 0, lapses: 0, last: NaN };
}

function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

function review(w: WorkCard, at: number, grade: Grade): void {
  // An answer stamped before the card's last one (clocks differ between machines) counts as
  // given at that moment, never as time running backwards.
  const t = Number.isNaN(w.last) ? at : Math.max(at, w.last);
  const elapsed = w.state === State.New ? 0 : utcDay(t) - utcDay(w.last);
  const before = w.state;
  const memory = { difficulty: w.d, stability: w.s };
  const next = scheduler.next_state(memory, elapsed, grade);
  w.reps += 1;
  w.last = t;
  w.s = next.stability;
  w.d = next.difficulty;
  if (before === State.Review && grade !== Rating.Again) {
    const interval = reviewInterval(memory, elapsed, grade, next.stability);
    w.state = State.Review;
    w.step = 0;
    w.scheduled = interval;
    w.due = t + interval * DAY_MS;
    return;
  }
  if (before === State.Review) w.lapses += 1;
  // New, (re)learning, or a lapse: ts-fsrs's learning steps decide minutes or graduation.
  const info = BasicLearningStepsStrategy(FSRS_PARAMETERS, before, w.step)[grade];
  const minutes = Math.max(0, info?.scheduled_minutes ?? 0);
  const nextStep = Math.max(0, info?.next_step ?? 0);
  if (minutes > 0 && minutes < 1440) {
    w.state = before === State.New ? State.Learning : before === State.Review ? State.Relearning : before;
    w.step = nextStep;
    w.scheduled = 0;
    w.due = t + Math.round(minutes) * 60_000;
  } else if (minutes >= 1440) {
    w.state = State.Review;
    w.step = nextStep;
    w.scheduled = Math.floor(minutes / 1440);
    w.due = t + Math.round(minutes) * 60_000;
  } else {
    const interval = scheduler.next_interval(w.s, elapsed);
    w.state = State.Review;
    w.step = 0;
    w.scheduled = interval;
    w.due = t + interval * DAY_MS;
  }
}

/** ts-fsrs keeps Hard <= Good < Easy in days; the chosen grade's interval depends on the others. */
function reviewInterval(
  memory: { difficulty: number; stability: number },
  elapsed: number,
  grade: Grade,
  stability: number,
): number {
  const ivl = (s: number) => scheduler.next_interval(s, elapsed);
  const sOf = (g: Grade) => (g === grade ? stability : scheduler.next_state(memory, elapsed, g).stability);
  const good = ivl(sOf(Rating.Good));
  const hard = Math.min(ivl(sOf(Rating.Hard)), good);
  if (grade === Rating.Hard) return hard;
  const goodInterval = Math.max(good, hard + 1);
  if (grade === Rating.Good) return goodInterval;
  return Math.max(ivl(stability), goodInterval + 1);
}

function toStored(w: WorkCard): ReviewCard {
  return {
    due: new Date(w.due).toISOString(),
    stability: w.s,
    difficulty: w.d,
    state: STATE_NAMES[w.state] ?? 'new',
    step: w.step,
    scheduledDays: w.scheduled,
    reps: w.reps,
    lapses: w.lapses,
    lastReview: new Date(w.last).toISOString(),
  };
}

function fromStored(card: ReviewCard): WorkCard {
  return {
    due: Date.parse(card.due),
    s: card.stability,
    d: card.difficulty,
    state: STATES[card.state],
    step: card.step,
    scheduled: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
    last: Date.parse(card.lastReview),
  };
}

/** The card in ts-fsrs's own shape, for its functions (retrievability) and for checking ours. */
export function toFsrsCard(card: ReviewCard): FsrsCard {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.step,
    reps: card.reps,
    lapses: card.lapses,
    state: STATES[card.state],
    last_review: new Date(card.lastReview),
  };
}

/** What one answer did to its card. */
export interface AnswerOutcome {
  card: ReviewCard;
  rating: Grade;
  /**
   * The card's state just before the answer. Stored with the answer, it lets `stats` measure true
   * retention (answers right among cards already in review) without replaying the history.
   */
  before: CardState;
}

/** Reschedules a card (or makes one, for a question answered for the first time) after one answer. */
export function applyAnswer(card: ReviewCard | undefined, event: AnswerEvent): AnswerOutcome {
  const w = card ? fromStored(card) : newWorkCard();
  const before = STATE_NAMES[w.state] ?? 'new';
  const rating = ratingFor(event);
  review(w, Date.parse(event.at), rating);
  return { card: toStored(w), rating, before };
}

export interface Replay {
  cards: Cards;
  /** Per event, in the order given: the card's state just before it (see `AnswerOutcome.before`). */
  before: CardState[];
}

/**
 * Turns an answer history into cards, answers applied in time order (events at the same time keep
 * their given order). The same as applying each answer with `applyAnswer`, only fast: this is the
 * migration from the answers-only progress file, and the way to rebuild cards after a merge.
 * Events whose time does not parse are left out (the progress schema does not let them in).
 */
export function replay(events: readonly AnswerEvent[]): Replay {
  const times = events.map((e) => Date.parse(e.at));
  const order = events.map((_, i) => i);
  if (times.some((t, i) => i > 0 && t < (times[i - 1] as number)))
    order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  const work = new Map<string, Map<string, WorkCard>>();
  const before: CardState[] = new Array<CardState>(events.length).fill('new');
  for (const i of order) {
    const e = events[i] as AnswerEvent;
    const t = times[i] as number;
    if (Number.isNaN(t)) continue;
    let byQuestion = work.get(e.lesson);
    if (!byQuestion) work.set(e.lesson, (byQuestion = new Map()));
    let w = byQuestion.get(e.question);
    if (!w) byQuestion.set(e.question, (w = newWorkCard()));
    before[i] = STATE_NAMES[w.state] ?? 'new';
    review(w, t, ratingFor(e));
  }
  const cards: Cards = {};
  for (const [lesson, byQuestion] of work) {
    const out: Record<string, ReviewCard> = {};
    for (const [question, w] of byQuestion) out[question] = toStored(w);
    cards[lesson] = out;
  }
  return { cards, before };
}
