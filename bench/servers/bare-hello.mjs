// Reference: the fastest a Node.js HTTP server answers on this machine.
import { createServer } from 'node:http';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('hello');
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
