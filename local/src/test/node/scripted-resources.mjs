// Shared rules of the ASL conformance suite (see ../resources/asl-conformance/README.md): JSON
// matching with the suite's "@" matchers, and the scripted task resources. The Java runner
// (com.aigency.local.stepfunctions.conformance) implements the same rules; keep the two in step.

/** Deep JSON equality (object key order ignored, numbers compared by value). */
export function jsonEquals(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEquals(x, b[i]));
  }
  if (typeof a === 'object') {
    if (Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEquals(a[k], b[k]));
  }
  return false;
}

function matcherOf(expected) {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) return null;
  const keys = Object.keys(expected);
  return keys.length === 1 && keys[0].startsWith('@') ? keys[0] : null;
}

/**
 * Whether `actual` matches `expected`: plain JSON must be equal; an object with a single "@" key
 * is a matcher: {"@any": true}, {"@type": "string|number|boolean|object|array|null"},
 * {"@matches": "regex"} (whole string), {"@range": [min, max]} (inclusive), {"@oneOf": [...]}.
 */
export function matches(expected, actual) {
  const m = matcherOf(expected);
  if (m) {
    const arg = expected[m];
    switch (m) {
      case '@any':
        return actual !== undefined;
      case '@type':
        if (arg === 'array') return Array.isArray(actual);
        if (arg === 'null') return actual === null;
        if (arg === 'object') return actual !== null && typeof actual === 'object' && !Array.isArray(actual);
        return typeof actual === arg;
      case '@matches':
        return typeof actual === 'string' && new RegExp(`^(?:${arg})$`, 'u').test(actual);
      case '@range':
        return typeof actual === 'number' && actual >= arg[0] && actual <= arg[1];
      case '@oneOf':
        return arg.some((option) => matches(option, actual));
      default:
        throw new Error(`unknown matcher ${m}`);
    }
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((x, i) => matches(x, actual[i]));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const ke = Object.keys(expected);
    return ke.length === Object.keys(actual).length && ke.every((k) => Object.hasOwn(actual, k) && matches(expected[k], actual[k]));
  }
  return jsonEquals(expected, actual);
}

/** Removes the integration-pattern suffix (.waitForTaskToken, .sync, .sync:2) of a Resource. */
export function baseResource(resource) {
  return resource.replace(/\.(waitForTaskToken|sync:2|sync)$/, '');
}

/**
 * The scripted responses of one case. `next(resource, parameters)` picks the response of a call:
 * the first entry of that resource's list that still has a use left and whose "if" (when present)
 * matches the call's parameters. An entry is used once unless it says "repeat": true.
 */
export class ScriptedResources {
  constructor(resources) {
    this.entries = new Map();
    for (const [arn, list] of Object.entries(resources ?? {})) {
      this.entries.set(
        arn,
        list.map((entry) => ({ entry, used: 0 })),
      );
    }
    this.calls = {};
  }

  supports(resource) {
    return this.entries.has(resource) || this.entries.has(baseResource(resource));
  }

  key(resource) {
    return this.entries.has(resource) ? resource : baseResource(resource);
  }

  next(resource, parameters) {
    const key = this.key(resource);
    (this.calls[key] ??= []).push(parameters === undefined ? null : parameters);
    const list = this.entries.get(key);
    if (!list) throw new Error(`no scripted resource ${resource}`);
    for (const slot of list) {
      const { entry } = slot;
      if (!entry.repeat && slot.used >= 1) continue;
      if (Object.hasOwn(entry, 'if') && !matches(entry.if, parameters)) continue;
      slot.used++;
      return entry;
    }
    throw new Error(`unscripted call #${this.calls[key].length} of ${resource} with ${JSON.stringify(parameters)}`);
  }
}
