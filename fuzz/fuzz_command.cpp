// Fuzz target: parse_command over arbitrary bytes (one client command, literals included).
// Whatever parses must round-trip (see fuzz_common.hpp).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return imapwire::fuzz::parse_target<imapwire::ast::command>(data, size);
}
