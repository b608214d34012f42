// Fuzz target: a whole connection through the RFC 3501 session state machine (what
// `imapwire validate` runs). The input holds both directions: it starts with the server's bytes,
// and each 0x01 byte passes the turn to the other side. Each side is framed as it arrives (server
// role for the client's bytes, client role for the server's) and every frame goes to
// imapwire::session. Whatever arrives, the session must not crash, hang or leak, and every
// finding must point inside the bytes of the side it is about.
#include <imapwire/framer.hpp>
#include <imapwire/session.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

struct connection {
    imapwire::framer client{imapwire::framer_options{imapwire::role::server}};
    imapwire::framer server{imapwire::framer_options{imapwire::role::client}};
    imapwire::session session;
    std::uint64_t sent[2] = {0, 0}; // bytes of the client, of the server

    void drain(bool from_client) {
        imapwire::framer& f = from_client ? client : server;
        for (imapwire::frame fr = f.next(); fr.kind != imapwire::frame_kind::need_more;
             fr = f.next()) {
            switch (fr.kind) {
            case imapwire::frame_kind::literal:
                if (from_client)
                    session.client_literal(fr.literal);
                break;
            case imapwire::frame_kind::message:
                if (from_client)
                    session.client_message(fr.bytes, fr.offset, fr.as);
                else
                    session.server_message(fr.bytes, fr.offset, fr.as);
                break;
            case imapwire::frame_kind::error:
                session.framing_error(from_client ? imapwire::side::client : imapwire::side::server,
                                      fr.error);
                break;
            default:
                break;
            }
        }
    }

    void feed(bool from_client, std::string_view bytes) {
        (from_client ? client : server).feed(bytes);
        sent[from_client ? 0 : 1] += bytes.size();
        drain(from_client);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    connection c;
    const char* const bytes = reinterpret_cast<const char*>(data);
    bool client_turn = false; // the server speaks first
    std::size_t start = 0;
    for (std::size_t i = 0; i <= size; ++i) {
        if (i < size && data[i] != 0x01)
            continue;
        c.feed(client_turn, std::string_view(bytes + start, i - start));
        client_turn = !client_turn;
        start = i + 1;
    }
    c.client.finish();
    c.server.finish();
    c.drain(true);
    c.drain(false);
    c.session.finish();
    for (const auto& f : c.session.findings()) {
        const std::uint64_t limit = c.sent[f.side == imapwire::side::client ? 0 : 1];
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
