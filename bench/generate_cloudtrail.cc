// Benchmark data, deterministic by seed: the CloudTrail corpus
// (tests/data/corpus) replicated with varied values to about the size asked,
// as JSON Lines, and an Apache access log for the space-delimited pattern.
//
//   bench_generate CORPUS.ndjson OUT_DIR [MEGABYTES=200] [SEED=1]
//   -> OUT_DIR/cloudtrail.jsonl, OUT_DIR/access.log
//
// Varied: userIdentity.type (and a sessionIssuer for AssumedRole, sometimes
// cm-policymaintainer), eventName (now and then one that the CIS filters or
// the seed pattern look for), account IDs, regions, event IDs and times,
// error codes. Record shapes and the rest of the values stay as AWS
// documented them.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

using rapidjson::Document;
using rapidjson::Value;

const std::vector<const char*> kRegions = {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1",
                                           "eu-central-1", "ap-southeast-1", "ap-northeast-1", "sa-east-1"};
const std::vector<const char*> kTypes = {"IAMUser", "AssumedRole", "AssumedRole", "Root", "AWSService",
                                         "FederatedUser"};
const std::vector<const char*> kIssuers = {"Admin", "cm-policymaintainer", "deploy-pipeline", "ReadOnly",
                                           "OrganizationAccountAccessRole"};
// Event names the benchmark patterns look for (seed / CIS), used now and then.
const std::vector<const char*> kWatched = {
    "DeleteGroupPolicy", "DeleteRolePolicy", "PutUserPolicy", "CreatePolicy", "CreatePolicyVersion",
    "AttachRolePolicy", "DetachUserPolicy", "ConsoleLogin", "CreateTrail", "StopLogging", "DisableKey",
    "ScheduleKeyDeletion", "PutBucketPolicy", "AuthorizeSecurityGroupIngress", "CreateNetworkAclEntry",
    "CreateRoute", "CreateVpc", "AttachInternetGateway", "StopConfigurationRecorder", "LeaveOrganization"};
const std::vector<const char*> kErrors = {"AccessDenied", "Client.UnauthorizedOperation", "ThrottlingException"};

std::string digits(std::mt19937_64& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + rng() % 10));
  return s;
}

std::string hex(std::mt19937_64& rng, int n) {
  static const char* h = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(h[rng() % 16]);
  return s;
}

void set_string(Value& obj, const char* key, const std::string& v, Document::AllocatorType& a) {
  auto it = obj.FindMember(key);
  if (it != obj.MemberEnd())
    it->value.SetString(v.data(), static_cast<rapidjson::SizeType>(v.size()), a);
  else
    obj.AddMember(Value(key, a), Value(v.data(), static_cast<rapidjson::SizeType>(v.size()), a), a);
}

void vary(Document& d, std::mt19937_64& rng, uint64_t i) {
  auto& a = d.GetAllocator();
  if (!d.IsObject()) return;
  std::string account = digits(rng, 12);
  if (d.HasMember("awsRegion")) set_string(d, "awsRegion", kRegions[rng() % kRegions.size()], a);
  if (d.HasMember("recipientAccountId")) set_string(d, "recipientAccountId", account, a);
  if (d.HasMember("eventID"))
    set_string(d, "eventID", hex(rng, 8) + "-" + hex(rng, 4) + "-" + hex(rng, 4) + "-" + hex(rng, 4) + "-" + hex(rng, 12), a);
  char when[32];
  std::snprintf(when, sizeof when, "2026-11-%02d T%02d:%02d:%02dZ", static_cast<int>(1 + (i / 86400) % 28),
                static_cast<int>(i / 3600 % 24), static_cast<int>(i / 60 % 60), static_cast<int>(i % 60));
  std::string t(when);
  t.erase(10, 1);
  if (d.HasMember("eventTime")) set_string(d, "eventTime", t, a);
  if (d.HasMember("eventName") && rng() % 100 < 6) {
    const char* name = kWatched[rng() % kWatched.size()];
    set_string(d, "eventName", name, a);
  }
  if (rng() % 100 < 3) set_string(d, "errorCode", kErrors[rng() % kErrors.size()], a);
  auto ui = d.FindMember("userIdentity");
  if (ui != d.MemberEnd() && ui->value.IsObject()) {
    Value& u = ui->value;
    if (u.HasMember("accountId")) set_string(u, "accountId", account, a);
    if (u.HasMember("type")) {
      std::string type = kTypes[rng() % kTypes.size()];
      set_string(u, "type", type, a);
      if (type == "AssumedRole") {
        Value issuer(rapidjson::kObjectType);
        std::string name = kIssuers[rng() % kIssuers.size()];
        issuer.AddMember("type", "Role", a);
        issuer.AddMember("userName", Value(name.c_str(), a), a);
        issuer.AddMember("accountId", Value(account.c_str(), a), a);
        Value ctx(rapidjson::kObjectType);
        ctx.AddMember("sessionIssuer", issuer, a);
        u.RemoveMember("sessionContext");
        u.AddMember("sessionContext", ctx, a);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_generate CORPUS.ndjson OUT_DIR [MEGABYTES=200] [SEED=1]\n";
    return 2;
  }
  const uint64_t target = (argc > 3 ? std::stoull(argv[3]) : 200) * 1000 * 1000;
  std::mt19937_64 rng(argc > 4 ? std::stoull(argv[4]) : 1);
  std::vector<std::string> corpus;
  {
    std::ifstream in(argv[1]);
    for (std::string l; std::getline(in, l);)
      if (!l.empty()) corpus.push_back(l);
  }
  if (corpus.empty()) {
    std::cerr << "bench_generate: no records in " << argv[1] << "\n";
    return 2;
  }
  std::string dir = argv[2];
  std::ofstream out(dir + "/cloudtrail.jsonl", std::ios::binary);
  uint64_t written = 0, n = 0;
  while (written < target) {
    Document d;
    d.Parse(corpus[rng() % corpus.size()].c_str());
    vary(d, rng, n);
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    d.Accept(w);
    out.write(buf.GetString(), static_cast<std::streamsize>(buf.GetSize()));
    out.put('\n');
    written += buf.GetSize() + 1;
    ++n;
  }
  std::cout << "cloudtrail.jsonl: " << n << " events, " << written << " bytes\n";

  // Apache combined-style access log, a quarter of the size.
  std::ofstream log(dir + "/access.log", std::ios::binary);
  const char* paths[] = {"/", "/index.html", "/api/v1/orders", "/login", "/static/app.js", "/favicon.ico"};
  const int statuses[] = {200, 200, 200, 200, 301, 304, 403, 404, 410, 500};
  const char* users[] = {"-", "-", "frank", "alice"};
  uint64_t lw = 0, ln = 0;
  while (lw < target / 4) {
    char line[256];
    int len = std::snprintf(line, sizeof line, "10.%d.%d.%d - %s [27/Nov/2026:%02d:%02d:%02d +0000] \"GET %s HTTP/1.1\" %d %d\n",
                            static_cast<int>(rng() % 256), static_cast<int>(rng() % 256), static_cast<int>(rng() % 256),
                            users[rng() % 4], static_cast<int>(ln / 3600 % 24), static_cast<int>(ln / 60 % 60),
                            static_cast<int>(ln % 60), paths[rng() % 6], statuses[rng() % 10],
                            static_cast<int>(rng() % 50000));
    log.write(line, len);
    lw += static_cast<uint64_t>(len);
    ++ln;
  }
  std::cout << "access.log: " << ln << " lines, " << lw << " bytes\n";
  return 0;
}
