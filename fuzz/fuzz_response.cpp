// Fuzz target: parse_response over arbitrary bytes (one server message: a continuation request,
// untagged data or a tagged completion). Whatever parses must round-trip (fuzz_common.hpp).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return imapwire::fuzz::parse_target<imapwire::ast::response>(data, size);
}
