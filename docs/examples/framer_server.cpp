// The reading side of a server: frame a client's bytes as they arrive, answer "+" to a
// synchronizing literal (or refuse one that is too large), and parse each command.
#include <imapwire/imapwire.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

int main() {
    imapwire::framer_options options;
    options.role = imapwire::role::server;
    options.max_literal_size = 1024; // this server takes small literals only
    imapwire::framer framer(options);

    // What the client sends, in the pieces the network delivers. The client waits for our "+"
    // before sending a synchronizing literal, and sends nothing for one we refuse.
    const std::vector<std::string_view> pieces = {"a1 LOGIN {4}\r\n",
                                                  "fred {6}\r\n",
                                                  "secret\r\na2 SEL",
                                                  "ECT INBOX\r\n",
                                                  "a3 APPEND INBOX {5000000}\r\n",
                                                  "a4 NOOP\r\n"};

    std::string replies; // what the server writes back
    for (std::string_view piece : pieces) {
        framer.feed(piece);
        for (imapwire::frame f = framer.next(); f.kind != imapwire::frame_kind::need_more;
             f = framer.next()) {
            switch (f.kind) {
            case imapwire::frame_kind::literal:
                // within the limits: invite the octets (a {n+} literal needs no invitation)
                if (f.literal.synchronizing)
                    replies += "+ Ready for literal data\r\n";
                break;
            case imapwire::frame_kind::error:
                // the framer refused a literal or a line; answer the tag if we have it
                if (f.error.code == imapwire::error::literal_too_large)
                    replies += std::string(f.tag) + " NO [TOOBIG] literal too large\r\n";
                else
                    replies += "* BAD " + f.error.message() + "\r\n";
                break;
            case imapwire::frame_kind::message: {
                auto cmd = imapwire::parse_command(f.bytes);
                if (cmd)
                    replies += std::string(cmd->tag) + " OK done\r\n";
                else
                    replies += "* BAD " + cmd.error().message() + "\r\n";
                break;
            }
            default:
                break;
            }
        }
    }
    std::cout << replies;
    const std::string expected = "+ Ready for literal data\r\n"
                                 "+ Ready for literal data\r\n"
                                 "a1 OK done\r\n"
                                 "a2 OK done\r\n"
                                 "a3 NO [TOOBIG] literal too large\r\n"
                                 "a4 OK done\r\n";
    return replies == expected ? 0 : 1;
}
