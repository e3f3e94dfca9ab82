// End-to-end run of the console against the local host, in Debian's Chromium (never a downloaded browser).
// Issue 7's scenario: a plan manager creates a protection group and a 3-wave plan with a pause before
// wave 2; a recovery manager starts a drill, sees it pause, resumes it, watches it complete and
// terminates the drill instances; a read-only user sees no enabled action buttons and gets 403 from the
// API directly. Along the way the group gets a per-server launch override, and once the drill has
// completed its recovery-instances and DRS job-log pages must show real data (an instance ID, a log
// event). Screenshots go to artifacts/screenshots/. The last line is exactly `N passed, N failed`.
//
// Usage: node frontend/e2e/run.mjs   (after building the console and the local host in Release)
//   DRS_LOCAL_DLL=<path to DrsOrchestrator.Local.dll> overrides where the built host is looked for.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const shots = join(root, 'artifacts', 'screenshots');
mkdirSync(shots, { recursive: true });
// Failure screenshots of an earlier run would read as this run's.
for (const file of readdirSync(shots)) if (file.startsWith('failed-')) rmSync(join(shots, file));

const results = [];
const browserErrors = [];
let errorsReported = 0; // browser errors already attributed to a step
let expectForbidden = false; // set while the read-only user probes the API on purpose
let passed = 0;
let failed = 0;
let blocked = null; // the first failed step: later steps that need its outcome fail with a pointer to it

