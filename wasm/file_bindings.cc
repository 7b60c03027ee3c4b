// embind: FileScan, the page's reader of big CloudTrail files (web/files.js).
// Like StreamFilter (filter_bindings.cc) the bytes go in chunk by chunk, so
// memory does not grow with the file; in addition it keeps the matching
// events (the first `keep` of them, for the list; the rest are only
// counted) and counts matches by eventName and by principal for the summary.
// Those counts are bounded too (Tally): a file's principals can be as many as
// its events (an assumed role's session name), and wasm memory never shrinks.
//
//   const s = new cwlf.FileScan(pattern[, keep]);  s.error()
//   const ptr = s.reserve(n); cwlf.HEAPU8.set(chunk, ptr); s.feed(n);
//   s.takeMatches() -> [{ index, message }] found since the last call
//   s.finish(); s.events(); s.matched(); s.errors(); s.summary(); s.delete();
//
// The silent-miss radar (cwlf/radar.h): when the pattern has an alarm core
// and exclusions, the scanner runs the core (its prefilter rules out only
// events the core cannot match) and the whole pattern is tested on the core's
// matches; those it does not match were dropped by an exclusion, silently
// (counted by identity type) or as meant. Scope leaks: matches whose
// eventSource is not the service of the pattern's event names (the table's).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "chunk_feed.h"
#include "cwlf/cloudtrail.h"
#include "cwlf/scanner.h"
#include "cwlf/json_doc.h"
#include "cwlf/pattern.h"
#include "cwlf/radar.h"

namespace {

using emscripten::val;

constexpr size_t kKeepMatches = 5000;   // matching events kept when the caller does not say
constexpr size_t kMaxDistinct = 10000;  // names counted one by one in each summary table
constexpr size_t kMaxName = 200;        // bytes of a name kept (an eventName may be 1 MB)

// Matches counted by name, in bounded memory: the first kMaxDistinct distinct
// names (cut to kMaxName bytes) are counted exactly; matches with any later
// new name are counted together as other().
class Tally {
 public:
  void add(std::string name) {
    if (name.size() > kMaxName) {
      size_t cut = kMaxName;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
      name.resize(cut);
      name += "\u2026";
    }
    const auto it = counts_.find(name);
    if (it != counts_.end())
      ++it->second;
    else if (counts_.size() < kMaxDistinct)
      counts_.emplace(std::move(name), 1);
    else
      ++other_;
  }
  // The 50 names with the most matches, most first: [[name, count], …].
  val top() const {
    std::vector<std::pair<std::string, uint64_t>> sorted(counts_.begin(), counts_.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    val out = val::array();
    for (size_t i = 0; i < sorted.size() && i < 50; ++i) {
      val row = val::array();
      row.set(0, sorted[i].first);
      row.set(1, static_cast<double>(sorted[i].second));
      out.set(i, row);
    }
    return out;
  }
  double other() const { return static_cast<double>(other_); }
  double total() const {
    uint64_t n = other_;
    for (const auto& [name, count] : counts_) n += count;
    return static_cast<double>(n);
  }
  double distinct() const { return static_cast<double>(counts_.size()); }

 private:
  std::map<std::string, uint64_t> counts_;
  uint64_t other_ = 0;
};

class FileScan {
 public:
  explicit FileScan(const std::string& pattern) : FileScan(pattern, kKeepMatches) {}
  FileScan(const std::string& pattern, double keep) : keep_(keep > 0 ? static_cast<size_t>(keep) : 0) {
    cwlf::CompileResult c = cwlf::compile_pattern(pattern);
    if (!c.pattern) {
      error_ = c.error->message;
      return;
    }
    pattern_ = c.pattern;
    radar_ = std::make_unique<cwlf::Radar>(c.pattern);
    // Every event reaches the callback (to count errors), except the
    // CloudTrail records skipped in bulk (Scanner::events() counts them).
    cwlf::ScanOptions options;
    options.skip_lines = false;  // plain text: each line is an event to count
    options.every_event = true;
    scanner_ = std::make_unique<cwlf::Scanner>(
        std::make_shared<const cwlf::EventFilter>(radar_->active() ? radar_->core() : c.pattern), options,
        [this](const cwlf::ScannedEvent& ev) {
          if (ev.error) {
            ++errors_;
            return;
          }
          if (!ev.matched) return;
          if (radar_->active() && dropped(ev.message)) return;
          ++matched_;
          if (pending_.size() + kept_ < keep_) pending_.emplace_back(ev.index, std::string(ev.message));
          const cwlf::JsonParseResult parsed = cwlf::parse_json(ev.message);
          if (parsed.error || parsed.doc.nodes.empty() || parsed.doc.nodes[0].type != cwlf::JsonType::Object) {
            by_event_.add("(not JSON)");
            by_principal_.add("(not JSON)");
            return;
          }
          std::string name = cwlf::string_member(parsed.doc, 0, "eventName");
          by_event_.add(name.empty() ? "(no eventName)" : std::move(name));
          by_principal_.add(cwlf::principal_of(parsed.doc));
          const std::string& expected = radar_->table_source();
          if (radar_->scope_open() && !expected.empty()) {
            const std::string source = cwlf::string_member(parsed.doc, 0, "eventSource");
            if (!source.empty() && source != expected) by_leak_source_.add(source);
          }
        });
  }
  std::string error() const { return error_; }
  uintptr_t reserve(size_t n) { return chunks_.reserve(n); }
  void feed(size_t n) { chunks_.feed(scanner_.get(), n); }
  void finish() {
    if (scanner_) scanner_->finish();
  }
  val take_matches() {
    val out = val::array();
    for (size_t i = 0; i < pending_.size(); ++i) {
      val m = val::object();
      m.set("index", static_cast<double>(pending_[i].first));
      m.set("message", pending_[i].second);
      out.set(i, m);
    }
    kept_ += pending_.size();
    pending_.clear();
    return out;
  }
  val summary() const {
    val out = val::object();
    out.set("byEventName", by_event_.top());
    out.set("byPrincipal", by_principal_.top());
    // Matches whose name came after the first kMaxDistinct distinct ones.
    out.set("otherEventNames", by_event_.other());
    out.set("otherPrincipals", by_principal_.other());
    out.set("distinctEventNames", by_event_.distinct());
    out.set("distinctPrincipals", by_principal_.distinct());
    out.set("distinctLimit", static_cast<double>(kMaxDistinct));
    if (radar_ && radar_->active()) {
      val silent = val::object();
      silent.set("total", static_cast<double>(silent_));
      silent.set("byIdentityType", by_identity_.top());
      val exclusions = val::array();
      for (size_t i = 0; i < radar_->exclusions().size(); ++i) exclusions.set(i, val(radar_->exclusions()[i]));
      silent.set("exclusions", exclusions);
      out.set("silent", silent);
    } else {
      out.set("silent", val::null());
    }
    out.set("excluded", static_cast<double>(excluded_));
    if (radar_ && radar_->scope_open() && !radar_->table_source().empty()) {
      val leaks = val::object();
      leaks.set("expected", val(radar_->table_source()));
      leaks.set("total", by_leak_source_.total());
      leaks.set("bySource", by_leak_source_.top());
      out.set("scopeLeaks", leaks);
    } else {
      out.set("scopeLeaks", val::null());
    }
    return out;
  }
  double events() const { return scanner_ ? static_cast<double>(scanner_->events()) : 0; }
  double matched() const { return static_cast<double>(matched_); }
  double errors() const { return static_cast<double>(errors_); }

