// A stand-in for the CodeDeploy agent, for the lifecycle test: deploys a revision (zip) to one
// "instance" whose files live under a temporary root, running the appspec's hooks in
// CodeDeploy's in-place order with its environment variables, each within its timeout.
// What CodeDeploy itself does is done here the simple way: Install replaces each files
// destination with the revision's copy; BlockTraffic and AllowTraffic are the caller's.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";

/// The hooks CodeDeploy runs for an in-place deployment, in order; Install is its own step.
export const inPlaceOrder = ["ApplicationStop", "BeforeInstall", "Install", "AfterInstall", "ApplicationStart", "ValidateService"];

export class HookFailed extends Error {
  constructor(event, code, output) {
    super(`${event} failed (exit ${code}):\n${output}`);
    this.event = event;
    this.output = output;
  }
}

/// One instance: its root, its deployments so far, and the environment its hooks get.
export class Instance {
  constructor({ root, work, environment, application = "analyst-toolkit", group = "lifecycle-test" }) {
    Object.assign(this, { root, work, environment, application, group });
    this.lastGood = undefined; // the archive of the last successful deployment
    this.count = 0;
    /// Every line the hooks printed, for the test to search.
    this.transcript = "";
  }

  /// Deploys `zip`: resolves when ValidateService passes, rejects with HookFailed otherwise.
  async deploy(zip) {
    const id = `d-LIFECYCLE${++this.count}`;
    const archive = join(this.work, id, "deployment-archive");
    mkdirSync(archive, { recursive: true });
    execFileSync("unzip", ["-q", zip, "-d", archive]);
    const appspec = parse(readFileSync(join(archive, "appspec.yml"), "utf8"));
    for (const event of inPlaceOrder) {
      if (event === "Install") this.install(archive, appspec);
      // ApplicationStop is the previous revision's (none at the first deployment).
      else if (event === "ApplicationStop") {
        if (this.lastGood) await this.runHooks(this.lastGood.archive, this.lastGood.appspec, event, id);
      } else await this.runHooks(archive, appspec, event, id);
    }
    this.lastGood = { archive, appspec };
  }

  /// CodeDeploy's files: a directory's contents go into its destination, a file into its
  /// destination directory. The previous revision's copy is removed first.
  install(archive, appspec) {
    for (const { source, destination } of appspec.files) {
      const from = join(archive, source);
      const target = join(this.root, destination);
      if (statSync(from).isDirectory()) {
        rmSync(target, { recursive: true, force: true });
        cpSync(from, target, { recursive: true });
      } else {
        mkdirSync(target, { recursive: true });
        cpSync(from, join(target, basename(source)));
      }
    }
  }

  async runHooks(archive, appspec, event, id) {
    for (const hook of appspec.hooks?.[event] ?? []) {
      await this.runHook(join(archive, hook.location), hook, event, id);
    }
  }

  /// Runs one hook as CodeDeploy would: the script itself (its mode must make it executable),
  /// as `runas`, with the lifecycle variables, killed at its timeout.
  runHook(script, hook, event, id) {
    const env = {
      ...this.environment,
      LIFECYCLE_EVENT: event,
      DEPLOYMENT_ID: id,
      APPLICATION_NAME: this.application,
      DEPLOYMENT_GROUP_NAME: this.group,
      DEPLOYMENT_GROUP_ID: `dg-${this.group}`,
    };
    const [command, args] =
      (hook.runas ?? "root") === "root" ? [script, []] : ["runuser", ["-u", hook.runas, "--", script]];
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), (hook.timeout ?? 3600) * 1000);
      child.on("error", reject);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        this.transcript += output;
        if (code === 0) resolve(output);
        else reject(new HookFailed(event, code ?? signal, output));
      });
    });
  }
}
