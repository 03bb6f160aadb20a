'use strict';

// Holds an HTTP answer to docs/api/openapi.yaml. Used by the mock-API tests on every response they
// receive (helpers.js) and by the conformance suite against any backend (mock-api/contract), so
// the spec cannot drift from what a server does.
//
// openapi-backend finds the operation (path templates, method) and validates the body and the
// operation's headers against the spec; what the spec says outside operations (headers every
// /auth and /api answer carries, answers to requests no operation matches) is held with Ajv's
// JSON Schema 2020-12 dialect, the one OpenAPI 3.1 uses.

const fs = require('node:fs');
const path = require('node:path');
const { AssertionError } = require('node:assert');
const { OpenAPIBackend } = require('openapi-backend');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const YAML = require('yaml');

const SPEC_FILE = path.resolve(__dirname, '..', '..', 'docs', 'api', 'openapi.yaml');

function readSpec(file = SPEC_FILE) {
  return YAML.parse(fs.readFileSync(file, 'utf8'));
}

// Resolves local `#/...` references once, so that the extensions can be read like the rest.
function resolveRefs(node, root, seen = []) {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, root, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    if (seen.includes(node.$ref)) throw new Error(`circular $ref ${node.$ref} in the spec`);
    const target = node.$ref
      .slice(2)
      .split('/')
      .reduce((parent, key) => parent?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    if (target === undefined) throw new Error(`unresolved $ref ${node.$ref} in the spec`);
    return resolveRefs(target, root, [...seen, node.$ref]);
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, resolveRefs(value, root, seen)]),
  );
}

function headerValue(headers, name) {
  if (name.toLowerCase() === 'set-cookie' && typeof headers.getSetCookie === 'function') {
    const lines = headers.getSetCookie();
    return lines.length === 0 ? null : lines.join('\n');
  }
  return headers.get(name);
}

// Failure messages end up in test and CI logs: tokens never do.
const redact = (text) =>
  text
    .replace(/[\w-]{8,}\.[\w-]{8,}\.[\w-]+/g, '<jwt>')
    .replace(/refresh_token=[^;,\s]+/g, 'refresh_token=<redacted>');

