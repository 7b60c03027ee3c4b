// Turning a chosen class per selector into an event, and checking it.
//
// Minimal JSON holds just the selectors' values (containers created on the
// way, earlier array elements filled with 0). With a sample event, only the
// selectors whose class differs from the sample's own value are edited; a
// CloudTrail caller without `userIdentity.sessionContext` is made the way
// CloudTrail writes one (an IAM user's event has no sessionContext at all).
// Numbers keep the exact spelling chosen (it matters: `= "1"` reads the
// spelling), by passing them through the writer as marked strings.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "eval_internal.h"
#include "events.h"
#include "proof_internal.h"

namespace cwlf::proof {

namespace {

using rapidjson::Document;
using rapidjson::Value;

const char kNumberMark[] = "\x01#";

Value make_value(const Candidate& c, Document::AllocatorType& al) {
  Value v;
  switch (c.kind) {
    case Candidate::Kind::Missing:
    case Candidate::Kind::Null: v.SetNull(); break;
    case Candidate::Kind::True: v.SetBool(true); break;
    case Candidate::Kind::False: v.SetBool(false); break;
    case Candidate::Kind::String: v.SetString(c.text.data(), static_cast<rapidjson::SizeType>(c.text.size()), al); break;
    case Candidate::Kind::Number: {
      std::string marked = kNumberMark + c.text;
      v.SetString(marked.data(), static_cast<rapidjson::SizeType>(marked.size()), al);
      break;
    }
    case Candidate::Kind::Object: v.SetObject(); break;
    case Candidate::Kind::Array: v.SetArray(); break;
    case Candidate::Kind::ArrayWithNull: {
      v.SetArray();
      Value n;
      v.PushBack(n, al);
      break;
    }
  }
  return v;
}

// The value at `steps`, creating containers on the way; nullptr if `create` is false and it is missing.
Value* walk(Document& doc, const std::vector<SelectorStep>& steps, bool create) {
  Document::AllocatorType& al = doc.GetAllocator();
  Value* cur = &doc;
  for (size_t i = 0; i < steps.size(); ++i) {
    const SelectorStep& s = steps[i];
    bool last = i + 1 == steps.size();
    Value* next = nullptr;
    if (s.kind == StepKind::Member) {
      if (!cur->IsObject()) {
        if (!create) return nullptr;
        cur->SetObject();
      }
      auto it = cur->FindMember(Value(s.name.data(), static_cast<rapidjson::SizeType>(s.name.size())));
      if (it == cur->MemberEnd()) {
        if (!create) return nullptr;
        Value key(s.name.data(), static_cast<rapidjson::SizeType>(s.name.size()), al);
        cur->AddMember(key, Value(rapidjson::kObjectType), al);
        it = cur->MemberEnd() - 1;
      }
      next = &it->value;
    } else {
      if (!cur->IsArray()) {
        if (!create) return nullptr;
        cur->SetArray();
      }
      if (s.index >= cur->Size()) {
        if (!create) return nullptr;
        if (s.index > 10000) return nullptr;
        while (cur->Size() <= s.index) cur->PushBack(Value(0), al);
      }
      next = &(*cur)[s.index];
    }
    if (!last && create) {
      bool want_array = steps[i + 1].kind == StepKind::Index;
      if (want_array && !next->IsArray()) next->SetArray();
      if (!want_array && !next->IsObject()) next->SetObject();
    }
    cur = next;
  }
  return cur;
}

// Removes the value at `steps`; true if there was one.
bool remove(Document& doc, const std::vector<SelectorStep>& steps) {
  if (steps.empty()) return false;
  std::vector<SelectorStep> up(steps.begin(), steps.end() - 1);
  Value* parent = up.empty() ? static_cast<Value*>(&doc) : walk(doc, up, false);
  if (!parent) return false;
  const SelectorStep& s = steps.back();
  if (s.kind == StepKind::Member && parent->IsObject())
    return parent->RemoveMember(Value(s.name.data(), static_cast<rapidjson::SizeType>(s.name.size())));
  if (s.kind == StepKind::Index && parent->IsArray() && s.index < parent->Size()) {
    while (parent->Size() > s.index) parent->PopBack();
    return true;
  }
  return false;
}

// CloudTrail writes no sessionContext for IAM users and root: removing a
// field under it removes sessionContext itself and makes the caller an IAM user.
bool cloudtrail_missing(Document& doc, const std::vector<SelectorStep>& steps) {
  if (steps.size() < 3 || steps[0].kind != StepKind::Member || steps[0].name != "userIdentity" ||
      steps[1].kind != StepKind::Member || steps[1].name != "sessionContext")
    return false;
  Value* ui = walk(doc, {steps[0]}, false);
  if (!ui || !ui->IsObject() || !ui->HasMember("sessionContext")) return false;
  ui->RemoveMember("sessionContext");
  auto t = ui->FindMember("type");
  if (t != ui->MemberEnd() && t->value.IsString() && std::string(t->value.GetString()) == "AssumedRole")
    t->value.SetString("IAMUser", doc.GetAllocator());
  return true;
}

std::string serialize(const Document& doc) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  doc.Accept(w);
  std::string s = buf.GetString();
  // "\u0001#<spelling>" -> <spelling>
  const std::string mark = "\"\\u0001#";
  std::string out;
  size_t at = 0;
  while (true) {
    size_t m = s.find(mark, at);
    if (m == std::string::npos) break;
    size_t end = s.find('"', m + mark.size());
    if (end == std::string::npos) break;
    out.append(s, at, m - at);
    out.append(s, m + mark.size(), end - m - mark.size());
    at = end + 1;
  }
  out.append(s, at, std::string::npos);
  return out;
}

}  // namespace

