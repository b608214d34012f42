// Fuzz target: parse_authenticate_data over arbitrary bytes (a line the client sends during
// AUTHENTICATE: base64, or "*" to cancel). Whatever parses must round-trip (fuzz_common.hpp).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return imapwire::fuzz::parse_target<imapwire::ast::authenticate_data>(data, size);
}
