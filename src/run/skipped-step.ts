import type { AnyStep } from '../core/model.js';
import type { StepResult } from '../core/result.js';
import type { StepOwner } from './context.js';

/** A step's result before anything happened to it: no checks, no attempts, started now. */
export function emptyStepResult(step: AnyStep, owner: StepOwner, status: StepResult['status'], skipReason?: string): StepResult {
  return {
    id: step.id,
    phase: step.phase,
    description: step.description,
    fromDoc: owner.fromDoc,
    status,
    ...(skipReason === undefined ? {} : { skipReason }),
    span: step.span,
    checks: [],
    extracted: [],
    attempts: [],
    startedAt: new Date().toISOString(),
    durationMs: 0,
  };
}

export function skippedStep(step: AnyStep, owner: StepOwner, reason: string): StepResult {
  return emptyStepResult(step, owner, 'skipped', reason);
}
