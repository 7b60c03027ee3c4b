// `cwlf compare A B [--sample FILE] [--json]`: prints the relation of A to B
// over all events in one sentence, then each witness event with A's and B's
// verdicts and the sub-expressions that decided them. Exit status: 0
// equivalent, 1 they differ (or the relation is unknown), 2 invalid pattern
// or usage error.
#include "compare_command.h"

#include <fstream>
#include <iostream>
#include <iterator>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "caret.h"
#include "cwlf/i18n.h"
#include "cwlf/proof.h"
#include "cwlf/pattern.h"

namespace cwlf::cli {

const char* kCompareUsage =
    "  cwlf compare A B [--sample FILE] [--json]\n"
    "      How pattern A relates to pattern B over every possible event (equivalent, narrower,\n"
    "      broader, disjoint, overlapping, or unknown with the reason), with witness events checked\n"
    "      by the evaluator; --sample: edit this JSON event (e.g. a CloudTrail record) into the\n"
    "      witnesses. Exit 0 equivalent, 1 they differ, 2 invalid pattern.\n";

namespace {

int compare_usage(const std::string& what) {
  std::cerr << "cwlf: " << what << "\n\nusage:\n" << kCompareUsage;
  return 2;
}

void write_json(const ProofResult& r) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("relation");
  w.String(relation_name(r.relation));
  w.Key("sentence");
  w.String(r.sentence.c_str());
  if (r.relation == Relation::Unknown) {
    w.Key("unknownReason");
    w.String(r.unknown_reason.c_str());
  }
  w.Key("witnesses");
  w.StartArray();
  for (const Witness& x : r.witnesses) {
    w.StartObject();
    w.Key("message");
    w.String(x.message.c_str(), static_cast<rapidjson::SizeType>(x.message.size()));
    w.Key("a");
    w.Bool(x.a);
    w.Key("b");
    w.Bool(x.b);
    w.Key("reason");
    w.String(x.reason.c_str());
    w.Key("aDecided");
    w.String(x.a_decided.c_str());
    w.Key("bDecided");
    w.String(x.b_decided.c_str());
    w.Key("fromSample");
    w.Bool(x.from_sample);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::cout << buf.GetString() << "\n";
}

void write_human(const ProofResult& r) {
  std::cout << r.sentence << "\n";
  for (const Witness& x : r.witnesses) {
    const std::string a = x.a ? say("cli.compare.a-matches") : say("cli.compare.a-no-match");
    const std::string b = x.b ? say("cli.compare.b-matches") : say("cli.compare.b-no-match");
    std::cout << "\n" << say(x.from_sample ? "cli.compare.witness-sample" : "cli.compare.witness", {{"a", a}, {"b", b}}) << "\n";
    std::cout << "  " << x.message << "\n";
    std::cout << "  " << say("cli.compare.a-decided", {{"condition", x.a_decided}}) << "\n";
    std::cout << "  " << say("cli.compare.b-decided", {{"condition", x.b_decided}}) << "\n";
    std::cout << "  " << say("cli.compare.why", {{"reason", x.reason}}) << "\n";
  }
}

}  // namespace

int cmd_compare(const std::vector<std::string>& args) {
  bool json = false;
  std::vector<std::string> positional;
  ProofOptions opts;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--sample") {
      if (i + 1 >= args.size()) return compare_usage("--sample needs a FILE");
      std::ifstream f(args[++i], std::ios::binary);
      if (!f) return compare_usage("cannot read " + args[i]);
      opts.sample = std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      return compare_usage("unknown option " + a);
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) return compare_usage("compare takes two patterns, A and B");
  CompileResult ca = compile_pattern(positional[0]), cb = compile_pattern(positional[1]);
  for (int i = 0; i < 2; ++i) {
    const CompileResult& c = i == 0 ? ca : cb;
    if (c.pattern) continue;
    std::cerr << say(i == 0 ? "cli.compare.pattern-a" : "cli.compare.pattern-b") << ": InvalidParameterException: "
              << c.error->aws_message << "\n"
              << caret_diagnostic(positional[static_cast<size_t>(i)], *c.error);
    return 2;
  }
  ProofResult r = compare_patterns(*ca.pattern, *cb.pattern, opts);
  if (json) write_json(r);
  else write_human(r);
  return r.relation == Relation::Equivalent ? 0 : 1;
}

}  // namespace cwlf::cli