 private:
  std::string error_;
  std::unique_ptr<cwlf::Scanner> scanner_;
  cwlf_js::ChunkFeed chunks_;
  size_t keep_;
  std::vector<std::pair<uint64_t, std::string>> pending_;
  size_t kept_ = 0;
  Tally by_event_, by_principal_;
  uint64_t errors_ = 0;
  uint64_t matched_ = 0;

  // The radar: true when the whole pattern does not match an event its core
  // matched (then the drop is counted, silent ones by identity type).
  bool dropped(std::string_view message) {
    const cwlf::Event event = cwlf::event_from_message(std::string(message));
    if (cwlf::evaluate(*pattern_, event, false).matched) return false;
    const cwlf::Drop d = radar_->classify(event);
    if (d.kind == cwlf::DropKind::Silent) {
      ++silent_;
      by_identity_.add(cwlf::identity_type_of(event));
    } else {
      ++excluded_;
    }
    return true;
  }
  std::shared_ptr<const cwlf::Pattern> pattern_;
  std::unique_ptr<cwlf::Radar> radar_;
  uint64_t silent_ = 0, excluded_ = 0;
  Tally by_identity_, by_leak_source_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(cwlf_file_scan) {
  emscripten::class_<FileScan>("FileScan")
      .constructor<const std::string&>()
      .constructor<const std::string&, double>()
      .function("error", &FileScan::error)
      .function("reserve", &FileScan::reserve)
      .function("feed", &FileScan::feed)
      .function("finish", &FileScan::finish)
      .function("takeMatches", &FileScan::take_matches)
      .function("summary", &FileScan::summary)
      .function("events", &FileScan::events)
      .function("matched", &FileScan::matched)
      .function("errors", &FileScan::errors);
}
