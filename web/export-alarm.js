// "Copy as…" for the alarm on the metric filter's metric: the metric filter
// (export.js) followed by the alarm with the same settings as `cwlf alarm`:
// an AWS CLI put-metric-alarm command, a CloudFormation AWS::CloudWatch::Alarm,
// a Terraform aws_cloudwatch_metric_alarm and a CDK cloudwatch.Alarm. Names
// and numbers are quoted by export.js's quoting functions (tested by parsing
// back in tests/node/export-alarm.test.mjs). Pure functions, no DOM.
import {
  DEFAULTS, awsCliPutMetricFilter, cdk, cloudFormation, hclQuote, shellQuote, terraform, tsQuote, yamlQuote,
} from './export.js';

// The alarm's settings with PutMetricAlarm's defaults where the page has none.
export const ALARM_DEFAULTS = {
  alarmName: 'my-alarm',
  period: 300,
  threshold: 1,
  comparison: 'GreaterThanOrEqualToThreshold',
  statistic: 'Sum',
  evaluationPeriods: 1,
  datapointsToAlarm: 1,
  treatMissingData: 'notBreaching',
};

const COMPARISONS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];
const STATISTICS = ['Sum', 'SampleCount', 'Average', 'Minimum', 'Maximum'];
const MISSING = ['missing', 'notBreaching', 'breaching', 'ignore'];

// Numbers as numbers and names from AWS's lists only: nothing else reaches the output unquoted.
function alarmSettings(options) {
  const a = { ...ALARM_DEFAULTS, ...((options && options.alarm) || {}) };
  const int = (v, d) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : d);
  return {
    alarmName: String(a.alarmName || ALARM_DEFAULTS.alarmName),
    period: int(a.period, ALARM_DEFAULTS.period),
    threshold: Number.isFinite(Number(a.threshold)) ? Number(a.threshold) : ALARM_DEFAULTS.threshold,
    comparison: COMPARISONS.includes(a.comparison) ? a.comparison : ALARM_DEFAULTS.comparison,
    statistic: STATISTICS.includes(a.statistic) ? a.statistic : ALARM_DEFAULTS.statistic,
    evaluationPeriods: int(a.evaluationPeriods, 1),
    datapointsToAlarm: int(a.datapointsToAlarm, int(a.evaluationPeriods, 1)),
    treatMissingData: MISSING.includes(a.treatMissingData) ? a.treatMissingData : ALARM_DEFAULTS.treatMissingData,
  };
}

const metricOf = (options) => ({
  metricName: (options && options.metricName) || DEFAULTS.metricName,
  metricNamespace: (options && options.metricNamespace) || DEFAULTS.metricNamespace,
});

export function awsCliPutMetricAlarm(pattern, options) {
  const a = alarmSettings(options);
  const m = metricOf(options);
  return [
    awsCliPutMetricFilter(pattern, options),
    '',
    'aws cloudwatch put-metric-alarm \\',
    `  --alarm-name=${shellQuote(a.alarmName)} \\`,
    `  --metric-name=${shellQuote(m.metricName)} \\`,
    `  --namespace=${shellQuote(m.metricNamespace)} \\`,
    `  --statistic=${a.statistic} \\`,
    `  --period=${a.period} \\`,
    `  --evaluation-periods=${a.evaluationPeriods} \\`,
    `  --datapoints-to-alarm=${a.datapointsToAlarm} \\`,
    `  --threshold=${a.threshold} \\`,
    `  --comparison-operator=${a.comparison} \\`,
    `  --treat-missing-data=${a.treatMissingData}`,
  ].join('\n');
}

export function cloudFormationAlarm(pattern, options) {
  const a = alarmSettings(options);
  const m = metricOf(options);
  return [
    cloudFormation(pattern, options).replace(/\n$/, ''),
    '  MetricFilterAlarm:',
    '    Type: AWS::CloudWatch::Alarm',
    '    Properties:',
    `      AlarmName: ${yamlQuote(a.alarmName)}`,
    `      MetricName: ${yamlQuote(m.metricName)}`,
    `      Namespace: ${yamlQuote(m.metricNamespace)}`,
    `      Statistic: ${a.statistic}`,
    `      Period: ${a.period}`,
    `      EvaluationPeriods: ${a.evaluationPeriods}`,
    `      DatapointsToAlarm: ${a.datapointsToAlarm}`,
    `      Threshold: ${a.threshold}`,
    `      ComparisonOperator: ${a.comparison}`,
    `      TreatMissingData: ${a.treatMissingData}`,
    '',
  ].join('\n');
}

export function terraformAlarm(pattern, options) {
  const a = alarmSettings(options);
  const m = metricOf(options);
  return [
    terraform(pattern, options),
    'resource "aws_cloudwatch_metric_alarm" "metric_filter_alarm" {',
    `  alarm_name          = ${hclQuote(a.alarmName)}`,
    `  metric_name         = ${hclQuote(m.metricName)}`,
    `  namespace           = ${hclQuote(m.metricNamespace)}`,
    `  statistic           = "${a.statistic}"`,
    `  period              = ${a.period}`,
    `  evaluation_periods  = ${a.evaluationPeriods}`,
    `  datapoints_to_alarm = ${a.datapointsToAlarm}`,
    `  threshold           = ${a.threshold}`,
    `  comparison_operator = "${a.comparison}"`,
    `  treat_missing_data  = "${a.treatMissingData}"`,
    '}',
    '',
  ].join('\n');
}

// CDK v2: the MetricFilter's metric() with the alarm's statistic and period.
export function cdkAlarm(pattern, options) {
  const a = alarmSettings(options);
  const filter = cdk(pattern, options)
    .replace("import * as logs from 'aws-cdk-lib/aws-logs';",
      "import * as cdk from 'aws-cdk-lib';\nimport * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';\nimport * as logs from 'aws-cdk-lib/aws-logs';")
    .replace(/\nnew logs\.MetricFilter\(/, '\nconst metricFilter = new logs.MetricFilter(');
  const missing = { missing: 'MISSING', notBreaching: 'NOT_BREACHING', breaching: 'BREACHING', ignore: 'IGNORE' }[a.treatMissingData];
  const comparison = a.comparison.replace(/Threshold$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() + '_THRESHOLD';
  return [
    filter.replace(/\n$/, ''),
    `new cloudwatch.Alarm(this, 'MetricFilterAlarm', {`,
    `  alarmName: ${tsQuote(a.alarmName)},`,
    `  metric: metricFilter.metric({ statistic: ${tsQuote(a.statistic)}, period: cdk.Duration.seconds(${a.period}) }),`,
    `  evaluationPeriods: ${a.evaluationPeriods},`,
    `  datapointsToAlarm: ${a.datapointsToAlarm},`,
    `  threshold: ${a.threshold},`,
    `  comparisonOperator: cloudwatch.ComparisonOperator.${comparison},`,
    `  treatMissingData: cloudwatch.TreatMissingData.${missing},`,
    '});',
    '',
  ].join('\n');
}

export const ALARM_FORMATS = {
  'aws-cli-alarm': { label: 'AWS CLI put-metric-filter + put-metric-alarm', make: awsCliPutMetricAlarm },
  'cloudformation-alarm': { label: 'CloudFormation YAML, with the alarm', make: cloudFormationAlarm },
  'terraform-alarm': { label: 'Terraform, with the alarm', make: terraformAlarm },
  'cdk-alarm': { label: 'CDK (TypeScript), with the alarm', make: cdkAlarm },
};
