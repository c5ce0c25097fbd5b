// The ceiling: a bare Fastify route returning a constant, in its own process. Every case is read
// as a share of what this machine can answer at all, so the figures hold on a noisy machine.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`ceiling listening on ${address}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
