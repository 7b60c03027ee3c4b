// Tests of compile_pattern: the AST of every accepted form, limits and robustness.
// The code, AWS wording and position of every rejection are rows of the golden
// conformance table (tests/data/conformance/rejections.test).
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "resource_limits.h"
#include "pattern.h"

using namespace cwlf;

namespace {

// ---- a compact, canonical dump of the AST (test-only; recursion is fine here) ----

std::string dump_value(const Value& v) {
  switch (v.kind) {
    case ValueKind::AnyValue: return v.quoted ? "ANYq" : "ANY";
    case ValueKind::Number: return "N(" + v.text + ")";
    case ValueKind::Regex: return "RE'" + v.text + "'#" + std::to_string(v.regex);
    case ValueKind::String: {
      std::string s = v.quoted ? "Sq" : "S";
      if (v.prefix_wildcard) s += "*";
      s += "'" + v.text + "'";
      if (v.suffix_wildcard) s += "*";
      return s;
    }
  }
  return "?";
}

std::string dump_selector(const Selector& sel) {
  std::string s = "$";
  for (const SelectorStep& st : sel.steps) {
    switch (st.kind) {
      case StepKind::Member: {
        bool plain = !st.name.empty();
        for (char c : st.name)
          if (!(isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) plain = false;
        s += plain ? "." + st.name : ".['" + st.name + "']";
        break;
      }
      case StepKind::Index: s += "[" + std::to_string(st.index) + "]"; break;
      case StepKind::Wildcard: s += "[*]"; break;
    }
  }
  return s;
}

std::string dump_node(const Pattern& p, uint32_t i) {
  const ExprNode& n = p.nodes.at(i);
  if (n.kind != ExprKind::Condition) {
    std::string s = n.kind == ExprKind::And ? "And(" : "Or(";
    for (size_t k = 0; k < n.operands.size(); ++k) {
      if (k) s += ", ";
      s += dump_node(p, n.operands[k]);
    }
    return s + ")";
  }
  std::string s = n.field_name.empty() ? dump_selector(n.selector) : n.field_name;
  switch (n.condition) {
    case ConditionKind::IsNull: return s + " IS NULL";
    case ConditionKind::IsTrue: return s + " IS TRUE";
    case ConditionKind::IsFalse: return s + " IS FALSE";
    case ConditionKind::NotExists: return s + " NOT EXISTS";
    case ConditionKind::Compare: break;
  }
  return s + " " + compare_op_text(n.op) + " " + dump_value(n.value);
}

std::string dump(const Pattern& p) {
  std::string s = family_name(p.family);
  s += ": ";
  switch (p.family) {
    case PatternFamily::MatchAll: return "match-all";
    case PatternFamily::Terms:
      for (size_t i = 0; i < p.terms.size(); ++i) {
        const Term& t = p.terms[i];
        if (i) s += " ";
        s += t.kind == TermKind::Required ? "+" : t.kind == TermKind::Optional ? "?" : "-";
        if (t.quoted) s += "q";
        if (t.regex >= 0) s += "r";
        s += "'" + t.text + "'";
      }
      return s;
    case PatternFamily::Json: return s + dump_node(p, p.root);
    case PatternFamily::Delimited:
      s += "[";
      for (size_t i = 0; i < p.fields.size(); ++i) {
        const Field& f = p.fields[i];
        if (i) s += ", ";
        if (f.kind == FieldKind::Ellipsis) s += "...";
        else if (f.kind == FieldKind::Empty) s += "_";
        else {
          s += f.name;
          if (f.expr != UINT32_MAX) s += "{" + dump_node(p, f.expr) + "}";
        }
      }
      return s + "]";
  }
  return s;
}

std::shared_ptr<const Pattern> compile_ok(const std::string& text) {
  CompileResult r = compile_pattern(text);
  INFO("pattern: " << text);
  if (r.error) {
    INFO("unexpected error " << r.error->code << " @" << r.error->span.offset << "+" << r.error->span.length
                             << ": " << r.error->aws_message << " | " << r.error->message);
    FAIL("pattern rejected");
  }
  REQUIRE(r.pattern);
  return r.pattern;
}

Span sp(uint32_t o, uint32_t l) { return Span{o, l}; }


// Checks the structural invariants every accepted pattern must satisfy.
void check_invariants(const Pattern& p) {
  const uint32_t n = static_cast<uint32_t>(p.text.size());
  auto in_text = [&](Span s) { return s.offset <= n && s.length <= n - s.offset; };
  for (const Term& t : p.terms) {
    CHECK(in_text(t.span));
    if (t.regex >= 0) CHECK(static_cast<size_t>(t.regex) < p.regexes.size());
  }
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const ExprNode& e = p.nodes[i];
    CHECK(in_text(e.span));
    for (uint32_t o : e.operands) CHECK(o < i);  // children precede parents: the tree is acyclic
    if (e.kind != ExprKind::Condition) CHECK(e.operands.size() >= 2);
    if (e.value.kind == ValueKind::Regex) CHECK(static_cast<size_t>(e.value.regex) < p.regexes.size());
  }
  if (p.family == PatternFamily::Json) CHECK(p.root < p.nodes.size());
  for (const Field& f : p.fields) {
    CHECK(in_text(f.span));
    if (f.expr != UINT32_MAX) CHECK(f.expr < p.nodes.size());
  }
  CHECK(p.regexes.size() <= kMaxRegexesPerPattern);
}

struct Accept {
  const char* pattern;
  const char* ast;
};


void check_accepts(const std::vector<Accept>& cases) {
  for (const Accept& c : cases) {
    auto p = compile_ok(c.pattern);
    INFO("pattern: " << c.pattern);
    CHECK(dump(*p) == c.ast);
    check_invariants(*p);
  }
}


}  // namespace

