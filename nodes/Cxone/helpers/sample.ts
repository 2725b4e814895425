/** Fetch Test Event's samples: the current agents that fit the trigger's rule, or why none does. Pure. */
import type { NormalizedAgentState } from './normalize';
import type { WatchRule } from './stateChanges';

const MANUAL_SAMPLE_SIZE = 10;

export const SAMPLE_NONE_DESCRIPTION =
	'Fetch Test Event shows only current agents that fit Trigger On, its States and Minutes, and the filters. Try again when one does, or widen the settings to see sample fields.';

/**
 * Fetch Test Event's samples: current agents that fit the rule (in a watched state, for long enough; for
 * Left State, in any other state), or a sentence saying why none does.
 */
export function sampleAgents(
	all: NormalizedAgentState[],
	watched: NormalizedAgentState[],
	rule: WatchRule,
	nowMs: number,
): NormalizedAgentState[] | string {
	const inWatchedState = (agent: NormalizedAgentState) => rule.states.length === 0 || rule.states.includes(agent.state);
	const stateList = rule.states.length ? rule.states.join(' or ') : 'any state';
	let fits: (agent: NormalizedAgentState) => boolean;
	let wanted: string;
	switch (rule.event) {
		case 'entered':
			fits = inWatchedState;
			wanted = `is in ${stateList}`;
			break;
		case 'left':
			fits = (agent) => rule.states.length === 0 || !rule.states.includes(agent.state);
			wanted = `is outside ${stateList}`;
			break;
		case 'inStateFor': {
			const thresholdMs = rule.minutes * 60_000;
			fits = (agent) => inWatchedState(agent) && agent.stateSince !== null && nowMs - Date.parse(agent.stateSince) >= thresholdMs;
			wanted = `has been in ${stateList} for ${rule.minutes} minute${rule.minutes === 1 ? '' : 's'} or more`;
			break;
		}
		default:
			fits = () => true;
			wanted = '';
	}
	const sample = watched.filter(fits).slice(0, MANUAL_SAMPLE_SIZE);
	if (sample.length) return sample;
	const returned = `CXone returned ${all.length} agent${all.length === 1 ? '' : 's'}`;
	if (all.length === 0) return 'No sample: CXone returned no agents';
	if (watched.length === 0) return `No sample: ${returned} and the Site IDs and Teams filters matched none of them`;
	const ofWatched = watched.length === all.length ? '' : ` (${watched.length} after the filters)`;
	return `No sample: ${returned}${ofWatched} and none ${wanted} right now`;
}
