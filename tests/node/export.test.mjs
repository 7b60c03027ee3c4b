// "Copy as" (web/export.js): every format's quoting, checked by parsing the
// output back with a real parser: bash for the AWS CLI commands, a YAML
// parser for CloudFormation, V8 for the CDK TypeScript (it has no type
// syntax, so it runs as JavaScript against a stub of aws-cdk-lib), and HCL's
// quoted-string rules for Terraform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import {
  awsCliPutMetricFilter, awsCliTestMetricFilter, cdk, cloudFormation, terraform,
} from '../../web/export.js';

const seedPattern = readFileSync(new URL('../data/seed/pattern.txt', import.meta.url), 'utf8').replace(/\r?\n$/, '');

// Patterns whose characters each format must quote: quotes of both kinds,
// backslashes, `$`, `${…}`, `%{…}`, `%regex%`, a leading `-`, non-ASCII.
const PATTERNS = [
  seedPattern,
  '-healthcheck "quoted \\"phrase\\""',
  '{ $.user = "O\'Brien" && $.path = "C:\\\\temp\\\\x" }',
  '{ $.a = "${aws:username}" || $.b = "%{b}" || $.c = "$$" }',
  '%[0-9]{3}ms%',
  '[ip, user = "it\'s", ..., status = 4*]',
  '{ $.city = "Zürich 😀" }',
  '',
];

const OPTIONS = {
  logGroupName: "aws-cloudtrail-logs-111122223333-'x'",
  filterName: 'no-mfa "console" login',
  metricName: 'ConsoleLoginNoMFA',
  metricNamespace: 'CIS/Benchmark',
  metricValue: '$.bytes',
  dimensions: [['Event Name', '$.eventName']],
};

// The arguments bash passes to `aws` for a command line.
function shellArgs(command) {
  const r = spawnSync('bash', ['-c', `aws() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\0').slice(0, -1);
}

function option(args, name) {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  assert.ok(a, `--${name} missing in ${args}`);
  return a.slice(name.length + 3);
}

// HCL: the value of `key = "…"` decoded by HCL's rules for quoted templates.
function hclString(text, key) {
  const at = new RegExp(`^\\s*${key}\\s*=\\s*"`, 'm').exec(text);
  assert.ok(at, `${key} missing`);
  let out = '';
  for (let i = at.index + at[0].length; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') return out;
    if (c === '\n') assert.fail('newline inside an HCL quoted string');
    if (c === '\\') {
      const n = text[++i];
      const simple = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }[n];
      if (simple !== undefined) out += simple;
      else if (n === 'u') { out += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16)); i += 4; }
      else assert.fail(`invalid HCL escape \\${n}`);
    } else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      assert.fail(`unescaped ${c}{ would be a template sequence in HCL`);
    } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
    } else {
      out += c;
    }
  }
  return assert.fail('unterminated HCL string');
}

// Runs the CDK snippet against a stub of aws-cdk-lib/aws-logs and returns the MetricFilter props.
function cdkProps(code) {
  assert.match(code, /^import \* as logs from 'aws-cdk-lib\/aws-logs';\n/);
  const body = code.replace(/^import .*\n/, '');
  let props = null;
  const logs = {
    LogGroup: { fromLogGroupName: (scope, id, name) => ({ name }) },
    FilterPattern: { literal: (text) => ({ literal: text }) },
    MetricFilter: class { constructor(scope, id, p) { props = { id, ...p }; } },
  };
  // eslint-disable-next-line no-new-func
  new Function('logs', `'use strict';\n${body}`).call({}, logs);
  return props;
}

for (const pattern of PATTERNS) {
  test(`export round-trips ${JSON.stringify(pattern).slice(0, 60)}`, () => {
    const put = shellArgs(awsCliPutMetricFilter(pattern, OPTIONS));
    assert.deepEqual(put.slice(0, 2), ['logs', 'put-metric-filter']);
    assert.equal(option(put, 'filter-pattern'), pattern);
    assert.equal(option(put, 'log-group-name'), OPTIONS.logGroupName);
    assert.deepEqual(JSON.parse(option(put, 'metric-transformations')), [{
      metricName: 'ConsoleLoginNoMFA', metricNamespace: 'CIS/Benchmark', metricValue: '$.bytes',
      dimensions: { 'Event Name': '$.eventName' },
    }]);

    const messages = ['{"eventName":"ConsoleLogin"}', "it's -a \"line\""];
    const tmf = shellArgs(awsCliTestMetricFilter(pattern, messages));
    assert.equal(option(tmf, 'filter-pattern'), pattern);
    assert.deepEqual(JSON.parse(option(tmf, 'log-event-messages')), messages);

    const cfn = parseYaml(cloudFormation(pattern, OPTIONS));
    const [resource] = Object.values(cfn.Resources);
    assert.equal(resource.Type, 'AWS::Logs::MetricFilter');
    assert.equal(resource.Properties.FilterPattern, pattern);
    assert.equal(resource.Properties.FilterName, OPTIONS.filterName);
    assert.deepEqual(resource.Properties.MetricTransformations[0].Dimensions, [{ Key: 'Event Name', Value: '$.eventName' }]);

    const tf = terraform(pattern, OPTIONS);
    assert.equal(hclString(tf, 'pattern'), pattern);
    assert.equal(hclString(tf, 'log_group_name'), OPTIONS.logGroupName);
    assert.equal(hclString(tf, 'value'), '$.bytes');

    const props = cdkProps(cdk(pattern, OPTIONS));
    assert.deepEqual(props.filterPattern, { literal: pattern });
    assert.equal(props.metricValue, '$.bytes');
    assert.deepEqual(props.dimensions, { 'Event Name': '$.eventName' });
  });
}

test('export: a default value (no dimensions) in every format', () => {
  const options = { metricValue: '1', defaultValue: '0' };
  assert.equal(JSON.parse(option(shellArgs(awsCliPutMetricFilter('ERROR', options)), 'metric-transformations'))[0].defaultValue, 0);
  assert.equal(Object.values(parseYaml(cloudFormation('ERROR', options)).Resources)[0].Properties.MetricTransformations[0].DefaultValue, 0);
  assert.equal(hclString(terraform('ERROR', options), 'default_value'), '0');
  assert.equal(cdkProps(cdk('ERROR', options)).defaultValue, 0);
});
