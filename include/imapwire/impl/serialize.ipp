// imapwire: the serialize entry points.
#pragma once

#include <imapwire/impl/serialize_common.hpp>
#include <imapwire/serialize.hpp>
#include <imapwire/serializer/command.hpp>

namespace imapwire {

IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::command& cmd,
                                        const serialize_options& options) {
    return detail::serialize_message(out, options, [&](serializer::writer& w) {
        w.from_client = true;
        serializer::write_command(w, cmd);
    });
}

IMAPWIRE_DECL std::error_code serialize(gathered_message& out, const ast::command& cmd,
                                        const serialize_options& options) {
    return detail::gather_access::serialize(out, options, [&](serializer::writer& w) {
        w.from_client = true;
        serializer::write_command(w, cmd);
    });
}

IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::authenticate_data& line,
                                        const serialize_options& options) {
    return detail::serialize_message(out, options, [&](serializer::writer& w) {
        w.from_client = true;
        serializer::write_authenticate_data(w, line);
    });
}

IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::idle_done& line,
                                        const serialize_options& options) {
    return detail::serialize_message(out, options, [&](serializer::writer& w) {
        w.from_client = true;
        serializer::write_idle_done(w, line);
    });
}

} // namespace imapwire
