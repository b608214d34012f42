// Fuzz target: parse_greeting over arbitrary bytes (the server's first message).
// Whatever parses must round-trip (see fuzz_common.hpp).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return imapwire::fuzz::parse_target<imapwire::ast::greeting>(data, size);
}