// =====================================================================================
// Dispatch, match-all and the length limit
// =====================================================================================

TEST_CASE("dispatch on the first non-blank character", "[pattern]") {
  check_accepts({
      {"", "match-all"},
      {"   ", "match-all"},
      {" \t\r\n ", "match-all"},
      {"ERROR", "terms: +'ERROR'"},
      {"  \n ERROR", "terms: +'ERROR'"},
      {"{ $.a = 1 }", "json: $.a = N(1)"},
      {"\n\t{ $.a = 1 }\n", "json: $.a = N(1)"},
      {"[a]", "space-delimited: [a]"},
      {"  [a]  ", "space-delimited: [a]"},
  });
  CHECK(compile_ok("")->family == PatternFamily::MatchAll);
  CHECK(compile_ok("x")->family == PatternFamily::Terms);
  CHECK(compile_ok("{$.x=1}")->family == PatternFamily::Json);
  CHECK(compile_ok("[]")->family == PatternFamily::Delimited);
  CHECK(compile_ok("x")->text == "x");
}

TEST_CASE("family_name and compare_op_text", "[pattern]") {
  CHECK(std::string(family_name(PatternFamily::MatchAll)) == "match-all");
  CHECK(std::string(family_name(PatternFamily::Terms)) == "terms");
  CHECK(std::string(family_name(PatternFamily::Json)) == "json");
  CHECK(std::string(family_name(PatternFamily::Delimited)) == "space-delimited");
  CHECK(std::string(compare_op_text(CompareOp::Eq)) == "=");
  CHECK(std::string(compare_op_text(CompareOp::Ne)) == "!=");
  CHECK(std::string(compare_op_text(CompareOp::Lt)) == "<");
  CHECK(std::string(compare_op_text(CompareOp::Gt)) == ">");
  CHECK(std::string(compare_op_text(CompareOp::Le)) == "<=");
  CHECK(std::string(compare_op_text(CompareOp::Ge)) == ">=");
}

TEST_CASE("length limit counts code points, not bytes", "[pattern][limits]") {
  CHECK(compile_pattern(std::string(1024, 'a')).pattern);
  CHECK(compile_pattern(std::string(1024, ' ')).pattern);
  {
    CompileResult r = compile_pattern(std::string(1025, 'a'));
    REQUIRE(r.error);
    CHECK(r.error->code == "pattern-too-long");
    CHECK(r.error->aws_message == "Member must have length less than or equal to 1024");
    CHECK(r.error->span == sp(1024, 1));
  }
  // 1,024 two-byte characters inside quotes: 2,050 bytes but 1,024 characters.
  std::string quoted = "\"" + std::string() ;
  for (int i = 0; i < 1022; ++i) quoted += "\xC3\xA9";
  quoted += "\"";
  {
    CompileResult r = compile_pattern(quoted);
    REQUIRE(r.pattern);
    CHECK(r.pattern->terms.at(0).text.size() == 2044);
  }
  {
    CompileResult r = compile_pattern(quoted + " ");
    REQUIRE(r.error);
    CHECK(r.error->code == "pattern-too-long");
    CHECK(r.error->span == sp(static_cast<uint32_t>(quoted.size()), 1));
  }
  {  // checked before anything else, even when the text is also malformed
    CompileResult r = compile_pattern(std::string(50000, '{'));
    REQUIRE(r.error);
    CHECK(r.error->code == "pattern-too-long");
    CHECK(r.error->span == sp(1024, 50000 - 1024));
  }
}

TEST_CASE("text that is not valid UTF-8 is rejected", "[pattern][limits]") {
  struct Case {
    std::string text;
    uint32_t offset;
  };
  const std::vector<Case> cases = {
      {"a\xFF", 1},
      {"\"\xC3\"", 1},          // truncated two-byte sequence
      {"\"\xC0\xAF\"", 1},      // overlong '/'
      {"\"\xED\xA0\x80\"", 1},  // UTF-16 surrogate
      {"\"\xF4\x90\x80\x80\"", 1},  // above U+10FFFF
      {"{ $.a = \"\x80\" }", 9},
      {"\xE2\x82", 0},
  };
  for (const Case& c : cases) {
    CompileResult r = compile_pattern(c.text);
    REQUIRE(r.error);
    CHECK(r.error->code == "invalid-utf8");
    CHECK(r.error->aws_message.empty());
    CHECK(r.error->span == sp(c.offset, 1));
  }
  CHECK(compile_pattern("\"\xF0\x9F\x98\x80 \xE2\x82\xAC \xC3\xA9\"").pattern);
  // Stray bytes count as characters for the length check, which comes first.
  CompileResult r = compile_pattern(std::string(2000, '\x80'));
  REQUIRE(r.error);
  CHECK(r.error->code == "pattern-too-long");
  CHECK(r.error->span == sp(1024, 976));
}

