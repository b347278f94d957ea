import { z } from 'zod';

/**
 * Every setting Linkwell reads from the environment, validated once at start-up.
 * A bad value stops the start with a message that names the variable and what is allowed.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: booleanFlag.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  /** Public self-referral form: submissions accepted per network address per window. */
  SELF_REFERRAL_LIMIT: z.coerce.number().int().min(1).max(10_000).default(5),
  SELF_REFERRAL_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  JOBS_ENABLED: booleanFlag.default(true),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  NOTIFY_ADAPTER: z.enum(['log', 'notify', 'smtp']).default('log'),
  NOTIFY_API_KEY: z.string().min(74).optional(),
  NOTIFY_BASE_URL: z.url().optional(),
  NOTIFY_EMAIL_TEMPLATE_ID: z.uuid().optional(),
  NOTIFY_SMS_TEMPLATE_ID: z.uuid().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Linkwell <no-reply@linkwell.invalid>'),
  SEED_DEMO: booleanFlag.default(true),
  /** An ORUK v3 /services feed to pull into the directory on a schedule (a job); unset: no pull. */
  ORUK_FEED_URL: z.url().optional(),
  ORUK_PULL_INTERVAL_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(24 * 60),
  /**
   * Map tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png. Unset: the map draws markers
   * and clusters on a plain background and asks no third party for anything.
   */
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s]+\{z\}[^\s]*$/, 'must be an https:// URL template with {z}, {x} and {y}')
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).default(''),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Linkwell cannot start: the configuration is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming each bad variable and what it allows. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${describeIssue(i)}`));
  }
  const config = parsed.data;
  const problems = crossFieldProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function crossFieldProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.NOTIFY_ADAPTER === 'notify') {
    if (!config.NOTIFY_API_KEY) problems.push('NOTIFY_API_KEY: required when NOTIFY_ADAPTER is "notify"');
    if (!config.NOTIFY_EMAIL_TEMPLATE_ID)
      problems.push('NOTIFY_EMAIL_TEMPLATE_ID: required when NOTIFY_ADAPTER is "notify"');
  }
  if (config.NOTIFY_ADAPTER === 'smtp' && !config.SMTP_URL) {
    problems.push('SMTP_URL: required when NOTIFY_ADAPTER is "smtp"');
  }
  return problems;
}

/** The address people use to reach this instance, for links in emails. */
export function publicUrl(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`).replace(
    /\/$/,
    '',
  );
}
