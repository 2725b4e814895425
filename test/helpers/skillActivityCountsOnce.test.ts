/** Skill activity counts each skill once and never reads an empty queue as a wait; NICE's split queue counts pass through. */
import { normalizeSkillActivities, normalizeSkillActivity, summarizeSkills } from '../../nodes/Cxone/helpers/skillActivity';

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('one item per skill ID', () => {
	it('a skill listed on two pages is one item in its first place, with the later listing\'s values', () => {
		const { skills, skipped } = normalizeSkillActivities(
			[{ skillId: 1, queueCount: 4 }, { skillId: 2, queueCount: 4 }, { skillId: '1', queueCount: 5 }, { skillName: 'no id' }, { skillId: 3, queueCount: 3 }],
			NOW,
		);
		expect(skills.map((skill) => [skill.skillId, skill.queueCount])).toEqual([['1', 5], ['2', 4], ['3', 3]]);
		expect(skipped).toBe(1);
	});
});

describe('an empty queue is never a wait', () => {
	it('queueCount 0 with a leftover earliestQueueTime: longestWaitSeconds 0, no alert, summary wait 0', () => {
		const leftover = new Date(NOW - 10 * 60_000).toISOString();
		const skill = normalizeSkillActivity({ skillId: 7, skillName: 'Billing', queueCount: 0, agentsAvailable: 0, earliestQueueTime: leftover }, NOW);
		expect(skill?.longestWaitSeconds).toBe(0);
		const summary = summarizeSkills([skill!], new Date(NOW));
		expect(summary).toMatchObject({ longestWaitSeconds: 0, queuedWithNoAgentAvailable: [], queuedWithNoAgentAvailableCount: 0 });
	});
});

describe("NICE's split queue counts", () => {
	it('passes skillQueueCount, personalQueueCount and parkedCount through as numbers, null when absent', () => {
		const sent = normalizeSkillActivity({ skillId: 1, queueCount: 6, skillQueueCount: '4', personalQueueCount: 2, parkedCount: 1 }, NOW);
		expect(sent).toMatchObject({ queueCount: 6, skillQueueCount: 4, personalQueueCount: 2, parkedCount: 1 });
		const absent = normalizeSkillActivity({ SkillId: 2, QueueCount: 1 }, NOW);
		expect(absent).toMatchObject({ skillQueueCount: null, personalQueueCount: null, parkedCount: null });
	});
});

it('the summary adds no agent counts over skills (an agent on two skills is in both)', () => {
	const skills = [1, 2].map((skillId) => normalizeSkillActivity({ skillId, queueCount: 1, agentsAvailable: 2, agentsLoggedIn: 2, agentsWorking: 0 }, NOW)!);
	const summary = summarizeSkills(skills, new Date(NOW));
	expect(Object.keys(summary).filter((key) => key.startsWith('agents'))).toEqual([]);
	expect(summary).toMatchObject({ skills: 2, queueCount: 2 });
});