const short = (value) => {
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  const text = raw === undefined ? undefined : redact(raw);
  return text === undefined ? 'nothing' : text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

/**
 * Builds a checker for one spec. `commonHeaders: false` leaves x-common-headers to a caller that
 * checks them once on its own.
 */
async function createChecker({ file = SPEC_FILE, commonHeaders = true } = {}) {
  const definition = readSpec(file);
  const newAjv = (options = {}) =>
    addFormats(new Ajv2020({ ...options, strict: false, allErrors: true }));
  // quick: openapi-backend's own document check knows only OpenAPI 3.0; the spec is checked as 3.1
  // by @seriousme/openapi-schema-validator instead (openapi.test.js). Its response validators
  // get an Ajv of the 2020-12 dialect for the same reason.
  const api = new OpenAPIBackend({
    definition: structuredClone(definition),
    strict: true,
    quick: true,
    customizeAjv: (_ajv, options) => newAjv(options),
  });
  await api.init();
  const resolved = resolveRefs(definition, definition);
  const ajv = newAjv();
  const schemaCache = new Map();
  const compile = (schema) => {
    const key = JSON.stringify(schema);
    if (!schemaCache.has(key)) schemaCache.set(key, ajv.compile(schema));
    return schemaCache.get(key);
  };
  const ajvErrors = (errors) =>
    errors.map((e) => `${e.instancePath || '(body)'} ${e.message}`).join('; ');

  function checkHeaders(problems, headers, declared = {}, where) {
    for (const [name, header] of Object.entries(declared)) {
      const value = headerValue(headers, name);
      if (value === null) {
        if (header.required) problems.push(`${where}: header ${name} is missing`);
        continue;
      }
      if (header.schema) {
        const validate = compile(header.schema);
        if (!validate(value)) {
          problems.push(
            `${where}: header ${name} ${short(value)} does not fit the spec (${ajvErrors(validate.errors)})`,
          );
        }
      }
    }
  }

  function checkBody(problems, response, declared, where, validateBody) {
    const hasBody = response.text !== '';
    const json = declared.content?.['application/json'];
    if (!json) {
      if (hasBody)
        problems.push(`${where}: the spec describes no body, got ${short(response.text)}`);
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      problems.push(`${where}: Content-Type is ${short(type)}, the spec says application/json`);
    }
    let body;
    try {
      body = JSON.parse(response.text);
    } catch {
      problems.push(`${where}: the body is not JSON: ${short(response.text)}`);
      return;
    }
    const errors = validateBody(body);
    if (errors) {
      problems.push(`${where}: the body does not fit the spec (${errors}): ${short(body)}`);
    }
  }

  /**
   * Every way `response` ({status, headers (a fetch Headers), text}) to `request` ({method, url})
   * differs from the spec, as readable lines; empty when it fits.
   */
  function check(request, response) {
    const url = new URL(request.url, 'http://spec.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    const where = `${method} ${url.pathname}${url.search} → ${response.status}`;
    const problems = [];

    const common = resolved['x-common-headers'];
    if (
      commonHeaders &&
      common?.pathPrefixes.some((prefix) => url.pathname.startsWith(prefix)) &&
      !common.exceptMethods?.includes(method)
    ) {
      checkHeaders(problems, response.headers, common.headers, where);
    }

    const unmatchedRules = resolved['x-unmatched-requests'];
    const match = (asMethod) =>
      api.matchOperation({ method: asMethod, path: url.pathname, headers: {}, query: '' });
    const headAsGet = method === 'HEAD' && unmatchedRules.headAsGet && !match('HEAD');
    const operation = headAsGet ? match('GET') : match(method);
    const status = String(response.status);
    // A HEAD answer is the GET answer's status and headers without its body.
    const headersOnly = method === 'HEAD';
    if (headersOnly && response.text !== '') problems.push(`${where}: a HEAD answer has no body`);
    if (operation) {
      const declared = resolved.paths[operation.path][operation.method].responses[status];
      if (!declared) {
        problems.push(
          `${where}: the spec lists no ${status} for ${operation.operationId} (${method} ${operation.path}); ` +
            `it lists ${Object.keys(operation.responses).join(', ')}`,
        );
        return problems;
      }
      checkHeaders(problems, response.headers, declared.headers, where);
      if (headersOnly) return problems;
      checkBody(problems, response, declared, where, (body) => {
        const result = api.validator.validateResponse(body, operation, response.status);
        return result.valid ? null : ajvErrors(result.errors);
      });
      return problems;
    }

    const unmatched = unmatchedRules.responses;
    const declared = unmatched[status];
    if (!declared) {
      problems.push(
        `${where}: no operation of the spec is ${method} ${url.pathname}, and such a request may ` +
          `only answer ${Object.keys(unmatched).join(', ')} (x-unmatched-requests)`,
      );
      return problems;
    }
    checkHeaders(problems, response.headers, declared.headers, where);
    if (headersOnly) return problems;
    checkBody(problems, response, declared, where, (body) => {
      const validate = compile(declared.content['application/json'].schema);
      return validate(body) ? null : ajvErrors(validate.errors);
    });
    return problems;
  }

  function assertFits(request, response) {
    const problems = check(request, response);
    if (problems.length > 0) {
      throw new AssertionError({
        message: `The answer does not fit docs/api/openapi.yaml:\n  ${problems.join('\n  ')}`,
      });
    }
  }

  /** Validates a value against one of the spec's component schemas (e.g. AccessTokenClaims). */
  function checkSchema(name, value) {
    const schema = resolved.components.schemas[name];
    if (!schema) throw new Error(`no schema ${name} in the spec`);
    const validate = compile(schema);
    return validate(value) ? [] : [ajvErrors(validate.errors)];
  }

  return { check, assertFits, checkSchema, definition };
}

let shared;
/** The checker the mock-API tests share, built once per test process. */
function testChecker() {
  shared ??= createChecker();
  return shared;
}

module.exports = { SPEC_FILE, readSpec, createChecker, testChecker };
