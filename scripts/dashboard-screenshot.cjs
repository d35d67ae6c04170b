// Takes a screenshot of the Aspire dashboard's resource page with headless Chromium (Debian's, never a downloaded one).
// Run through dashboard-screenshot.sh, which installs playwright-core (the driver only) on first use.
const { chromium } = require('playwright-core');

const [loginUrl, output, pagePath] = process.argv.slice(2);
if (!loginUrl || !output) {
  console.error('Usage: scripts/dashboard-screenshot.sh <dashboard login URL> <output.png> [dashboard page path]');
  process.exit(2);
}

(async () => {
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(loginUrl);
  // The resource grid fills in over the dashboard's live connection: wait until the BFF's row is there.
  await page.getByText('bff', { exact: true }).first().waitFor({ timeout: 60_000 });
  if (pagePath) {
    // Another page of the dashboard (e.g. /traces/detail/<trace id>), once signed in.
    await page.goto(new URL(pagePath, loginUrl).toString());
  }
  await page.waitForTimeout(2_500);
  await page.screenshot({ path: output, fullPage: true });
  console.log(`Dashboard screenshot written to ${output}`);
} finally {
  await browser.close();
}
})().catch(error => { console.error(error.message); process.exit(1); });
