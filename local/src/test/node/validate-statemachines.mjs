#!/usr/bin/env node
// Validates Amazon States Language definitions with the npm asl-validator.
//
//   node validate-statemachines.mjs [--root REPO_ROOT] [--conformance CASES_DIR] [--json]
//
// Checks every *.asl.json under REPO_ROOT/statemachines (REPO_ROOT defaults to the repository
// holding this script). With --conformance it also checks the definitions of the conformance suite
// (each case's "definition" and "machines"). SAM DefinitionSubstitutions placeholders (${Name})
// are accepted by asl-validator inside strings; a placeholder standing where JSON needs a number or
// boolean is replaced by 1 so the file parses. Prints a report (JSON with --json) and exits 1 if
// any definition is invalid, 2 on a usage or I/O problem. Used by AslValidatorCliTest and CI.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const aslValidatorModule = require('asl-validator');
const validateDefinition = aslValidatorModule.default ?? aslValidatorModule;

function parseArgs(argv) {
  const args = { root: resolve(here, '../../../..'), conformance: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') args.root = resolve(argv[++i]);
    else if (a === '--conformance') args.conformance = resolve(argv[++i]);
    else if (a === '--json') args.json = true;
    else {
      process.stderr.write(`unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  return args;
}

function walk(dir, accept) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, accept));
    else if (accept(name)) out.push(path);
  }
  return out;
}

/** Parses a definition file; placeholders outside strings become 1 so that the JSON parses. */
export function parseDefinition(text) {
  try {
    return JSON.parse(text);
  } catch {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        out += ch;
        if (ch === '\\') out += text[++i] ?? '';
        else if (ch === '"') inString = false;
      } else if (ch === '"') {
        inString = true;
        out += ch;
      } else if (ch === '$' && text[i + 1] === '{') {
        const end = text.indexOf('}', i);
        if (end < 0) throw new Error(`unterminated placeholder at offset ${i}`);
        out += '1';
        i = end;
      } else {
        out += ch;
      }
    }
    return JSON.parse(out);
  }
}

function check(definition) {
  const result = validateDefinition(definition, { checkArn: true, checkPaths: true });
  return result.isValid
    ? { valid: true, errors: [] }
    : { valid: false, errors: (result.errors ?? []).map((e) => e.message ?? JSON.stringify(e)), text: result.errorsText?.() };
}

function validateFile(file, root) {
  const name = relative(root, file);
  try {
    return { file: name, ...check(parseDefinition(readFileSync(file, 'utf8'))) };
  } catch (e) {
    return { file: name, valid: false, errors: [`cannot read or parse: ${e.message}`] };
  }
}

/** The conformance cases' definitions, with ${machine:Name} references replaced by a dummy ARN. */
function conformanceDefinitions(dir) {
  const out = [];
  for (const file of walk(dir, (n) => n.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    for (const c of Array.isArray(doc.cases) ? doc.cases : [doc]) {
      const machines = { '': c.definition, ...(c.machines ?? {}) };
      for (const [machine, definition] of Object.entries(machines)) {
        const text = JSON.stringify(definition).replace(
          /\$\{machine:([A-Za-z0-9_-]+)\}/g,
          (_, n) => `arn:aws:states:us-east-1:123456789012:stateMachine:${n}`,
        );
        out.push({ case: machine ? `${c.name} (machine ${machine})` : c.name, definition: JSON.parse(text) });
      }
    }
  }
  return out;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const statemachinesDir = join(args.root, 'statemachines');
  const found = existsSync(statemachinesDir) && statSync(statemachinesDir).isDirectory();
  const files = found
    ? walk(statemachinesDir, (n) => n.endsWith('.asl.json')).map((f) => validateFile(f, args.root))
    : [];
  const conformance = args.conformance
    ? conformanceDefinitions(args.conformance).map((d) => ({ case: d.case, ...check(d.definition) }))
    : [];
  const invalid = [...files, ...conformance].filter((r) => !r.valid);
  const report = {
    validator: `asl-validator@${require('asl-validator/package.json').version}`,
    statemachinesDir,
    statemachinesFound: found,
    files,
    conformanceChecked: conformance.length,
    conformance: conformance.filter((r) => !r.valid),
    invalid: invalid.length,
  };
  if (args.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const where = found ? statemachinesDir : `${statemachinesDir} (absent)`;
    process.stdout.write(`${report.validator}: ${files.length} file(s) under ${where}\n`);
    for (const r of files) process.stdout.write(`${r.valid ? 'ok     ' : 'INVALID'} ${r.file}\n`);
    if (args.conformance) process.stdout.write(`${conformance.length} conformance definition(s) checked\n`);
    for (const r of invalid) {
      process.stdout.write(`\n${r.file ?? r.case}:\n  ${(r.text ?? r.errors.join('\n  ')).replace(/\n/g, '\n  ')}\n`);
    }
  }
  process.exitCode = invalid.length ? 1 : 0;
}

main();
