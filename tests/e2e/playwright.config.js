// Browser tests against the release build in dist/ (run `trunk build --release` first; the
// project's test command `bash .ci/test` does). Debian's Chromium, never a downloaded browser.
// Two static servers: dist/ at the root (port 8181) and the same files under a sub-path
// (port 8182, /tools/minerhedge/), to show the build uses relative asset URLs.
// Set E2E_PORT to move both (root on E2E_PORT, sub-path on E2E_PORT + 1).
const { defineConfig } = require("@playwright/test");

// Ports of the two static servers; override with E2E_PORT (root) when 8181/8182 are taken.
const rootPort = Number(process.env.E2E_PORT || 8181);
const subPort = rootPort + 1;
process.env.E2E_PORT = String(rootPort);

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

module.exports = defineConfig({
  testDir: "specs",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${rootPort}/`,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
  },
  webServer: [
    {
      command: `python3 -m http.server ${rootPort} --bind 127.0.0.1 --directory ../../dist`,
      url: `http://127.0.0.1:${rootPort}/index.html`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "ignore",
      timeout: 30_000,
    },
    {
      command:
        "rm -rf .subpath-site && mkdir -p .subpath-site/tools/minerhedge && cp -R ../../dist/. .subpath-site/tools/minerhedge/ && " +
        `exec python3 -m http.server ${subPort} --bind 127.0.0.1 --directory .subpath-site`,
      url: `http://127.0.0.1:${subPort}/tools/minerhedge/index.html`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "ignore",
      timeout: 30_000,
    },
  ],
});

module.exports.chromiumArgs = chromiumArgs;
