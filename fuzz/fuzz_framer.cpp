// Fuzz target: imapwire::framer over an arbitrary stream, fed at once (settings and layout in
// framer_driver.hpp). Checks every event against the stream, and parses each message as the
// framer says it is to be parsed:
//  - a message is not empty, ends with LF and starts after the previous one; unless a literal
//    of it was streamed, its bytes are the stream's bytes at its offset;
//  - a literal announcement points at a "{" of the stream and its line ends with "}" CRLF;
//    streamed literal octets are the stream's octets at their offset; errors have a code and
//    an offset inside the stream;
//  - the parser never finds a framed message incomplete, reads all of it when it accepts it,
//    and what it accepts round-trips (fuzz_common.hpp);
//  - after finish() the framer holds no bytes, and the number of frames stays proportional to
//    the stream (no loop without progress).
#include "framer_driver.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace imapwire;

template <class T>
void check_message(std::string_view bytes, const fuzz::report& parent) {
    using E = fuzz::entry<T>;
    fuzz::report ctx(&parent);
    const auto r = E::parse(bytes, parse_options{});
    if (r.incomplete()) {
        ctx.add(E::name, fuzz::outcome(r));
        ctx.fail("the parser finds a framed message incomplete");
    }
    if (r.ok() && r.consumed() != bytes.size()) {
        ctx.add(E::name, fuzz::outcome(r));
        ctx.fail("the parser ends a framed message before the framer does");
    }
    if (r.ok()) {
        ctx.add("step", "round trip of a framed message");
        fuzz::round_trip(*r, parse_options{}, serialize_options{}, ctx);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto in = fuzz::framer_input::read(data, size);
    const std::string_view s = in.stream;
    fuzz::report ctx;
    ctx.add("target", "framer");
    ctx.lazy("settings", [&in] { return in.describe(); });
    ctx.bytes("stream", s);

    fuzz::framer_run run(in, ctx);
    std::uint64_t next_message_at = 0; // no message starts before this
    bool have_message = false;
    std::uint64_t last_message_offset = 0;
    bool streamed = false; // a literal of the message being framed is streamed

    run.run(true, [&](const frame& f) {
        fuzz::report c(&ctx);
        c.lazy("frame", [&f] { return fuzz::framer_event::of(f).describe(); });
        switch (f.kind) {
        case frame_kind::message: {
            if (f.bytes.empty() || f.bytes.back() != '\n')
                c.fail("a message frame that does not end with LF");
            if (f.offset < next_message_at || (have_message && f.offset <= last_message_offset))
                c.fail("a message frame that starts inside an earlier one");
            if (!streamed && (f.offset > s.size() || s.substr(f.offset, f.bytes.size()) != f.bytes))
                c.fail("a message frame whose bytes are not the stream's at its offset");
            if (!streamed)
                next_message_at = f.offset + f.bytes.size();
            have_message = true;
            last_message_offset = f.offset;
            streamed = false;
            switch (f.as) {
            case message_kind::command:
                check_message<ast::command>(f.bytes, c);
                break;
            case message_kind::authenticate_data:
                check_message<ast::authenticate_data>(f.bytes, c);
                break;
            case message_kind::greeting:
                check_message<ast::greeting>(f.bytes, c);
                break;
            case message_kind::response:
                check_message<ast::response>(f.bytes, c);
                break;
            case message_kind::idle_done:
                break;
            }
            break;
        }
        case frame_kind::literal:
            if (f.literal.offset != f.offset || f.offset >= s.size() || s[f.offset] != '{')
                c.fail("a literal announcement that does not point at a \"{\" of the stream");
            if (f.literal.line.size() < 5 ||
                f.literal.line.substr(f.literal.line.size() - 3) != "}\r\n")
                c.fail("a literal announcement whose line does not end with \"}\" CRLF");
            if (in.refuse_even_literals && f.literal.synchronizing && f.literal.size % 2 == 0)
                break; // the run refuses it: the message is dropped
            if (f.literal.size > in.options.stream_literals_above)
                streamed = true;
            break;
        case frame_kind::literal_data:
            if (f.bytes.empty())
                c.fail("an empty literal_data frame");
            if (f.offset > s.size() || s.substr(f.offset, f.bytes.size()) != f.bytes)
                c.fail("literal_data whose octets are not the stream's at its offset");
            break;
        case frame_kind::error:
            if (!f.error.code)
                c.fail("an error frame without an error code");
            if (f.offset > s.size() || f.error.offset != f.offset)
                c.fail("an error frame whose offset is not a stream offset");
            streamed = false;
            break;
        case frame_kind::need_more:
            break;
        }
    });
    if (run.framer().buffered() != 0) {
        ctx.add("events", fuzz::describe(run.events()));
        ctx.fail("the framer still holds " + std::to_string(run.framer().buffered()) +
                 " octets after finish()");
    }
    return 0;
}
