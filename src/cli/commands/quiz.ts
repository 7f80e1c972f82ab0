import type { Course } from '../../content/course.ts';
import type { Lesson } from '../../content/schema.ts';
import { UserError } from '../../errors.ts';
import type { CourseProgress } from '../../progress/types.ts';
import type { Ctx } from '../context.ts';
import { takeQuiz, type QuizOptions } from '../flows/quiz.ts';
import { lessonFromArg } from '../lesson-arg.ts';

export type { QuizOptions } from '../flows/quiz.ts';

/** `alignment-tutor quiz [lesson]`: the quiz of the lesson named, or of the one last read. */
export async function runQuiz(
  ctx: Ctx,
  lessonArg: string | undefined,
  opts: QuizOptions = {},
): Promise<void> {
  const course = await ctx.course();
  const saved = (await ctx.store.read()).courses[ctx.courseId];
  await takeQuiz(ctx, pickLesson(ctx, course, lessonArg, saved), opts);
}

/** The lesson named, or the one last read, or the first with a quiz. */
function pickLesson(
  ctx: Ctx,
  course: Course,
  lessonArg: string | undefined,
  saved: CourseProgress | undefined,
): Lesson {
  if (lessonArg !== undefined) {
    const { lesson } = lessonFromArg(ctx, course, lessonArg);
    if (!course.quizzes.has(lesson.id))
      throw new UserError(
        `the lesson "${lesson.id}" has no quiz`,
        `Run ${ctx.command('list')} to see which lessons have one.`,
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
