/** n8n's upcoming `hint-max-length` rule: every hint, in both nodes and the credential, at most 120 characters. */
import type { INodeProperties } from 'n8n-workflow';

import { CxoneApi } from '../../credentials/CxoneApi.credentials';
import { properties } from '../../nodes/Cxone/actions/node.description';
import { CxoneAgentStatesTrigger } from '../../nodes/Cxone/CxoneAgentStatesTrigger.node';

const MAX_HINT = 120;

function hints(list: unknown[], where: string, into: Array<[string, number, string]> = []) {
	for (const entry of list as Array<INodeProperties & { values?: unknown[] }>) {
		if (typeof entry.hint === 'string') into.push([`${where} ${entry.name}`, entry.hint.length, entry.hint]);
		if (Array.isArray(entry.options)) hints(entry.options.filter((option) => typeof option === 'object' && 'type' in option), where, into);
		if (Array.isArray(entry.values)) hints(entry.values, where, into);
		for (const mode of (entry as { modes?: unknown[] }).modes ?? []) hints([mode], `${where} ${entry.name} mode`, into);
	}
	return into;
}

const all = [...hints(properties, 'node'), ...hints(new CxoneAgentStatesTrigger().description.properties, 'trigger'), ...hints(new CxoneApi().properties, 'credential')];

it('finds the hints it checks', () => {
	expect(all.length).toBeGreaterThan(5);
});

it.each(all)(`%s: hint of %i characters is at most ${MAX_HINT}`, (_where, length) => {
	expect(length).toBeLessThanOrEqual(MAX_HINT);
});
