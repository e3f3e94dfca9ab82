#!/usr/bin/env node
// Runs cdk-nag's AwsSolutions pack over synthesized CloudFormation templates.
//
//   node tools/cdk-nag/check.mjs <cdk.out folder | template.json ...> [--json]
//
// cdk-nag is npm-only, so the C# app cannot run it in-process. Each template is loaded into an
// aws-cdk-lib app with CfnInclude and checked with AwsSolutionsChecks.validateScope. Suppressions
// come from the templates themselves: resource metadata `cdk_nag.rules_to_suppress` [{id, reason,
// applies_to?}] written by the C# app. A suppression without a reason is itself an error.
// Exit code 0 only when no unsuppressed error remains.
import fs from 'node:fs';
import path from 'node:path';
import { App, Stack, DefaultStackSynthesizer } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { AwsSolutionsChecks } from 'cdk-nag';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const inputs = args.filter((a) => a !== '--json');
if (inputs.length === 0) {
  console.error('usage: check.mjs <cdk.out folder | template.json ...> [--json]');
  process.exit(2);
}

const templates = inputs.flatMap((input) =>
  fs.statSync(input).isDirectory()
    ? fs.readdirSync(input).filter((f) => f.endsWith('.template.json')).sort().map((f) => path.join(input, f))
    : [input]);

const MIN_REASON = 10;
const report = { templates: [], errors: [], warnings: [], suppressed: [], invalidSuppressions: [] };

function suppressionsOf(resource) {
  const rules = resource?.Metadata?.cdk_nag?.rules_to_suppress;
  return Array.isArray(rules) ? rules : [];
}

// "regex:/^x$/g" style entries were written by the C# side as {regex: "/^x$/g"}.
function matchesFinding(entry, finding) {
  if (typeof entry === 'string') return entry === finding;
  if (entry && typeof entry.regex === 'string') {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(entry.regex);
    const re = m ? new RegExp(m[1], m[2].replace('g', '')) : new RegExp(entry.regex);
    return re.test(finding);
  }
  return false;
}

function findSuppression(rules, ruleName) {
  const granular = /^([^[]+)\[(.*)\]$/s.exec(ruleName);
  const id = granular ? granular[1] : ruleName;
  const finding = granular ? granular[2] : undefined;
  return rules.find((r) => {
    if (r.id !== id) return false;
    if (!Array.isArray(r.applies_to) || r.applies_to.length === 0) return true;
    return finding !== undefined && r.applies_to.some((e) => matchesFinding(e, finding));
  });
}

for (const file of templates) {
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resources = template.Resources ?? {};
  const name = path.basename(file);
  report.templates.push(name);

  for (const [logicalId, resource] of Object.entries(resources)) {
    for (const rule of suppressionsOf(resource)) {
      if (typeof rule.reason !== 'string' || rule.reason.trim().length < MIN_REASON) {
        report.invalidSuppressions.push({ template: name, logicalId, id: rule.id, problem: 'suppression without a real reason' });
      }
    }
  }

  const app = new App();
  const stack = new Stack(app, 'Check', { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) });
  new CfnInclude(stack, 'T', { templateFile: file });
  const result = new AwsSolutionsChecks().validateScope(stack);

  for (const violation of result.violations) {
    for (const where of violation.violatingResources) {
      // Paths look like Check/T/<LogicalId>.
      const logicalId = where.constructPath.split('/')[2];
      const rules = suppressionsOf(resources[logicalId]);
      const entry = { template: name, logicalId, rule: violation.ruleName, description: violation.description };
      const suppression = findSuppression(rules, violation.ruleName);
      if (suppression) {
        report.suppressed.push({ ...entry, reason: suppression.reason });
      } else if (violation.severity === 'error') {
        report.errors.push(entry);
      } else {
        report.warnings.push(entry);
      }
    }
  }
}

const failed = report.errors.length + report.invalidSuppressions.length;
if (asJson) {
  process.stdout.write(JSON.stringify(report) + '\n');
} else {
  for (const e of report.errors) console.log(`ERROR   ${e.template} ${e.logicalId} ${e.rule}: ${e.description}`);
  for (const e of report.invalidSuppressions) console.log(`ERROR   ${e.template} ${e.logicalId} ${e.id}: ${e.problem}`);
  for (const w of report.warnings) console.log(`WARNING ${w.template} ${w.logicalId} ${w.rule}: ${w.description}`);
  console.log(`cdk-nag AwsSolutions: ${report.templates.length} templates, ${report.errors.length} errors, `
    + `${report.warnings.length} warnings, ${report.suppressed.length} suppressed, ${report.invalidSuppressions.length} invalid suppressions`);
}
process.exit(failed === 0 ? 0 : 1);
