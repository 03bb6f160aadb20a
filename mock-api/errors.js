'use strict';

// Every 4xx and 5xx leaves the API as {"error": "<code>", "message": "<human text>"}: body-parser
// failures, bad URLs, unknown paths and bugs alike. Never an HTML page, never a stack trace.

const { express } = require('./json-server-deps');

const STATUS_CODES = {
  400: ['invalid_request', 'The request is malformed'],
  403: ['forbidden', 'Not allowed'],
  404: ['not_found', 'Nothing here'],
  405: ['method_not_allowed', 'Method not allowed here'],
  408: ['request_timeout', 'The request took too long to arrive'],
  413: ['payload_too_large', 'The request body is too large'],
  415: ['unsupported_media_type', 'The request body must be JSON (UTF-8)'],
  431: ['headers_too_large', 'The request headers are too large'],
  500: ['server_error', 'Something went wrong on the server'],
};

function sendError(res, status, error, message) {
  res.status(status).json({ error, message });
}

function notFound(_req, res) {
  sendError(res, 404, 'not_found', 'Nothing here');
}

function methodNotAllowed(allowed) {
  return (_req, res) => {
    res.set('Allow', allowed.join(', '));
    sendError(res, 405, 'method_not_allowed', `Use ${allowed.join(' or ')} here`);
  };
}

const isJson = (req) => Boolean(req.is(['application/json', 'application/*+json']));

// JSON bodies only, at most `limit` bytes. A declared length over the limit is refused before a
// byte is read; a body of another type is "not JSON" (400) rather than silently ignored, because
// json-server's router would otherwise parse url-encoded forms itself, with a 10 MB limit.
function jsonBody(limit) {
  const parse = express.json({ limit, strict: true, type: isJson });
  return (req, res, next) => {
    if (Number(req.headers['content-length']) > limit) {
      return sendError(res, 413, 'payload_too_large', `The body must be at most ${limit} bytes`);
    }
    if (hasBody(req) && !isJson(req)) {
      return sendError(
        res,
        400,
        'invalid_request',
        'The body must be JSON (Content-Type: application/json)',
      );
    }
    parse(req, res, next);
  };
}

function hasBody(req) {
  return (
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0
  );
}

// The last middleware: turns whatever reached it into the JSON error shape. (Express tells error
// handlers from others by their four parameters, so `_next` must stay.)
function errorHandler(error, _req, res, _next) {
  const status =
    Number.isInteger(error?.status) && error.status >= 400 && error.status < 600
      ? error.status
      : 500;
  if (status >= 500)
    console.error(`mock-api: ${error?.name ?? 'Error'}: ${error?.message ?? error}`);
  if (res.headersSent) return res.end();
  const [code, message] = STATUS_CODES[status] ?? STATUS_CODES[status < 500 ? 400 : 500];
  const text = error?.type === 'entity.parse.failed' ? 'The body is not valid JSON' : message;
  sendError(res, status, code, text);
}

// Requests Node's HTTP parser refuses never reach Express; answer those in the same JSON shape.
function answerClientError(error, socket) {
  if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  const [code, message] = STATUS_CODES[status];
  const body = JSON.stringify({ error: code, message });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

module.exports = {
  sendError,
  notFound,
  methodNotAllowed,
  jsonBody,
  errorHandler,
  answerClientError,
};
