// "Copy as": the tested pattern as the thing a user deploys: an AWS CLI
// put-metric-filter / test-metric-filter command, CloudFormation YAML,
// Terraform and CDK (TypeScript). The pattern is user text full of quotes,
// `$`, `%`, `{` and backslashes, so each format's quoting is done by one
// function per format, and tests/node/export.test.mjs parses every output
// back (bash, a YAML parser, JavaScript's parser, HCL's string rules).
//
// Pure functions, no DOM: used by the page (export-panel.js) and by Node.

import { phrase } from './phrase.js';

// A POSIX shell word: single quotes, with ' written as '\''.
export function shellQuote(text) {
  return `'${String(text).replace(/'/g, "'\\''")}'`;
}

// A YAML double-quoted scalar: JSON's escapes are valid YAML 1.2 escapes, and
// a JSON string is never mistaken for a tag, anchor, number or boolean.
export function yamlQuote(text) {
  return JSON.stringify(String(text));
}

// An HCL (Terraform) quoted string: JSON-like escapes, plus `${` and `%{`
// (interpolation and template directives) written as `$${` and `%%{`.
export function hclQuote(text) {
  const json = JSON.stringify(String(text));
  return json.replace(/([$%])\{/g, (_, sign) => `${sign}${sign}{`);
}

// A JavaScript / TypeScript string literal.
export function tsQuote(text) {
  return JSON.stringify(String(text)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

// A name for resources: letters and digits only, starting with a letter.
function identifier(name, fallback) {
  const id = String(name || '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : '')).replace(/^[^A-Za-z]+/, '');
  return id || fallback;
}

export const DEFAULTS = {
  logGroupName: 'CloudTrail/DefaultLogGroup',
  filterName: 'my-alarm-filter',
  metricName: 'MyAlarmCount',
  metricNamespace: 'CISBenchmark',
  metricValue: '1',
};

function settings(options) {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options || {}).filter(([, v]) => v !== undefined && v !== '')) };
  o.dimensions = (options && options.dimensions) || [];
  o.defaultValue = options && options.defaultValue !== undefined && options.defaultValue !== '' ? options.defaultValue : null;
  return o;
}

// aws logs put-metric-filter. Every value goes through --name=value so that a
// pattern starting with `-` (an exclusion term) is not read as an option.
export function awsCliPutMetricFilter(pattern, options) {
  const o = settings(options);
  const transformation = [{
    metricName: o.metricName,
    metricNamespace: o.metricNamespace,
    metricValue: o.metricValue,
    ...(o.defaultValue !== null ? { defaultValue: Number(o.defaultValue) } : {}),
    ...(o.dimensions.length ? { dimensions: Object.fromEntries(o.dimensions) } : {}),
  }];
  return [
    'aws logs put-metric-filter \\',
    `  --log-group-name=${shellQuote(o.logGroupName)} \\`,
    `  --filter-name=${shellQuote(o.filterName)} \\`,
    `  --filter-pattern=${shellQuote(pattern)} \\`,
    `  --metric-transformations=${shellQuote(JSON.stringify(transformation))}`,
  ].join('\n');
}

// aws logs test-metric-filter with the events' messages (a JSON list).
export function awsCliTestMetricFilter(pattern, messages) {
  return [
    'aws logs test-metric-filter \\',
    `  --filter-pattern=${shellQuote(pattern)} \\`,
    `  --log-event-messages=${shellQuote(JSON.stringify(messages))}`,
  ].join('\n');
}

export function cloudFormation(pattern, options) {
  const o = settings(options);
  const id = identifier(o.filterName, 'AlarmMetricFilter');
  const lines = [
    'Resources:',
    `  ${id}:`,
    '    Type: AWS::Logs::MetricFilter',
    '    Properties:',
    `      FilterName: ${yamlQuote(o.filterName)}`,
    `      LogGroupName: ${yamlQuote(o.logGroupName)}`,
    `      FilterPattern: ${yamlQuote(pattern)}`,
    '      MetricTransformations:',
    `        - MetricName: ${yamlQuote(o.metricName)}`,
    `          MetricNamespace: ${yamlQuote(o.metricNamespace)}`,
    `          MetricValue: ${yamlQuote(o.metricValue)}`,
  ];
  if (o.defaultValue !== null) lines.push(`          DefaultValue: ${Number(o.defaultValue)}`);
  if (o.dimensions.length) {
    lines.push('          Dimensions:');
    for (const [key, value] of o.dimensions) lines.push(`            - Key: ${yamlQuote(key)}`, `              Value: ${yamlQuote(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function terraform(pattern, options) {
  const o = settings(options);
  const id = identifier(o.filterName, 'alarm').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const lines = [
    `resource "aws_cloudwatch_log_metric_filter" "${id}" {`,
    `  name           = ${hclQuote(o.filterName)}`,
    `  log_group_name = ${hclQuote(o.logGroupName)}`,
    `  pattern        = ${hclQuote(pattern)}`,
    '',
    '  metric_transformation {',
    `    name      = ${hclQuote(o.metricName)}`,
    `    namespace = ${hclQuote(o.metricNamespace)}`,
    `    value     = ${hclQuote(o.metricValue)}`,
  ];
  if (o.defaultValue !== null) lines.push(`    default_value = ${hclQuote(String(Number(o.defaultValue)))}`);
  if (o.dimensions.length) {
    lines.push('    dimensions = {');
    for (const [key, value] of o.dimensions) lines.push(`      ${hclQuote(key)} = ${hclQuote(value)}`);
    lines.push('    }');
  }
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

// CDK v2 (TypeScript). FilterPattern.literal() passes the text through as is.
export function cdk(pattern, options) {
  const o = settings(options);
  const props = [
    '  logGroup,',
    `  filterName: ${tsQuote(o.filterName)},`,
    `  filterPattern: logs.FilterPattern.literal(${tsQuote(pattern)}),`,
    `  metricName: ${tsQuote(o.metricName)},`,
    `  metricNamespace: ${tsQuote(o.metricNamespace)},`,
    `  metricValue: ${tsQuote(o.metricValue)},`,
  ];
  if (o.defaultValue !== null) props.push(`  defaultValue: ${Number(o.defaultValue)},`);
  if (o.dimensions.length) props.push(`  dimensions: { ${o.dimensions.map(([k, v]) => `${tsQuote(k)}: ${tsQuote(v)}`).join(', ')} },`);
  return [
    "import * as logs from 'aws-cdk-lib/aws-logs';",
    '',
    `const logGroup = logs.LogGroup.fromLogGroupName(this, 'LogGroup', ${tsQuote(o.logGroupName)});`,
    `new logs.MetricFilter(this, ${tsQuote(identifier(o.filterName, 'AlarmMetricFilter'))}, {`,
    ...props,
    '});',
    '',
  ].join('\n');
}

// SQL over the raw events (docs/sql.md) is written by the engine itself (the
// same generator as `cwlf sql`), in the worker: these formats carry a
// dialect instead of a make(), and sqlText() turns the engine's answer into
// the text shown. A pattern SQL cannot say exactly gets the reason, as a comment.
export function sqlText(result) {
  if (result && result.ok) return `${result.sql}\n`;
  const why = result ? `${result.reason} (${result.family})`
    : phrase('page.export.sql-no-answer', 'the engine did not answer');
  return `-- ${phrase('page.export.sql-refused', 'Not translated: SQL cannot say this pattern exactly: {why}.', { why })}\n`;
}

export const FORMATS = {
  'aws-cli': { label: 'AWS CLI put-metric-filter', make: (p, o) => awsCliPutMetricFilter(p, o) },
  'aws-cli-test': { label: 'AWS CLI test-metric-filter', make: (p, o) => awsCliTestMetricFilter(p, o.messages || []) },
  cloudformation: { label: 'CloudFormation YAML', make: cloudFormation },
  terraform: { label: 'Terraform', make: terraform },
  cdk: { label: 'CDK (TypeScript)', make: cdk },
  'athena-sql': { label: 'Athena SQL (predicate)', dialect: 'athena' },
  'duckdb-sql': { label: 'DuckDB SQL (predicate)', dialect: 'duckdb' },
};