// =====================================================================================
// Text terms
// =====================================================================================

TEST_CASE("text terms: accepted forms", "[pattern][terms]") {
  check_accepts({
      {"ERROR", "terms: +'ERROR'"},
      {"ERROR Exception", "terms: +'ERROR' +'Exception'"},
      {"  ERROR \t Exception\n", "terms: +'ERROR' +'Exception'"},
      {"?ERROR ?WARN", "terms: ?'ERROR' ?'WARN'"},
      {"?Error ?fatal", "terms: ?'Error' ?'fatal'"},
      {"ERROR -Exiting", "terms: +'ERROR' -'Exiting'"},
      {"-ERROR", "terms: -'ERROR'"},
      {"?ERROR ?ARGUMENTS REQUEST", "terms: ?'ERROR' ?'ARGUMENTS' +'REQUEST'"},
      {"\"ERROR Exception\"", "terms: +q'ERROR Exception'"},
      {"\"ERROR\" \"Exception\"", "terms: +q'ERROR' +q'Exception'"},
      {"\"[ERROR]\" Exception", "terms: +q'[ERROR]' +'Exception'"},
      {"?\"clean up\" ?xyz", "terms: ?q'clean up' ?'xyz'"},
      {"-\"a b\"", "terms: -q'a b'"},
      {"\" \"", "terms: +q' '"},  // observed: a one-space phrase, not match-all
      {"\"\"", "terms: +q''"},     // choice: empty phrase, found in every message
      {"\"ORDER-ITEM-1\"", "terms: +q'ORDER-ITEM-1'"},
      {"\"\\\"foo\\\" he said\"", "terms: +q'\"foo\" he said'"},  // CDK quoteTerm
      {"\"back\\\\slash\"", "terms: +q'back\\slash'"},
      {"\"keep \\n and \\t\"", "terms: +q'keep \\n and \\t'"},  // other escapes stay as written
      {"\"caf\xC3\xA9\"", "terms: +q'caf\xC3\xA9'"},
      {"\"%bar%\"", "terms: +q'%bar%'"},                  // a quoted regex is a literal
      {"\"ERR*\"", "terms: +q'ERR*'"},                    // a quoted * is literal in text terms
      {"\"{\\\"a\\\":1}\"", "terms: +q'{\"a\":1}'"},
      {"%ERROR|WARN%", "terms: +r'ERROR|WARN'"},
      {"%AUTHORIZED%", "terms: +r'AUTHORIZED'"},
      {"?%a% ?%b%", "terms: ?r'a' ?r'b'"},
      {"-%re%", "terms: -r're'"},
      {"%Task timed out after|^REPORT\\s.+\\sStatus: timeout%", "terms: +r'Task timed out after|^REPORT\\s.+\\sStatus: timeout'"},
      {"%^starting|^initializing|^shutting down%", "terms: +r'^starting|^initializing|^shutting down'"},
      {"ERROR 10.0.0.1 #1 k=v a,b x;y +1 ~t it's [x] <y> hi!",  // ':' '@' '/': unquoted_terms_test.cpp
       "terms: +'ERROR' +'10.0.0.1' +'#1' +'k=v' +'a,b' +'x;y' +'+1' +'~t' "
       "+'it's' +'[x]' +'<y>' +'hi!'"},
      {"ERROR [x]", "terms: +'ERROR' +'[x]'"},
      {"-1", "terms: -'1'"},
      {"404", "terms: +'404'"},
  });
}

TEST_CASE("text terms: kinds, regexes and spans", "[pattern][terms]") {
  auto p = compile_ok(" ?\"a b\"  -%x[0-9]% ERROR");
  REQUIRE(p->terms.size() == 3);
  CHECK(p->terms[0].kind == TermKind::Optional);
  CHECK(p->terms[0].quoted);
  CHECK(p->terms[0].regex == -1);
  CHECK(p->terms[0].span == sp(1, 6));
  CHECK(p->terms[1].kind == TermKind::Excluded);
  CHECK(!p->terms[1].quoted);
  CHECK(p->terms[1].regex == 0);
  CHECK(p->terms[1].text == "x[0-9]");
  CHECK(p->terms[1].span == sp(9, 9));
  CHECK(p->terms[2].kind == TermKind::Required);
  CHECK(p->terms[2].span == sp(19, 5));
  REQUIRE(p->regexes.size() == 1);
  CHECK(p->regexes[0].body() == "x[0-9]");
}

// =====================================================================================
// Regular expressions (all families)
// =====================================================================================

TEST_CASE("regexes: two per pattern, numbered in order", "[pattern][regex]") {
  auto p = compile_ok("{ $.a = %x% || $.b != %y% }");
  REQUIRE(p->regexes.size() == 2);
  CHECK(p->nodes[p->nodes[p->root].operands[1]].value.regex == 1);
  CHECK(p->regexes[1].body() == "y");
}

// =====================================================================================
// JSON patterns
// =====================================================================================

