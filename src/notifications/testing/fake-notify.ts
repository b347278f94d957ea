import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the GOV.UK Notify API on 127.0.0.1, for tests that drive the real
 * notifications-node-client. It checks the JWT the client signs with the API key (HS256,
 * iss = service id, secret = key secret), records every send, and answers as Notify does.
 */
export interface NotifyCall {
  path: string;
  status: number;
  body: Record<string, unknown>;
  /** The notification id Notify gave back, on a 201. */
  id?: string;
}

export interface FakeNotify {
  url: string;
  /** An API key in Notify's format: <key name>-<service id>-<secret>. */
  apiKey: string;
  serviceId: string;
  calls: NotifyCall[];
  /** Answers the next sends with these statuses, in order, before going back to 201. */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

const ERRORS: Record<number, { error: string; message: string }> = {
  400: { error: 'BadRequestError', message: 'Can’t send to this recipient using a team-only API key' },
  403: { error: 'AuthError', message: 'Invalid token: API key not found' },
  429: { error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds' },
  500: { error: 'Exception', message: 'Internal server error' },
};

export async function startFakeNotify(): Promise<FakeNotify> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const calls: NotifyCall[] = [];
  const scripted: number[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, { status_code: 500, errors: [ERRORS[500]] });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const body = await readJson(req);
    const record = (status: number, id?: string) => calls.push({ path, status, body, ...(id ? { id } : {}) });
    if (req.method !== 'POST' || (path !== '/v2/notifications/email' && path !== '/v2/notifications/sms')) {
      record(404);
      reply(res, 404, { status_code: 404, errors: [{ error: 'NotFound', message: 'Not found' }] });
      return;
    }
    if (!validToken(req.headers.authorization, serviceId, secret)) {
      record(403);
      reply(res, 403, { status_code: 403, errors: [ERRORS[403]] });
      return;
    }
    const failure = scripted.shift();
    if (failure !== undefined) {
      record(failure);
      reply(res, failure, { status_code: failure, errors: [ERRORS[failure] ?? ERRORS[500]] });
      return;
    }
    const email = path.endsWith('/email');
    const personalisation = (body.personalisation ?? {}) as Record<string, string>;
    if (typeof body.template_id !== 'string' || typeof body[email ? 'email_address' : 'phone_number'] !== 'string') {
      record(400);
      reply(res, 400, { status_code: 400, errors: [{ error: 'ValidationError', message: 'template_id is a required property' }] });
      return;
    }
    const id = randomUUID();
    record(201, id);
    reply(res, 201, {
      id,
      reference: body.reference ?? null,
      content: email
        ? { subject: personalisation.subject ?? '', body: personalisation.body ?? '', from_email: 'linkwell@notifications.service.gov.uk' }
        : { body: personalisation.body ?? '', from_number: 'GOVUK' },
      template: { id: body.template_id, version: 1, uri: `${url}/services/${serviceId}/templates/${body.template_id}` },
      uri: `${url}/v2/notifications/${id}`,
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiKey: `linkwell_test-${serviceId}-${secret}`,
    serviceId,
    calls,
    failNext: (...statuses) => scripted.push(...statuses),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/** Notify's check: an HS256 JWT signed with the key secret, issued by the service, within 30 s. */
function validToken(header: string | undefined, serviceId: string, secret: string): boolean {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  const [head, payload, signature] = token?.split('.') ?? [];
  if (!head || !payload || !signature) return false;
  const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown; iat?: unknown };
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
  return (
    header_.alg === 'HS256' &&
    claims.iss === serviceId &&
    typeof claims.iat === 'number' &&
    Math.abs(Date.now() / 1000 - claims.iat) <= 30
  );
}
