// Shared by the parts of EventStream (event_stream.cc: JSON layouts,
// event_stream_lines.cc: lines).
#pragma once

#include <string>

namespace cwlf {

// The diagnostic message of an event over kMaxEventBytes.
std::string event_too_large_message();

}  // namespace cwlf