TEST_CASE("JSON: selectors", "[pattern][json]") {
  check_accepts({
      {"{ $.eventId = 1 }", "json: $.eventId = N(1)"},
      {"{ $.a.b.c = x }", "json: $.a.b.c = S'x'"},
      {"{ $.users[0].id = x }", "json: $.users[0].id = S'x'"},
      {"{ $.coordinates[0][1] = 5 }", "json: $.coordinates[0][1] = N(5)"},
      {"{ $.['cluster.name'] = x }", "json: $.['cluster.name'] = S'x'"},
      {"{ $.a.['DynamoDB.GetItem.Fault'] = 1 }", "json: $.a.['DynamoDB.GetItem.Fault'] = N(1)"},
      {"{ $.['@timestamp'] = x }", "json: $.['@timestamp'] = S'x'"},
      {"{ $.['a b\"]'] = x }", "json: $.['a b\"]'] = S'x'"},
      {"{ $.arrayKey[*] = %val.{2}% }", "json: $.arrayKey[*] = RE'val.{2}'#0"},
      {"{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }", "json: $[*] = RE'111\\.111\\.111\\.1[0-9]{1,2}'#0"},
      {"{ $.*.value = 1 }", "json: $[*].value = N(1)"},
      {"{ $.a[*].b = 1 }", "json: $.a[*].b = N(1)"},
      {"{ $.a[*][0] = 1 }", "json: $.a[*][0] = N(1)"},
      {"{ $.user-name_2 = x }", "json: $.user-name_2 = S'x'"},
      {"{ $.0 = x }", "json: $.0 = S'x'"},
      {"{ $.a[007] = 1 }", "json: $.a[7] = N(1)"},
      {"{ $.a[4294967295] = 1 }", "json: $.a[4294967295] = N(1)"},
  });
}

TEST_CASE("JSON: selector steps and spans", "[pattern][json]") {
  auto p = compile_ok("{ $.a.['b.c'][2].* = 1 }");
  const ExprNode& n = p->nodes.at(p->root);
  REQUIRE(n.kind == ExprKind::Condition);
  const Selector& s = n.selector;
  CHECK(s.span == sp(2, 16));
  REQUIRE(s.steps.size() == 4);
  CHECK(s.steps[0].kind == StepKind::Member);
  CHECK(s.steps[0].name == "a");
  CHECK(s.steps[0].span == sp(3, 2));
  CHECK(s.steps[1].kind == StepKind::Member);
  CHECK(s.steps[1].name == "b.c");
  CHECK(s.steps[1].span == sp(5, 8));
  CHECK(s.steps[2].kind == StepKind::Index);
  CHECK(s.steps[2].index == 2);
  CHECK(s.steps[2].span == sp(13, 3));
  CHECK(s.steps[3].kind == StepKind::Wildcard);
  CHECK(s.steps[3].span == sp(16, 2));
  CHECK(s.has_wildcard());
  CHECK(!compile_ok("{ $.a[0] = 1 }")->nodes[0].selector.has_wildcard());
  CHECK(compile_ok("{ $.a[*] = 1 }")->nodes[0].selector.has_wildcard());
  CHECK(n.op == CompareOp::Eq);
  CHECK(n.op_span == sp(19, 1));
  CHECK(n.value.span == sp(21, 1));
  CHECK(n.span == sp(2, 20));
}

