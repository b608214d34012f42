// Fuzz target: the same stream fed to imapwire::framer at once and in pieces the input chooses
// (framer_driver.hpp) must give the same events: messages, literal announcements, streamed
// literal octets (pieces of one literal joined), errors, in the same order with the same
// offsets, tags and bytes. need_more frames are not compared: they depend on the cuts.
#include "framer_driver.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace imapwire;
    const auto in = fuzz::framer_input::read(data, size);
    if (in.pieces.empty())
        return 0;
    fuzz::report ctx;
    ctx.add("target", "framer split");
    ctx.lazy("settings", [&in] { return in.describe(); });
    ctx.bytes("stream", in.stream);

    fuzz::framer_run whole(in, ctx);
    whole.run(true, [](const frame&) {});
    fuzz::framer_run pieces(in, ctx);
    pieces.run(false, [](const frame&) {});

    const auto& a = whole.events();
    const auto& b = pieces.events();
    if (a != b) {
        std::size_t i = 0;
        while (i < a.size() && i < b.size() && a[i] == b[i])
            ++i;
        ctx.add("first difference at event", std::to_string(i));
        ctx.add("fed at once", fuzz::describe(a));
        ctx.add("fed in pieces", fuzz::describe(b));
        ctx.fail("the framer's events depend on how the stream is cut");
    }
    return 0;
}
