// Fuzz target: parse_response_sequence over arbitrary bytes (a command's whole exchange, up to
// the tagged completion or a BYE). Whatever parses must round-trip (see fuzz_common.hpp), and
// the sequence must hold what parse_response reads from each of its messages in turn.
#include "fuzz_common.hpp"

#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace imapwire;
    fuzz::parse_target<ast::vector<ast::response>>(data, size);

    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const auto seq = parse_response_sequence(in);
    if (!seq.ok())
        return 0;
    fuzz::report ctx;
    ctx.bytes("input", in);
    ctx.lazy("sequence",
             [&seq] { return fuzz::entry<ast::vector<ast::response>>::describe(*seq); });
    std::size_t at = 0;
    for (std::size_t i = 0; i < seq->size(); ++i) {
        const auto one = parse_response(in.substr(at, seq.consumed() - at));
        if (!one.ok() || !(*one == (*seq)[i])) {
            ctx.add("message", std::to_string(i) + " at offset " + std::to_string(at));
            ctx.add("parse_response", fuzz::outcome(one));
            if (one.ok())
                ctx.add("its value", fuzz::describe(*one));
            ctx.fail("parse_response reads a message of the sequence otherwise");
        }
        at += one.consumed();
    }
    if (at != seq.consumed())
        ctx.fail("the messages of the sequence end at " + std::to_string(at) + ", not at " +
                 std::to_string(seq.consumed()));
    return 0;
}
