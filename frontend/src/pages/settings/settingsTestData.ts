import type { ConfigHealth, SettingsView, TagSyncRun, TagSyncView } from '../../api/types';
import { FakeBackend, ok } from '../../test/FakeBackend';

// Wire-shaped fixtures for the settings page tests (GET /config/settings, /config/health, /config/tag-sync).

export const aSettingsView = (overrides: Partial<SettingsView> = {}): SettingsView => ({
  settings: { executionHistoryRetentionDays: 30, defaultRegion: 'us-east-1', notificationEmail: 'dr-team@example.test' },
  version: 4,
  updatedBy: 'admin@example.test',
  updatedAt: '2030-01-01T00:00:00Z',
  ...overrides,
});

export const aTagSyncRun = (overrides: Partial<TagSyncRun> = {}): TagSyncRun => ({
  triggeredBy: 'admin@example.test',
  trigger: 'USER',
  startedAt: '2030-01-01T00:00:00Z',
  endedAt: '2030-01-01T00:00:05Z',
  succeeded: true,
  locations: [{ accountId: '111122223333', region: 'us-east-1', scanned: 20, matched: 14, tagged: 12, failed: 0, error: null }],
  ...overrides,
});

export const aTagSyncView = (overrides: Partial<TagSyncView> = {}): TagSyncView => ({
  settings: { enabled: true, intervalHours: 6, rules: [{ match: [{ key: 'App', value: 'erp' }], apply: { DrTier: 'gold' } }] },
  version: 3,
  updatedBy: 'admin@example.test',
  updatedAt: '2030-01-01T00:00:00Z',
  lastRun: aTagSyncRun(),
  runningSince: null,
  nextRunDueAt: '2030-01-01T06:00:00Z',
  ...overrides,
});

export const aHealth = (overrides: Partial<ConfigHealth> = {}): ConfigHealth => ({
  status: 'DEGRADED',
  checks: [
    { name: 'database', status: 'OK', detail: 'The settings table answered.', durationMs: 3.5 },
    { name: 'targetAccounts', status: 'DEGRADED', detail: '1 of 2 account(s) failed their last validation: 444455556666.', durationMs: 1.25 },
  ],
  ...overrides,
});

/** Every read the settings page makes, answered; tests add or override the routes they exercise. */
export function settingsBackend(): FakeBackend {
  return new FakeBackend()
    .on('GET', '/config/settings', ok(aSettingsView()))
    .on('GET', '/config/health', ok(aHealth()))
    .on('GET', '/config/tag-sync', ok(aTagSyncView()))
    .on('GET', '/config/regions', ok({ regions: ['us-east-1', 'us-west-2', 'eu-west-1'] }));
}
