/** How a simulated agent looks on the wire: the tutorial's flat record, real CXone's camelCase and old PascalCase. */
import { NOT_READY_REASONS, type SimAgent } from './tenant';

/** The team's unavailable code: one ID per reason, 99 for a reason set by a test that is not in the list. */
function outStateId(reason: string): number | null {
	if (!reason) return null;
	const index = NOT_READY_REASONS.indexOf(reason);
	return index >= 0 ? index + 1 : 99;
}

/** `{"agentId":"a1001","state":{"type":"READY","subState":null},"siteId":"site-1","timestamp":"..."}` */
export function tutorialRecord(agent: SimAgent) {
	const subState = agent.state === 'NOT_READY' && agent.outStateDescription ? agent.outStateDescription.toUpperCase() : null;
	// The tutorial's API knows four types: a Dialer agent is on a contact there.
	const type = agent.state === 'DIALER' ? 'ON_CONTACT' : agent.state;
	return { agentId: `a${agent.agentId}`, state: { type, subState }, siteId: agent.siteId, timestamp: agent.stateSince };
}

/** One item of a real tenant's agents/states (reference 4.3). */
export function cxoneRecord(agent: SimAgent, businessUnitId: number) {
	return {
		agentId: agent.agentId,
		agentStateId: agent.agentStateId,
		agentStateName: agent.stateName,
		businessUnitId,
		contactId: agent.contactId,
		firstName: agent.firstName,
		isACW: agent.isAcw,
		isOutbound: agent.stateName === 'OutboundContact' || agent.stateName === 'OutboundConsult' || agent.stateName === 'Dialer',
		lastName: agent.lastName,
		lastUpdateTime: agent.lastUpdateTime,
		mediaTypeName: agent.contactId ? 'Call' : null,
		outStateDescription: agent.outStateDescription,
		outStateId: outStateId(agent.outStateDescription),
		skillId: agent.skillId,
		skillName: agent.skillName,
		startDate: agent.stateSince,
		teamId: agent.teamId,
		teamName: agent.teamName,
		userName: agent.userName,
	};
}

/** Old API versions (v2.0 to v12.0) answered in PascalCase: AgentId, AgentStateName, IsACW, ... */
export function pascalCase(record: Record<string, unknown>) {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) result[key[0].toUpperCase() + key.slice(1)] = value;
	return result;
}

/**
 * One item of GET /agents: `location` is the Location's NAME; GET /agents has no locationId (that exists only in
 * POST/PUT bodies). calljacob/nice-cxone-api src/services/admin/AdminAgentsService.ts `getAgents`.
 */
export function agentRecord(agent: SimAgent) {
	return {
		agentId: agent.agentId,
		firstName: agent.firstName,
		lastName: agent.lastName,
		userName: agent.userName,
		teamId: agent.teamId,
		teamName: agent.teamName,
		location: agent.locationName,
		isActive: true,
	};
}
