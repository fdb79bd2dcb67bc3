// Builds the app the way `cdk synth` does, from cdk.json's example context (feature flags
// included), for the tests to inspect. Shared by the test files; not a test itself.
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IConstruct } from 'constructs';
import { AnalystToolkitStacks, buildAnalystToolkit } from '../lib/app';

export type Context = Record<string, unknown>;

/** cdk.json's "context": the example values and the feature flags. */
export function exampleContext(): Context {
  const cdkJson = fileURLToPath(new URL('../cdk.json', import.meta.url));
  return JSON.parse(readFileSync(cdkJson, 'utf8')).context;
}

/** The example context with `overrides` applied; an override of `undefined` removes the key. */
export function contextWith(overrides: Context = {}): Context {
  const context = { ...exampleContext(), ...overrides };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete context[key];
  }
  return context;
}

/** Every stack, built into a fresh App from the example context plus `overrides`. */
export function buildExample(overrides: Context = {}): AnalystToolkitStacks {
  return buildAnalystToolkit(new App({ context: contextWith(overrides) }));
}

/** A CloudFormation reference ({ Ref }) to a construct's resource, as its stack renders it. */
export function refTo(construct: IConstruct): { Ref: string } {
  return { Ref: logicalIdOf(construct) };
}

/** `{ "Fn::GetAtt": [id, attribute] }` for a construct's resource. */
export function getAttOf(construct: IConstruct, attribute: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalIdOf(construct), attribute] };
}

export function logicalIdOf(construct: IConstruct): string {
  const resource = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(resource).getLogicalId(resource);
}

/**
 * What a value read from another stack stands for in the producing stack's template: every
 * Fn::GetStackOutput (weak reference) or Fn::ImportValue (strong reference) inside `value` is
 * replaced by the producer's output value. Throws if `value` holds no such reference.
 */
export function crossStackValue(value: unknown, producer: Template): unknown {
  const outputs = (producer.toJSON().Outputs ?? {}) as Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  let found = false;
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (node === null || typeof node !== 'object') return node;
    const reference = node as Record<string, any>;
    if (reference['Fn::GetStackOutput']) {
      found = true;
      return outputs[reference['Fn::GetStackOutput'].OutputName]?.Value;
    }
    if (reference['Fn::ImportValue']) {
      found = true;
      const name = JSON.stringify(reference['Fn::ImportValue']);
      return Object.values(outputs).find((output) => JSON.stringify(output.Export?.Name) === name)?.Value;
    }
    return Object.fromEntries(Object.entries(reference).map(([key, child]) => [key, resolve(child)]));
  };
  const resolved = resolve(value);
  if (!found) throw new Error(`not a cross-stack reference: ${JSON.stringify(value)}`);
  return resolved;
}

/** The properties of every resource of `type` in the template. */
export function propertiesOf(template: Template, type: string): Record<string, any>[] {
  return Object.values(template.findResources(type)).map((resource) => resource.Properties ?? {});
}
