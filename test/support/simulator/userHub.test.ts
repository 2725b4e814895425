/** The simulator's User Hub access-key token endpoint takes exactly what NICE documents: a JSON body and no client. */
import { startSimulator, type Simulator } from './index';

let simulator: Simulator;
beforeAll(async () => {
	simulator = await startSimulator({ agents: 2, quiet: true });
});
afterAll(async () => await simulator?.stop());

const KEY = { accessKeyId: 'demo-access-key-id', accessKeySecret: 'demo-access-key-secret' };
const post = async (headers: Record<string, string>, body: string) => {
	const response = await fetch(`${simulator.url}/authentication/v1/token/access-key`, { method: 'POST', headers, body });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

it('answers a JSON access key with a token, a refresh token, an id_token and expires_in', async () => {
	const { status, body } = await post({ 'Content-Type': 'application/json' }, JSON.stringify(KEY));
	expect(status).toBe(200);
	expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'token_type']);
});

it.each([
	['a Basic header', { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from('demo-client-id:demo-client-secret').toString('base64')}` }, JSON.stringify(KEY)],
	['a form body', { 'Content-Type': 'application/x-www-form-urlencoded' }, new URLSearchParams(KEY).toString()],
	['a wrong secret', { 'Content-Type': 'application/json' }, JSON.stringify({ ...KEY, accessKeySecret: 'nope' })],
])('refuses %s with 400', async (_case, headers, body) => {
	expect((await post(headers, body)).status).toBe(400);
});
