// Private to the evaluator: the pieces each pattern family's evaluator shares.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate.h"

namespace cwlf::detail {

// Builds the explanation while evaluating; with `enabled` false every call is
// a cheap no-op, so the fast path and the explained path are the same code.
class ExplainBuilder {
 public:
  explicit ExplainBuilder(bool enabled) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }
  // Adds a node and returns its index (UINT32_MAX when disabled).
  uint32_t add(ExplainKind kind, Span pattern_span, uint32_t parent);
  ExplainNode* at(uint32_t i) { return enabled_ && i < nodes_.size() ? &nodes_[i] : nullptr; }
  // Marks decisive nodes from the root down (see evaluate.h).
  Explanation finish();

 private:
  bool enabled_;
  std::vector<ExplainNode> nodes_;
};

// Text helpers for reasons: a pattern excerpt or value in backticks, cut to a
// readable length.
std::string quote_code(std::string_view s, size_t max_len = 120);
std::string cut(std::string_view s, size_t max_len = 200);
std::string_view slice(std::string_view text, Span s);
const char* outcome_word(bool b);

// Does `text` satisfy `op value` for a scalar? `is_number` says whether the
// text is a JSON number's spelling (or a delimited token that reads as one).
// Shared by JSON conditions and delimited field conditions.
bool compare_scalar(const Pattern& p, const ExprNode& cond, std::string_view text, bool is_number);
bool is_numeric_token(std::string_view text);

// Short-circuit evaluation of the &&/|| tree under `root`; `condition(i)`
// evaluates condition node i. Fills `outcome` (sized p.nodes.size()).
bool evaluate_expr(const Pattern& p, uint32_t root, const std::function<bool(uint32_t)>& condition,
                   std::vector<Outcome>& outcome);
// Adds explanation nodes mirroring the tree under `root` below `parent`;
// explain_of[i] receives the explanation index of pattern node i.
void mirror_expr(const Pattern& p, uint32_t root, uint32_t parent, ExplainBuilder& ex,
                 std::vector<uint32_t>& explain_of);
// Copies outcomes into the mirrored nodes and writes the &&/|| reasons.
void finish_expr(const Pattern& p, const std::vector<uint32_t>& explain_of, const std::vector<Outcome>& outcome,
                 ExplainBuilder& ex);

bool evaluate_json(const Pattern& p, const Event& e, ExplainBuilder& ex);
bool evaluate_terms(const Pattern& p, const Event& e, ExplainBuilder& ex);
bool evaluate_delimited(const Pattern& p, const Event& e, ExplainBuilder& ex,
                        std::vector<std::pair<std::string, std::string>>* extracted);
// The number of fields a space-delimited pattern sees in `message` (tokenised
// as in docs/semantics.md); the lint checks compare it with the pattern's fields.
size_t delimited_token_count(std::string_view message);

}  // namespace cwlf::detail
