import { ScriptedPrompter, type Step } from '../helpers/fake-prompter.ts';
import { run } from '../helpers/run.ts';
import { fixtureLearner } from '../lesson/course.ts';

/** A learner of the lesson fixture course, answering every prompt from a script, in-process. */
export function scriptedLearner(dir: string, name: string) {
  const me = fixtureLearner(dir, name);
  return {
    ...me,
    async run(argv: string[], steps: Step[]) {
      const prompter = new ScriptedPrompter(steps);
      const result = await run(me.args(argv), { env: me.env, prompter });
      return { ...result, prompter };
    },
  };
}
