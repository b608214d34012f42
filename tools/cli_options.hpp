// imapwire tool: command-line options that more than one subcommand takes.
#pragma once

#include <imapwire/ext/registry.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace imapwire_tool {

/// --extensions=all|none|NAME[,NAME...] (parse_extension_list), checked by CLI11 with a message
/// that lists the extension names the registry knows.
inline CLI::Option* add_extensions_option(CLI::App& sub, std::string& extensions) {
    const auto check = [](const std::string& v) -> std::string {
        if (imapwire::parse_extension_list(v))
            return {};
        std::string names;
        for (const auto& e : imapwire::extension_registry)
            if (e.id != imapwire::extension::imap4rev1)
                names.append(names.empty() ? "" : ", ").append(e.name);
        return "unknown extension in '" + v + "': give all, none or a comma-separated list of " +
               names;
    };
    return sub
        .add_option("--extensions", extensions,
                    "the extensions whose syntax is accepted (the library's extension registry): "
                    "all, none (strict RFC 3501) or a comma-separated list such as enable,idle")
        ->check(check)
        ->capture_default_str();
}

} // namespace imapwire_tool
