// imapwire: the serialize entry points for server messages.
#pragma once

#include <imapwire/impl/serialize_common.hpp>
#include <imapwire/serialize.hpp>
#include <imapwire/serializer/response.hpp>

namespace imapwire {

IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::greeting& g,
                                        const serialize_options& options) {
    return detail::serialize_message(
        out, options, [&](serializer::writer& w) { serializer::write_greeting(w, g); });
}

IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::response& r,
                                        const serialize_options& options) {
    return detail::serialize_message(
        out, options, [&](serializer::writer& w) { serializer::write_response(w, r); });
}

IMAPWIRE_DECL std::error_code serialize(gathered_message& out, const ast::response& r,
                                        const serialize_options& options) {
    return detail::gather_access::serialize(
        out, options, [&](serializer::writer& w) { serializer::write_response(w, r); });
}

} // namespace imapwire
