import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../errors.ts';
import { printable } from '../text/printable.ts';
import { closest } from '../text/suggest.ts';
import { GoBack } from '../ui/prompts/prompter.ts';
import { commandPrefix } from './command-name.ts';
import type { LearnOptions } from './commands/learn.ts';
import { createCtx, type Ctx, type CtxBase, type GlobalOptions } from './context.ts';

declare const __VERSION__: string;

/** Thrown through commander when it has already printed help or the version: a success. */
export class HelpShown extends Error {
  override name = 'HelpShown';
}

function wholeNumber(name: string, min: number) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < min)
      throw new InvalidArgumentError(
        `${name} must be a whole number of at least ${min}, like ${Math.max(min, 5)}.`,
      );
    return Number(value);
  };
}

type CtxOf = (cmd: Command) => Ctx;

/** Each command's wiring, registered on demand: building all of them costs every start-up. */
const COMMANDS: Record<string, (program: Command, ctxOf: CtxOf) => Command> = {
  list: (program, ctxOf) =>
    program
      .command('list')
      .description('list the lessons in course order with their status')
      .option('--json', 'print the list as JSON')
      .action(async (opts: { json?: boolean }, cmd: Command) => {
        const { runList } = await import('./commands/list.ts');
        await runList(ctxOf(cmd), opts);
      }),
  learn: (program, ctxOf) =>
    program
      .command('learn')
      .description('read a lesson, one section at a time (without an id: continue where you stopped)')
      .argument(
        '[lesson]',
        'lesson number or id, with /section (number or id) to open a section: 2, specification-problem/3',
      )
      .option('--print', 'print the whole lesson to standard output, no prompts, nothing recorded')
      .option('--no-shuffle', "show the checks' choices in file order")
      .option('--seed <n>', "make the checks' shuffled choices reproducible", wholeNumber('--seed', 0))
      .action(async (lesson: string | undefined, opts: LearnOptions, cmd: Command) => {
        const { runLearn } = await import('./commands/learn.ts');
        await runLearn(ctxOf(cmd), lesson, opts);
      }),
  quiz: (program, ctxOf) =>
    program
      .command('quiz')
      .description("take a lesson's quiz (without an id: the quiz of the lesson last read)")
      .argument('[lesson]', 'lesson number or id')
      .option('--missed', 'ask only the questions missed in the last attempt')
      .option('--shuffle', 'shuffle the question order too (choices are shuffled anyway)')
      .option('--no-shuffle', 'questions and choices in file order')
      .option('--seed <n>', 'make the shuffled order reproducible', wholeNumber('--seed', 0))
      .option('--limit <n>', 'ask at most N questions', wholeNumber('--limit', 1))
      .option('--confidence', 'after each answer, ask how sure you were (see stats)')
      .action(
        async (
          lesson: string | undefined,
          opts: { missed?: boolean; shuffle?: boolean; seed?: number; limit?: number; confidence?: boolean },
          cmd: Command,
        ) => {
          const { runQuiz } = await import('./commands/quiz.ts');
          await runQuiz(ctxOf(cmd), lesson, opts);
        },
      ),
  review: (program, ctxOf) =>
    program
      .command('review')
      .description('review the questions due today, spaced so that you remember them')
      .option('--lesson <id>', "only this lesson's cards")
      .option('--limit <n>', 'ask at most N cards now', wholeNumber('--limit', 1))
      .option('--max <n>', 'ask at most N cards a day; the rest wait (default 50)', wholeNumber('--max', 1))
      .option('--why <question-id>', 'say why that question is due when it is, and ask nothing')
      .option('--confidence', 'after each answer, ask how sure you were (see stats)')
      .option('--no-shuffle', 'show choices in file order')
      .option('--seed <n>', 'make the shuffled choices reproducible', wholeNumber('--seed', 0))
      .option('--json', 'with --why: print the facts as JSON')
      .action(async (opts: Record<string, unknown>, cmd: Command) => {
        const { runReview } = await import('./commands/review.ts');
        await runReview(ctxOf(cmd), opts);
      }),
  next: (program, ctxOf) =>
    program
      .command('next')
      .description('print the single most useful next step, with the command to run it')
      .option('--json', 'print the step as JSON')
      .action(async (opts: { json?: boolean }, cmd: Command) => {
        const { runNext } = await import('./commands/next.ts');
        await runNext(ctxOf(cmd), opts);
      }),
  mistakes: (program, ctxOf) =>
    program
      .command('mistakes')
      .description('the questions you currently miss, and wrong choices you picked more than once')
      .option('--json', 'print them as JSON')
      .action(async (opts: { json?: boolean }, cmd: Command) => {
        const { runMistakes } = await import('./commands/mistakes.ts');
        await runMistakes(ctxOf(cmd), opts);
      }),
  stats: (program, ctxOf) =>
    program
      .command('stats')
      .description('accuracy, review cards, retention, answers per day and calibration')
      .option('--json', 'print the figures as JSON')
      .action(async (opts: { json?: boolean }, cmd: Command) => {
        const { runStats } = await import('./commands/stats.ts');
        await runStats(ctxOf(cmd), opts);
      }),
  config: (program, ctxOf) =>
    program
      .command('config')
      .description('show or change a setting: config confidence on|off')
      .argument('[name]', 'the setting: confidence')
      .argument('[value]', 'on or off')
      .action(async (name: string | undefined, value: string | undefined, _opts, cmd: Command) => {
        const { runConfig } = await import('./commands/config.ts');
        await runConfig(ctxOf(cmd), name, value);
      }),
  lab: (program, ctxOf) =>
    program
      .command('lab')
      .description('list the labs, small simulations where you watch a failure happen, or run one')
      .argument('[name]', 'the lab to run, e.g. goodhart')
      .option('--seed <n>', 'run the simulation with seed N (default 1)', wholeNumber('--seed', 0))
      .option(
        '--knob <id=value>',
        'start a knob at a value, e.g. --knob noise=0.5 (repeat for more knobs)',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option('--json', "print the simulation's numbers for the knobs given, or the labs, as JSON")
      .action(
        async (
          name: string | undefined,
          opts: { seed?: number; json?: boolean; knob?: string[] },
          cmd: Command,
        ) => {
          const { runLabCommand } = await import('./commands/lab.ts');
          await runLabCommand(ctxOf(cmd), name, opts);
        },
      ),
  glossary: (program, ctxOf) =>
    program
      .command('glossary')
      .description('key terms from every lesson, or one term with its definition')
      .argument('[term...]', 'a term to look up, quotes not needed: glossary reward hacking')
      .action(async (words: string[], _opts, cmd: Command) => {
        const { runGlossary } = await import('./commands/glossary.ts');
        await runGlossary(ctxOf(cmd), words.length ? words.join(' ') : undefined);
      }),
  search: (program, ctxOf) =>
    program
      .command('search')
      .description('search lesson titles, sections and key terms')
      .argument('<words...>', 'words to look for')
      .option('--limit <n>', 'show at most N places (default 10)', wholeNumber('--limit', 1))
      .action(async (words: string[], opts: { limit?: number }, cmd: Command) => {
        const { runSearch } = await import('./commands/search.ts');
        await runSearch(ctxOf(cmd), words, opts);
      }),
  progress: (program, ctxOf) =>
    program
      .command('progress')
      .description('show your progress, or export / import it')
      .option('--json', 'print progress as JSON')
      .option('--path', 'print the path of the progress file in use')
      .option('--export <file>', 'write your progress to FILE')
      .option('--import <file>', 'merge progress from FILE into yours')
      .option('--force', 'with --export: replace FILE if it exists')
      .action(
        async (
          opts: { json?: boolean; path?: boolean; export?: string; import?: string; force?: boolean },
          cmd: Command,
        ) => {
          const { runProgress } = await import('./commands/progress.ts');
          await runProgress(ctxOf(cmd), opts);
        },
      ),
  reset: (program, ctxOf) =>
    program
      .command('reset')
      .description("clear one lesson's progress, or all of it (a backup is written first)")
      .argument('[lesson]', 'lesson number or id')
      .option('-y, --yes', 'do not ask for confirmation')
      .action(async (lesson: string | undefined, opts: { yes?: boolean }, cmd: Command) => {
        const { runReset } = await import('./commands/reset.ts');
        await runReset(ctxOf(cmd), lesson, opts);
      }),
  validate: (program, ctxOf) =>
    program
      .command('validate')
      .description('check lesson and quiz files: every problem as path:line:column')
      .argument('[paths...]', 'course folders or .yaml files (default: the course in use)')
      .action(async (paths: string[], _opts, cmd: Command) => {
        const { runValidate } = await import('./commands/validate.ts');
        await runValidate(ctxOf(cmd), paths);
      }),
  schema: (program, ctxOf) =>
    program
      .command('schema')
      .description('print the JSON Schema of lesson or quiz files, for editor completion')
      .addOption(new Option('--kind <kind>', 'which schema').choices(['lesson', 'quiz']).default('lesson'))
      .option('--write', 'write lessons/lesson.schema.json and quizzes/quiz.schema.json in the course folder')
      .action(async (opts: { kind: 'lesson' | 'quiz'; write?: boolean }, cmd: Command) => {
        const { runSchema } = await import('./commands/schema.ts');
        await runSchema(ctxOf(cmd), opts);
      }),
};

/** The command named on the command line, if it is one of ours: then only it is registered. */
export function requestedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--content' || arg === '--progress-file') i++;
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}

