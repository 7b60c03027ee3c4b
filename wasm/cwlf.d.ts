// TypeScript declarations of cwlf's WebAssembly API (dist/cwlf.js + dist/cwlf.wasm),
// written by hand from docs/api.md, the contract. tests/node/typescript-declaration.test.mjs
// fails when the module exports a name (function, class or method) not declared here,
// or when a name declared here is not exported.
//
//   const createCwlf = require('./cwlf.js');
//   const cwlf: CwlfModule = await createCwlf({ wasmBinary });

/** Every position is a UTF-16 index (a JavaScript string index) into the string passed in. */
export interface Diagnostic {
  code: string;               // docs/api.md, "Diagnostic codes"
  awsMessage: string | null;  // CloudWatch's own wording; null when CloudWatch would not complain
  message: string;            // cwlf's plain-language reason
  offset: number;
  length: number;
}

export type PatternFamily = 'match-all' | 'terms' | 'json' | 'space-delimited';
export type InputFormat = 'empty' | 'json-objects' | 'json-array' | 'cloudtrail-records' | 'lines';

export interface CompileResult {
  ok: boolean;
  family: PatternFamily | null;
  error: Diagnostic | null;
}

export interface ExplainNode {
  kind: 'match-all' | 'not-json' | 'and' | 'or' | 'condition' | 'terms' | 'term' | 'fields' | 'field';
  outcome: 'true' | 'false' | 'skipped';
  decisive: boolean;
  patternOffset: number;
  patternLength: number;
  found: 'missing' | 'null' | 'boolean' | 'object' | 'array' | 'string' | 'number' | 'text' | null;
  foundText: string | null;
  eventOffset: number | null;
  eventLength: number | null;
  reason: string;
  children: number[];
}

export interface Explanation {
  nodes: ExplainNode[];
}

export type Extracted = [name: string, value: string][];

export interface LintFix {
  label: string;
  pattern: string;
}

export interface Warning {
  code: string;
  message: string;
  offset: number;
  length: number;
  fixes: LintFix[];
}

export interface TestedEvent {
  index: number;
  offset: number;
  length: number;
  message?: string;  // absent with { messages: false }
  tested: boolean;
  matched: boolean;
  error: Diagnostic | null;
  extracted: Extracted;
  explanation: Explanation | null;
}

export interface Counts {
  matched: number;
  unmatched: number;
  errors: number;
}

export interface TestRun {
  pattern: CompileResult;
  format: InputFormat;
  counts: Counts;
  events: TestedEvent[];
  warnings: Warning[];
  radar: Radar | null;  // null when the pattern is invalid
}

/** The silent-miss radar and scope leaks (docs/semantics.md). */
export interface Radar {
  active: boolean;        // the pattern has an alarm core and exclusions
  scopeOpen: boolean;     // it tests $.eventName and never $.eventSource
  expectedSource: string; // the service its event names belong to ('' when unknown)
  expectedFromTable: boolean;
  exclusions: string[];
  drops: { index: number; kind: 'silent' | 'excluded'; exclusion: string; field: string;
    found: 'missing' | 'null' | 'boolean' | 'object' | 'array' | 'string' | 'number' | null;
    foundText: string; reason: string; identityType: string }[];
  leaks: { index: number; eventName: string; eventSource: string; expected: string; reason: string }[];
}

export interface TestOptions {
  explain?: 'all' | 'none' | false | number;
  messages?: boolean;
}

export interface TestMetricFilterResponse {
  matches?: { eventNumber: number; eventMessage: string; extractedValues: Record<string, string> }[];
  error?: Diagnostic;
}

export interface LintResult {
  warnings: Warning[];
  normalised: string | null;
}

export interface Exclusion {
  error: string | null;
  identityType?: string;
  selector?: string;
  value?: string;
  pattern?: string;
  keepingPattern?: string | null;
  drops?: string;
  dropped?: number[];
}

export interface MetricDefinition {
  value: string;
  defaultValue?: string;
  dimensions?: [name: string, reference: string][];
}

export interface MetricPoint {
  kind: 'value' | 'default' | 'none';
  value: string | null;
  dimensions: [name: string, value: string][];
  note: string;
}

export interface MetricRun {
  error: string | null;
  points?: MetricPoint[];
  datapoints?: number;
  sum?: number;
}

export type SelectorStep = { member: string } | { index: number } | { any: true };

export interface Selector {
  text: string;
  steps: SelectorStep[];
}

export interface EventSetVerdicts {
  pattern: CompileResult;
  counts: Counts;
  verdicts: Uint8Array;  // per event: 0 not tested, 1 no match, 2 match
  extracted: [index: number, values: Extracted][];
  explained: number;     // -1 for none
  explanation: Explanation | null;
  radar: Radar | null;
}

/** A C++ object: call delete() when done with it. */
interface Deletable {
  delete(): void;
}

export interface EventSet extends Deletable {
  format(): InputFormat;
  size(): number;
  events(): { index: number; offset: number; length: number; message: string; error: Diagnostic | null;
    title: string; detail: string }[];
  // What events() gives without the messages, in columns (identities, titles, details: JSON text).
  listing(): { offsets: Uint32Array; lengths: Uint32Array; errors: [index: number, error: Diagnostic][]; columns: string };
  message(index: number): string | undefined;
  verdicts(pattern: string, explain: number): EventSetVerdicts;
  lint(pattern: string): LintResult;
  exclusion(pattern: string, eventIndex: number, byArn: boolean): Exclusion;
  metric(pattern: string, definition: MetricDefinition): MetricRun;
}

