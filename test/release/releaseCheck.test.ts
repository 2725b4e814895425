/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * `npm run release:check`'s offline verification points, on this repository and on broken variants of it.
 * The points that run commands (lint, build, scan) are what `npm run lint|build|scan` already run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	changelogProblems,
	documentationLinks,
	envAndFileAccessProblems,
	licenceProblems,
	INTERIM_DOCS,
	PLACEHOLDER_REPOSITORY,
	readmeProblems,
	repositoryProblems,
	runtimeDependencyProblems,
	strictProblems,
	workflowProblems,
	type PackageJson,
} from '../../scripts/releaseCheck';

const REPO = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as PackageJson;
const workflows = ['ci.yml', 'publish.yml'].map((name) => ({ path: `.github/workflows/${name}`, text: read(`.github/workflows/${name}`) }));
const DEFAULT_ESLINT_CONFIG = read('node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');

describe('the repository as it is', () => {
	it('is in strict mode with the node CLI\'s own ESLint config', () => {
		expect(strictProblems(pkg, read('eslint.config.mjs'), DEFAULT_ESLINT_CONFIG)).toEqual([]);
	});

	it('is MIT-licensed, without runtime dependencies', () => {
		expect(licenceProblems(pkg, read('LICENSE'))).toEqual([]);
		expect(runtimeDependencyProblems(pkg)).toEqual([]);
	});

	it('has a CHANGELOG entry for its version and the README sections n8n asks for', () => {
		expect(changelogProblems(pkg.version, read('CHANGELOG.md'))).toEqual([]);
		expect(readmeProblems(read('README.md'))).toEqual([]);
	});

	it('has workflows actionlint accepts, publishing with provenance on a version tag', async () => {
		expect(await workflowProblems(workflows)).toEqual([]);
	});

	it('names the missing repository address, and where its placeholder is', () => {
		const links = documentationLinks(REPO);
		expect(links.map((link) => link.where)).toEqual(
			expect.arrayContaining([
				'credentials/CxoneApi.credentials.ts',
				'nodes/Cxone/CxoneAgentStates.node.json',
				'nodes/Cxone/CxoneAgentStatesTrigger.node.json',
			]),
		);
		const withoutRepository = { ...pkg, repository: undefined, bugs: undefined, homepage: undefined };
		const [problem] = repositoryProblems(withoutRepository, links);
		expect(problem).toMatch(/^package\.json has no "repository"/);
		expect(problem).toContain('point the documentation links in credentials/CxoneApi.credentials.ts, nodes/Cxone/CxoneAgentStates.node.json');
		// Until then every link opens a page that exists: the README on npm or NICE's docs, never the placeholder's 404.
		const resolves = (url: string) => url.startsWith(`${INTERIM_DOCS}#`) || url.startsWith('https://developer.niceincontact.com/');
		expect(links.filter((link) => !resolves(link.url))).toEqual([]);
		expect(links.filter((link) => link.url.startsWith(INTERIM_DOCS))).toHaveLength(5);
	});
});

