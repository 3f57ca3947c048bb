/** The run flags that feed settings (parsed by the CLI; the library takes the same shape). */
export interface SettingsFlags {
  config?: string;
  baseUrl?: string;
  fallbackUrl?: string;
  /** `PROFILE=VALUE` each. */
  tokens?: string[];
  /** `NAME=VALUE` each. */
  vars?: string[];
  secrets?: string[];
  concurrency?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
  tags?: string[];
  domains?: string[];
  grep?: string;
  shard?: { index: number; total: number };
  dryRun?: boolean;
  includeSkipped?: boolean;
  allowDelete?: boolean;
  schema?: 'off' | 'warn' | 'strict';
  requestsPerSecond?: number;
  maxConcurrent?: number;
  retries?: number;
}
