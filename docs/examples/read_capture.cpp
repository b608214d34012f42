// Reads what one server sent, from its bytes alone, with imapwire::stream_reader: every message
// parsed, every byte accounted for, in pieces of any size.
#include <imapwire/stream_reader.hpp>

#include <cstdio>
#include <string>
#include <string_view>

int main() {
    const std::string capture = "* OK [CAPABILITY IMAP4rev1 IDLE] ready\r\n"
                                "* 1 FETCH (FLAGS (\\Seen) BODY[] {11}\r\nHello world)\r\n"
                                "* 2 FETCH (FLAGS (\\Seen)\r\n" // no closing parenthesis
                                "* 3 EXISTS\r\n"
                                "* 4 FETCH (BODY[] {100}\r\nthe capture ends h";

    imapwire::stream_reader_options options;
    options.content = imapwire::stream_content::server; // a greeting, then responses
    imapwire::stream_reader reader(options);
    int parsed = 0, failed = 0;
    reader.on_record([&](const imapwire::stream_record& r) {
        if (r.ok()) {
            ++parsed;
            return;
        }
        ++failed;
        if (r.kind == imapwire::record_kind::truncated && r.missing && r.missing->literal)
            std::printf("at %llu: the stream ends inside a literal of %u octets\n",
                        static_cast<unsigned long long>(r.offset), r.missing->literal->size);
        else if (r.error)
            std::printf("at %llu: %s\n", static_cast<unsigned long long>(r.offset),
                        r.error->message().c_str()); // its offset is a stream offset too
    });
    // as a capture is read: in pieces that end anywhere
    for (std::size_t at = 0; at < capture.size(); at += 16)
        reader.feed(std::string_view(capture).substr(at, 16));
    reader.finish();
    std::printf("%d parsed, %d not\n", parsed, failed);
    // prints "at 92: offset 116: in msg-att: expected ')' (syntax error)", then "at 130: the
    // stream ends inside a literal of 100 octets", then "3 parsed, 2 not"
    return parsed == 3 && failed == 2 ? 0 : 1;
}