TEST_CASE("JSON: operators, keywords and values", "[pattern][json]") {
  check_accepts({
      {"{ $.a = x }", "json: $.a = S'x'"},
      {"{ $.a != x }", "json: $.a != S'x'"},
      {"{ $.a < 1 }", "json: $.a < N(1)"},
      {"{ $.a > 1 }", "json: $.a > N(1)"},
      {"{ $.a <= 1 }", "json: $.a <= N(1)"},
      {"{ $.a >= 1 }", "json: $.a >= N(1)"},
      {"{$.a=1}", "json: $.a = N(1)"},
      {"{$.a!=1}", "json: $.a != N(1)"},
      {"{$.a<=-1}", "json: $.a <= N(-1)"},
      {"{ $.errorCode = 400}", "json: $.errorCode = N(400)"},
      {"{\n  $.a\n  =\n  1\n}", "json: $.a = N(1)"},
      {"{ $.a IS NULL }", "json: $.a IS NULL"},
      {"{ $.a IS TRUE }", "json: $.a IS TRUE"},
      {"{ $.a IS FALSE }", "json: $.a IS FALSE"},
      {"{ $.a  IS \t NULL }", "json: $.a IS NULL"},
      {"{ $.a NOT EXISTS }", "json: $.a NOT EXISTS"},
      {"{$.a NOT EXISTS}", "json: $.a NOT EXISTS"},
      {"{ ($.a IS NULL)||($.b NOT EXISTS) }", "json: Or($.a IS NULL, $.b NOT EXISTS)"},
      // numbers (the 2020 syntax page's grammar, docs/semantics.md)
      {"{ $.a = 10e3 }", "json: $.a = N(10e3)"},
      {"{ $.a = 10e-3 }", "json: $.a = N(10e-3)"},
      {"{ $.a = 55.5 }", "json: $.a = N(55.5)"},
      {"{ $.a = +1000 }", "json: $.a = N(+1000)"},
      {"{ $.a = 1e+3 }", "json: $.a = N(1e+3)"},
      {"{ $.a = 1e-3 }", "json: $.a = N(1e-3)"},
      {"{ $.a = -5.5 }", "json: $.a = N(-5.5)"},
      {"{ $.a = 1E3 }", "json: $.a = N(1E3)"},
      {"{ $.a > -1.5e2 }", "json: $.a > N(-1.5e2)"},
      // strings that look almost like numbers
      {"{ $.a = 1.2.3 }", "json: $.a = S'1.2.3'"},
      {"{ $.a = .5 }", "json: $.a = S'.5'"},
      {"{ $.a = 5. }", "json: $.a = S'5.'"},
      {"{ $.a = 1e }", "json: $.a = S'1e'"},
      {"{ $.a = 0x10 }", "json: $.a = S'0x10'"},
      {"{ $.a = \"1\" }", "json: $.a = Sq'1'"},
      {"{ $.a = true }", "json: $.a = S'true'"},
      {"{ $.a = \"null\" }", "json: $.a = Sq'null'"},
      {"{ $.a = nullable }", "json: $.a = S'nullable'"},
      {"{ $.a = null* }", "json: $.a = S'null'*"},
      // wildcards (prefix/suffix, quoted or not; interior is literal)
      {"{ $.a = * }", "json: $.a = ANY"},
      {"{ $.a = \"*\" }", "json: $.a = ANYq"},
      {"{ $.a != * }", "json: $.a != ANY"},
      {"{ $.a = *Event }", "json: $.a = S*'Event'"},
      {"{ $.a = Event* }", "json: $.a = S'Event'*"},
      {"{ $.a = Ev*ent }", "json: $.a = S'Ev*ent'"},
      {"{ $.a = *mid* }", "json: $.a = S*'mid'*"},
      {"{ $.a = ** }", "json: $.a = S*''*"},
      {"{ $.a = \"AWS Internal*\" }", "json: $.a = Sq'AWS Internal'*"},
      {"{ $.a = \"*x y\" }", "json: $.a = Sq*'x y'"},
      {"{ $.sourceIPAddress != 123.123.* }", "json: $.sourceIPAddress != S'123.123.'*"},
      {"{ $.a = 1* }", "json: $.a = S'1'*"},
      // quoted strings: escapes, closers inside quotes, % is literal
      {"{ $.a = \"x \\\"y\\\" \\\\ z\" }", "json: $.a = Sq'x \"y\" \\ z'"},
      {"{ $.a = \"}) && ||\" }", "json: $.a = Sq'}) && ||'"},
      {"{ $.foo = \"%bar%\" }", "json: $.foo = Sq'%bar%'"},
      {"{ $.a = \"\" }", "json: $.a = Sq''"},
      {"{ $.a = \"caf\xC3\xA9\" }", "json: $.a = Sq'caf\xC3\xA9'"},
      {"{ $.a = \"John.Stiles@example.com\" }", "json: $.a = Sq'John.Stiles@example.com'"},
      // regexes
      {"{ $.eventType = %Trail% }", "json: $.eventType = RE'Trail'#0"},
      {"{ $.sourceIPAddress != %^192\\.168\\.12\\.% }", "json: $.sourceIPAddress != RE'^192\\.168\\.12\\.'#0"},
      // bare values with - . _ +
      {"{ $.a = cm-policymaintainer }", "json: $.a = S'cm-policymaintainer'"},
      {"{ $.a = kms.amazonaws.com }", "json: $.a = S'kms.amazonaws.com'"},
      {"{ $.a = a_b+c }", "json: $.a = S'a_b+c'"},
      {"{ $.a=-x }", "json: $.a = S'-x'"},
  });
  auto p = compile_ok("{ $.a = -1.5e2 }");
  CHECK(p->nodes[0].value.kind == ValueKind::Number);
  CHECK(p->nodes[0].value.number == -150.0);
  CHECK(!p->nodes[0].value.quoted);
  CHECK(compile_ok("{ $.a = +1000 }")->nodes[0].value.number == 1000.0);
  CHECK(compile_ok("{ $.a = 1e-3 }")->nodes[0].value.number == Approx(0.001));
  auto q = compile_ok("{ $.a = \"*x\" }");
  CHECK(q->nodes[0].value.quoted);
  CHECK(q->nodes[0].value.span == sp(8, 4));
  auto k = compile_ok("{ $.a IS NULL }");
  CHECK(k->nodes[0].op_span == sp(6, 7));
  CHECK(k->nodes[0].span == sp(2, 11));
}

