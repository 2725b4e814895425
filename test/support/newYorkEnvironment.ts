/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * Jest's node environment in America/New_York (a zone with DST), for jest.config.js's date-sensitive project: CI
 * runs in UTC, where reading a zoneless time in the server's zone and reading it as UTC look the same.
 *
 * Set here, not in a setup file: a test file's `process.env` is a copy (jest-util createProcessObject), so TZ set
 * there never reaches Node. Node re-reads TZ whenever the real process.env.TZ is assigned; it is put back on
 * teardown, because the worker runs the other project's files next.
 */
import NodeEnvironment from 'jest-environment-node';

export const TEST_TIME_ZONE = 'America/New_York';

export default class NewYorkEnvironment extends NodeEnvironment {
	private zoneBefore: string | undefined;

	async setup(): Promise<void> {
		this.zoneBefore = process.env.TZ;
		process.env.TZ = TEST_TIME_ZONE;
		this.global.process.env.TZ = TEST_TIME_ZONE;
		// EST is UTC-5 in January: anything else means the zone did not take, and every test here would prove nothing.
		const offset = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
		if (offset !== 300) throw new Error(`The ${TEST_TIME_ZONE} test environment runs at UTC offset ${-offset / 60} h, not -5 h`);
		await super.setup();
	}

	async teardown(): Promise<void> {
		if (this.zoneBefore === undefined) delete process.env.TZ;
		else process.env.TZ = this.zoneBefore;
		await super.teardown();
	}
}
