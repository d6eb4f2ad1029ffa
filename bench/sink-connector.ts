import http from 'node:http';

/**
 * The cheapest possible Bot Connector for benchmarks: answers every call at once and counts them.
 * (test/harness/fake-connector.ts records every body; that would make the bot look slower.)
 */
export class SinkConnector {
  private server?: http.Server;
  url = '';
  calls = 0;

  async start(): Promise<this> {
    let seq = 0;
    this.server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        this.calls += 1;
        const status = req.method === 'POST' ? 201 : 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `act-${(seq += 1)}` }));
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