describe('each point fails, saying what to fix', () => {
	const base = 'https://github.com/acme/n8n-nodes-cxone';
	const linked = (...urls: string[]) => urls.map((url) => ({ where: 'nodes/X/X.node.json', url }));

	it('repository: passes once package.json and every documentation link agree on a github.com repository', () => {
		const released = { ...pkg, repository: { url: `git+${base}.git` }, bugs: { url: `${base}/issues` }, homepage: `${base}#readme` };
		expect(repositoryProblems(released, linked(`${base}#operations`, 'https://developer.niceincontact.com/Documentation/APIAuthenticationAndAuthorization'))).toEqual([]);
		expect(repositoryProblems(released, linked(`${PLACEHOLDER_REPOSITORY}#operations`))).toEqual([
			`nodes/X/X.node.json links to ${PLACEHOLDER_REPOSITORY}#operations, not to the README at ${base}`,
		]);
		expect(repositoryProblems(released, linked(`${INTERIM_DOCS}#operations`))).toEqual([
			`nodes/X/X.node.json links to ${INTERIM_DOCS}#operations, not to the README at ${base}`,
		]);
		expect(repositoryProblems({ ...released, homepage: 'https://www.npmjs.com/package/n8n-nodes-cxone' }, [])).toEqual([
			`package.json "homepage" is https://www.npmjs.com/package/n8n-nodes-cxone; use ${base}#readme`,
		]);
		expect(repositoryProblems({ ...released, repository: 'https://gitlab.com/acme/n8n-nodes-cxone' }, [])[0]).toMatch(/not.*GitHub|use https:\/\/github\.com\/OWNER\/REPO/);
		expect(repositoryProblems({ ...released, repository: `${PLACEHOLDER_REPOSITORY}.git` }, [])).toEqual([
			`package.json "repository" is still the placeholder ${PLACEHOLDER_REPOSITORY}`,
		]);
	});

	it('strict mode: a customised ESLint config or strict off', () => {
		expect(strictProblems({ ...pkg, n8n: { ...pkg.n8n, strict: false } }, DEFAULT_ESLINT_CONFIG, DEFAULT_ESLINT_CONFIG)).toEqual([
			'package.json "n8n" needs "strict": true (n8n-node lint then insists on its own ESLint config)',
		]);
		const custom = `${DEFAULT_ESLINT_CONFIG}\nexport const extra = [{ ignores: ['test/**'] }];\n`;
		expect(strictProblems(pkg, custom, DEFAULT_ESLINT_CONFIG)[0]).toMatch(/not @n8n\/node-cli's default config/);
	});

	it('licence and runtime dependencies', () => {
		expect(licenceProblems({ ...pkg, license: 'Apache-2.0' }, read('LICENSE'))).toEqual([
			'package.json "license" is "Apache-2.0"; n8n verifies MIT-licensed packages only',
		]);
		expect(runtimeDependencyProblems({ ...pkg, dependencies: { axios: '^1.0.0' } })).toEqual([
			'package.json "dependencies" lists axios: n8n verifies packages without runtime dependencies',
		]);
	});

	it('changelog: no entry for the version being released', () => {
		expect(changelogProblems('0.2.0', read('CHANGELOG.md'))).toEqual([
			'CHANGELOG.md has no "## [0.2.0] - YYYY-MM-DD" entry: move the Unreleased changes under it',
		]);
	});

	it('README: a missing section', () => {
		expect(readmeProblems(read('README.md').replace('## Compatibility', '## Versions'))).toEqual(['README.md has no "## Compatibility" section']);
	});

	it('environment and file access in node code', () => {
		const files = [
			{ path: 'dist/nodes/X/x.js', text: 'const a = 1;\nconst key = process.env.API_KEY;' },
			{ path: 'nodes/X/y.ts', text: "import { readFileSync } from 'node:fs';" },
			{ path: 'nodes/X/z.ts', text: "const { exec } = require('child_process');" },
		];
		expect(envAndFileAccessProblems(files)).toEqual([
			'dist/nodes/X/x.js:2 reads process.env',
			'nodes/X/y.ts:1 imports a file-system or process module',
			'nodes/X/z.ts:1 loads a file-system or process module',
		]);
	});

	it('workflows: actionlint findings, and a publish job that cannot sign provenance', async () => {
		const [ci, publish] = workflows;
		const broken = { path: ci.path, text: ci.text.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minute: 10') };
		const problems = await workflowProblems([broken, publish]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^\.github\/workflows\/ci\.yml:\d+:\d+ .*timeout-minute/);

		const unsigned = { path: publish.path, text: publish.text.replace(/^(\s+)id-token: write/m, '$1actions: read') };
		expect(await workflowProblems([ci, unsigned])).toEqual([
			'publish.yml lacks "permissions: id-token: write", which npm needs to sign the provenance statement',
		]);
		expect(await workflowProblems([ci])).toEqual(['.github/workflows/publish.yml is missing: n8n requires publishing from GitHub Actions with provenance']);
	});
});
