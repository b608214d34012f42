// Read a FETCH response as a client: the envelope's addresses and the BODYSTRUCTURE tree.
#include <imapwire/imapwire.hpp>

#include <iostream>
#include <string>
#include <variant>

namespace ast = imapwire::ast;

std::string text_of(const ast::nstring& s) {
    return s ? s->value() : "NIL";
}

void print_addresses(const char* field, const ast::address_list& list) {
    if (!list)
        return;
    for (const ast::address& a : *list) {
        if (a.is_group_start())
            std::cout << field << ": group " << text_of(a.mailbox) << '\n';
        else if (!a.is_group_end())
            std::cout << field << ": " << text_of(a.name) << " <" << text_of(a.mailbox) << '@'
                      << text_of(a.host) << ">\n";
    }
}

// Walks a body structure, printing each part with its IMAP part number (BODY[1.2]).
void walk(const ast::body& body, const std::string& part, int depth) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    if (const auto* multi = std::get_if<ast::body_type_mpart>(&body.v)) {
        std::cout << indent << (part.empty() ? "(top)" : part) << " multipart/"
                  << multi->media_subtype.value() << '\n';
        for (std::size_t i = 0; i < multi->parts.size(); ++i)
            walk(multi->parts[i],
                 part.empty() ? std::to_string(i + 1) : part + "." + std::to_string(i + 1),
                 depth + 1);
        return;
    }
    const auto& single = std::get<ast::body_type_1part>(body.v);
    const std::string number = part.empty() ? "1" : part;
    std::visit(
        [&](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            std::cout << indent << number << ' ' << p.media_type.value() << '/'
                      << p.media_subtype.value() << ", " << p.fields.octets << " octets";
            if constexpr (std::is_same_v<T, ast::body_type_msg>) {
                std::cout << ", encloses \"" << text_of(p.envelope->subject) << "\"\n";
                walk(*p.body, number, depth + 1); // parts of the enclosed message: 2.1, 2.2...
            } else {
                std::cout << '\n';
            }
        },
        single.part);
    if (single.extension && single.extension->tail.disposition)
        std::cout << indent << "  disposition " << single.extension->tail.disposition->type.value()
                  << '\n';
}

int main() {
    const std::string line =
        "* 12 FETCH (UID 4827 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" "
        "\"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" "
        "\"cac.washington.edu\")) NIL NIL ((NIL NIL \"imap\" \"cac.washington.edu\")) "
        "((NIL NIL \"team\" NIL)(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")(NIL NIL NIL NIL)) "
        "NIL NIL \"<B27397-0100000@cac.washington.edu>\") "
        "BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23 "
        "NIL NIL NIL NIL)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 900 (NIL \"Minutes\" NIL NIL "
        "NIL NIL NIL NIL NIL NIL) ((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 300 8)(\"APPLICATION\" "
        "\"PDF\" (\"NAME\" \"m.pdf\") NIL NIL \"BASE64\" 400 NIL (\"attachment\" (\"FILENAME\" "
        "\"m.pdf\")) NIL NIL) \"MIXED\") 30 NIL (\"inline\" NIL) NIL NIL) \"MIXED\" "
        "(\"BOUNDARY\" \"b1\") NIL NIL NIL))\r\n";

    auto r = imapwire::parse_response(line);
    if (!r) {
        std::cerr << (r.failed() ? r.error().message() : "incomplete") << '\n';
        return 1;
    }
    // An untagged response is response_data; FETCH is fetch_data with a list of msg-att items.
    const auto& data = std::get<ast::response_data>(r->v);
    const auto& fetch = std::get<ast::fetch_data>(data);
    std::cout << "message " << fetch.number << '\n';
    for (const ast::msg_att_item& item : fetch.items) {
        if (const auto* uid = std::get_if<ast::msg_att_uid>(&item))
            std::cout << "UID " << uid->uid << '\n';
        else if (const auto* env = std::get_if<ast::msg_att_envelope>(&item)) {
            std::cout << "subject: " << text_of(env->envelope.subject) << '\n';
            print_addresses("from", env->envelope.from);
            print_addresses("cc", env->envelope.cc);
        } else if (const auto* structure = std::get_if<ast::msg_att_body>(&item)) {
            walk(structure->body, "", 0);
        }
    }
    return imapwire::to_string(r.value()) == line ? 0 : 1;
}
