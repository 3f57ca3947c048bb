import type { DocResult, ResponseSummary, RunResult, StepResult } from '../core/result.js';

/** Appended where a report cut a body, so a reader knows the text is not the whole response. */
export function truncationMarker(omitted: number): string {
  return `…[stepdoc: truncated, ${omitted} more characters]`;
}

export function truncateText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  // Never split a surrogate pair: half an emoji is invalid in XML and ugly everywhere else.
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end) + truncationMarker(text.length - end), cut: true };
}

/**
 * Bounds the size of one response in a report. A parsed body larger than the limit is replaced
 * by its truncated JSON text (a valid JSON prefix is impossible to keep in general).
 */
export function truncateResponse(response: ResponseSummary, max: number): ResponseSummary {
  const bodyText = truncateText(response.bodyText, max);
  let body = response.body;
  let bodyCut = false;
  if (typeof body === 'string') {
    const cut = truncateText(body, max);
    body = cut.text;
    bodyCut = cut.cut;
  } else if (body !== undefined && body !== null && typeof body === 'object') {
    const json = JSON.stringify(body);
    if (json !== undefined && json.length > max) {
      body = truncateText(json, max).text;
      bodyCut = true;
    }
  }
  if (!bodyText.cut && !bodyCut) return response;
  return { ...response, body, bodyText: bodyText.text, truncated: true };
}

function truncateStep(step: StepResult, max: number): StepResult {
  return step.response ? { ...step, response: truncateResponse(step.response, max) } : step;
}

/** A copy of one doc with every response body bounded to `max` characters. */
export function truncateDoc(doc: DocResult, max: number): DocResult {
  if (!Number.isFinite(max) || max < 0) return doc;
  return { ...doc, steps: doc.steps.map((s) => truncateStep(s, max)) };
}

/** A copy of the run with every response body bounded to `max` characters. */
export function truncateRun(result: RunResult, max: number): RunResult {
  if (!Number.isFinite(max) || max < 0) return result;
  return { ...result, docs: result.docs.map((doc) => truncateDoc(doc, max)) };
}
