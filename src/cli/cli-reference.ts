import type { Command, Option } from 'commander';
import { ENV_OF_OPTION, ENVIRONMENT, EXIT_CODES, examplesOf } from './options.js';

// docs/cli.md, generated from the program itself: every command with its arguments, flags (with
// their choices, defaults, ranges and environment variables) and examples, then the exit codes and
// environment variables of options.ts. cli-reference.test.ts checks the file equals this and
// rewrites it when run with BITEXT_UPDATE_DOCS=1.

/** Every command under `program`, depth first, with its full name (`tm lookup`). */
export function allCommands(program: Command): { name: string; command: Command }[] {
  const out: { name: string; command: Command }[] = [];
  const visit = (command: Command, prefix: string) => {
    for (const sub of command.commands) {
      const name = prefix ? `${prefix} ${sub.name()}` : sub.name();
      out.push({ name, command: sub });
      visit(sub, name);
    }
  };
  visit(program, '');
  return out;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function describeOption(option: Option): string {
  let text = option.description;
  if (option.argChoices) text += `; one of ${option.argChoices.map((c) => `\`${c}\``).join(', ')}`;
  if (option.defaultValue !== undefined && option.defaultValue !== false && !option.negate)
    text += `; default \`${String(option.defaultValue)}\``;
  const env = ENV_OF_OPTION[option.long ?? ''];
  if (env) text += `; environment: \`${env}\``;
  return text;
}

/** The Markdown of docs/cli.md. */
export function cliReference(program: Command): string {
  const lines: string[] = [
    '# bitext command line',
    '',
    '<!-- Generated from src/cli/options.ts and the commands by src/cli/cli-reference.ts:',
    '     BITEXT_UPDATE_DOCS=1 npx vitest run src/cli/cli-reference.test.ts rewrites it. -->',
    '',
    'Every command takes `--help`. `-` as a file name reads standard input. Flags of the same name',
    'mean the same on every command: `-f, --format`, `-o, --out FILE` (written through a temporary file',
    'and a rename), `--db` (else `$BITEXT_DB`), `--encoding`, `-q, --quiet`, and `-v, --verbose` where a command has more to say. Numeric',
    'flags outside their range are exit 1 naming the range. Colour and highlighting only when stdout is',
    'a terminal and `NO_COLOR` is unset; a progress bar only when stderr is a terminal, never with',
    '`--format json` or `--quiet`. The files the examples name besides examples/press-release.txt',
    '(page.html, release.docx, memory.tmx, pairs.tsv…) stand for yours; src/cli/examples.test.ts makes',
    'each from the press release and runs every example on it, except those that start a server or',
    'use a Redis queue, which src/cli/commands/serve.test.ts and worker.test.ts run.',
    '',
    '## Commands',
    '',
  ];
  for (const { name, command } of allCommands(program)) {
    const args = command.registeredArguments
      .map((a) =>
        a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`,
      )
      .join(' ');
    lines.push(`### \`bitext ${name}${args ? ` ${args}` : ''}\``, '', command.description(), '');
    if (command.registeredArguments.length > 0) {
      lines.push('| argument | meaning |', '| --- | --- |');
      for (const a of command.registeredArguments) lines.push(`| \`${a.name()}\` | ${cell(a.description)} |`);
      lines.push('');
    }
    if (command.options.length > 0) {
      lines.push('| flag | meaning |', '| --- | --- |');
      for (const option of command.options)
        lines.push(`| \`${cell(option.flags)}\` | ${cell(describeOption(option))} |`);
      lines.push('');
    }
    const examples = examplesOf(command);
    if (examples.length > 0) {
      lines.push('```sh');
      for (const e of examples) lines.push(`${e.command}   # ${e.says}`);
      lines.push('```', '');
    }
  }
  lines.push('## Exit codes', '', '| code | meaning |', '| ---: | --- |');
  for (const { code, meaning } of EXIT_CODES) lines.push(`| ${code} | ${cell(meaning)} |`);
  lines.push('', '## Environment variables', '', '| variable | meaning |', '| --- | --- |');
  for (const { name, meaning } of ENVIRONMENT) lines.push(`| \`${name}\` | ${cell(meaning)} |`);
  lines.push('');
  return lines.join('\n');
}
