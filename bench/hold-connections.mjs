#!/usr/bin/env node
// Hostile clients for bench/reliability: connections opened and held idle (never a byte), and
// slow clients sending a request a byte a second (reconnecting whenever the server cuts them
// off). Runs until SIGTERM or SIGINT, then prints one JSON object: how many of each were open,
// how many the server closed, how many bytes the slow ones got through.
//
//   node bench/hold-connections.mjs --port N [--host H] [--idle N] [--slow N]
//        [--local-address A]
//
// Writes "holding" to standard error once every idle connection has been opened (or refused).
import net from 'node:net';

function parseArguments(argv) {
  const options = { host: '127.0.0.1', idle: 0, slow: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(name in { ...options, port: 0, localAddress: '' }) || i + 1 >= argv.length) {
      process.stderr.write(`hold-connections.mjs: bad argument ${argv[i]} (see its header)\n`);
      process.exit(2);
    }
    options[name] = ['host', 'localAddress'].includes(name) ? argv[i + 1] : Number(argv[i + 1]);
  }
  if (!options.port) {
    process.stderr.write('hold-connections.mjs: --port is needed\n');
    process.exit(2);
  }
  return options;
}

const options = parseArguments(process.argv.slice(2));
const stats = {
  idle_wanted: options.idle,
  idle_opened: 0,
  idle_refused: 0,
  idle_closed_by_server: 0,
  slow_clients: options.slow,
  slow_connections: 0,
  slow_cut_off: 0,
  slow_bytes_sent: 0,
  slow_answers: 0,
};
let stopping = false;
const sockets = new Set();
const idleOpen = new Set();

function connect() {
  const socket = net.connect({ host: options.host, port: options.port,
    localAddress: options.localAddress });
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  return socket;
}

function openIdle() {
  return new Promise((resolve) => {
    const socket = connect();
    let opened = false;
    socket.on('connect', () => {
      opened = true;
      stats.idle_opened += 1;
      idleOpen.add(socket);
      resolve();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      idleOpen.delete(socket);
      if (!opened) { stats.idle_refused += 1; resolve(); } else if (!stopping) {
        stats.idle_closed_by_server += 1;
      }
    });
  });
}

// One slow client: a byte of its request a second; a new connection when cut off.
function slowClient() {
  if (stopping) return;
  const request = 'POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
    'Content-Length: 40\r\n\r\n{"text": "slow", "language": "en-US"}   ';
  const socket = connect();
  stats.slow_connections += 1;
  let next = 0;
  let timer = null;
  const sendByte = () => {
    if (next < request.length) {
      socket.write(request[next]);
      next += 1;
      stats.slow_bytes_sent += 1;
    }
  };
  socket.on('connect', () => {
    sendByte(); // at once: from its first byte the connection is busy, not idle
    timer = setInterval(sendByte, 1000);
  });
  socket.on('data', () => { stats.slow_answers += 1; });
  socket.on('error', () => {});
  socket.on('close', () => {
    clearInterval(timer);
    if (!stopping) {
      stats.slow_cut_off += 1;
      setTimeout(slowClient, 100);
    }
  });
}

async function main() {
  for (let i = 0; i < options.slow; i += 1) slowClient();
  // Opened in batches, so that the listen backlog is not the thing measured.
  for (let opened = 0; opened < options.idle; opened += 200) {
    const batch = Math.min(200, options.idle - opened);
    await Promise.all(Array.from({ length: batch }, openIdle));
  }
  process.stderr.write('holding\n');
  const stop = () => {
    stopping = true;
    stats.idle_still_open = idleOpen.size;
    for (const socket of sockets) socket.destroy();
    process.stdout.write(`${JSON.stringify(stats)}\n`);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
