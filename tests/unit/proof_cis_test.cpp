// The proof engine on the CIS AWS Foundations alarms and the seed: variants
// that string-comparing tools report as different (extra parentheses,
// reordered clauses, spacing, quotes, the wildcard form of the
// unauthorized-API filter) are equivalent; stricter and looser variants are
// narrower and broader; every pair of the real patterns is decided; and the
// seed's trap is found from the pattern alone.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "proof_support.h"
#include "test_support.h"

namespace {

std::vector<std::pair<std::string, std::string>> cis_patterns() {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(cwlf::testing::read_data("proof/cis-patterns.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab != std::string::npos) out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return out;
}

std::string cis(const std::string& name) {
  for (auto& [n, p] : cis_patterns())
    if (n == name) return p;
  FAIL("no pattern " << name);
  return "";
}

struct Row {
  std::string a, b, relation;
};

}  // namespace

TEST_CASE("proof: CIS alarm variants", "[proof]") {
  const std::vector<Row> rows = {
      // 4.1: parentheses, order, spacing, the wildcard forms
      {cis("cis-4.1"), R"({ $.errorCode = "*UnauthorizedOperation" || $.errorCode = "AccessDenied*" })", "equivalent"},
      {cis("cis-4.1"), R"({($.errorCode="AccessDenied*")||($.errorCode="*UnauthorizedOperation")})", "equivalent"},
      {cis("cis-4.1"), R"({ (($.errorCode = *UnauthorizedOperation) || ($.errorCode = AccessDenied*)) })", "equivalent"},
      {cis("cis-4.1"), R"({ $.errorCode = %UnauthorizedOperation$% || $.errorCode = %^AccessDenied% })", "narrower"},
      {cis("cis-4.1"), R"({ $.errorCode = "Client.UnauthorizedOperation" || $.errorCode = "AccessDenied" })", "broader"},
      {cis("cis-4.1"), R"({ $.errorCode = "*UnauthorizedOperation*" || $.errorCode = "AccessDenied*" })", "narrower"},
      {cis("cis-4.1"),
       R"({ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") })",
       "broader"},
      // 4.2 and its CIS v1.4 form
      {cis("cis-4.2"), R"({ ($.additionalEventData.MFAUsed != "Yes") && ($.eventName = "ConsoleLogin") })", "equivalent"},
      {cis("cis-4.2"), R"({ $.eventName = "ConsoleLogin" && $.additionalEventData.MFAUsed = "No" })", "broader"},
      {cis("cis-4.2"),
       R"({ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") })",
       "broader"},
      // 4.3
      {cis("cis-4.3"), R"({ ($.eventType != "AwsServiceEvent") && ($.userIdentity.invokedBy NOT EXISTS) && ($.userIdentity.type = "Root") })", "equivalent"},
      {cis("cis-4.3"), R"({ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS })", "narrower"},
      {cis("cis-4.3"), R"({ $.userIdentity.type = Root })", "narrower"},
      {cis("cis-4.3"), R"({ $.userIdentity.type = "IAMUser" })", "disjoint"},
      // 4.4 (IAM policy changes): reordered, and the seed's exclusion
      {cis("cis-4.4"),
       "{($.eventName=DetachGroupPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachUserPolicy)||($.eventName="
       "AttachUserPolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachRolePolicy)||($.eventName="
       "DeletePolicyVersion)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicy)||($.eventName=CreatePolicy)"
       "||($.eventName=PutUserPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutGroupPolicy)||($.eventName="
       "DeleteUserPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteGroupPolicy)}",
       "equivalent"},
      {cis("cis-4.4"), cis("seed"), "broader"},
      {cis("cis-4.4"), R"({ $.eventSource = iam.amazonaws.com && ($.eventName = PutRolePolicy || $.eventName = DeleteRolePolicy) })", "broader"},
      {cis("cis-4.4"), R"({ $.eventName = *Policy* })", "narrower"},
      // 4.5, 4.7, 4.8
      {cis("cis-4.5"), R"({ $.eventName = StopLogging || $.eventName = StartLogging || $.eventName = DeleteTrail || $.eventName = UpdateTrail || $.eventName = CreateTrail })", "equivalent"},
      {cis("cis-4.5"), R"({ $.eventName = StopLogging || $.eventName = DeleteTrail })", "broader"},
      {cis("cis-4.7"), R"({ (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) && ($.eventSource = kms.amazonaws.com) })", "equivalent"},
      {cis("cis-4.7"), R"({ ($.eventSource = kms.amazonaws.com && $.eventName = DisableKey) || ($.eventSource = kms.amazonaws.com && $.eventName = ScheduleKeyDeletion) })", "equivalent"},
      {cis("cis-4.7"), R"({ $.eventName = DisableKey || $.eventName = ScheduleKeyDeletion })", "narrower"},
      {cis("cis-4.8"), R"({ $.eventSource = "s3.amazonaws.com" && $.eventName = Put* })", "overlapping"},
      {cis("cis-4.6"), cis("cis-4.2"), "overlapping"},
      {cis("cis-4.7"), cis("cis-4.8"), "disjoint"},
      {cis("cis-4.10"), cis("cis-4.14"), "disjoint"},
  };
  for (const Row& r : rows) {
    INFO("A: " << r.a << "\nB: " << r.b);
    cwlf::ProofResult res = cwlf::testing::checked_compare(r.a, r.b);
    INFO("unknown: " << res.unknown_reason);
    CHECK(std::string(cwlf::relation_name(res.relation)) == r.relation);
  }
}

