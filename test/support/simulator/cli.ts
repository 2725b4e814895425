/* eslint-disable @n8n/community-nodes/no-restricted-globals -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * The CXone simulator in the foreground until Ctrl-C:
 * `npm run simulator -- --port 8080 --agents 1000 --seed 7 --expires-in 600 --shape wrapped`
 */
import { startSimulator, type SimulatorOptions } from './index';

const USAGE = 'Usage: cli [--port N] [--agents N] [--seed N] [--expires-in SECONDS] [--shape flat|wrapped] [--page-size N]';

export function parseArguments(argv: string[]): SimulatorOptions {
	const options: SimulatorOptions = { quiet: true };
	const numeric = (name: string, value: string | undefined) => {
		const number = Number(value);
		if (value === undefined || !Number.isInteger(number) || number < 0) throw new Error(`--${name} needs a whole number, got ${value ?? 'nothing'}`);
		return number;
	};
	for (let index = 0; index < argv.length; index++) {
		const [name, inline] = argv[index].replace(/^--/, '').split('=', 2);
		const value = () => inline ?? argv[++index];
		switch (name) {
			case 'port':
				options.port = numeric(name, value());
				break;
			case 'agents':
				options.agents = numeric(name, value());
				break;
			case 'seed':
				options.seed = numeric(name, value());
				break;
			case 'expires-in':
				options.expiresIn = numeric(name, value());
				break;
			case 'page-size':
				options.pageSize = numeric(name, value());
				break;
			case 'shape': {
				const shape = value();
				if (shape !== 'flat' && shape !== 'wrapped') throw new Error(`--shape is flat or wrapped, got ${shape ?? 'nothing'}`);
				options.tutorialShape = shape;
				break;
			}
			default:
				throw new Error(`Unknown argument ${argv[index]}`);
		}
	}
	return options;
}

async function main() {
	let options: SimulatorOptions;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
		process.exit(2);
	}
	const simulator = await startSimulator(options);
	const loggedIn = simulator.tenant.agents.filter((agent) => agent.state !== 'LOGGED_OUT').length;
	process.stdout.write(
		[
			`CXone simulator listening on ${simulator.url}`,
			`  Tenant ${simulator.tenant.tenantId}: ${simulator.tenant.agents.length} agents, ${loggedIn} logged in`,
			`  Tutorial mode (client credentials): Base URL ${simulator.url}, client ID demo-client-id, client secret demo-client-secret`,
			`  Real-tenant mode (access key): issuer ${simulator.url}, client ID demo-client-id, client secret demo-client-secret,`,
			'    access key ID demo-access-key-id, access key secret demo-access-key-secret',
			"  These are the simulator's fake demo values. Ctrl-C stops it.",
			'',
		].join('\n'),
	);
	const stop = () => void simulator.stop().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) void main();
