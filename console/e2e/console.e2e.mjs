// End-to-end test of the console in headless Chromium against a running Branchcast with real agents: sign-in
// through the Keycloak login page, a site, an enrollment token, an upload, a job watched to 100 % on the agents of an
// office, a scheduled job paused and cancelled, what a viewer may not do, sign-out.
// The system tests run it (system-tests/.../ConsoleE2eTest); by hand: `npm run e2e` against bin/run. Environment:
//   BRANCHCAST_CONSOLE_URL        console base URL (http://127.0.0.1:8080)
//   BRANCHCAST_E2E_SITE           a site whose agents run (bin/run's "Local office")
//   BRANCHCAST_E2E_AGENTS         how many active agents that site has (3)
//   BRANCHCAST_E2E_SCREENSHOTS    where screenshots go (../docs/screenshots)
//   CHROMIUM                      the browser (/usr/bin/chromium)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.BRANCHCAST_CONSOLE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const OFFICE = process.env.BRANCHCAST_E2E_SITE ?? 'Local office';
const OFFICE_AGENTS = Number(process.env.BRANCHCAST_E2E_AGENTS ?? '3');
const SHOTS = resolve(process.env.BRANCHCAST_E2E_SCREENSHOTS ?? join(here, '..', '..', 'docs', 'screenshots'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const TIMEOUT = 20_000;

const run = Date.now().toString(36);
const siteName = `E2E office ${run}`;
const subnet = `10.${200 + (Date.now() % 50)}.${Math.floor(Date.now() / 1000) % 256}.0/24`;
const artifactName = `e2e-payload-${run}.bin`;
const results = [];
const consoleErrors = [];

/** Runs one named check; the first failure stops the run, since later steps build on earlier ones. */
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : error}`);
    throw error;
  }
}

/** A fresh browser profile for one user, closed and removed by the returned function. */
async function browserFor(user) {
  const profile = mkdtempSync(join(tmpdir(), `branchcast-e2e-${user}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 860 },
    // progress bars animate unless the user asks for reduced motion; screenshots should show where they end
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (error) => consoleErrors.push(`${user}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${user}: ${message.text()} (${message.location().url})`);
  });
  page.on('dialog', (dialog) => dialog.accept());
  return { page, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Follows a link of the main navigation. */
function nav(page, name) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function signIn(page, user) {
  await page.goto(`${BASE}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(user);
  await page.locator('#kc-login').click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.locator('.role', { hasText: user }).waitFor();
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

/** Screenshots the page once nothing says "Loading…" any more. */
async function shot(page, name) {
  await page.waitForFunction(() => !document.querySelector('[role=status]'));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** datetime-local text for a moment `hours` from now, in the browser's (and this process's) local time. */
function localInputTime(hours) {
  const at = new Date(Date.now() + hours * 3_600_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  let jobUrl = '';

  const admin = await browserFor('admin');
  try {
    await step('admin signs in through the Keycloak login page', () => signIn(admin.page, 'admin'));
    await step('admin creates a site', async () => {
      const { page } = admin;
      await nav(page, 'Sites');
      await page.getByRole('button', { name: 'New site' }).click();
      await page.getByLabel('Name').fill(siteName);
      await page.getByLabel('Subnets').fill(subnet);
      await page.getByLabel('WAN budget (Mbit/s)').fill('50');
      await page.getByRole('button', { name: 'Add window' }).click();
      await page.getByRole('button', { name: 'Create site' }).click();
      await page.getByRole('rowheader', { name: siteName }).waitFor();
      await shot(page, 'sites');
    });
    await step('admin creates an enrollment token for the site and sees the install command once', async () => {
      const { page } = admin;
      await nav(page, 'Enrollment');
      await page.getByLabel('Site').selectOption({ label: siteName });
      await page.getByLabel('Machines').fill('25');
      await page.getByRole('button', { name: 'Create token' }).click();
      const command = await page.getByLabel('Install command', { exact: true }).textContent();
      if (!/curl -fsSL .*\/install\.sh \| sudo sh -s -- --token bct_[A-Za-z0-9_-]{43}/.test(command ?? '')) {
        throw new Error(`unexpected install command: ${command}`);
      }
      await shot(page, 'enrollment');
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('rowheader', { name: siteName }).waitFor();
    });
    await step('admin sees the office agents online', async () => {
      const { page } = admin;
      await nav(page, 'Agents');
      await page.locator('.badge-online').first().waitFor();
      await shot(page, 'agents');
    });
    await step('admin signs out', () => signOut(admin.page));
  } finally {
    await admin.close();
  }

  const operator = await browserFor('operator');
  try {
    const { page } = operator;
    await step('operator signs in', () => signIn(page, 'operator'));
    await step('operator uploads an artifact with a progress bar', async () => {
      await nav(page, 'Artifacts');
      await page.getByLabel('File').setInputFiles({ name: artifactName, mimeType: 'application/octet-stream', buffer: Buffer.alloc(3 * 1024 * 1024, 7) });
      await page.getByLabel('Version').fill('1.0');
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByRole('link', { name: artifactName }).waitFor();
      await shot(page, 'artifacts');
    });
    await step('operator creates a job for the office and sees the live agent count', async () => {
      await nav(page, 'Jobs');
      await page.getByRole('link', { name: 'New job' }).click();
      await page.getByLabel('Artifact').selectOption({ label: `${artifactName} 1.0 (3.00 MiB)` });
      await page.getByLabel('Name').fill(`E2E rollout ${run}`);
      await page.getByLabel(OFFICE).check();
      await page.getByText(`${OFFICE_AGENTS} active ${OFFICE_AGENTS === 1 ? 'agent' : 'agents'} selected`).waitFor();
      await shot(page, 'new-job');
      await page.getByRole('button', { name: 'Create job' }).click();
      await page.getByRole('heading', { name: `E2E rollout ${run}` }).waitFor();
      await page.getByText('● Live').waitFor();
    });
    await step('operator watches the job reach 100 % on the real agents', async () => {
      await page.locator('h1 .badge', { hasText: 'completed' }).waitFor({ timeout: 120_000 });
      await page.getByText('100 %').first().waitFor();
      await page.getByText(`${OFFICE_AGENTS}/${OFFICE_AGENTS} agents`).waitFor();
      await shot(page, 'job-detail');
    });
    await step('the dashboard shows the delivered job', async () => {
      await nav(page, 'Dashboard');
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await shot(page, 'dashboard');
    });
    await step('operator schedules a job for tomorrow, pauses, resumes and cancels it', async () => {
      await nav(page, 'Jobs');
      await page.getByRole('link', { name: 'New job' }).click();
      await page.getByLabel('Artifact').selectOption({ label: `${artifactName} 1.0 (3.00 MiB)` });
      await page.getByLabel('Name').fill(`E2E tomorrow ${run}`);
      await page.getByLabel(OFFICE).check();
      await page.getByLabel('Start').fill(localInputTime(24));
      await page.getByRole('button', { name: 'Create job' }).click();
      await page.getByRole('heading', { name: `E2E tomorrow ${run}` }).waitFor();
      jobUrl = page.url();
      await page.locator('h1 .badge', { hasText: 'scheduled' }).waitFor();
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.locator('h1 .badge', { hasText: 'paused' }).waitFor();
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      await page.getByRole('button', { name: 'Cancel job' }).click();
      await page.locator('h1 .badge', { hasText: 'cancelled' }).waitFor();
      await shot(page, 'job-cancelled');
    });
    await step('operator signs out', () => signOut(page));
  } finally {
    await operator.close();
  }

  const viewer = await browserFor('viewer');
  try {
    const { page } = viewer;
    await step('viewer signs in', () => signIn(page, 'viewer'));
    await step('viewer finds no create, upload or job action buttons', async () => {
      await nav(page, 'Jobs');
      await page.getByRole('link', { name: `E2E tomorrow ${run}` }).waitFor();
      if (await page.getByRole('link', { name: 'New job' }).count()) throw new Error('a viewer sees "New job"');
      await page.goto(jobUrl);
      await page.getByRole('heading', { name: `E2E tomorrow ${run}` }).waitFor();
      if (await page.locator('.actions button').count()) throw new Error('a viewer sees job actions');
      await nav(page, 'Artifacts');
      await page.getByRole('link', { name: artifactName }).waitFor();
      if (await page.getByRole('button', { name: 'Upload' }).count()) throw new Error('a viewer sees the upload form');
      await shot(page, 'viewer-artifacts');
    });
    await step('viewer signs out', () => signOut(page));
  } finally {
    await viewer.close();
  }

  await step('no errors in the browser console', async () => {
    if (consoleErrors.length) throw new Error(consoleErrors.join('\n'));
  });
}

main()
  .catch(() => undefined)
  .finally(() => {
    const failed = results.filter((r) => !r.ok).length;
    console.log(`e2e: ${results.length - failed} passed, ${failed} failed (screenshots in ${SHOTS})`);
    process.exitCode = failed || results.length === 0 ? 1 : 0;
  });
