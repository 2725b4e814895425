// `npm run scan`: n8n's community-package scanner (@n8n/scan-community-package) on the package as npm would
// publish it. The scanner's CLI downloads a published version by name (and checks its npm provenance), which
// needs the registry and a release; its analyzePackage() runs the same lint gate on a local folder, offline.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const work = mkdtempSync(join(tmpdir(), 'cxone-scan-'));
try {
	execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
	const tarball = execFileSync('npm', ['pack', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
	// Both stages of the real scan: the sources, then the published files. Inline eslint-disable comments do not count.
	const stages = [
		await analyzePackage(process.cwd(), SOURCE_FILE_PATTERNS),
		await analyzePackage(join(work, 'package'), ['**/*.js', 'package.json']),
	];
	const failed = stages.find((stage) => !stage.passed);
	const result = {
		passed: !failed,
		message: failed?.message,
		details: stages.map((stage) => stage.details).filter(Boolean).join('\n') || undefined,
	};
	if (result.passed) {
		process.stdout.write(`✅ ${tarball} passed n8n's community package scan\n`);
	} else {
		process.stdout.write(`❌ ${tarball} failed n8n's community package scan: ${result.message}\n${result.details ?? ''}\n`);
		process.exitCode = 1;
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
