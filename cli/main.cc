// The `cwlf` command: a thin shell over core/ (see `cwlf --help`).
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "caret.h"
#include "cwlf/i18n.h"
#include "cwlf/proof.h"
#include "compare_command.h"
#include "alarm_command.h"
#include "filter_command.h"
#include "sql_command.h"
#include "input_file.h"
#include "lang_option.h"
#include "metric_report.h"
#include "report.h"
#include "cwlf/run.h"
#include "suite.h"

namespace {

const char* kUsage =
    "cwlf: test Amazon CloudWatch Logs filter patterns offline, and see why each event matched.\n"
    "\n"
    "usage:\n"
    "  cwlf test PATTERN [FILE|-] [--json] [--color]\n"
    "      Test pasted-style input (concatenated or pretty-printed JSON events, a JSON array,\n"
    "      a CloudTrail file {\"Records\":[...]}, JSON Lines, or plain lines; stdin when no FILE;\n"
    "      .gz decompressed; at most 64 MiB, larger inputs: cwlf filter)\n"
    "      and print a verdict per event with its explanation; the deciding parts are marked >>.\n"
    "      --metric-value V [--default-value D] [--dimension NAME=REF ...]: also what a metric\n"
    "      filter would publish per event (V: 1, $.field, $name or $N; up to 3 dimensions).\n"
    "  cwlf test --suite FILE\n"
    "      Run a test saved by the page (Download .json) and check each event's expected verdict:\n"
    "      exit 0 when every expectation holds, 1 when one does not (docs/suite-format.md).\n"
    "%FILTER%"
    "%SQL%"
    "%COMPARE%"
    "  cwlf check PATTERN\n"
    "      Validate a pattern: exit 0, or 1 with the position and reason of the fault.\n"
    "  cwlf test-metric-filter --filter-pattern PATTERN --log-event-messages M [M ...]\n"
    "  cwlf test-metric-filter --filter-pattern PATTERN --log-event-messages file://messages.json\n"
    "      The offline twin of `aws logs test-metric-filter`: same flags, same JSON output.\n"
    "\n"
    "  --lang en|ja (any command; default: LC_ALL, LC_MESSAGES or LANG, else English): the language of\n"
    "      explanations, warnings and notes. AWS's own messages stay in English.\n"
    "\n"
    "exit status: 0 ok; 1 invalid pattern (check); 2 usage or input error; 254 invalid pattern\n"
    "(test-metric-filter, as the AWS CLI).\n";

// kUsage with the `filter` command's paragraph (kept with that command).
std::string usage_text() {
  std::string u = kUsage;
  u.replace(u.find("%FILTER%"), 8, std::string(cwlf::cli::kFilterUsage) + cwlf::cli::kAlarmUsage);
  u.replace(u.find("%SQL%"), 5, cwlf::cli::kSqlUsage);
  u.replace(u.find("%COMPARE%"), 9, cwlf::cli::kCompareUsage);
  return u;
}

int usage_error(const std::string& what) {
  std::cerr << "cwlf: " << what << "\n\n" << usage_text();
  return 2;
}

// A file that cannot be read is not a usage mistake: the reason, without the usage text.
int input_error(const std::string& what) {
  std::cerr << "cwlf: " << what << "\n";
  return 2;
}

void print_invalid(const std::string& pattern, const cwlf::Diagnostic& d) {
  std::cerr << "InvalidParameterException: " << d.aws_message << "\n" << cwlf::cli::caret_diagnostic(pattern, d);
}

int cmd_check(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage_error("check takes exactly one PATTERN");
  cwlf::CompileResult r = cwlf::compile_pattern(args[0]);
  if (!r.pattern) {
    print_invalid(args[0], *r.error);
    return 1;
  }
  std::cout << cwlf::say("cli.check.valid", {{"family", cwlf::family_name(r.pattern->family)}}) << "\n"
            << cwlf::summarize_pattern(*r.pattern) << "\n";
  return 0;
}

int cmd_test(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "--suite") return cwlf::cli::cmd_test_suite(args);
  }
  bool json = false, color = isatty(1);
  std::vector<std::string> positional;
  cwlf::MetricDefinition metric;
  bool want_metric = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") json = true;
    else if (a == "--metric-value" || a == "--default-value" || a == "--dimension") {
      if (i + 1 >= args.size()) return usage_error(a + " needs a value");
      std::string error;
      if (!cwlf::cli::metric_option(a, args[++i], metric, error)) return usage_error(error);
      want_metric = true;
    }
    else if (a == "--color") color = true;
    else if (a == "--no-color") color = false;
    else if (a.size() > 1 && a[0] == '-' && a[1] == '-') return usage_error("unknown option " + a);
    else positional.push_back(a);
  }
  if (positional.empty() || positional.size() > 2) return usage_error("test takes PATTERN [FILE|-]");
  std::string input;
  std::string file = positional.size() == 2 ? positional[1] : "-";
  std::string read_error;
  if (!cwlf::cli::read_input(file, input, read_error)) return input_error(read_error);
  if (want_metric && json) return usage_error("the metric options print a report of their own; leave out --json");
  cwlf::TestRun run = cwlf::run_test(positional[0], input);
  if (json) {
    std::cout << cwlf::cli::json_report(run, positional[0], input);
  } else if (!run.compiled.pattern) {
    std::cerr << cwlf::cli::human_report(run, positional[0], input, false);
    return 2;
  } else {
    std::cout << cwlf::say("cli.test.summary", {{"summary", cwlf::summarize_pattern(*run.compiled.pattern)}}) << "\n\n";
    std::cout << cwlf::cli::human_report(run, positional[0], input, color);
    if (want_metric) {
      bool ok = true;
      const std::string report = cwlf::cli::metric_report(run, metric, ok);
      (ok ? std::cout : std::cerr) << report;
      if (!ok) return 2;
    }
  }
  return run.compiled.pattern ? 0 : 2;
}

