// Fuzz target: a whole connection through imapwire::connection and the session state machine
// (what `imapwire validate` runs). The input holds both directions: it starts with the server's
// bytes, and each 0x01 byte passes the turn to the other side. Each side is framed as it arrives
// (server role for the client's bytes, client role for the server's), every frame goes to the
// session, and after an OK to COMPRESS DEFLATE both sides are inflated. Whatever arrives, the
// connection must not crash, hang or leak, and every finding must point inside the bytes of the
// side it is about (inside what they inflate to, once that side is compressed).
#include <imapwire/connection.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    imapwire::connection c;
    std::uint64_t sent[2] = {0, 0}; // bytes of the client, of the server
    std::uint64_t framed[2] = {0, 0};
    c.on_event([&](const imapwire::connection_event& e) {
        const int s = e.side == imapwire::side::client ? 0 : 1;
        framed[s] = std::max<std::uint64_t>(framed[s], e.frame.offset + e.frame.bytes.size());
    });
    const char* const bytes = reinterpret_cast<const char*>(data);
    bool client_turn = false; // the server speaks first
    std::size_t start = 0;
    for (std::size_t i = 0; i <= size; ++i) {
        if (i < size && data[i] != 0x01)
            continue;
        const auto s = client_turn ? imapwire::side::client : imapwire::side::server;
        c.feed(s, std::string_view(bytes + start, i - start));
        sent[client_turn ? 0 : 1] += i - start;
        client_turn = !client_turn;
        start = i + 1;
    }
    c.finish();
    for (const auto& f : c.findings()) {
        const int s = f.side == imapwire::side::client ? 0 : 1;
        std::uint64_t limit = sent[s];
        if (c.compressed_from(f.side)) // offsets count inflated bytes from there on
            limit = std::max(limit, framed[s]);
        if (f.offset > limit) {
            std::fprintf(stderr, "finding [%s] at offset %llu of a %llu-byte %s stream: %s\n",
                         imapwire::rule_name(f.kind), static_cast<unsigned long long>(f.offset),
                         static_cast<unsigned long long>(limit),
                         f.side == imapwire::side::client ? "client" : "server", f.text.c_str());
            std::abort();
        }
    }
    return 0;
}
