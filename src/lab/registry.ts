import { boatRaceLab } from './boat-race.ts';
import { goodhartLab } from './goodhart.ts';
import { misgeneralisationLab } from './misgeneralisation.ts';
import { offSwitchLab } from './off-switch.ts';
import { preferencesLab } from './preferences.ts';
import { rewardModelLab } from './reward-model.ts';
import type { Lab } from './types.ts';

/**
 * Every lab, in course order. Topics without a faithful simulation (deceptive alignment, for one)
 * have no lab on purpose: a toy that misrepresents the idea is worse than none.
 */
export const LABS: readonly Lab<unknown>[] = [
  goodhartLab,
  boatRaceLab,
  misgeneralisationLab,
  offSwitchLab,
  rewardModelLab,
  preferencesLab,
];

export function findLab(id: string): Lab<unknown> | undefined {
  return LABS.find((lab) => lab.id === id);
}

/** The labs that belong to a lesson, offered after its last section. */
export function labsForLesson(lessonId: string): Lab<unknown>[] {
  return LABS.filter((lab) => lab.lesson === lessonId);
}