async function step(name, fn, { independent = false } = {}) {
  if (blocked && !independent) {
    failed++;
    results.push(`FAIL ${name}: not run, needs "${blocked}"`);
    console.log(`  x ${name} (not run: needs "${blocked}")`);
    return;
  }
  const started = Date.now();
  const errorsBefore = browserErrors.length;
  try {
    await fn();
    // A step fails on any console error, page error or failed API call it caused (the deliberate 403
    // probes are made with expectForbidden and do not count).
    const fresh = browserErrors.slice(errorsBefore);
    errorsReported = browserErrors.length;
    if (fresh.length) {
      // The step did what it should but the browser saw errors: it fails, yet later steps still run,
      // since their preconditions hold.
      failed++;
      const message = `${fresh.length} browser error(s): ${fresh.slice(0, 5).join(' | ')}`;
      results.push(`FAIL ${name}: ${message}`);
      console.log(`  x ${name} (${Date.now() - started} ms)\n      ${message}`);
      return;
    }
    passed++;
    console.log(`  ok ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    if (!independent) blocked = name;
    const fresh = browserErrors.slice(Math.max(errorsBefore, errorsReported));
    errorsReported = browserErrors.length;
    const extra = fresh.length ? `\nbrowser errors meanwhile: ${fresh.slice(0, 5).join(' | ')}` : '';
    const message = ((error?.message ?? String(error)) + extra).split('\n').slice(0, 8).join('\n      ');
    results.push(`FAIL ${name}: ${message}`);
    console.log(`  x ${name}\n      ${message}`);
    if (page) await page.screenshot({ path: join(shots, `failed-${slug(name)}.png`), fullPage: true }).catch(() => {});
  }
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function hostDll() {
  if (process.env.DRS_LOCAL_DLL) return process.env.DRS_LOCAL_DLL;
  const slot = process.env.DRS_BUILD_SLOT;
  const candidates = [
    slot && join(root, '.build', slot, 'bin', 'DrsOrchestrator.Local', 'release', 'DrsOrchestrator.Local.dll'),
    join(root, 'src', 'DrsOrchestrator.Local', 'bin', 'Release', 'net10.0', 'DrsOrchestrator.Local.dll'),
  ].filter(Boolean);
  return candidates.find((c) => existsSync(c)) ?? null;
}

function startHost() {
  const dll = hostDll();
  const args = ['--port', '0', '--time-scale', '300'];
  const child = dll
    ? spawn('dotnet', [dll, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn('dotnet', ['run', '--no-build', '-c', 'Release', '--project', join('src', 'DrsOrchestrator.Local'), '--', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the local host did not start within 180 s:\n${output}`)), 180_000);
    const onData = (data) => {
      output += data;
      const match = /is running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local host exited with code ${code}:\n${output}`));
    });
  });
  return { child, ready, output: () => output };
}

function stopHost(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 30_000);
    child.on('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGINT');
  });
}

function chromiumPath() {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

// ---- helpers over the console ----
let page = null;
let base = '';

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function signIn(group) {
  await page.goto(base + '/');
  await page.getByTestId('local-sign-in').waitFor({ timeout: 60_000 });
  // Each tile's description is "<email> - <groups>"; clicking it selects the tile.
  await page.getByText(new RegExp(`- ${group}$`)).first().click();
  await page.getByTestId('local-sign-in').click();
  await page.getByTestId('local-sign-in').waitFor({ state: 'detached', timeout: 30_000 });
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
}

async function signOut() {
  // The top-bar user menu holds "Sign out".
  await page.locator('header, [role="banner"], #top-nav').first().getByRole('button').last().click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByTestId('local-sign-in').waitFor({ timeout: 30_000 });
}

async function chooseSelectOption(testId, optionText) {
  await page.getByTestId(testId).locator('button').first().click();
  await page.getByRole('option', { name: new RegExp(optionText) }).first().click();
}

// Picks an option in one multiselect and checks its token is shown. The option is looked up inside that
// multiselect, not page-wide: another dropdown that is still closing must not receive the click. A pick
// that did not register (the dropdown opened while the list was re-rendering) is tried again, up to 3 times.
async function chooseMultiselectOption(testId, optionText) {
  const select = page.getByTestId(testId);
  const token = select.getByText(optionText, { exact: true });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await select.locator('button').first().click();
    await select.getByRole('option', { name: new RegExp(optionText) }).first().click();
    await page.keyboard.press('Escape');
    try {
      await token.first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw new Error(`${testId}: "${optionText}" was not selected after 3 tries (${error.message.split('\n')[0]})`);
    }
  }
}

async function expectNoFlashError() {
  const error = page.getByTestId('flash-error');
  if (await error.count()) throw new Error(`the console shows an error: ${(await error.allInnerTexts()).join(' | ')}`);
}

async function waitForText(text, timeout = 120_000) {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout });
}

async function apiFromPage(method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const token = Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)).find((v) => v && v.split('.').length === 3);
    const response = await fetch('/api' + path, {
      method,
      headers: { Authorization: token ?? '', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  }, { method, path, body });
}

// ---- the run ----
const executable = chromiumPath();
if (!executable) {
  console.log('Debian chromium not found (apt-get install -y chromium).');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

console.log('Bundle size (initial load, from frontend/dist):');
try {
  console.log(execFileSync('node', [join(root, 'frontend', 'scripts', 'bundle-size.mjs')], { encoding: 'utf8' }).trim().replace(/^/gm, '  '));
} catch (error) {
  console.log(`  not measured: ${error.message.split('\n')[0]}`);
}

const host = startHost();
let browser = null;
const groupName = `e2e-payments-${Date.now().toString(36)}`;
const planName = `E2E three waves ${Date.now().toString(36)}`;
let planUrl = '';
let executionUrl = '';

try {
  await step('local host starts', async () => {
    base = await host.ready;
    console.log(`    host at ${base}`);
  });

  await step('browser starts', async () => {
    browser = await chromium.launch({
      executablePath: executable,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // Chromium logs every HTTP error status as "Failed to load resource"; those are judged by the
      // response listener below, which knows the URL and whether the status was expected.
      if (m.text().startsWith('Failed to load resource')) return;
      browserErrors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => browserErrors.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() < 400) return;
      if (expectForbidden && r.status() === 403) return;
      const index = browserErrors.push(`${r.request().method()} ${r.url().replace(base, '')} -> ${r.status()}`) - 1;
      // The API's error body carries the code and message a bug report needs.
      r.text().then((body) => { browserErrors[index] += ` ${body.slice(0, 300)}`; }).catch(() => {});
    });
    page.on('requestfailed', (r) => {
      // Navigating away aborts in-flight polls; that is not an error a user would see.
      if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
      browserErrors.push(`${r.method()} ${r.url().replace(base, '')} failed: ${r.failure()?.errorText}`);
    });
  });

  await step('plan manager signs in; dashboard renders', async () => {
    await page.goto(base + '/');
    await page.getByTestId('local-sign-in').waitFor({ timeout: 60_000 });
    await shot('01-sign-in');
    await signIn('DRSPlanManager');
    const started = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: 60_000 });
    console.log(`    time to first render of the dashboard (reload, signed in): ${Date.now() - started} ms`);
    await page.waitForLoadState('networkidle').catch(() => {});
    await shot('02-dashboard');
  });

  await step('plan manager creates a protection group', async () => {
    await page.goto(base + '/protection-groups');
    await page.getByTestId('create-group').click();
    await page.getByTestId('group-name').locator('input').fill(groupName);
    await chooseSelectOption('group-account', '222222222222');
    await chooseSelectOption('group-region', 'us-east-1');
    await page.getByTestId('server-discovery').getByRole('checkbox', { name: 'Select all servers' }).check();
    await shot('03-protection-group-create');
    await page.getByTestId('save-group').click();
    await waitForText(groupName, 30_000);
    await expectNoFlashError();
    await page.goto(base + '/protection-groups');
    await waitForText(groupName, 30_000);
    await shot('04-protection-groups');
  });

  await step('plan manager overrides one server\'s launch settings in the group editor', async () => {
    await page.getByRole('link', { name: groupName, exact: true }).click();
    await page.getByTestId('group-details').waitFor({ timeout: 30_000 });
    await page.getByTestId('edit-group').click();
    // Breadcrumbs name the group, not its ID, once the editor has loaded it.
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: groupName, exact: true }).waitFor({ timeout: 30_000 });
    const edit = page.locator('[data-testid^="edit-override-"]').first();
    await edit.waitFor({ timeout: 30_000 });
    const serverId = (await edit.getAttribute('data-testid')).replace('edit-override-', '');
    await edit.click();
    const modal = page.getByTestId('override-modal');
    // Copy tags is harmless to the drill that follows: it changes what DRS copies, not where it launches.
    await modal.getByTestId('copy-tags').locator('button').first().click();
    await modal.getByRole('option', { name: 'Yes', exact: true }).click();
    await modal.getByTestId('save-override').click();
    const cell = page.getByTestId(`override-${serverId}`);
    await cell.getByText('copy tags: yes').waitFor({ timeout: 30_000 });
    await expectNoFlashError();
    await shot('04a-protection-group-override');
  });

  await step('plan manager creates a 3-wave plan with a pause before wave 2', async () => {
    await page.goto(base + '/recovery-plans');
    await page.getByTestId('create-plan').click();
    await page.getByRole('textbox', { name: /^Name$|Plan name/ }).first().fill(planName);
    while ((await page.locator('[data-testid^="wave-editor-"]').count()) < 3) await page.getByTestId('add-wave').click();
    await chooseMultiselectOption('wave-1-groups', groupName);
    await chooseMultiselectOption('wave-2-groups', 'OrderPortal-app');
    await chooseMultiselectOption('wave-3-groups', 'OrderPortal-web');
    await page.getByTestId('wave-2-pause').locator('input').check();
    await shot('05-recovery-plan-edit');
    await page.getByTestId('save-plan').click();
    await waitForText(planName, 30_000);
    await expectNoFlashError();
    await page.getByTestId('plan-waves').waitFor({ timeout: 30_000 });
    planUrl = page.url();
    await shot('06-recovery-plan-details');
  });

  await step('recovery manager starts a drill', async () => {
    await signOut();
    // The "operator" of the scenario is a DRSRecoveryManager: per BRIEF section 6, DRSOperator lacks
    // ManageExecution and TerminateInstances, so it could start the drill but not resume it or
    // terminate its instances.
    await signIn('DRSRecoveryManager');
    await page.goto(planUrl);
    await page.getByTestId('run-drill').click();
    await page.getByTestId('run-summary').waitFor({ timeout: 10_000 });
    await shot('07-confirm-drill');
    await page.getByTestId('confirm-run').getByTestId('confirm-button').click();
    await page.waitForURL(/\/executions\/exec-/, { timeout: 30_000 });
    executionUrl = page.url();
    await expectNoFlashError();
  });

  await step('the drill pauses before wave 2', async () => {
    await waitForText('PAUSED', 180_000);
    await page.getByTestId('resume-execution').and(page.locator(':not([disabled])')).waitFor({ timeout: 30_000 });
    await shot('08-execution-paused');
  });

  await step('resume; the drill completes', async () => {
    await page.getByTestId('resume-execution').click();
    await expectNoFlashError();
    await waitForText('COMPLETED', 300_000);
    await shot('09-execution-completed');
  });

  await step('recovery instances and a DRS job log show the drill\'s real data', async () => {
    await page.getByTestId('open-recovery-instances').click();
    const instances = page.getByTestId('recovery-instances');
    const instanceId = instances.locator('tbody tr').first().getByText(/^i-[0-9a-f]+$/).first();
    await instanceId.waitFor({ timeout: 60_000 });
    console.log(`    first recovery instance: ${await instanceId.innerText()}`);
    await expectNoFlashError();
    await shot('09a-recovery-instances');

    await instances.locator('tbody tr').first().getByRole('link').last().click();
    await page.waitForURL(/\/jobs\//, { timeout: 30_000 });
    const firstEvent = page.getByTestId('job-log').locator('tbody tr').first().locator('td').nth(1);
    await firstEvent.getByText(/^[A-Z][A-Z_]+$/).waitFor({ timeout: 60_000 });
    console.log(`    first DRS job log event: ${await firstEvent.innerText()}`);
    await expectNoFlashError();
    await shot('09b-job-log');
    await page.goto(executionUrl);
    await page.getByTestId('wave-timeline').waitFor({ timeout: 30_000 });
  });

  await step('terminate the drill instances', async () => {
    await page.getByTestId('terminate-instances').click();
    await page.getByTestId('confirm-terminate').getByTestId('confirm-button').click();
    await expectNoFlashError();
    await waitForText('TERMINAT', 120_000);
    await shot('10-execution-terminated');
  });

  await step('executions list shows the run', async () => {
    await page.goto(base + '/executions');
    await page.getByTestId('executions-table').waitFor({ timeout: 30_000 });
    await waitForText(planName, 30_000);
    await shot('11-executions');
  }, { independent: true });

  await step('read-only user sees no action buttons', async () => {
    if (!base) throw new Error('no host');
    await signOut().catch(async () => { await page.evaluate(() => sessionStorage.clear()); await page.goto(base + '/'); });
    await signIn('DRSReadOnly');
    await page.goto(base + '/recovery-plans');
    await page.getByTestId('recovery-plans-table').waitFor({ timeout: 30_000 });
    await shot('12-read-only-plans');
    const actionIds = ['create-plan', 'edit-plan', 'delete-plan', 'run-drill', 'run-recovery', 'create-group', 'pause-execution', 'resume-execution', 'cancel-execution', 'terminate-instances'];
    // Actions the role does not grant are hidden, not merely disabled (disabled-with-reason is kept
    // for users who hold the permission while the state forbids the action).
    const check = async () => {
      for (const id of actionIds) {
        const count = await page.getByTestId(id).count();
        if (count) throw new Error(`"${id}" is shown to a read-only user on ${page.url()}`);
      }
    };
    await check();
    if (planUrl) { await page.goto(planUrl); await page.getByTestId('plan-waves').waitFor({ timeout: 30_000 }); await check(); await shot('13-read-only-plan'); }
    if (executionUrl) { await page.goto(executionUrl); await page.getByTestId('wave-timeline').waitFor({ timeout: 30_000 }); await check(); await shot('14-read-only-execution'); }
    await page.goto(base + '/protection-groups');
    await page.getByTestId('protection-groups-table').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle').catch(() => {});
    await check();
    // Names open the details page; no link leads a read-only user into an edit form.
    const editLinks = await page.locator('a[href$="/edit"]').count();
    if (editLinks) throw new Error(`${editLinks} link(s) to an edit form are shown to a read-only user on /protection-groups`);
  }, { independent: true });

  await step('read-only user gets 403 from the API directly', async () => {
    expectForbidden = true;
    try {
      await probeAsReadOnly();
    } finally {
      expectForbidden = false;
    }
  }, { independent: true });

  async function probeAsReadOnly() {
    const plans = await apiFromPage('GET', '/recovery-plans');
    if (plans.status !== 200) throw new Error(`GET /recovery-plans returned ${plans.status}: ${plans.body}`);
    const planId = JSON.parse(plans.body).data.items[0]?.planId;
    const execute = await apiFromPage('POST', `/recovery-plans/${planId}/execute`, { type: 'DRILL' });
    if (execute.status !== 403) throw new Error(`POST execute returned ${execute.status}: ${execute.body}`);
    const create = await apiFromPage('POST', '/protection-groups', { name: 'x', accountId: '111111111111', region: 'us-east-1', sourceServerIds: [] });
    if (create.status !== 403) throw new Error(`POST /protection-groups returned ${create.status}: ${create.body}`);
  }

  await step('other pages render for screenshots', async () => {
    for (const [path, name] of [['/source-servers', '15-source-servers'], ['/accounts', '16-accounts'], ['/settings', '17-settings']]) {
      await page.goto(base + path);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle').catch(() => {});
      await shot(name);
    }
  }, { independent: true });

  await step('no browser errors outside the steps', async () => {
    // Errors raised during a step fail that step; this catches late ones (e.g. a poll after the last step).
    const late = browserErrors.slice(errorsReported);
    if (late.length) throw new Error(`${late.length} browser error(s): ${late.slice(0, 8).join(' | ')}`);
  }, { independent: true });
} finally {
  if (browser) await browser.close().catch(() => {});
  await stopHost(host.child);
}

if (results.length) {
  console.log('\nFailures:');
  for (const line of results) console.log('  ' + line);
}
console.log(`Screenshots: ${shots}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
