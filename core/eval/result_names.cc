// The result schema's names for the explanation tree's enums (result_names.h).
#include "result_names.h"

namespace cwlf {

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::True: return "true";
    case Outcome::False: return "false";
    case Outcome::Skipped: return "skipped";
  }
  return "skipped";
}

const char* found_name(Found f) {
  switch (f) {
    case Found::NotApplicable: return nullptr;
    case Found::Missing: return "missing";
    case Found::Null: return "null";
    case Found::Boolean: return "boolean";
    case Found::Object: return "object";
    case Found::Array: return "array";
    case Found::String: return "string";
    case Found::Number: return "number";
    case Found::Text: return "text";
  }
  return nullptr;
}

const char* explain_kind_name(ExplainKind k) {
  switch (k) {
    case ExplainKind::MatchAll: return "match-all";
    case ExplainKind::NotJson: return "not-json";
    case ExplainKind::And: return "and";
    case ExplainKind::Or: return "or";
    case ExplainKind::Condition: return "condition";
    case ExplainKind::Terms: return "terms";
    case ExplainKind::Term: return "term";
    case ExplainKind::Fields: return "fields";
    case ExplainKind::Field: return "field";
  }
  return "condition";
}

}  // namespace cwlf