TEST_CASE("JSON: && binds tighter than ||, n-ary chains, parentheses", "[pattern][json]") {
  check_accepts({
      {"{ $.a = 1 || $.b = 2 && $.c = 3 }", "json: Or($.a = N(1), And($.b = N(2), $.c = N(3)))"},
      {"{ $.a = 1 && $.b = 2 || $.c = 3 }", "json: Or(And($.a = N(1), $.b = N(2)), $.c = N(3))"},
      {"{ $.a = 1 && $.b = 2 && $.c = 3 }", "json: And($.a = N(1), $.b = N(2), $.c = N(3))"},
      {"{ $.a = 1 || $.b = 2 || $.c = 3 }", "json: Or($.a = N(1), $.b = N(2), $.c = N(3))"},
      {"{ ($.a = 1 || $.b = 2) && $.c = 3 }", "json: And(Or($.a = N(1), $.b = N(2)), $.c = N(3))"},
      {"{ ($.a = 1 && $.b = 2) && $.c = 3 }", "json: And(And($.a = N(1), $.b = N(2)), $.c = N(3))"},
      {"{ (($.a = 1)) }", "json: $.a = N(1)"},
      {"{(((($.a=1))))}", "json: $.a = N(1)"},
      {"{ $.a = 1 && ($.b = 2 || ($.c = 3 && $.d = 4)) }",
       "json: And($.a = N(1), Or($.b = N(2), And($.c = N(3), $.d = N(4))))"},
      {"{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\" && $.actions[2] = \"nonmatch\" }",
       "json: Or($.user.email = Sq'John.Stiles@example.com', And($.coordinates[0][1] = Sq'nonmatch', $.actions[2] = Sq'nonmatch'))"},
      {"{ $.a = x&&$.b = y||$.c = z }", "json: Or(And($.a = S'x', $.b = S'y'), $.c = S'z')"},
      {"{ $.a = \"x\"&&$.b = %y%||$.c IS NULL }", "json: Or(And($.a = Sq'x', $.b = RE'y'#0), $.c IS NULL)"},
  });
  // spans: parentheses widen the node's span, groups span their operands
  auto p = compile_ok("{ ($.a = 1) || $.b = 2 && $.c = 3 }");
  const ExprNode& root = p->nodes.at(p->root);
  REQUIRE(root.kind == ExprKind::Or);
  CHECK(root.span == sp(2, 31));
  REQUIRE(root.operands.size() == 2);
  CHECK(p->nodes[root.operands[0]].span == sp(2, 9));  // "($.a = 1)"
  const ExprNode& and_node = p->nodes[root.operands[1]];
  CHECK(and_node.kind == ExprKind::And);
  CHECK(and_node.span == sp(15, 18));  // "$.b = 2 && $.c = 3"
  auto g = compile_ok("{ ( $.a = 1 || $.b = 2 ) }");
  CHECK(g->nodes[g->root].kind == ExprKind::Or);
  CHECK(g->nodes[g->root].span == sp(2, 22));
}

TEST_CASE("JSON: the seed pattern and the CIS CloudTrail filters", "[pattern][json][seed]") {
  const std::string seed =
      "{($.userIdentity.sessionContext.sessionIssuer.userName!=cm-policymaintainer)&&(($.eventName="
      "DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName="
      "PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($."
      "eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($."
      "eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName="
      "DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy))}";
  auto p = compile_ok(seed);
  check_invariants(*p);
  const ExprNode& root = p->nodes.at(p->root);
  REQUIRE(root.kind == ExprKind::And);
  REQUIRE(root.operands.size() == 2);
  const ExprNode& first = p->nodes[root.operands[0]];
  CHECK(first.kind == ExprKind::Condition);
  CHECK(dump_selector(first.selector) == "$.userIdentity.sessionContext.sessionIssuer.userName");
  CHECK(first.op == CompareOp::Ne);
  CHECK(dump_value(first.value) == "S'cm-policymaintainer'");
  CHECK(first.span == sp(1, 75));
  const ExprNode& ors = p->nodes[root.operands[1]];
  REQUIRE(ors.kind == ExprKind::Or);
  REQUIRE(ors.operands.size() == 16);
  const char* names[] = {"DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy",
                         "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion",
                         "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy",
                         "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy"};
  for (size_t i = 0; i < 16; ++i) {
    const ExprNode& c = p->nodes[ors.operands[i]];
    CHECK(c.kind == ExprKind::Condition);
    CHECK(dump_selector(c.selector) == "$.eventName");
    CHECK(c.op == CompareOp::Eq);
    CHECK(c.value.kind == ValueKind::String);
    CHECK(c.value.text == names[i]);
    CHECK(p->text.substr(c.span.offset, c.span.length) == "($.eventName=" + std::string(names[i]) + ")");
  }
  CHECK(ors.span.offset == 78);
  CHECK(ors.span.end() == seed.size() - 1);

  check_accepts({
      {"{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
       "json: Or($.errorCode = Sq*'UnauthorizedOperation', $.errorCode = Sq'AccessDenied'*)"},
      {"{ ($.errorCode = *UnauthorizedOperation) || ($.errorCode = AccessDenied*) }",
       "json: Or($.errorCode = S*'UnauthorizedOperation', $.errorCode = S'AccessDenied'*)"},
      {"{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
       "json: And($.userIdentity.type = Sq'Root', $.userIdentity.invokedBy NOT EXISTS, $.eventType != Sq'AwsServiceEvent')"},
      {"{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != \"Yes\") }",
       "json: And($.eventName = S'ConsoleLogin', $.additionalEventData.MFAUsed != Sq'Yes')"},
      {"{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}",
       "json: And($.eventSource = S'kms.amazonaws.com', Or($.eventName = S'DisableKey', $.eventName = S'ScheduleKeyDeletion'))"},
      {"{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }",
       "json: And($.eventName = S'ConsoleLogin', $.errorMessage = Sq'Failed authentication')"},
      {"{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || "
       "($.eventName = StartLogging) || ($.eventName = StopLogging) }",
       "json: Or($.eventName = S'CreateTrail', $.eventName = S'UpdateTrail', $.eventName = S'DeleteTrail', "
       "$.eventName = S'StartLogging', $.eventName = S'StopLogging')"},
      {"{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy)) }",
       "json: And($.eventSource = S's3.amazonaws.com', Or($.eventName = S'PutBucketAcl', $.eventName = S'PutBucketPolicy'))"},
      {"{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = "
       "\"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }",
       "json: And($.eventName = S'ConsoleLogin', $.additionalEventData.MFAUsed != Sq'Yes', $.userIdentity.type = "
       "Sq'IAMUser', $.responseElements.ConsoleLogin = Sq'Success')"},
      {"{ $.eventType = \"*\" && $.sourceIPAddress != 123.123.* }",
       "json: And($.eventType = ANYq, $.sourceIPAddress != S'123.123.'*)"},
      {"{ $.latency = * }", "json: $.latency = ANY"},
      {"{ $.items[*].a = 1 && $.items[*].b = 2 && $.* = 3 }",
       "json: And($.items[*].a = N(1), $.items[*].b = N(2), $[*] = N(3))"},
  });
}

