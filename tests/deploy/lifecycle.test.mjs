// The CodeDeploy lifecycle, here: the revision `make bundle` makes is deployed to two
// "instances" (temporary roots on this machine) behind a stand-in load balancer, by a stand-in
// for the CodeDeploy agent running the hooks in its order with its variables. Where systemd
// does not run, the hooks' stand-in starts the unit's own command line as its user.
// Needs root, as the hooks do under CodeDeploy. Run by ctest with ATK_BUILD_DIR set.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { HookFailed, Instance } from "./codedeploy-stand-in.mjs";
import { LoadBalancer } from "./load-balancer-stand-in.mjs";

const repository = new URL("../../", import.meta.url).pathname;
const deployDir = join(repository, "deploy");
const build = process.env.ATK_BUILD_DIR ?? join(repository, "build");
const asRoot = process.getuid() === 0;
const ssmPath = "/analyst-toolkit/lifecycle-test/";
/// A secret planted in SSM: it must reach the environment file and nothing else.
const plantedKey = "planted-key-9c41e7";

let work;
let bundles; // first, second, broken
let balancer;
let balancerUrl;
const instances = [];

const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/// A copy of `zip` with `file` (a path inside the revision) replaced by `content`.
function revisionWith(zip, name, file, content, mode = 0o644) {
  const copy = join(work, name);
  copyFileSync(zip, copy);
  const stage = mkdtempSync(join(work, "stage-"));
  mkdirSync(join(stage, file, ".."), { recursive: true });
  writeFileSync(join(stage, file), content, { mode });
  execFileSync("zip", ["-q", copy, file], { cwd: stage });
  return copy;
}

/// A stand-in `aws` that answers `ssm get-parameters-by-path` for `ssmPath` from the
/// instance's fixture (tab-separated name and value, as --output text prints them).
function fakeAws() {
  const bin = join(work, "bin");
  mkdirSync(bin);
  writeFileSync(
    join(bin, "aws"),
    `#!/bin/sh
echo "$*" >>"$ATK_TEST_AWS_CALLS"
case "$*" in
  "ssm get-parameters-by-path --path ${ssmPath} --recursive --with-decryption --query Parameters[].[Name,Value] --output text")
    cat "$ATK_TEST_SSM_FIXTURE" ;;
  *) echo "aws stand-in: unexpected call: $*" >&2; exit 255 ;;
esac
`,
    { mode: 0o755 },
  );
  return bin;
}

async function newInstance(name, awsBin) {
  const root = join(work, name, "root");
  const port = await freePort();
  mkdirSync(join(root, "etc/analyst-toolkit"), { recursive: true });
  // What the launch template's user data writes on a real instance.
  writeFileSync(join(root, "etc/analyst-toolkit/deployment.env"), `ATK_SSM_PATH=${ssmPath}\nAWS_REGION=eu-west-3\n`);
  const fixture = join(work, name, "ssm.txt");
  writeFileSync(
    fixture,
    [
      `${ssmPath}ATK_PORT\t${port}`,
      `${ssmPath}ATK_HOST\t127.0.0.1`,
      `${ssmPath}ATK_CORS_ORIGINS\thttps://app.example.com`,
      `${ssmPath}ATK_TEST_API_KEY\t${plantedKey}`,
    ].join("\n") + "\n",
  );
  const instance = new Instance({
    root,
    work: join(work, name, "agent"),
    environment: {
      PATH: `${awsBin}:/usr/sbin:/usr/bin:/sbin:/bin`,
      ATK_DEPLOY_ROOT: root,
      ATK_INSTALL_PACKAGES: "no", // this machine has them (see the runtime-packages test)
      ATK_TEST_SSM_FIXTURE: fixture,
      ATK_TEST_AWS_CALLS: join(work, name, "aws-calls.txt"),
    },
  });
  instance.port = port;
  instances.push(instance);
  return instance;
}

/// The server's process on `instance`, from the stand-in's pid file.
function serverProcess(instance) {
  const pid = readFileSync(join(instance.root, "run/analyst-toolkit/pid"), "utf8").trim();
  const [user, command] = execFileSync("ps", ["-o", "user:32=,args=", "-p", pid], { encoding: "utf8" })
    .trim()
    .split(/\s+(.*)/);
  return { pid, user, command };
}

const installedVersion = (instance) =>
  readFileSync(join(instance.root, "opt/analyst-toolkit/VERSION"), "utf8").trim();

