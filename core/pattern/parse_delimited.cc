// Space-delimited patterns: `[ field, field, ... ]`.
//
//   field := '...' | name | expr | (nothing)
//   expr  := conditions `name op value` joined by && / || with parentheses,
//            all on the same name
//
// Choices where AWS is silent (see the report to docs/semantics.md):
//  * field names are [A-Za-z0-9_-]+ (CDK's validColumnName), case-sensitive
//    when checking for duplicates;
//  * `[]` and `[ ]` have no fields; after a comma there is always a field, so
//    `[a,]` is a, Empty and `[,]` is Empty, Empty;
//  * IS NULL / NOT EXISTS and `null` are JSON-only: in a space-delimited
//    pattern `null` is an ordinary word;
//  * nothing but blanks may follow the closing ']'.
#include <string>
#include <utility>

#include "cwlf/i18n.h"
#include "parse_internal.h"

namespace cwlf {
namespace parse {

namespace {

Span span_of(size_t start, size_t end) {
  return Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)};
}

size_t name_end(std::string_view text, size_t pos) {
  while (pos < text.size() && is_name_char(text[pos])) ++pos;
  return pos;
}

bool is_field_end(const ParseContext& ctx, size_t pos) {
  char c = ctx.at(pos);
  return ctx.at_end(pos) || c == ',' || c == ']';
}

class DelimitedSyntax : public ConditionSyntax {
 public:
  bool ends_expression(const ParseContext& ctx, size_t pos) const override { return is_field_end(ctx, pos); }
  std::string end_description() const override { return say("parse.end.fields"); }

  bool parse_condition(ParseContext& ctx, size_t& pos, uint32_t& node_index) override {
    std::string_view text = ctx.text;
    const size_t start = pos;
    size_t e = name_end(text, pos);
    if (e == pos) {
      return ctx.fail("expected-field-name", kAwsInvalidPattern,
                      say("parse.fields.name-expected", {{"found", describe_found(text, pos)}}),
                      pos, char_length(text, pos));
    }
    ExprNode node;
    node.kind = ExprKind::Condition;
    node.condition = ConditionKind::Compare;
    node.field_name.assign(text.substr(pos, e - pos));
    pos = skip_space(text, e);
    if (!is_operator_start(ctx.at(pos))) {
      if (is_field_end(ctx, pos) || ctx.at(pos) == ')' || ctx.at(pos) == '&' || ctx.at(pos) == '|') {
        return ctx.fail("expected-operator", kAwsInvalidPattern,
                        say("parse.fields.operator-in-expression", {{"field", node.field_name}}),
                        start, e - start);
      }
      if (pos == e && !ctx.at_end(pos)) {
        return ctx.fail("invalid-field-name", kAwsInvalidPattern,
                        say("parse.fields.bad-name-char", {{"char", describe_char(text, pos)}}),
                        pos, char_length(text, pos));
      }
      return ctx.fail("expected-operator", kAwsInvalidPattern,
                      say("parse.fields.operator-expected", {{"field", node.field_name}, {"found", describe_found(text, pos)}}),
                      pos, char_length(text, pos));
    }
    if (!parse_compare_op(ctx, pos, node.op, node.op_span)) return false;
    if (!parse_value(ctx, pos, node.op, node.op_span, ValueContext::Delimited, node.value)) return false;
    node.span = span_of(start, pos);
    ctx.pattern.nodes.push_back(std::move(node));
    node_index = static_cast<uint32_t>(ctx.pattern.nodes.size() - 1);
    return true;
  }
};

}  // namespace

bool parse_delimited(ParseContext& ctx, size_t pos) {
  std::string_view text = ctx.text;
  Pattern& pat = ctx.pattern;
  const size_t open = pos;
  pos = skip_space(text, pos + 1);
  bool have_ellipsis = false;
  if (ctx.at(pos) != ']') {
    while (true) {
      pos = skip_space(text, pos);
      const size_t start = pos;
      Field field;
      if (ctx.at_end(pos)) {
        return ctx.fail("missing-closing-bracket", kAwsInvalidPattern, say("parse.fields.unclosed"), text.size(), 0);
      }
      const char c = text[pos];
      if (c == ',' || c == ']') {
        field.kind = FieldKind::Empty;
        field.span = span_of(pos, pos);
      } else if (c == '.' && ctx.at(pos + 1) == '.' && ctx.at(pos + 2) == '.') {
        pos += 3;
        if (!is_field_end(ctx, skip_space(text, pos))) {
          size_t p = skip_space(text, pos);
          return ctx.fail("expected-comma", kAwsInvalidPattern,
                          say("parse.fields.after-ellipsis", {{"found", describe_found(text, p)}}), p,
                          char_length(text, p));
        }
        if (have_ellipsis) {
          return ctx.fail("duplicate-field", "Duplicate field '...'",
                          say("parse.fields.second-ellipsis"), start, 3);
        }
        have_ellipsis = true;
        field.kind = FieldKind::Ellipsis;
        field.span = span_of(start, pos);
      } else {
        // A bare name, or an expression of conditions on one name.
        size_t e = name_end(text, pos);
        size_t after = skip_space(text, e);
        if (e > pos && is_field_end(ctx, after)) {
          field.kind = FieldKind::Named;
          field.name.assign(text.substr(pos, e - pos));
          field.span = span_of(pos, e);
          pos = e;
        } else {
          const size_t first_node = pat.nodes.size();
          DelimitedSyntax syntax;
          uint32_t root = 0;
          if (!parse_expression(ctx, syntax, pos, root)) return false;
          // Every condition must test the same field.
          const ExprNode* first = nullptr;
          for (size_t i = first_node; i < pat.nodes.size(); ++i) {
            const ExprNode& n = pat.nodes[i];
            if (n.kind != ExprKind::Condition) continue;
            if (!first) {
              first = &n;
            } else if (n.field_name != first->field_name) {
              return ctx.fail("cross-field-condition", kAwsInvalidPattern,
                              say("parse.fields.cross-field", {{"field", n.field_name}, {"first", first->field_name}}),
                              n.span.offset, static_cast<uint32_t>(n.field_name.size()));
            }
          }
          field.kind = FieldKind::Named;
          field.name = first ? first->field_name : std::string();
          field.expr = root;
          field.span = pat.nodes[root].span;
        }
        for (const Field& f : pat.fields) {
          if (f.kind == FieldKind::Named && f.name == field.name) {
            return ctx.fail("duplicate-field", "Duplicate field '" + field.name + "'",
                            say("parse.fields.duplicate", {{"field", field.name}}),
                            field.span.offset, field.span.length);
          }
        }
      }
      pat.fields.push_back(std::move(field));
      pos = skip_space(text, pos);
      if (ctx.at(pos) == ',') {
        ++pos;
        continue;
      }
      if (ctx.at(pos) == ']') break;
      if (ctx.at_end(pos)) {
        return ctx.fail("missing-closing-bracket", kAwsInvalidPattern, say("parse.fields.unclosed"), text.size(), 0);
      }
      return ctx.fail("expected-comma", kAwsInvalidPattern,
                      say("parse.fields.comma-expected", {{"found", describe_found(text, pos)}}),
                      pos, char_length(text, pos));
    }
  }
  (void)open;
  size_t after = skip_space(text, pos + 1);
  if (after < text.size()) {
    return ctx.fail("text-after-fields", kAwsInvalidPattern,
                    say("parse.fields.text-after"),
                    after, text.size() - after);
  }
  return true;
}

}  // namespace parse
}  // namespace cwlf