// =====================================================================================
// Space-delimited patterns
// =====================================================================================

TEST_CASE("space-delimited: accepted forms", "[pattern][delimited]") {
  check_accepts({
      {"[]", "space-delimited: []"},
      {"[ ]", "space-delimited: []"},
      {"[ip, user, username, timestamp, request, status_code, bytes]",
       "space-delimited: [ip, user, username, timestamp, request, status_code, bytes]"},
      {"[..., size]", "space-delimited: [..., size]"},
      {"[...]", "space-delimited: [...]"},
      {"[ip, user, ..., status_code, bytes]", "space-delimited: [ip, user, ..., status_code, bytes]"},
      {"[ip, user, ...]", "space-delimited: [ip, user, ...]"},
      {"[..., request=*.html*, status_code=4*,]",
       "space-delimited: [..., request{request = S*'.html'*}, status_code{status_code = S'4'*}, _]"},
      {"[a,]", "space-delimited: [a, _]"},
      {"[,a]", "space-delimited: [_, a]"},
      {"[,]", "space-delimited: [_, _]"},
      {"[a,,b]", "space-delimited: [a, _, b]"},
      {"[ a , , b ]", "space-delimited: [a, _, b]"},
      {"[w1=ERROR, w2]", "space-delimited: [w1{w1 = S'ERROR'}, w2]"},
      {"[w1 = ERROR || w1 = WARNING, w2]", "space-delimited: [w1{Or(w1 = S'ERROR', w1 = S'WARNING')}, w2]"},
      {"[w1!=ERROR&&w1!=WARNING, w2]", "space-delimited: [w1{And(w1 != S'ERROR', w1 != S'WARNING')}, w2]"},
      {"[ip, user, username, timestamp, request, status_code = 404 || status_code = 410, bytes]",
       "space-delimited: [ip, user, username, timestamp, request, status_code{Or(status_code = N(404), "
       "status_code = N(410))}, bytes]"},
      {"[a, status_code >= 200 && status_code <= 204]",
       "space-delimited: [a, status_code{And(status_code >= N(200), status_code <= N(204))}]"},
      {"[(ip != 10.* && ip != 192.*) || ip = 127.*, user]",
       "space-delimited: [ip{Or(And(ip != S'10.'*, ip != S'192.'*), ip = S'127.'*)}, user]"},
      {"[a = 1 || a = 2 && a = 3]", "space-delimited: [a{Or(a = N(1), And(a = N(2), a = N(3)))}]"},
      {"[(a = 1)]", "space-delimited: [a{a = N(1)}]"},
      {"[bytes > 1000]", "space-delimited: [bytes{bytes > N(1000)}]"},
      {"[timestamp=*Z, request_id=\"*-*\", event]",
       "space-delimited: [timestamp{timestamp = S*'Z'}, request_id{request_id = Sq*'-'*}, event]"},
      {"[tag=\"rh-sched*\", x02=\"jobs.\"]", "space-delimited: [tag{tag = Sq'rh-sched'*}, x02{x02 = Sq'jobs.'}]"},
      {"[ip=%127\\.0\\.0\\.[1-9]%, url=%/service/resource/[0-9]+$%]",
       "space-delimited: [ip{ip = RE'127\\.0\\.0\\.[1-9]'#0}, url{url = RE'/service/resource/[0-9]+$'#1}]"},
      {"[a = *]", "space-delimited: [a{a = ANY}]"},
      {"[a = \"x, y] z\"]", "space-delimited: [a{a = Sq'x, y] z'}]"},
      {"[a = null]", "space-delimited: [a{a = S'null'}]"},
      {"[status_code = \"4*\"]", "space-delimited: [status_code{status_code = Sq'4'*}]"},
      {"[ip, identity, user_id, timestamp, request, status_code = 404, size, ...]",
       "space-delimited: [ip, identity, user_id, timestamp, request, status_code{status_code = N(404)}, size, ...]"},
      {"[logLevel, x01, user-name, 9lives]", "space-delimited: [logLevel, x01, user-name, 9lives]"},
      {"[\n  a,\n  b = 1\n]\n", "space-delimited: [a, b{b = N(1)}]"},
      {"[Ab, ab]", "space-delimited: [Ab, ab]"},  // names are case-sensitive
  });
  auto p = compile_ok("[ip, ..., code = 1 || code = 2,]");
  REQUIRE(p->fields.size() == 4);
  CHECK(p->fields[0].kind == FieldKind::Named);
  CHECK(p->fields[0].span == sp(1, 2));
  CHECK(p->fields[0].expr == UINT32_MAX);
  CHECK(p->fields[1].kind == FieldKind::Ellipsis);
  CHECK(p->fields[1].span == sp(5, 3));
  CHECK(p->fields[2].kind == FieldKind::Named);
  CHECK(p->fields[2].name == "code");
  CHECK(p->fields[2].span == sp(10, 20));
  REQUIRE(p->fields[2].expr != UINT32_MAX);
  const ExprNode& e = p->nodes.at(p->fields[2].expr);
  CHECK(e.kind == ExprKind::Or);
  CHECK(e.span == sp(10, 20));
  CHECK(p->nodes.at(e.operands[0]).field_name == "code");
  CHECK(p->nodes.at(e.operands[0]).span == sp(10, 8));
  CHECK(p->fields[3].kind == FieldKind::Empty);
  CHECK(p->fields[3].span == sp(31, 0));
  CHECK(p->root == UINT32_MAX);
}

