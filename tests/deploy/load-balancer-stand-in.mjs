// A stand-in for the application load balancer: forwards each request to one registered
// target in turn. Deregistering a target stops new requests to it and waits for those in
// flight (the deregistration delay), as CodeDeploy's BlockTraffic does with the ALB.
import http from "node:http";

export class LoadBalancer {
  constructor() {
    this.targets = new Map(); // port -> { agent, inFlight }
    this.next = 0;
    this.server = http.createServer((request, response) => this.forward(request, response));
  }

  listen() {
    return new Promise((resolve) =>
      this.server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${this.server.address().port}`)),
    );
  }

  close() {
    for (const target of this.targets.values()) target.agent.destroy();
    return new Promise((resolve) => this.server.close(resolve));
  }

  register(port) {
    this.targets.set(port, { agent: new http.Agent({ keepAlive: true }), inFlight: 0 });
  }

  /// Resolves once no request is in flight to `port` (or after `delayMs`).
  async deregister(port, delayMs = 30000) {
    const target = this.targets.get(port);
    if (!target) return;
    this.targets.delete(port);
    for (const start = Date.now(); target.inFlight > 0 && Date.now() - start < delayMs; ) {
      await new Promise((wake) => setTimeout(wake, 20));
    }
    target.agent.destroy();
  }

  forward(request, response) {
    const ports = [...this.targets.keys()];
    if (ports.length === 0) {
      response.writeHead(503).end("no healthy target");
      return;
    }
    const port = ports[this.next++ % ports.length];
    const target = this.targets.get(port);
    target.inFlight++;
    const upstream = http.request(
      { host: "127.0.0.1", port, method: request.method, path: request.url, headers: request.headers, agent: target.agent },
      (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
        answer.on("end", () => target.inFlight--);
      },
    );
    upstream.on("error", () => {
      target.inFlight--;
      if (!response.headersSent) response.writeHead(502);
      response.end("target failed");
    });
    request.pipe(upstream);
  }
}