/// CodeDeploy with a load balancer: out of the target group, deploy, back in.
async function deployBehindBalancer(instance, zip) {
  await balancer.deregister(instance.port);
  await instance.deploy(zip);
  balancer.register(instance.port);
}

/// Asks for checks through the balancer until stopped: the count of answers, and the failures.
function pollingClient() {
  const tally = { answered: 0, failures: [] };
  let running = true;
  const loop = async () => {
    while (running) {
      try {
        const answer = await fetch(`${balancerUrl}/api/v1/check`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: "The sytem shall log every order.", language: "en-US" }),
        });
        const body = await answer.json();
        if (answer.status !== 200 || body.matches?.[0]?.replacements?.[0] !== "system") {
          tally.failures.push(`${answer.status} ${JSON.stringify(body).slice(0, 120)}`);
        }
        tally.answered++;
      } catch (error) {
        tally.failures.push(String(error.cause ?? error));
      }
      await new Promise((wake) => setTimeout(wake, 5));
    }
  };
  const loops = [loop(), loop()];
  return {
    tally,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return tally;
    },
  };
}

before(async () => {
  if (!asRoot) return;
  work = mkdtempSync(join(tmpdir(), "atk-lifecycle-"));
  chmodSync(work, 0o755); // the service user reads its files below
  const first = execFileSync(join(deployDir, "bundle.sh"), [build, join(work, "dist")], { encoding: "utf8" }).trim();
  const version = execFileSync("unzip", ["-p", first, "VERSION"], { encoding: "utf8" }).trim();
  bundles = {
    first,
    second: revisionWith(first, "second.zip", "VERSION", `${version}-second\n`),
    broken: revisionWith(first, "broken.zip", "bin/analyst-toolkit", "#!/bin/sh\necho 'a broken build' >&2\nexit 3\n", 0o755),
  };
  balancer = new LoadBalancer();
  balancerUrl = await balancer.listen();
});

after(async () => {
  // ApplicationStop, as the next deployment would run it: the servers drain and stop.
  for (const instance of instances) {
    if (instance.lastGood) {
      await instance.runHooks(instance.lastGood.archive, instance.lastGood.appspec, "ApplicationStop", "d-CLEANUP");
    }
  }
  await balancer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the revision has appspec.yml, the hooks, the unit, the binary and its data at its root", { skip: !asRoot && "needs root, as the hooks do" }, () => {
  const listing = execFileSync("unzip", ["-Z1", bundles.first], { encoding: "utf8" }).split("\n");
  for (const entry of ["appspec.yml", "VERSION", "runtime-packages.txt", "bin/analyst-toolkit", "systemd/analyst-toolkit.service",
    "share/analyst-toolkit/web/index.html", "scripts/validate-service.sh"]) {
    assert.ok(listing.includes(entry), `${entry} in the revision`);
  }
  assert.ok(listing.some((entry) => entry.startsWith("share/analyst-toolkit/rules/en/")), "the rules");
  const appspec = parse(execFileSync("unzip", ["-p", bundles.first, "appspec.yml"], { encoding: "utf8" }));
  assert.deepEqual(Object.keys(appspec.hooks), ["ApplicationStop", "BeforeInstall", "AfterInstall", "ApplicationStart", "ValidateService"]);
  for (const [event, [hook]] of Object.entries(appspec.hooks)) {
    assert.ok(listing.includes(hook.location), `${event}'s script ${hook.location} is in the revision`);
  }
});

test("first deployment: ValidateService passes, the server runs unprivileged with the SSM environment", { skip: !asRoot && "needs root, as the hooks do" }, async () => {
  const awsBin = fakeAws();
  for (const name of ["a", "b"]) {
    const instance = await newInstance(name, awsBin);
    await instance.deploy(bundles.first);
    balancer.register(instance.port);
  }
  const [a] = instances;
  const server = serverProcess(a);
  assert.equal(server.user, "analyst-toolkit");
  assert.equal(server.command, `${a.root}/opt/analyst-toolkit/bin/analyst-toolkit serve`, "the unit's ExecStart");
  assert.match(a.transcript, /ValidateService: ready at http:\/\/127\.0\.0\.1:\d+, running as analyst-toolkit/);

  const environment = join(a.root, "etc/analyst-toolkit/environment");
  const { mode, uid } = statSync(environment);
  assert.equal(mode & 0o777, 0o600, "the environment file is readable by root only");
  assert.equal(uid, 0);
  assert.match(readFileSync(environment, "utf8"), new RegExp(`^ATK_TEST_API_KEY=${plantedKey}$`, "m"));
  assert.ok(!a.transcript.includes(plantedKey), "the hooks never print a parameter's value");
  assert.ok(!readFileSync(join(a.root, "run/analyst-toolkit/log"), "utf8").includes(plantedKey), "nor does the server");
  assert.equal(statSync(join(a.root, "opt/analyst-toolkit/bin/analyst-toolkit")).uid, 0, "the service owns none of its files");

  const answer = await fetch(`${balancerUrl}/api/v1/check`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: '{"text":"The sytem works.","language":"en-US"}',
  });
  assert.equal(answer.status, 200);
});

