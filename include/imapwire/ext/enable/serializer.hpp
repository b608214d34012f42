// imapwire serializer, ENABLE (RFC 5161): the command's arguments and the ENABLED response.
#pragma once

#include <imapwire/ext/enable/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "ENABLE" 1*(SP capability): after the keyword
inline void write_arguments(writer& w, const ast::enable_command& c) {
    w.require(!c.capabilities.empty());
    for (std::string_view cap : c.capabilities) {
        w.sp();
        write_atom(w, cap);
    }
}

/// enable-data = "ENABLED" *(SP capability)
inline void write_enabled_data(writer& w, const ast::enabled_data& d) {
    w.raw("ENABLED");
    for (std::string_view cap : d.capabilities) {
        w.sp();
        write_atom(w, cap);
    }
}

} // namespace imapwire::serializer
