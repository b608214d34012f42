// A program written the way a user of imapwire would write it: parse one command, serialize it
// back and check that the bytes are the same. Exit status 0 on success.
#include <imapwire/imapwire.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

int main() {
    constexpr std::string_view input = "a1 LOGIN fred \"pass word\"\r\n";

    const auto result = imapwire::parse_command(input);
    if (!result.ok()) {
        if (result.incomplete())
            std::fprintf(stderr, "parse_command: input reported as incomplete\n");
        else
            std::fprintf(stderr, "parse_command: %s\n", result.error().message().c_str());
        return 1;
    }
    if (result.consumed() != input.size()) {
        std::fprintf(stderr, "parse_command consumed %zu of %zu bytes\n", result.consumed(),
                     input.size());
        return 1;
    }

    std::string output;
    try {
        output = imapwire::to_string(result.value());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "to_string: %s\n", e.what());
        return 1;
    }
    if (output != input) {
        std::fprintf(stderr, "round trip changed the bytes: got \"%s\"\n", output.c_str());
        return 1;
    }

    std::printf("imapwire %s: parsed and serialized %zu bytes\n", IMAPWIRE_VERSION_STRING,
                output.size());
    return 0;
}
