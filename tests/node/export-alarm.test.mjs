// "Copy as…" with the alarm (web/export-alarm.js): each format parsed back
// with a real parser (bash, YAML, V8 against a stub of aws-cdk-lib, HCL's
// quoting rules) gives the metric filter and an alarm with the same settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { awsCliPutMetricAlarm, cdkAlarm, cloudFormationAlarm, terraformAlarm } from '../../web/export-alarm.js';

const pattern = '{ $.a = "${x}" && $.b = "it\'s" }';
const options = {
  logGroupName: 'lg', metricName: 'Failed "logins"', metricNamespace: "CIS/It's",
  alarm: { alarmName: 'five ${failed}', period: 60, threshold: 5, comparison: 'GreaterThanThreshold', statistic: 'Maximum',
    evaluationPeriods: 3, datapointsToAlarm: 2, treatMissingData: 'breaching' },
};

test('AWS CLI: put-metric-filter then put-metric-alarm, every argument as bash passes it', () => {
  const text = awsCliPutMetricAlarm(pattern, options);
  const r = spawnSync('bash', ['-c', `aws() { for a in "$@"; do printf '%s\\0' "$a"; done; printf '\\n'; }\n${text}`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [filter, alarm] = r.stdout.split('\n').filter(Boolean).map((l) => l.split('\0').slice(0, -1));
  assert.deepEqual(filter.slice(0, 2), ['logs', 'put-metric-filter']);
  assert.ok(filter.includes(`--filter-pattern=${pattern}`));
  assert.deepEqual(alarm, ['cloudwatch', 'put-metric-alarm', '--alarm-name=five ${failed}', '--metric-name=Failed "logins"',
    "--namespace=CIS/It's", '--statistic=Maximum', '--period=60', '--evaluation-periods=3', '--datapoints-to-alarm=2',
    '--threshold=5', '--comparison-operator=GreaterThanThreshold', '--treat-missing-data=breaching']);
});

test('CloudFormation: the filter and an AWS::CloudWatch::Alarm on its metric', () => {
  const doc = parseYaml(cloudFormationAlarm(pattern, options));
  const alarm = doc.Resources.MetricFilterAlarm;
  assert.equal(alarm.Type, 'AWS::CloudWatch::Alarm');
  assert.deepEqual(alarm.Properties, {
    AlarmName: 'five ${failed}', MetricName: 'Failed "logins"', Namespace: "CIS/It's", Statistic: 'Maximum', Period: 60,
    EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 5, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'breaching',
  });
  const filter = Object.values(doc.Resources).find((r) => r.Type === 'AWS::Logs::MetricFilter');
  assert.equal(filter.Properties.FilterPattern, pattern);
});

test('Terraform: aws_cloudwatch_metric_alarm with the same settings; ${ escaped', () => {
  const text = terraformAlarm(pattern, options);
  const block = text.slice(text.indexOf('resource "aws_cloudwatch_metric_alarm"'));
  assert.match(block, /alarm_name\s+= "five \$\$\{failed\}"/);
  assert.match(block, /metric_name\s+= "Failed \\"logins\\""/);
  for (const line of ['statistic           = "Maximum"', 'period              = 60', 'evaluation_periods  = 3',
    'datapoints_to_alarm = 2', 'threshold           = 5', 'comparison_operator = "GreaterThanThreshold"',
    'treat_missing_data  = "breaching"']) assert.ok(block.includes(line), line);
});

test('CDK: cloudwatch.Alarm on metricFilter.metric(), run against a stub', () => {
  const code = cdkAlarm(pattern, options);
  const body = code.replace(/^import .*\n/gm, '');
  let alarm = null;
  let metricArgs = null;
  const logs = {
    LogGroup: { fromLogGroupName: () => ({}) },
    FilterPattern: { literal: (t) => t },
    MetricFilter: class { constructor(s, id, p) { this.p = p; } metric(o) { metricArgs = o; return { metric: true }; } },
  };
  const cloudwatch = {
    Alarm: class { constructor(s, id, p) { alarm = p; } },
    ComparisonOperator: { GREATER_THAN_THRESHOLD: 'GT' },
    TreatMissingData: { BREACHING: 'B' },
  };
  const cdk = { Duration: { seconds: (n) => ({ seconds: n }) } };
  // eslint-disable-next-line no-new-func
  new Function('logs', 'cloudwatch', 'cdk', `'use strict';\n${body}`).call({}, logs, cloudwatch, cdk);
  assert.deepEqual(metricArgs, { statistic: 'Maximum', period: { seconds: 60 } });
  assert.deepEqual({ ...alarm, metric: undefined }, {
    alarmName: 'five ${failed}', metric: undefined, evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 5,
    comparisonOperator: 'GT', treatMissingData: 'B',
  });
});

test('settings outside AWS\'s lists fall back to the defaults, never into the output', () => {
  const text = awsCliPutMetricAlarm('x', { alarm: { comparison: '$(rm -rf /)', statistic: 'p99;', period: -5, threshold: 'x' } });
  assert.doesNotMatch(text, /rm -rf|p99/);
  assert.match(text, /--comparison-operator=GreaterThanOrEqualToThreshold/);
  assert.match(text, /--period=300 /);
  assert.match(text, /--threshold=1 /);
});