// --log-event-messages takes the messages themselves, or file://path to a
// JSON array of strings (as the AWS CLI does).
bool messages_from_file(const std::string& path, std::vector<std::string>& out, std::string& error) {
  std::string text;
  return cwlf::cli::read_input(path, text, error) && cwlf::cli::parse_messages(text, path, out, error);
}

int cmd_test_metric_filter(const std::vector<std::string>& args) {
  std::string pattern;
  bool have_pattern = false;
  std::vector<std::string> messages;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--filter-pattern" && i + 1 < args.size()) {
      pattern = args[++i];
      have_pattern = true;
    } else if (args[i] == "--log-event-messages") {
      while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
        const std::string& m = args[++i];
        if (m.rfind("file://", 0) == 0) {
          std::string error;
          if (!messages_from_file(m.substr(7), messages, error)) return input_error(error);
        } else {
          messages.push_back(m);
        }
      }
    } else {
      return usage_error("unexpected argument " + args[i]);
    }
  }
  if (!have_pattern) return usage_error("--filter-pattern is required");
  if (messages.empty()) return usage_error("--log-event-messages needs at least one message");
  cwlf::MetricFilterTest t = cwlf::test_metric_filter(pattern, messages);
  if (t.error) {
    print_invalid(pattern, *t.error);
    return 254;
  }
  rapidjson::Document d;
  d.Parse(t.response_json.data(), t.response_json.size());
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 4);
  d.Accept(w);
  std::cout << buf.GetString() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  cwlf::cli::guard_process();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (std::string lang_error; !cwlf::cli::take_language_option(args, lang_error)) return usage_error(lang_error);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << usage_text();
    return args.empty() ? 2 : 0;
  }
  std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "test") return cmd_test(args);
  if (cmd == "check") return cmd_check(args);
  if (cmd == "filter") return cwlf::cli::cmd_filter(args);
  if (cmd == "sql") return cwlf::cli::cmd_sql(args);
  if (cmd == "compare") return cwlf::cli::cmd_compare(args);
  if (cmd == "alarm") return cwlf::cli::cmd_alarm(args);
  if (cmd == "test-metric-filter") return cmd_test_metric_filter(args);
  return usage_error("unknown command " + cmd);
}