export interface FileScanSummary {
  byEventName: [name: string, count: number][];
  byPrincipal: [principal: string, count: number][];
  otherEventNames: number;
  otherPrincipals: number;
  distinctEventNames: number;
  distinctPrincipals: number;
  distinctLimit: number;
  // The silent-miss radar over the files (null when the pattern has no exclusions):
  // events the alarm's core matches that an exclusion drops, by identity type.
  silent: { total: number; byIdentityType: [type: string, count: number][]; exclusions: string[] } | null;
  excluded: number;  // dropped by an exclusion as meant (the excluded value)
}

export interface FileScan extends Deletable {
  error(): string;
  reserve(bytes: number): number;  // a pointer into HEAPU8 to copy the chunk to
  feed(bytes: number): void;
  finish(): void;
  takeMatches(): { index: number; message: string }[];
  summary(): FileScanSummary;
  events(): number;
  matched(): number;
  errors(): number;
}

/** A whole .gz file inflated in wasm (core/gunzip): reserve, copy the bytes to HEAPU8, inflate. */
export interface Gunzip extends Deletable {
  reserve(bytes: number): number;  // a pointer into HEAPU8 to copy the compressed file to
  /** '' when inflated, else why not (in the current language). */
  inflate(bytes: number, maxOut: number): string;
  tooLarge(): boolean;             // the last inflate() stopped at maxOut
  output(): number;                // a pointer into HEAPU8: the inflated bytes, until the next call
  size(): number;
}

export interface StreamFilter extends Deletable {
  error(): string;
  reserve(bytes: number): number;
  feed(bytes: number): void;
  finish(): void;
  matched(): number;
  lines(): number;
}

/** sql(pattern, dialect): the pattern as a SQL predicate (docs/sql.md), or why not. */
export type SqlResult =
  | { ok: true; sql: string }
  | { ok: false; family: string; reason: string; offset?: number; length?: number };

export interface ProofWitness {
  message: string;
  a: boolean;
  b: boolean;
  reason: string;
  aDecided: string;
  bDecided: string;
  fromSample: boolean;
}

export interface Proof {
  relation?: 'equivalent' | 'narrower' | 'broader' | 'disjoint' | 'overlapping' | 'unknown';
  sentence?: string;
  unknownReason?: string;
  witnesses?: ProofWitness[];
  error?: { pattern: 'A' | 'B'; message: string };
}

export interface AlarmSettings {
  period?: number;
  threshold?: number;
  comparison?: 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  statistic?: 'Sum' | 'SampleCount' | 'Average' | 'Minimum' | 'Maximum';
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  treatMissingData?: 'missing' | 'notBreaching' | 'breaching' | 'ignore';
  metricValue?: string;
  defaultValue?: string;
  timeField?: string;
  /** List the matching events whose time is in [listFrom, listTo) (ms since the epoch), at most listMax (≤ 1000). */
  listFrom?: number;
  listTo?: number;
  listMax?: number;
}

export interface AlarmResult {
  error: string | null;
  matched: number;
  eventsWithoutTime: number;
  /** byIdentity[k]: the period's matching events whose userIdentity.type is identityTypes[k]. */
  datapoints: { start: number; timestamp: string; value: number; count: number; breaching: boolean; byIdentity: number[] }[];
  /** userIdentity.type of the matching events, most frequent first; "(none)" without one, "(other)" past the first 8. */
  identityTypes: string[];
  alarms: { start: number; end: number; startText: string; endText: string; events: number; open: boolean }[];
  /** The events listed (listMax > 0); source: the file's number, from 0 (endFile() calls before it). */
  listed: { message: string; source: number }[];
  listedTotal: number;
}

export interface AlarmScan extends Deletable {
  error(): string;
  reserve(bytes: number): number;
  feed(bytes: number): void;
  endFile(): void;
  result(): AlarmResult;
}

export interface CwlfModule {
  compile(pattern: string): CompileResult;
  test(pattern: string, pastedText: string, options?: TestOptions): TestRun;
  testMetricFilter(pattern: string, messages: string[]): TestMetricFilterResponse;
  lint(pattern: string, pastedText: string): LintResult;
  exclusion(pattern: string, pastedText: string, eventIndex: number, byArn: boolean): Exclusion;
  metric(pattern: string, pastedText: string, definition: MetricDefinition): MetricRun;
  selectors(pattern: string): Selector[];
  comparePatterns(a: string, b: string, sample?: string): Proof;
  summarizePattern(pattern: string): string;
  sql(pattern: string, dialect: 'duckdb' | 'trino' | 'athena'): SqlResult;
  /** The language of every sentence written from now on ('en', 'ja', 'ja-JP', …); false for one cwlf does not speak. */
  setLanguage(tag: string): boolean;
  language(): 'en' | 'ja';
  EventSet: new (pastedText: string) => EventSet;
  FileScan: new (pattern: string, keep?: number) => FileScan;
  StreamFilter: new (pattern: string, lines: boolean) => StreamFilter;
  AlarmScan: new (pattern: string, settings: AlarmSettings) => AlarmScan;
  Gunzip: new () => Gunzip;
  HEAPU8: Uint8Array;
}

export interface CwlfModuleOptions {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
  onAbort?: (what: unknown) => void;
}

declare function createCwlf(options?: CwlfModuleOptions): Promise<CwlfModule>;
export default createCwlf;
