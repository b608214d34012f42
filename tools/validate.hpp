// imapwire tool: the `validate` subcommand, which follows a recorded IMAP connection with the
// RFC 3501 state machine (imapwire::session) and reports every departure from the protocol in
// the style of a compiler's diagnostics. See docs/validate.md.
//
// Registering it with a CLI11 application:
//
//     imapwire_tool::validate_command validate(app);
//     ... app.parse(argc, argv) ...
//     if (validate.parsed())
//         return validate.run();
#pragma once

#include <memory>

namespace CLI {
class App;
}

namespace imapwire_tool {

class validate_command {
public:
    /// Adds the `validate` subcommand and its options to `app`.
    explicit validate_command(CLI::App& app);
    ~validate_command();
    validate_command(const validate_command&) = delete;
    validate_command& operator=(const validate_command&) = delete;

    /// True when the command line chose `validate`.
    bool parsed() const;

    /// Validates the traces named on the command line, writes the report to standard output and
    /// returns the exit status: 0 clean, 1 findings, 2 usage or I/O error.
    int run() const;

    struct settings;

private:
    std::unique_ptr<settings> settings_;
    CLI::App* command_ = nullptr;
};

} // namespace imapwire_tool
