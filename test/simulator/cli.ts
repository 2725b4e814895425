/** `npm run simulator -- --agents 1000 --port 8080`: the CXone simulator in the foreground until Ctrl-C. */
import { startSimulator } from './index';

function flag(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
	const numeric = (name: string) => (flag(name) === undefined ? undefined : Number(flag(name)));
	const simulator = await startSimulator({
		port: numeric('port'),
		agents: numeric('agents'),
		seed: numeric('seed'),
		expiresIn: numeric('expires-in'),
		tutorialShape: flag('shape') === 'wrapped' ? 'wrapped' : 'flat',
		quiet: true,
	});
	process.stdout.write(
		[
			`CXone simulator listening on ${simulator.url} (${simulator.tenant.agents.length} agents)`,
			'  Client credentials: client ID demo-client-id, client secret demo-client-secret, Base URL ' + simulator.url,
			'  Access key: Environment Custom, Issuer URL ' + simulator.url + ', access key demo-access-key-id / demo-access-key-secret',
			'  These are the simulator\'s fake demo values. Ctrl-C stops it.',
			'',
		].join('\n'),
	);
	const stop = () => void simulator.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