test("a second deployment, one instance at a time, replaces the first with zero failed requests", { skip: !asRoot && "needs root, as the hooks do" }, async () => {
  const before = instances.map((instance) => serverProcess(instance).pid);
  const client = pollingClient();
  for (const instance of instances) await deployBehindBalancer(instance, bundles.second);
  const { answered, failures } = await client.stop();
  assert.deepEqual(failures, [], "no failed request during the switch");
  assert.ok(answered >= 20, `the client kept asking through the switch (${answered} answers)`);
  for (const [i, instance] of instances.entries()) {
    assert.match(installedVersion(instance), /-second$/);
    assert.notEqual(serverProcess(instance).pid, before[i], "a new server process");
    assert.equal(serverProcess(instance).user, "analyst-toolkit");
  }
});

test("a broken revision fails ValidateService; redeploying the last good one brings the instance back", { skip: !asRoot && "needs root, as the hooks do" }, async () => {
  const [a] = instances;
  const client = pollingClient();
  await balancer.deregister(a.port);
  await assert.rejects(a.deploy(bundles.broken), (error) => {
    assert.ok(error instanceof HookFailed, String(error));
    assert.equal(error.event, "ValidateService");
    assert.match(error.output, /the server stopped before \/healthz answered/);
    assert.match(error.output, /a broken build/, "the end of the server's log, to say why");
    return true;
  });
  // CodeDeploy's automatic rollback: the last good revision, deployed again.
  await a.deploy(bundles.second);
  balancer.register(a.port);
  const { failures } = await client.stop();
  assert.deepEqual(failures, [], "the other instance served meanwhile");
  assert.match(installedVersion(a), /-second$/);
  assert.equal(serverProcess(a).user, "analyst-toolkit");
});

test("the unit: hardened (systemd-analyze security), stops after the drain, never root", () => {
  const unit = join(deployDir, "systemd/analyst-toolkit.service");
  const text = readFileSync(unit, "utf8");
  const setting = (name) => text.match(new RegExp(`^${name}=(.*)$`, "m"))?.[1];
  assert.equal(setting("User"), "analyst-toolkit");
  assert.equal(setting("Restart"), "on-failure");
  const drain = Number(text.match(/^Environment=ATK_DRAIN_SECONDS=(\d+)$/m)?.[1]);
  assert.ok(Number(setting("TimeoutStopSec")) > drain, "systemd waits longer than the drain");
  const appspec = parse(readFileSync(join(deployDir, "appspec.yml"), "utf8"));
  assert.ok(appspec.hooks.ApplicationStop[0].timeout > Number(setting("TimeoutStopSec")), "ApplicationStop waits for systemd");
  const report = execFileSync("systemd-analyze", ["security", "--offline=true", unit], { encoding: "utf8" });
  const exposure = Number(report.match(/Overall exposure level for analyst-toolkit\.service: ([\d.]+)/)?.[1]);
  assert.ok(exposure <= 2.0, `exposure ${exposure} (systemd-analyze security): at most 2.0`);
});

test("every shared library the binary loads comes from a runtime package BeforeInstall installs", () => {
  const listed = readFileSync(join(deployDir, "runtime-packages.txt"), "utf8")
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
  const libraries = execFileSync("ldd", [join(build, "bin/analyst-toolkit")], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.match(/=> (\/\S+)/)?.[1])
    .filter(Boolean);
  assert.ok(libraries.length >= 5, "ldd listed the libraries");
  for (const library of libraries) {
    const owner = [library, library.replace(/^\/lib/, "/usr/lib")]
      .map((path) => {
        try {
          return execFileSync("dpkg", ["-S", path], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
        } catch {
          return undefined;
        }
      })
      .find(Boolean);
    assert.ok(owner, `${library} belongs to a Debian package`);
    const packageName = owner.split(":")[0];
    assert.ok(listed.includes(packageName), `${packageName} (${library}) is in deploy/runtime-packages.txt`);
  }
});
