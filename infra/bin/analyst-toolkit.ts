#!/usr/bin/env node
// The CDK app's entry point (cdk.json "app"): builds every stack from the context values.
import { App } from 'aws-cdk-lib';
import { buildAnalystToolkit } from '../lib/app';
import { ConfigError } from '../lib/config';

const app = new App();
try {
  buildAnalystToolkit(app);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
app.synth();