/**
 * The commander wiring and nothing else: each action builds the context and hands over to a
 * command module, imported only when that command runs. The bundle keeps them in the same file,
 * wrapped so that a module's top-level code runs only when it is first imported.
 */
export function createProgram(base: CtxBase, only?: string): Command {
  const program = new Command('alignment-tutor');
  const ctxOf: CtxOf = (cmd: Command): Ctx => createCtx(base, cmd.optsWithGlobals<GlobalOptions>());
  const output = {
    writeOut: (s: string) => base.io.stdout.write(s),
    // commander's errors quote the command line ("unknown option '...'"): shown, never obeyed.
    writeErr: (s: string) => base.io.stderr.write(printable(s, 2000)),
  };

  program
    .description(
      'A terminal tutor for the AI alignment problem: lessons, quizzes that explain every answer, ' +
        'and progress that resumes where you stopped.',
    )
    .version(__VERSION__, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option(
      '--content <dir>',
      'use the course in DIR (holding lessons/ and quizzes/) instead of the shipped one; also ALIGNMENT_TUTOR_CONTENT',
    )
    .option('--progress-file <path>', 'keep progress in PATH; also ALIGNMENT_TUTOR_PROGRESS')
    .option('--plain', 'numbered menus read line by line, no screen redraws (for screen readers and scripts)')
    .option('--no-color', 'no colour in the output (NO_COLOR is honoured too)')
    .usage('[options] [command]')
    // Subcommand help lists --content, --progress-file, --plain and --no-color too.
    .configureHelp({ showGlobalOptions: true })
    .argument('[command]', '')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output)
    .addHelpText('after', () => {
      const me = commandPrefix(base);
      const example = (args: string, what = '') =>
        `  $ ${`${me} ${args}`.trim().padEnd(36)} ${what}`.trimEnd();
      return [
        '',
        'Run without a command to open the home screen.',
        '',
        'Examples:',
        example('', 'open the home screen'),
        example('learn', 'continue where you stopped'),
        example('learn 2', 'open lesson 2'),
        example('quiz specification-problem'),
        example('lab goodhart', 'turn the knobs of a simulation'),
        example('validate', 'check the course files'),
      ].join('\n');
    })
    .action(async (command: string | undefined, _opts, cmd: Command) => {
      if (command !== undefined) {
        const names = Object.keys(COMMANDS);
        const [near] = closest(command, names, 1);
        throw new UsageError(
          `unknown command '${command}'${near ? ` (did you mean '${near}'?)` : ''}`,
          `Run ${commandPrefix(base)} --help to see the commands.`,
        );
      }
      const { runHome } = await import('./commands/home.ts');
      await runHome(ctxOf(cmd));
    });

  for (const [name, define] of Object.entries(COMMANDS)) {
    if (only === undefined || only === name) define(program, ctxOf);
  }

  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput(output);
  }
  return program;
}

/** Parses argv and runs the command; commander's own exits become HelpShown or UsageError. */
export async function runCli(base: CtxBase, argv: string[]): Promise<void> {
  const program = createProgram(base, requestedCommand(argv));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    // Back from the first screen of a command: out of the tutor, as from the home screen.
    if (err instanceof GoBack) return;
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) throw new HelpShown();
      // commander has already printed "error: ..." to stderr.
      throw new UsageError('', `Run ${commandPrefix(base)} --help for usage.`);
    }
    throw err;
  }
}