std::optional<std::string> build_event(const Space& space, const Assignment& as, const std::string* sample_json) {
  Document doc;
  if (sample_json) {
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(sample_json->data(),
                                                                                   sample_json->size());
    if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  } else {
    doc.SetObject();
  }
  for (size_t i = 0; i < space.selectors.size(); ++i) {
    if (as[i] < 0) continue;
    const SelectorSpace& s = space.selectors[i];
    const Candidate& c = s.candidates[static_cast<size_t>(as[i])];
    if (c.from_sample) continue;  // the sample's own value: no edit
    if (c.kind == Candidate::Kind::Missing) {
      if (sample_json && !cloudtrail_missing(doc, s.steps)) remove(doc, s.steps);
      continue;
    }
    Value* v = walk(doc, s.steps, true);
    if (!v) return std::nullopt;
    *v = make_value(c, doc.GetAllocator());
  }
  // Arrays chosen to hold null keep one after their elements were filled in.
  for (size_t i = 0; i < space.selectors.size(); ++i) {
    if (as[i] < 0) continue;
    const SelectorSpace& s = space.selectors[i];
    if (s.candidates[static_cast<size_t>(as[i])].kind != Candidate::Kind::ArrayWithNull) continue;
    Value* v = walk(doc, s.steps, false);
    if (!v || !v->IsArray()) continue;
    bool has_null = false;
    for (auto& e : v->GetArray()) has_null = has_null || e.IsNull();
    if (!has_null) v->PushBack(Value(), doc.GetAllocator());
  }
  return serialize(doc);
}

std::optional<std::string> remove_field(const std::string& message, const std::vector<SelectorStep>& steps) {
  Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(message.data(), message.size());
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  remove(doc, steps);
  return serialize(doc);
}

Verdicts check_event(const Pattern& a, const Pattern& b, const std::string& message, int want_a, int want_b) {
  Verdicts v;
  Event ev = event_from_message(message);
  EventResult ra = evaluate(a, ev, true), rb = evaluate(b, ev, true);
  v.a = ra.matched;
  v.b = rb.matched;
  auto decided = [](const Pattern& p, const EventResult& r, std::string& shown, std::string& reasons,
                    std::string& key) {
    if (!r.explanation) return;
    for (const ExplainNode& n : r.explanation->nodes) {
      if (!n.decisive || n.outcome == Outcome::Skipped) continue;
      if (n.kind == ExplainKind::And || n.kind == ExplainKind::Or || n.kind == ExplainKind::Terms ||
          n.kind == ExplainKind::Fields)
        continue;
      if (!shown.empty()) shown += "; ";
      std::string_view text = detail::slice(p.text, n.pattern_span);
      shown += text.empty() ? std::string_view("(the empty pattern)") : text;
      shown += n.outcome == Outcome::True ? " (true)" : " (false)";
      if (!reasons.empty()) reasons += " ";
      reasons += n.reason;
      key += std::to_string(n.pattern_span.offset) + ":" + std::to_string(static_cast<int>(n.found)) + ";";
    }
  };
  std::string ra_reason, rb_reason, ka, kb;
  decided(a, ra, v.a_decided, ra_reason, ka);
  decided(b, rb, v.b_decided, rb_reason, kb);
  // The side that does not match says why the two differ; when both match, A's reasons.
  if (want_a == 1 && want_b == 0) v.reason = "B: " + rb_reason, v.key = kb;
  else if (want_a == 0 && want_b == 1) v.reason = "A: " + ra_reason, v.key = ka;
  else v.reason = "A: " + ra_reason + " B: " + rb_reason, v.key = ka + "|" + kb;
  return v;
}

}  // namespace cwlf::proof
