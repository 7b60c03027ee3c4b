// Scanner: compile -> EventFilter -> EventStream -> CandidateScan in one
// object, so that the CLI and the wasm bindings assemble the pipeline the
// same way (core/include/cwlf/scanner.h).
#include "scanner.h"

#include <utility>

namespace cwlf {

Scanner::Impl::Impl(std::shared_ptr<const EventFilter> f, ScanOptions o, Sink s)
    : filter(std::move(f)),
      options(o),
      sink(std::move(s)),
      finder(filter->prefilter()),
      stream(o.mode, [this](const StreamedEvent& ev) { on_event(ev); }) {
  if (finder.active()) {
    if (options.skip_lines) stream.skip_lines_without(&finder);
    if (options.skip_records) stream.skip_records_without(&finder);
  }
}

void Scanner::Impl::on_event(const StreamedEvent& ev) {
  ScannedEvent out;
  out.offset = ev.offset;
  out.line = ev.line;
  out.index = handed++ + stream.records_skipped();
  out.message = ev.message;
  if (ev.error) {
    out.error = &*ev.error;
    sink(out);
    return;
  }
  const FilterResult r = filter->test(ev.message, options.explain);
  if (r.error) {
    out.error = &*r.error;
    sink(out);
    return;
  }
  out.matched = r.matched;
  if (r.matched) {
    ++matched;
    if (r.explanation) out.explanation = &*r.explanation;
  } else if (!options.every_event) {
    return;
  }
  sink(out);
}

Scanner::Scanner(std::shared_ptr<const EventFilter> filter, ScanOptions options, Sink sink)
    : impl_(std::make_unique<Impl>(std::move(filter), options, std::move(sink))) {}

Scanner::~Scanner() = default;

void Scanner::feed(std::string_view chunk) { impl_->stream.feed(chunk); }
void Scanner::finish() { impl_->stream.finish(); }
uint64_t Scanner::matched() const { return impl_->matched; }
uint64_t Scanner::line_breaks() const { return impl_->stream.line_breaks(); }
uint64_t Scanner::records_skipped() const { return impl_->stream.records_skipped(); }
uint64_t Scanner::events() const { return impl_->handed + impl_->stream.records_skipped(); }
const EventFilter& Scanner::filter() const { return *impl_->filter; }

}  // namespace cwlf