// =====================================================================================
// Robustness
// =====================================================================================

TEST_CASE("deep nesting is parsed without recursion", "[pattern][robustness]") {
  // 500 levels of parentheses: 1,023 characters with the condition.
  std::string open(505, '('), close(505, ')');
  std::string p = "{" + open + "$.a=1" + close + "}";
  REQUIRE(p.size() == 1017);
  auto r = compile_pattern(p);
  REQUIRE(r.pattern);
  CHECK(r.pattern->nodes.size() == 1);
  CHECK(r.pattern->nodes[0].span == sp(1, 1015));

  // Unclosed: every '(' open at the end.
  std::string q = "{" + std::string(1000, '(') + "$.a=1}";
  auto rq = compile_pattern(q);
  REQUIRE(rq.error);
  CHECK(rq.error->code == "unclosed-parenthesis");
  CHECK(rq.error->span == sp(1000, 1));

  // Only parentheses, up to the length limit.
  auto rp = compile_pattern("{" + std::string(1022, '(') + "}");
  REQUIRE(rp.error);
  CHECK(rp.error->code == "missing-condition");
  auto rd = compile_pattern("[" + std::string(1022, '(') + "]");
  REQUIRE(rd.error);
  CHECK(rd.error->code == "missing-condition");

  // Long alternation chains stay flat.
  std::string chain = "{ $.a=1";
  while (chain.size() < 1000) chain += "||$.a=1";
  chain += " }";
  auto rc = compile_pattern(chain);
  REQUIRE(rc.pattern);
  CHECK(rc.pattern->nodes[rc.pattern->root].operands.size() == (chain.size() - 2) / 7);
}

TEST_CASE("random inputs never crash and every result is consistent", "[pattern][robustness][fuzz]") {
  std::mt19937 rng(20260901);
  const std::vector<std::string> pieces = {
      "{", "}", "[", "]", "(", ")", "$", ".", "*", "[*]", "[0]", ".['a.b']", "'", "\"", "\\", "%", "%a%", "=",
      "!=", "<", ">=", "==", "&&", "||", "&", "|", ",", "...", " ", "\t", "\n", "IS", "NULL", "NOT", "EXISTS",
      "TRUE", "$.a", "$.b", "x", "ERROR", "?", "-", "1", "-1.5e3", "null", "\xC3\xA9", "\xFF", "\x80", std::string(1, '\0'),
      "AND", "%(%", "%[%", "a", "b = 1", "eventName", "\"x\"",
  };
  size_t accepted = 0;
  for (int iter = 0; iter < 6000; ++iter) {
    std::string s;
    const int mode = iter % 4;
    if (mode == 0) {  // raw bytes; half of them printable ASCII only
      size_t len = rng() % 64;
      bool ascii = rng() & 1;
      for (size_t i = 0; i < len; ++i) s += static_cast<char>(ascii ? 0x20 + rng() % 95 : rng() & 0xFF);
    } else {  // grammar-ish pieces, with a family opener
      const char* openers[] = {"", "{", "[", "{ ", "{ $.a = 1 && "};
      s = openers[rng() % 5];
      size_t n = rng() % 24;
      for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
      if (mode == 2 && !s.empty() && s[0] == '{') s += "}";
      if (mode == 3 && !s.empty() && s[0] == '[') s += "]";
    }
    CompileResult r = compile_pattern(s);
    INFO("input #" << iter);
    REQUIRE((r.pattern != nullptr) != r.error.has_value());
    if (r.error) {
      CHECK(!r.error->code.empty());
      CHECK(!r.error->message.empty());
      CHECK(r.error->span.offset <= s.size());
      CHECK(r.error->span.length <= s.size() - r.error->span.offset);
    } else {
      ++accepted;
      check_invariants(*r.pattern);
    }
  }
  CHECK(accepted > 50);

  // Long inputs: rejected by the length check, whatever they contain.
  for (int iter = 0; iter < 20; ++iter) {
    std::string s;
    for (size_t i = 0; i < 50000; ++i) s += pieces[rng() % pieces.size()][0];
    s[0] = "{[(x"[iter % 4];
    CompileResult r = compile_pattern(s);
    REQUIRE(r.error);
    CHECK(r.error->code == "pattern-too-long");
  }
  std::string deep = "{" + std::string(50000, '(') + "$.a=1" + std::string(50000, ')') + "}";
  CompileResult r = compile_pattern(deep);
  REQUIRE(r.error);
  CHECK(r.error->code == "pattern-too-long");
}
