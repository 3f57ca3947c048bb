import type { AnyStep } from '../core/model.js';
import type { StepResult } from '../core/result.js';
import type { StepOwner } from './context.js';

export function skippedStep(step: AnyStep, owner: StepOwner, reason: string): StepResult {
  return {
    id: step.id,
    phase: step.phase,
    description: step.description,
    fromDoc: owner.fromDoc,
    status: 'skipped',
    skipReason: reason,
    span: step.span,
    checks: [],
    extracted: [],
    attempts: [],
    startedAt: new Date().toISOString(),
    durationMs: 0,
  };
}
