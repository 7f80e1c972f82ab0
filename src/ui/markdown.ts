import { stripVTControlCharacters } from 'node:util';
import type { MarkedExtension, Tokens } from 'marked';
import { createTheme } from './theme.ts';
import { wrapText } from './wrap.ts';
import { cachedRender, rememberRender, renderKey } from './render-cache.ts';

export interface MarkdownOptions {
  /** Columns to wrap to. */
  width: number;
  /** false: not a single escape code in the result (pipes, NO_COLOR, --no-color). */
  color: boolean;
  /** Where rendered text is kept between runs (ctx.cacheDir); undefined renders every time. */
  cacheDir?: string | undefined;
}

// marked-terminal joins a paragraph's source lines when it reflows; a width no paragraph reaches
// makes it only join, and wrapText then wraps every kind of block with its own indentation.
const NO_REFLOW_LIMIT = 1_000_000;
// marked-terminal marks hard line breaks with \r while it reflows.
const HARD_RETURN = /\r/g;

/**
 * Lesson Markdown as terminal text: headings, emphasis, lists, quotes, code and links, wrapped to
 * `width`. marked and marked-terminal are loaded here, on first use, since only lessons need them.
 */
export async function renderMarkdown(md: string, opts: MarkdownOptions): Promise<string> {
  const width = Math.max(8, opts.width);
  const key = renderKey(md, width, opts.color);
  const cached = cachedRender(opts.cacheDir, key);
  if (cached !== undefined) return cached;
  const text = await render(md, width, opts.color);
  rememberRender(opts.cacheDir, key, text);
  return text;
}

async function render(md: string, width: number, color: boolean): Promise<string> {
  const opts = { color };
  const setup = `${width}:${color}`;
  let marked = renderers.get(setup);
  if (!marked) {
    marked = await createRenderer(width, color);
    renderers.set(setup, marked);
  }
  let out = (await marked.parse(md)).replace(HARD_RETURN, '\n');
  // cli-highlight or a hyperlink-capable terminal could still add codes on their own.
  if (!opts.color) out = stripVTControlCharacters(out);
  return wrapText(out.replace(/\n{3,}/g, '\n\n').replace(/\s+$/, ''), width);
}

type Renderer = InstanceType<typeof import('marked').Marked>;

/** A lesson renders many sections at one width: set marked up once for each width and colour. */
const renderers = new Map<string, Renderer>();

async function createRenderer(width: number, color: boolean): Promise<Renderer> {
  const { Marked, markedTerminal } = await import('./vendor/markdown-libs.ts');
  const opts = { color };
  const theme = createTheme(opts.color);
  const { chalk } = theme;
  const plain = (s: string) => s;
  const style = (f: (s: string) => string) => (opts.color ? f : plain);

  const marked = new Marked();
  marked.use(
    markedTerminal({
      code: style(chalk.yellow),
      blockquote: plain,
      html: plain,
      heading: style(theme.heading),
      firstHeading: style(chalk.bold.underline.cyan),
      hr: plain,
      listitem: plain,
      table: plain,
      paragraph: plain,
      strong: style(chalk.bold),
      em: style(chalk.italic),
      codespan: style(chalk.yellow),
      del: style(chalk.strikethrough),
      link: plain,
      href: style(chalk.underline),
      text: plain,
      // Without colour a heading would look like any other line; the Markdown marks say what it is.
      showSectionPrefix: !opts.color,
      reflowText: true,
      width: NO_REFLOW_LIMIT,
      // ":word:" is ordinary text in these lessons, not an emoji code.
      emoji: false,
      tab: 2,
    }) as MarkedExtension,
  );
  marked.use(
    overrides({ width, dim: style(theme.dim), link: style(chalk.underline), quote: style(chalk.italic) }),
  );
  return marked;
}

/** Where marked-terminal's output does not suit a lesson, these renderers take over. */
function overrides({
  width,
  dim,
  link,
  quote,
}: {
  width: number;
  dim: (s: string) => string;
  link: (s: string) => string;
  quote: (s: string) => string;
}): MarkedExtension {
  return {
    renderer: {
      // marked-terminal prints a tight list item's inline Markdown as written (`**bold**`).
      text(token: Tokens.Text | Tokens.Escape) {
        if (!('tokens' in token) || !token.tokens) return false;
        return this.parser.parseInline(token.tokens).replace(/\n/g, ' ');
      },
      // Always "text (address)": a terminal hyperlink hides the address, which a reader may want to copy.
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const href = link(token.href);
        return text === token.href || text === '' ? href : `${text} ${dim('(')}${href}${dim(')')}`;
      },
      hr() {
        return `${dim('─'.repeat(Math.min(width, 40)))}\n\n`;
      },
      // A bar down the side says "quoted" even without colour, and survives wrapping.
      blockquote(token: Tokens.Blockquote) {
        const inner = wrapText(this.parser.parse(token.tokens).replace(HARD_RETURN, '\n').trim(), width - 2);
        const barred = inner
          .split('\n')
          .map((l) => (l === '' ? dim('│') : `${dim('│')} ${quote(l)}`))
          .join('\n');
        return `${barred}\n\n`;
      },
    },
  };
}
