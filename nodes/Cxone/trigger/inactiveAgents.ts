/** Which records CXone marks inactive (`isActive: false`): agents that leave the trigger's snapshot. Pure. */
import { asBoolean, asString, isRecord } from '../helpers/values';

/**
 * NICE's agent SDK drops an agent that comes back with `isActive: false` from its list
 * (nice-devone/nice-cxone-agent-sdk dist/agent-sdk/src/lib/directory/provider/cxone-directory-provider.js,
 * directory/util/utility.js `handleDirectoryItemDeletion`). The normalizer does not read the field, so it is
 * looked up here, in the spellings the API versions use.
 */
export function inactiveAgentIds(records: unknown[]): Set<string> {
	const inactive = new Set<string>();
	for (const record of records) {
		if (!isRecord(record)) continue;
		const flag = record.isActive ?? record.IsActive ?? record.isactive;
		if (flag === undefined || asBoolean(flag) !== false) continue;
		const agentId = asString(record.agentId ?? record.AgentId ?? record.agentid);
		if (agentId !== null) inactive.add(agentId);
	}
	return inactive;
}
