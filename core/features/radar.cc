// The silent-miss radar and scope leaks (radar.h).
#include "radar.h"

#include "cwlf/i18n.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "cloudtrail.h"
#include "expr_walk.h"
#include "json_doc.h"

namespace cwlf {

namespace {

bool is_negative(const ExprNode& n) {
  return n.kind == ExprKind::Condition &&
         (n.condition == ConditionKind::NotExists || (n.condition == ConditionKind::Compare && n.op == CompareOp::Ne));
}

// Whether every condition under `root` is a `!=` or a `NOT EXISTS`.
bool all_negative(const Pattern& p, uint32_t root) {
  struct Visitor : detail::TreeVisitor {
    const Pattern& p;
    bool ok = true;
    explicit Visitor(const Pattern& pattern) : p(pattern) {}
    bool enter(uint32_t node, uint32_t) {
      if (p.nodes[node].kind == ExprKind::Condition && !is_negative(p.nodes[node])) ok = false;
      return ok;
    }
  } v(p);
  detail::walk_expr(p, root, v);
  return v.ok;
}

// The operands of the top-level `&&` chain, nested `&&` groups flattened
// (an explicit stack: the nesting follows the user's parentheses).
std::vector<uint32_t> conjuncts(const Pattern& p) {
  std::vector<uint32_t> out;
  if (p.root >= p.nodes.size() || p.nodes[p.root].kind != ExprKind::And) return out;
  std::vector<uint32_t> stack{p.root};
  while (!stack.empty()) {
    const uint32_t n = stack.back();
    stack.pop_back();
    const ExprNode& node = p.nodes[n];
    if (node.kind == ExprKind::And) {
      for (auto it = node.operands.rbegin(); it != node.operands.rend(); ++it)
        if (*it < p.nodes.size()) stack.push_back(*it);
    } else {
      out.push_back(n);
    }
  }
  return out;
}

std::string_view slice(const std::string& text, Span s) {
  if (s.offset > text.size()) return {};
  return std::string_view(text).substr(s.offset, s.length);
}

// A copy of `p` whose root is `root`, or a new `&&` of `operands`.
std::shared_ptr<const Pattern> rooted(const Pattern& p, const std::vector<uint32_t>& operands) {
  auto out = std::make_shared<Pattern>(p);
  if (operands.size() == 1) {
    out->root = operands[0];
  } else {
    ExprNode all;
    all.kind = ExprKind::And;
    all.operands = operands;
    all.span = p.nodes[p.root].span;
    out->nodes.push_back(std::move(all));
    out->root = static_cast<uint32_t>(out->nodes.size() - 1);
  }
  return out;
}

bool is_selector(const Selector& s, std::string_view member) {
  return s.steps.size() == 1 && s.steps[0].kind == StepKind::Member && s.steps[0].name == member;
}

// Every literal `$.eventName = name` of the pattern, and whether it reads
// `$.eventName` / `$.eventSource` at all.
struct NameUse {
  std::vector<std::string> names;
  bool reads_name = false;
  bool reads_source = false;
};
NameUse name_use(const Pattern& p) {
  NameUse use;
  for (const ExprNode& n : p.nodes) {
    if (n.kind != ExprKind::Condition) continue;
    if (is_selector(n.selector, "eventSource")) use.reads_source = true;
    if (!is_selector(n.selector, "eventName")) continue;
    use.reads_name = true;
    if (n.condition == ConditionKind::Compare && n.op == CompareOp::Eq && n.value.kind == ValueKind::String &&
        !n.value.prefix_wildcard && !n.value.suffix_wildcard)
      use.names.push_back(n.value.text);
  }
  return use;
}

// What a `!=` found instead of a string or number, as a clause of radar.silent.
std::string found_words(Found f) {
  switch (f) {
    case Found::Missing: return say("radar.found.missing");
    case Found::Null: return say("radar.found.null");
    case Found::Boolean: return say("radar.found.boolean");
    case Found::Object: return say("radar.found.object");
    case Found::Array: return say("radar.found.array");
    default: return "";
  }
}

}  // namespace

// The CIS alarms' event names and the service each belongs to. A name in
// several services (IAM's and Organizations' CreatePolicy) is listed with the
// one an alarm naming it without an eventSource most often means.
const char* known_event_source(std::string_view name) {
  static const std::map<std::string_view, const char*> kTable = [] {
    std::map<std::string_view, const char*> t;
    auto add = [&t](const char* source, std::initializer_list<const char*> names) {
      for (const char* n : names) t.emplace(n, source);
    };
    add("iam.amazonaws.com",
        {"DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy",
         "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
         "SetDefaultPolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
         "AttachGroupPolicy", "DetachGroupPolicy", "CreateAccessKey", "CreateUser", "DeleteUser",
         "CreateLoginProfile", "UpdateLoginProfile", "UpdateAssumeRolePolicy"});
    add("cloudtrail.amazonaws.com", {"CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"});
    add("signin.amazonaws.com", {"ConsoleLogin"});
    add("kms.amazonaws.com", {"DisableKey", "ScheduleKeyDeletion"});
    add("config.amazonaws.com",
        {"StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"});
    add("s3.amazonaws.com",
        {"PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
         "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"});
    add("ec2.amazonaws.com",
        {"AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
         "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup", "CreateNetworkAcl",
         "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry",
         "ReplaceNetworkAclAssociation", "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
         "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway", "CreateRoute",
         "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute",
         "DisassociateRouteTable", "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
         "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
         "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink"});
    return t;
  }();
  const auto it = kTable.find(name);
  return it == kTable.end() ? nullptr : it->second;
}

Radar::Radar(std::shared_ptr<const Pattern> pattern) : pattern_(std::move(pattern)) {
  if (!pattern_ || pattern_->family != PatternFamily::Json) return;
  const Pattern& p = *pattern_;
  const NameUse use = name_use(p);
  scope_open_ = use.reads_name && !use.reads_source;
  if (scope_open_) {
    // The service most of the named events belong to (the first such on a tie).
    std::map<std::string, size_t> votes;
    size_t best = 0;
    for (const std::string& name : use.names)
      if (const char* source = known_event_source(name)) {
        const size_t n = ++votes[source];
        if (n > best) {
          best = n;
          table_source_ = source;
        }
      }
  }
  std::vector<uint32_t> core;
  std::vector<uint32_t> exclusions;
  for (uint32_t c : conjuncts(p)) (all_negative(p, c) ? exclusions : core).push_back(c);
  if (core.empty() || exclusions.empty()) return;
  core_ = rooted(p, core);
  for (uint32_t c : exclusions) {
    exclusions_.push_back(rooted(p, {c}));
    exclusion_text_.emplace_back(slice(p.text, p.nodes[c].span));
  }
}

Drop Radar::check(const Event& event) const {
  if (!active() || event.error || !evaluate(*core_, event, false).matched) return {};
  return classify(event);
}

Drop Radar::classify(const Event& event) const {
  Drop excluded;
  for (size_t i = 0; i < exclusions_.size(); ++i) {
    const Pattern& x = *exclusions_[i];
    EventResult r = evaluate(x, event, true);
    if (r.matched || !r.explanation) continue;
    // Which `!=` / NOT EXISTS conditions were false, and what they found.
    for (const ExplainNode& node : r.explanation->nodes) {
      if (node.kind != ExplainKind::Condition || node.outcome != Outcome::False) continue;
      const ExprNode* cond = nullptr;
      for (const ExprNode& n : x.nodes)
        if (n.kind == ExprKind::Condition && n.span.offset == node.pattern_span.offset &&
            n.span.length == node.pattern_span.length)
          cond = &n;
      if (!cond) continue;
      const std::string field(slice(x.text, cond->selector.span));
      const bool silent = cond->condition == ConditionKind::Compare && node.found != Found::String &&
                          node.found != Found::Number;
      if (silent) {
        Drop d;
        d.kind = DropKind::Silent;
        d.exclusion = exclusion_text_[i];
        d.field = field;
        d.found = node.found;
        d.reason = say("radar.silent", {{"exclusion", d.exclusion}, {"field", field}, {"found", found_words(node.found)}});
        return d;  // a silent drop is what the radar is for: it wins over an excluded value
      }
      if (excluded.kind == DropKind::None) {
        excluded.kind = DropKind::Excluded;
        excluded.exclusion = exclusion_text_[i];
        excluded.field = field;
        excluded.found = node.found;
        excluded.found_text = node.found_text;
        excluded.reason =
            cond->condition == ConditionKind::NotExists
                ? say("radar.excluded.exists", {{"exclusion", excluded.exclusion}, {"field", field}})
                : say("radar.excluded.value",
                      {{"exclusion", excluded.exclusion}, {"field", field}, {"value", node.found_text}});
      }
    }
  }
  return excluded;
}

std::string identity_type_of(const Event& event) {
  std::string type = event.json ? identity_type(*event.json) : "";
  return type.empty() ? kNoIdentityType : type;
}

RadarReport radar_events(const Radar& radar, const std::vector<Event>& events,
                         const std::vector<EventResult>& results) {
  RadarReport report;
  report.active = radar.active();
  report.scope_open = radar.scope_open();
  report.exclusions = radar.exclusions();
  const size_t n = std::min(events.size(), results.size());
  if (report.active)
    for (size_t i = 0; i < n; ++i) {
      if (!results[i].tested || results[i].matched) continue;
      Drop d = radar.check(events[i]);
      if (d.kind != DropKind::None) report.drops.emplace_back(static_cast<uint32_t>(i), std::move(d));
    }
  if (!report.scope_open) return report;
  // The matching events' (eventName, eventSource), read once.
  std::vector<std::pair<uint32_t, std::pair<std::string, std::string>>> matched;
  std::map<std::string, size_t> sources;
  for (size_t i = 0; i < n; ++i) {
    if (!results[i].matched || !events[i].json || events[i].json->nodes.empty()) continue;
    const JsonDoc& doc = *events[i].json;
    std::string source = string_member(doc, 0, "eventSource");
    if (source.empty()) continue;
    ++sources[source];
    matched.push_back({static_cast<uint32_t>(i), {string_member(doc, 0, "eventName"), std::move(source)}});
  }
  report.expected_source = radar.table_source();
  report.expected_from_table = !report.expected_source.empty();
  if (!report.expected_from_table) {
    // The eventSource most matching events have; a tie tells nothing.
    size_t best = 0, second = 0;
    for (const auto& [source, count] : sources) {
      if (count > best) {
        second = best;
        best = count;
        report.expected_source = source;
      } else if (count > second) {
        second = count;
      }
    }
    if (best == second) report.expected_source.clear();
  }
  if (report.expected_source.empty()) return report;
  for (auto& [index, name_source] : matched) {
    if (name_source.second == report.expected_source) continue;
    ScopeLeak leak;
    leak.event_name = name_source.first;
    leak.event_source = name_source.second;
    leak.expected = report.expected_source;
    leak.reason = leak.event_name.empty()
                      ? say("radar.leak.unnamed", {{"source", leak.event_source}, {"expected", leak.expected}})
                      : say("radar.leak.named",
                            {{"name", leak.event_name}, {"source", leak.event_source}, {"expected", leak.expected}});
    report.leaks.emplace_back(index, std::move(leak));
  }
  return report;
}

}  // namespace cwlf
