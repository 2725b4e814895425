/** The trigger against the simulator over real HTTP: agents change state between polls, in both API modes. */
import { startSimulator, type Simulator } from '../support/simulator';
import { TriggerHarness } from '../support/harness/poll';
import { simulatorRealTenantCredentials, simulatorTutorialCredentials } from '../support/harness/credentials';
import { TestCredentialsHelper } from '../support/harness/workflow';

let simulator: Simulator;
afterEach(async () => await simulator?.stop());

const tutorialStore = (sim: Simulator) => new TestCredentialsHelper(simulatorTutorialCredentials(sim.url));
const accessKeyStore = (sim: Simulator) => new TestCredentialsHelper(simulatorRealTenantCredentials(sim.url));

const summary = (events: Array<Record<string, unknown>> | null) =>
	(events ?? []).map((event) => `${String(event.agentId).replace(/^a/, '')}:${String(event.previousState)}→${String(event.state)}`).sort();

describe.each([
	['tutorial API, full snapshots', tutorialStore, false],
	['real tenant, updatedSince deltas', accessKeyStore, true],
])('%s', (_name, storeFor, delta) => {
	it('reports exactly the changes made between polls, over several polls', async () => {
		simulator = await startSimulator({ agents: 20, seed: 9, quiet: true });
		const trigger = new TriggerHarness(storeFor(simulator), { event: 'anyChange' });
		const [a, b, c] = simulator.tenant.agents.filter((agent) => agent.state === 'READY');
		const offline = simulator.tenant.agents.find((agent) => agent.state === 'LOGGED_OUT');
		if (!a || !b || !c || !offline) throw new Error('seed 9 should have three ready agents and one logged out');

		expect(await trigger.poll()).toBeNull(); // baseline

		simulator.setAgentState(a.agentId, 'NOT_READY', { reason: 'Break' });
		simulator.setAgentState(b.agentId, 'ON_CONTACT');
		expect(summary(await trigger.poll())).toEqual([`${a.agentId}:READY→NOT_READY`, `${b.agentId}:READY→ON_CONTACT`].sort());

		expect(await trigger.poll()).toBeNull(); // nothing changed

		simulator.setAgentState(a.agentId, 'READY');
		simulator.setAgentState(c.agentId, 'LOGGED_OUT');
		simulator.setAgentState(offline.agentId, 'READY');
		expect(summary(await trigger.poll())).toEqual(
			[`${a.agentId}:NOT_READY→READY`, `${c.agentId}:READY→LOGGED_OUT`, `${offline.agentId}:LOGGED_OUT→READY`].sort(),
		);

		const statesRequests = simulator.requests.filter((request) => /agents\/states/.test(request.path));
		expect(statesRequests.slice(1).every((request) => 'updatedSince' in request.query)).toBe(delta);
	});
});
