#!/usr/bin/env node
// Runs the conformance cases marked "crossCheck": true on a second, independent ASL interpreter
// (the npm package aws-local-stepfunctions) and prints one JSON document with its results
// ({"interpreter", "node", "results": [{name, file, placeholders, status, output, error, cause,
// calls}]}; status is SUCCEEDED, FAILED, TIMED_OUT, INVALID (definition rejected) or ERROR):
//
//   node crosscheck.mjs [casesDir] [--only NAME_SUBSTRING] [--pretty]
//
// casesDir defaults to ../resources/asl-conformance (relative to this script). Task states run the
// case's scripted "resources" through taskResourceLocalHandlers; every Wait state and every retry
// interval is overridden to 0 ms so the run takes no wall time. CrossCheckTest (Java) compares the
// results with the cases' expectations and with DIVERGENCES.md.

// aws-local-stepfunctions 3.x calls Promise.withResolvers, which Node 22 has and Node 20 lacks.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScriptedResources } from './scripted-resources.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { StateMachine, ExecutionError, ExecutionTimeoutError } = await import('aws-local-stepfunctions');
const interpreterVersion = JSON.parse(
  readFileSync(join(here, 'node_modules', 'aws-local-stepfunctions', 'package.json'), 'utf8'),
).version;

const CASE_TIMEOUT_MS = 15000;
const DEFAULT_START_TIME = '2024-01-15T10:00:00Z';
// Stand-ins for the values our engine generates; the Java side substitutes them for the
// ${executionArn}-style placeholders of the expectations when it compares these results.
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const STATE_MACHINE_NAME = 'Conformance';

function placeholdersFor(c) {
  const executionName = c.executionName ?? 'crosscheck-execution';
  return {
    stateMachineName: STATE_MACHINE_NAME,
    stateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${STATE_MACHINE_NAME}`,
    executionName,
    executionArn: `arn:aws:states:${REGION}:${ACCOUNT}:execution:${STATE_MACHINE_NAME}:${executionName}`,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/conformance`,
  };
}

function parseArgs(argv) {
  const args = { dir: resolve(here, '../resources/asl-conformance'), only: null, pretty: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') args.only = argv[++i];
    else if (argv[i] === '--pretty') args.pretty = true;
    else args.dir = resolve(argv[i]);
  }
  return args;
}

function listJsonFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listJsonFiles(path));
    else if (name.endsWith('.json')) out.push(path);
  }
  return out;
}

/** Every case of every file: a file holds one case object, or {"cases": [...]}. */
export function loadCases(dir) {
  const cases = [];
  for (const file of listJsonFiles(dir)) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const list = Array.isArray(doc.cases) ? doc.cases : [doc];
    for (const c of list) cases.push({ ...c, file: relative(dir, file) });
  }
  return cases;
}

/** Calls fn(name, state) for every state, including those of Parallel branches and Map processors. */
function forEachState(definition, fn) {
  for (const [name, state] of Object.entries(definition.States ?? {})) {
    fn(name, state);
    for (const branch of state.Branches ?? []) forEachState(branch, fn);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) forEachState(processor, fn);
  }
}

class TaskFailure extends Error {
  constructor(error, cause) {
    super(cause ?? '');
    this.name = error;
  }
}

function overridesFor(definition, scripted, realWaits) {
  const taskResourceLocalHandlers = {};
  const waitTimeOverrides = {};
  const retryIntervalOverrides = {};
  forEachState(definition, (name, state) => {
    if (state.Type === 'Task') {
      const resource = state.Resource;
      taskResourceLocalHandlers[name] = async (input) => {
        const entry = scripted.next(resource, input);
        if (entry.fail) throw new TaskFailure(entry.fail.error, entry.fail.cause);
        if (entry.echo) return input;
        if (Object.hasOwn(entry, 'return')) return entry.return;
        throw new Error(`response ${JSON.stringify(entry)} cannot run on aws-local-stepfunctions`);
      };
    }
    if (state.Type === 'Wait' && !realWaits) waitTimeOverrides[name] = 0;
    if (Array.isArray(state.Retry)) retryIntervalOverrides[name] = 0;
  });
  return { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides };
}

function withTimeout(promise, ms, onTimeout) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`no result within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runCase(c) {
  const input = Object.hasOwn(c, 'input') ? c.input : {};
  const scripted = new ScriptedResources(c.resources);
  const placeholders = placeholdersFor(c);
  const result = { name: c.name, file: c.file, placeholders };
  let machine;
  try {
    // asl-validator checks cost ~0.4 s per definition here; AslValidatorCliTest validates every
    // conformance definition with asl-validator once, so the interpreter skips its own check.
    machine = new StateMachine(c.definition, { validationOptions: { noValidate: true } });
  } catch (e) {
    return { ...result, status: 'INVALID', error: e.name, cause: String(e.message ?? e) };
  }
  const context = {
    Execution: {
      Id: placeholders.executionArn,
      Name: placeholders.executionName,
      Input: input,
      StartTime: c.startTime ?? DEFAULT_START_TIME,
      RoleArn: placeholders.roleArn,
    },
    StateMachine: { Id: placeholders.stateMachineArn, Name: placeholders.stateMachineName },
  };
  // Wait states are overridden to 0 ms, which skips their SecondsPath/TimestampPath evaluation;
  // a case about that evaluation says "crossCheckRealWaits": true (and must not really wait).
  const overrides = overridesFor(c.definition, scripted, c.crossCheckRealWaits === true);
  const execution = machine.run(input, { overrides, context });
  try {
    const output = await withTimeout(execution.result, CASE_TIMEOUT_MS, () => execution.abort());
    Object.assign(result, { status: 'SUCCEEDED', output });
  } catch (e) {
    if (e instanceof ExecutionTimeoutError) {
      Object.assign(result, { status: 'TIMED_OUT' });
    } else if (e instanceof ExecutionError) {
      const cause = e.cause ?? {};
      Object.assign(result, { status: 'FAILED', error: cause.name, cause: cause.message });
    } else {
      Object.assign(result, { status: 'ERROR', error: e?.name ?? 'Error', cause: String(e?.message ?? e) });
    }
  }
  result.calls = scripted.calls;
  return result;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cases = loadCases(args.dir).filter(
    (c) => c.crossCheck === true && (!args.only || c.name.includes(args.only)),
  );
  const results = [];
  for (const c of cases) {
    results.push(await runCase(c));
  }
  const doc = {
    interpreter: `aws-local-stepfunctions@${interpreterVersion}`,
    node: process.version,
    results,
  };
  // exit explicitly: an aborted execution may leave the interpreter's timers behind
  process.stdout.write(JSON.stringify(doc, null, args.pretty ? 2 : 0) + '\n', () => process.exit(0));
}

await main();