TEST_CASE("proof: every pair of the real CIS patterns is decided", "[proof]") {
  auto all = cis_patterns();
  REQUIRE(all.size() >= 15);
  for (auto& [na, a] : all)
    for (auto& [nb, b] : all) {
      INFO(na << " vs " << nb);
      cwlf::ProofResult r = cwlf::testing::checked_compare(a, b);
      INFO("unknown: " << r.unknown_reason);
      CHECK(r.relation != cwlf::Relation::Unknown);
      if (na == nb) CHECK(r.relation == cwlf::Relation::Equivalent);
    }
}

TEST_CASE("proof: the seed's trap is found from the pattern alone", "[proof]") {
  cwlf::CompileResult seed = cwlf::compile_pattern(cis("seed"));
  REQUIRE(seed.pattern);
  std::string summary = cwlf::summarize_pattern(*seed.pattern);
  CHECK_THAT(summary, Catch::Contains("IAM users") && Catch::Contains("root") &&
                          Catch::Contains("one of 16 values") && Catch::Contains("cm-policymaintainer"));

  // CIS 4.4 vs the seed: broader, with a witness for each reason.
  cwlf::ProofResult r = cwlf::testing::checked_compare(cis("cis-4.4"), cis("seed"));
  CHECK(r.relation == cwlf::Relation::Broader);
  bool maintainer = false, missing = false;
  for (const cwlf::Witness& w : r.witnesses) {
    if (!(w.a && !w.b)) continue;
    maintainer = maintainer || w.message.find("\"userName\":\"cm-policymaintainer\"") != std::string::npos;
    missing = missing || (w.message.find("userIdentity") == std::string::npos &&
                          w.reason.find("missing") != std::string::npos);
  }
  CHECK(maintainer);
  CHECK(missing);

  // With a CloudTrail sample, the witness is an edit of it: an IAM user without sessionContext.
  cwlf::ProofOptions opts;
  opts.sample = cwlf::testing::read_data("seed/events.txt");
  cwlf::ProofResult s = cwlf::testing::checked_compare(cis("cis-4.4"), cis("seed"), opts);
  bool iam_user = false;
  for (const cwlf::Witness& w : s.witnesses)
    iam_user = iam_user || (w.from_sample && w.a && !w.b && w.message.find("\"type\":\"IAMUser\"") != std::string::npos &&
                            w.message.find("sessionContext") == std::string::npos &&
                            w.message.find("\"eventVersion\"") != std::string::npos);
  CHECK(iam_user);
}
