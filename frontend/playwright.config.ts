import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against the real platform: `./artmint start` with its embedded parts
 * (PostgreSQL, S3Proxy, Keycloak, Anvil) on ports of their own and a fresh data directory under target/.
 */
const port = Number(process.env.E2E_APP_PORT ?? 18080);
export const baseURL = `http://localhost:${port}`;
export const keycloakURL = `http://localhost:${port + 100}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../target/e2e-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['junit', { outputFile: '../target/e2e-results/junit.xml' }]],
  // `npm run bench` runs the @bench specs only; the test run leaves them out
  grepInvert: process.env.BENCH ? undefined : /@bench/,
  grep: process.env.BENCH ? /@bench/ : undefined,
  use: {
    baseURL,
    // an action that cannot happen fails in 30 s rather than waiting out the whole test
    actionTimeout: 30_000,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      // the machine's network is closed: no background connections to Google's services
      args: ['--disable-quic', ...(process.env.NOGPU ? ['--disable-gpu'] : []), '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'rm -rf target/e2e-stack && exec ./artmint start',
    cwd: '..',
    url: `${baseURL}/q/health/ready`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 60_000 },
    env: {
      ARTMINT_DATA_DIR: 'target/e2e-stack',
      QUARKUS_HTTP_PORT: String(port),
      ARTMINT_LOCAL_KEYCLOAK_PORT: String(port + 100),
      ARTMINT_LOCAL_POSTGRES_PORT: String(port - 2600),
      ARTMINT_LOCAL_OBJECT_STORE_PORT: String(port + 900),
      ARTMINT_LOCAL_ANVIL_PORT: String(port + 465),
      ARTMINT_STUDIO_DAILY_CREDITS: '500',
      ARTMINT_MARKET_PUBLIC_URL: baseURL,
      ARTMINT_WALLET_SIWE_DOMAIN: `localhost:${port}`,
      ARTMINT_WALLET_SIWE_URI: baseURL,
      ARTMINT_CHAIN_CONTRACTS_BASE_URI: `${baseURL}/api/tokens/`,
    },
  },
});
