import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../src/core/errors.js';
import { importCurl } from '../../src/import/import-curl.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
const stepsOf = (source: string) => importCurl(source, 'guide.sh').steps.map((s) => s.step);

function refusal(source: string): DiagnosticsError {
  try {
    importCurl(source, 'guide.sh');
  } catch (error) {
    if (error instanceof DiagnosticsError) return error;
    throw error;
  }
  throw new Error('expected the import to refuse');
}

describe('import curl: guide examples', () => {
  it('turns $baseurl into the API base, the bearer $apikey into a token profile and {PLACEHOLDERS} into variables', () => {
    const imported = importCurl(fixture('synctera-reversal.sh'), 'guide.sh');
    expect(imported.steps[0].step).toEqual({
      id: 'post_v0_external_cards_transfers_external_card_transfer_id_reversals',
      method: 'POST',
      path: '/v0/external_cards/transfers/{{ external_card_transfer_id }}/reversals',
      token: 'apikey',
      body: { currency: 'USD', amount: 2500 },
    });
    expect(imported.steps[0].endpoint).toBe('POST /v0/external_cards/transfers/{external_card_transfer_id}/reversals');
    expect(imported.variables).toEqual(['external_card_transfer_id']);
    expect(imported.tokens).toEqual(['apikey']);
    expect(imported.text).not.toContain('$apikey');
  });

  it('repairs the me-to-you example (stray `:`, trailing comma) and says where', () => {
    const imported = importCurl(fixture('synctera-me-to-you.sh'), 'guide.sh');
    expect(imported.steps[0].step.body).toEqual({
      external_card_id: '{{ external_card_id }}',
      originating_customer_id: '{{ customer_id }}',
      originating_account_id: '{{ account_id }}',
      type: 'PULL',
      amount: 1000,
    });
    expect(imported.notes).toContain('line 9: replaced a stray `:` after a value with `,` in the JSON body');
    expect(imported.notes).toContain('line 12: removed a trailing comma before `}` in the JSON body');
  });

  it('repairs a missing comma at the end of a line (add-card example)', () => {
    const imported = importCurl(fixture('synctera-add-card.sh'), 'guide.sh');
    expect(imported.steps[0].step.body).toEqual({ token: '{{ token }}', name: 'Jane Taylor', customer_id: '{{ customer_id }}' });
    expect(imported.notes).toContain('line 8: added a missing `,` at the end of the line in the JSON body');
  });

  it('keeps nested objects and non-ASCII text of a body', () => {
    const [step] = stepsOf(fixture('synctera-transfer.sh'));
    expect(step.body).toMatchObject({ amount: 2500, merchant: { name: 'Jane Taylor’s Pub', address: { city: 'Lake Forest' } } });
  });

  it('makes the origin of an absolute URL the API base and its query string params', () => {
    const imported = importCurl(fixture('get-with-query.sh'), 'guide.sh');
    expect(imported.steps[0].step).toEqual({
      id: 'get_v1_clients',
      method: 'GET',
      path: '/v1/clients',
      params: { page: '2', per_page: '25', status: 'active' },
      token: 'staff_token',
      headers: { Accept: 'application/json', 'X-On-Behalf-Of': '{{ business_id }}' },
    });
    expect(imported.notes).toContain(
      'https://api.example.com is the API base: give it with --base-url https://api.example.com (or apis.default in stepdoc.config.yaml)',
    );
  });

  it('reads form data (-d, --data-urlencode) and -u as a basic token profile', () => {
    const imported = importCurl(fixture('form-post.sh'), 'guide.sh');
    expect(imported.steps[0].step).toEqual({
      id: 'post_v1_customers',
      method: 'POST',
      path: '/v1/customers',
      token: 'basic',
      content_type: 'form',
      form_fields: { description: 'Customer for {{ email }}', name: 'Jenny Rosen' },
    });
    expect(imported.notes.some((n) => n.includes('tokens.basic'))).toBe(true);
  });

  it('reads -F fields and files, -X and --url', () => {
    const [step] = stepsOf(fixture('multipart-upload.sh'));
    expect(step).toEqual({
      id: 'put_v1_documents_document_id',
      method: 'PUT',
      path: '/v1/documents/{{ document_id }}',
      token: 'apikey',
      content_type: 'multipart',
      form_fields: { title: 'Contract' },
      file_fields: [{ field_name: 'file', file_path: 'contract.pdf', content_type: 'application/pdf' }],
    });
  });

  it('writes one doc with one step per command, ids kept unique', () => {
    const source = [fixture('synctera-transfer.sh'), fixture('synctera-me-to-you.sh'), fixture('synctera-reversal.sh')].join('\n');
    const imported = importCurl(source, 'guide.sh');
    expect(imported.steps.map((s) => s.step.id)).toEqual([
      'post_v0_external_cards_transfers',
      'post_v0_external_cards_transfers_2',
      'post_v0_external_cards_transfers_external_card_transfer_id_reversals',
    ]);
    expect(imported.text).toMatch(/^---\nendpoint: "POST \/v0\/external_cards\/transfers"\nstatus: pending\n/);
    expect(imported.text.match(/```yaml/g)).toHaveLength(1);
  });

  it('ignores a pipe after the command, and says so', () => {
    const imported = importCurl('curl https://x.test/v1/a | jq .\n', 'guide.sh');
    expect(imported.steps[0].step).toMatchObject({ method: 'GET', path: '/v1/a', token: 'none' });
    expect(imported.notes).toContain('line 1: ignored `| jq .` after the curl command');
  });

  it('never copies a literal credential into the doc', () => {
    const imported = importCurl('curl https://x.test/v1/a -H "Authorization: Bearer sk_live_abc123"\n', 'guide.sh');
    expect(imported.text).not.toContain('sk_live_abc123');
    expect(imported.steps[0].step.token).toBe('api');
  });
});

describe('import curl: refusals are diagnostics with a line, never a stack trace', () => {
  it('refuses JSON beyond the repairs, naming JSON and pointing at the line', () => {
    const error = refusal(`curl $baseurl/v1/a \\\n  -H 'Content-Type: application/json' \\\n  -d '{\n    "a": [1, 2\n    "b": 3\n  }'\n`);
    expect(error.diagnostics[0]).toMatchObject({ code: 'import-json', span: { file: 'guide.sh', line: 5 } });
    expect(error.diagnostics[0].message).toMatch(/^the JSON body is not valid JSON: /);
  });

  it('refuses an option it does not understand, with a did-you-mean', () => {
    const error = refusal('curl https://x.test/a \\\n  --hedaer "X-A: 1"\n');
    expect(error.diagnostics[0]).toMatchObject({ code: 'import-curl-option', span: { line: 2, col: 3 }, help: 'did you mean `--header`?' });
  });

  it('refuses a body read from a file', () => {
    expect(refusal('curl https://x.test/a -d @body.json\n').diagnostics[0].code).toBe('import-body-file');
  });

  it('refuses a text without a curl command', () => {
    expect(refusal('wget https://x.test/a\n').diagnostics[0]).toMatchObject({ code: 'import-no-curl', span: { line: 1 } });
  });
});
