import http from 'node:http';
import { randomUUID } from 'node:crypto';

export interface RecordedCall {
  method: string;
  path: string;
  /** send | reply | update | createConversation | getMember | other */
  op: string;
  conversationId?: string;
  activityId?: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  at: number;
}

export interface FaultRule {
  /** Fraction of matching calls that fail (0..1), decided by a seeded generator. */
  rate?: number;
  /** Or: fail the next `count` matching calls. */
  count?: number;
  status: number;
  retryAfterSeconds?: number;
  /** Never answer (the client times out). */
  hang?: boolean;
  /** Answer normally, but only once `releaseHeld()` is called (a slow Bot Connector). */
  hold?: boolean;
  match?: (call: Pick<RecordedCall, 'op' | 'conversationId'>) => boolean;
}

/** A deterministic pseudo-random generator, so fault runs are repeatable. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` of Teams activities). Records
 * every outgoing call of the bot and can be told to fail some of them.
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  private faults: FaultRule[] = [];
  private random = mulberry32(42);
  private server?: http.Server;
  private hanging = new Set<http.ServerResponse>();
  private held: Array<() => void> = [];
  /** Conversations that answer 403/404 as if the bot was removed. */
  readonly gone = new Map<string, number>();
  /** Members returned by the roster endpoints. */
  members: Array<{ id: string; aadObjectId: string; name: string; userPrincipalName?: string; email?: string }> = [];
  /** Members per page of GET …/pagedmembers; by default the page size the bot asks for (all when it asks none). */
  rosterPageSize?: number;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  fail(rule: FaultRule): void {
    this.faults.push(rule);
  }

  /** Answers the calls a `hold` rule kept waiting, in the order they came. */
  releaseHeld(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  /** Calls a `hold` rule keeps waiting now. */
  get heldCount(): number {
    return this.held.length;
  }

  clearFaults(): void {
    this.faults = [];
  }

  seed(value: number): void {
    this.random = mulberry32(value);
  }

  /** Personal chats the bot opened (conversation id → the member's Teams user id). */
  readonly personalChats = new Map<string, string>();

  /** Whether a conversation is the personal chat with this Teams user (opened by the bot or by the user). */
  isPersonalChatWith(conversationId: string | undefined, teamsUserId: string): boolean {
    return conversationId !== undefined && this.personalChats.get(conversationId) === teamsUserId;
  }

  reset(): void {
    this.calls.length = 0;
    this.clearFaults();
  }

  /** Successful calls that delivered something visible (posts and updates). */
  delivered(op?: string): RecordedCall[] {
    return this.calls.filter((c) => c.status >= 200 && c.status < 300 && (op ? c.op === op : ['send', 'reply', 'update', 'createConversation'].includes(c.op)));
  }

  /** Waits until `predicate` holds for the recorded calls, or fails after `timeoutMs`. */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error(`FakeConnector.waitFor timed out after ${timeoutMs} ms with ${this.calls.length} calls`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const path = (req.url ?? '').split('?')[0]!;
      const { op, conversationId, activityId } = classify(req.method ?? 'GET', path);
      const call: RecordedCall = { method: req.method ?? 'GET', path, op, conversationId, activityId, body, status: 200, at: Date.now() };
      this.calls.push(call);

      const goneStatus = conversationId ? this.gone.get(conversationId) : undefined;
      if (goneStatus) return this.answer(res, call, goneStatus, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });

      const fault = this.pickFault(call);
      if (fault?.hold) {
        this.held.push(() => this.respond(req, res, call));
        return;
      }
      if (fault?.hang) {
        call.status = 0;
        this.hanging.add(res);
        return;
      }
      if (fault) {
        const headers: Record<string, string> = {};
        if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
        return this.answer(res, call, fault.status, { error: { code: 'Fault', message: 'injected' } }, headers);
      }
      this.respond(req, res, call);
    });
  }

  /** The Bot Connector's normal answer to a call. */
  private respond(req: http.IncomingMessage, res: http.ServerResponse, call: RecordedCall): void {
    const { op, path, activityId } = call;
    switch (op) {
      case 'createConversation': {
        const id = `a:${randomUUID()}`;
        const member = (call.body as { members?: Array<{ id?: string }> } | undefined)?.members?.[0]?.id;
        if (member) this.personalChats.set(id, member);
        return this.answer(res, call, 201, { id, activityId: randomUUID() });
      }
      case 'send':
      case 'reply':
        return this.answer(res, call, 201, { id: `act-${this.calls.length}-${randomUUID().slice(0, 8)}` });
      case 'update':
        return this.answer(res, call, 200, { id: activityId });
      case 'getMember': {
        const userId = decodeURIComponent(path.split('/').pop() ?? '');
        const member = this.members.find((m) => m.id === userId || m.aadObjectId === userId);
        return member ? this.answer(res, call, 200, member) : this.answer(res, call, 404, { error: { code: 'MemberNotFound' } });
      }
      case 'pagedMembers':
        return this.answer(res, call, 200, path.endsWith('/pagedmembers') ? this.page(req.url ?? '') : { members: this.members });
      default:
        return this.answer(res, call, 200, {});
    }
  }

  /** One page of the roster; the continuation token is the offset of the next page. */
  private page(url: string): { members: FakeConnector['members']; continuationToken?: string } {
    const query = new URL(url, 'http://connector').searchParams;
    const size = this.rosterPageSize ?? (Number(query.get('pageSize')) || this.members.length);
    const offset = Number(query.get('continuationToken')) || 0;
    const next = offset + size;
    return { members: this.members.slice(offset, next), continuationToken: next < this.members.length ? String(next) : undefined };
  }

  private pickFault(call: RecordedCall): FaultRule | undefined {
    for (const rule of this.faults) {
      if (rule.match && !rule.match(call)) continue;
      if (rule.count !== undefined) {
        if (rule.count > 0) {
          rule.count -= 1;
          return rule;
        }
        continue;
      }
      if (rule.rate !== undefined && this.random() < rule.rate) return rule;
    }
    return undefined;
  }

  private answer(res: http.ServerResponse, call: RecordedCall, status: number, body: unknown, headers: Record<string, string> = {}): void {
    call.status = status;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}

function classify(method: string, path: string): { op: string; conversationId?: string; activityId?: string } {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  // v3/conversations[/:id[/activities[/:activityId]] | /members/:userId | /pagedmembers]
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return { op: 'other' };
  const conversationId = parts[2];
  if (!conversationId) return { op: method === 'POST' ? 'createConversation' : 'other' };
  if (parts[3] === 'activities') {
    const activityId = parts[4];
    if (!activityId) return { op: 'send', conversationId };
    if (method === 'PUT') return { op: 'update', conversationId, activityId };
    if (method === 'DELETE') return { op: 'delete', conversationId, activityId };
    return { op: 'reply', conversationId, activityId };
  }
  if (parts[3] === 'members' && parts[4]) return { op: 'getMember', conversationId };
  if (parts[3] === 'pagedmembers' || parts[3] === 'members') return { op: 'pagedMembers', conversationId };
  return { op: 'other', conversationId };
}
